import { Button, DatePicker, Form, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { isoDate } from '../../actions.js';
import { ApiErrorView } from '../../components/ApiErrorView.js';
import { CodeTag } from '../../components/CodeTag.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Pager } from '../../components/Pager.js';
import { QueryForm } from '../../components/QueryForm.js';
import { asOptions, ENTRY_STATUS, LIST_KIND, termText } from '../../jointLabels.js';
import { useListTypes } from '../../lookups.js';
import { can, isPlatform } from '../../permissions.js';
import type { ListEntry } from '../../types-joint.js';
import type { Items, User } from '../../types.js';
import { useApi } from '../../useApi.js';
import { EntryBatchModal } from './EntryBatchModal.js';
import { EntryDrawer } from './EntryDrawer.js';
import { EntryPublishModal } from './EntryPublishModal.js';

type DateValue = { format(pattern: string): string };

interface Filter {
  listType?: string;
  status?: string;
  decided?: [DateValue, DateValue] | null;
}

const PAGE_SIZE = 20;

function entriesPath(filter: Filter, page: number): string {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE + 1), offset: String((page - 1) * PAGE_SIZE) });
  if (filter.listType) params.set('listType', filter.listType);
  if (filter.status) params.set('status', filter.status);
  const [from, to] = filter.decided ?? [];
  if (from) params.set('decidedFrom', isoDate(from)!);
  if (to) params.set('decidedTo', isoDate(to)!);
  return `/list-entries?${params}`;
}

/** 名单记录 (GET /list-entries): the department's own entries (the credit office: all); 认定列入 for initiating departments. */
export function EntriesPage({ user }: { user: User }) {
  const [form] = Form.useForm<Filter>();
  const [filter, setFilter] = useState<Filter>({});
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [batching, setBatching] = useState(false);
  const entries = useApi<Items<ListEntry>>(entriesPath(filter, page));
  const types = useListTypes();
  const mine = useMemo(() => types.items.filter((t) => can.publishTo(user, t)), [types.items, user]);
  const items = entries.data?.items ?? [];

  const columns: TableColumnsType<ListEntry> = [
    {
      title: '主体', key: 'subject',
      render: (_, e) => (
        <>
          <Button type="link" className="console-cell-link" onClick={() => setOpenId(e.id)}>{e.subject.name}</Button>
          <div><Typography.Text type="secondary" style={{ fontSize: 12 }}><code>{e.subject.uscc ?? e.subject.idNumberMasked}</code></Typography.Text></div>
        </>
      ),
    },
    { title: '名单类型', key: 'type', width: 230, render: (_, e) => <Space size={4}><CodeTag table={LIST_KIND} code={e.kind} />{e.listTypeName}</Space> },
    { title: '认定文书号', dataIndex: 'decisionNo', width: 180, ellipsis: true },
    { title: '认定日期', dataIndex: 'decidedOn', width: 110 },
    { title: '有效期', key: 'term', width: 210, render: (_, e) => termText(e.startsOn, e.endsOn) },
    ...(isPlatform(user) ? [{ title: '认定部门', dataIndex: ['department', 'name'], width: 150, ellipsis: true }] : []),
    { title: '状态', dataIndex: 'status', width: 150, render: (s: string) => <CodeTag table={ENTRY_STATUS} code={s} /> },
    { title: '操作', key: 'actions', width: 80, render: (_, e) => <Button type="link" size="small" onClick={() => setOpenId(e.id)}>详情</Button> },
  ];

  function search(values: Filter) {
    setFilter({ ...values });
    setPage(1);
  }

  return (
    <>
      <PageHeader
        title="名单记录"
        description="本部门认定的红黑名单记录（信用办可查看全部）。列入后，平台向各实施部门推送响应任务；核实中的记录暂停执行联合奖惩措施。"
        extra={mine.length > 0 && user.role !== 'system' && (
          <Space>
            <Button onClick={() => setBatching(true)}>批量认定</Button>
            <Button type="primary" onClick={() => setPublishing(true)}>认定列入</Button>
          </Space>
        )}
      />
      <QueryForm<Filter> name="entry-query" form={form} label="查询名单记录" onSearch={search} onReset={() => search({})}>
        <Form.Item label="名单类型" name="listType">
          <Select placeholder="全部" allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 220 }} popupMatchSelectWidth={false}
            options={types.items.map((t) => ({ value: t.code, label: t.name }))} />
        </Form.Item>
        <Form.Item label="状态" name="status">
          <Select placeholder="全部" allowClear style={{ width: 170 }} options={asOptions(ENTRY_STATUS)} />
        </Form.Item>
        <Form.Item label="认定日期" name="decided">
          <DatePicker.RangePicker placeholder={['开始日期', '结束日期']} style={{ width: 260 }} />
        </Form.Item>
      </QueryForm>
      {entries.error ? <ApiErrorView error={entries.error} onRetry={entries.reload} /> : (
        <>
          <Table<ListEntry>
            rowKey="id"
            size="middle"
            loading={entries.loading}
            columns={columns}
            dataSource={items.slice(0, PAGE_SIZE)}
            pagination={false}
            locale={{ emptyText: '暂无名单记录' }}
            scroll={{ x: 1150 }}
            onRow={(e) => ({ onDoubleClick: () => setOpenId(e.id) })}
          />
          <Pager page={page} hasMore={items.length > PAGE_SIZE} loading={entries.loading} onChange={setPage} />
        </>
      )}
      <EntryDrawer id={openId} user={user} onClose={() => setOpenId(null)} onChanged={entries.reload} />
      {mine.length > 0 && (
        <EntryPublishModal
          listTypes={mine}
          open={publishing}
          onClose={() => setPublishing(false)}
          onPublished={(e) => { entries.reload(); setOpenId(e.id); }}
        />
      )}
      {mine.length > 0 && batching && (
        <EntryBatchModal listTypes={mine} open onClose={() => setBatching(false)} onDone={entries.reload} />
      )}
    </>
  );
}
