import { Button, Flex, Form, InputNumber, Table, Typography, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api.js';
import { ApiErrorView } from '../components/ApiErrorView.js';
import { PageHeader } from '../components/PageHeader.js';
import { QueryForm } from '../components/QueryForm.js';
import { CHANGE_TYPE_LABELS, changeTypeLabel, formatTime, kindLabel, summarise } from '../labels.js';
import type { Change, ChangesPage as FeedPage } from '../types.js';

const LIMIT = 50;

function field(data: unknown, key: string): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const value = (data as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : null;
}

const COLUMNS: TableColumnsType<Change> = [
  { title: '序号', dataIndex: 'seq', width: 90 },
  {
    title: '类型', dataIndex: 'type', width: 150,
    render: (type: string) => (CHANGE_TYPE_LABELS[type] ? changeTypeLabel(type) : <code>{type}</code>),
  },
  { title: '时间', dataIndex: 'at', width: 180, render: formatTime },
  {
    title: '内容', key: 'subject', ellipsis: true,
    render: (_, c) => {
      if (!c.type.startsWith('subject.')) return summarise(c.data) || '—';
      const name = field(c.data, 'name');
      const kind = field(c.data, 'kind');
      const former = field(c.data, 'formerName');
      if (!name) return <Typography.Text type="secondary">自然人（姓名和身份证号码不在变更流中公开）</Typography.Text>;
      return <>{name}{former && <Typography.Text type="secondary">（原名 {former}）</Typography.Text>}{kind && <Typography.Text type="secondary"> · {kindLabel(kind)}</Typography.Text>}</>;
    },
  },
  { title: '统一社会信用代码', key: 'uscc', width: 200, render: (_, c) => <code>{field(c.data, 'uscc') ?? '—'}</code> },
];

/**
 * 变更流 (GET /changes?after=&limit=): what the caller's department may see, in seq order, paged by
 * `next` (which also skips past changes this caller may not see).
 */
export function ChangesPage() {
  const [form] = Form.useForm<{ after?: number }>();
  const [changes, setChanges] = useState<Change[]>([]);
  const [next, setNext] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [lastEmpty, setLastEmpty] = useState(false);
  const generation = useRef(0);

  const load = useCallback(async (after: number, append: boolean) => {
    const run = ++generation.current;
    setLoading(true);
    setError(null);
    try {
      const page = await api<FeedPage>(`/changes?after=${after}&limit=${LIMIT}`);
      if (run !== generation.current) return;
      setChanges((current) => (append ? [...current, ...page.changes] : page.changes));
      setNext(page.next);
      setLastEmpty(page.changes.length === 0);
    } catch (failure) {
      if (run === generation.current) setError(failure);
    } finally {
      if (run === generation.current) setLoading(false);
    }
  }, []);

  useEffect(() => { void load(0, false); }, [load]);

  return (
    <>
      <PageHeader
        title="变更流"
        description="平台按提交顺序发布的主体变更，对接系统以 GET /api/v1/changes?after=序号 增量同步，不会遗漏。此处显示本部门可见的变更。"
      />
      <QueryForm<{ after?: number }>
        name="changes-query"
        form={form}
        label="变更流起点"
        searchText="读取"
        onSearch={(values) => void load(values.after ?? 0, false)}
        onReset={() => void load(0, false)}
      >
        <Form.Item label="从序号之后" name="after">
          <InputNumber min={0} precision={0} placeholder="0" style={{ width: 160 }} />
        </Form.Item>
      </QueryForm>
      {error ? <ApiErrorView error={error} onRetry={() => void load(next, true)} /> : null}
      <Table<Change>
        rowKey="seq"
        size="middle"
        loading={loading && changes.length === 0}
        columns={COLUMNS}
        dataSource={changes}
        pagination={false}
        locale={{ emptyText: '暂无变更' }}
        scroll={{ x: 900 }}
        expandable={{ expandedRowRender: (c) => <pre className="console-json">{JSON.stringify(c.data, null, 2)}</pre> }}
      />
      <Flex justify="space-between" align="center" style={{ marginTop: 16 }}>
        <Typography.Text type="secondary" data-testid="changes-status">
          已加载 {changes.length} 条，下一页从序号 {next} 之后读取{lastEmpty ? '（暂无更多变更）' : ''}
        </Typography.Text>
        <Button onClick={() => void load(next, true)} loading={loading && changes.length > 0}>加载更多</Button>
      </Flex>
    </>
  );
}
