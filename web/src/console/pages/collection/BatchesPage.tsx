import { Button, DatePicker, Form, Select, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { navigate, useLocation } from '../../../shared/router.js';
import { isoDate } from '../../actions.js';
import { BATCH_STATUS } from '../../collectionLabels.js';
import { ApiErrorView } from '../../components/ApiErrorView.js';
import { CodeTag } from '../../components/CodeTag.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Pager } from '../../components/Pager.js';
import { QueryForm } from '../../components/QueryForm.js';
import { formatTime } from '../../labels.js';
import { useDepartmentOptions, useInfoTypes } from '../../lookups.js';
import { can, isPlatform } from '../../permissions.js';
import type { Batch } from '../../types-collection.js';
import type { Items, User } from '../../types.js';
import { useApi } from '../../useApi.js';
import { BatchDrawer } from './BatchDrawer.js';

type DateValue = { format(pattern: string): string };
interface Filter { type?: string; department?: string; started?: [DateValue, DateValue] | null }

const PAGE_SIZE = 20;
export const BATCHES_PATH = '/console/collection/batches';

function batchesPath(filter: Filter, page: number): string {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE + 1), offset: String((page - 1) * PAGE_SIZE) });
  if (filter.type) params.set('type', filter.type);
  if (filter.department) params.set('department', filter.department);
  const [from, to] = filter.started ?? [];
  if (from) params.set('from', isoDate(from)!);
  if (to) params.set('to', isoDate(to)!);
  return `/collection/batches?${params}`;
}

const count = (n: number, color?: string) => (n ? <span style={{ color, fontVariantNumeric: 'tabular-nums' }}>{n}</span> : <Typography.Text type="secondary">0</Typography.Text>);

/** 导入批次 (GET /collection/batches): the department's deliveries (the credit office: every department's); ?batch=ID opens one. */
export function BatchesPage({ user }: { user: User }) {
  const [form] = Form.useForm<Filter>();
  const [filter, setFilter] = useState<Filter>({});
  const [page, setPage] = useState(1);
  const { search } = useLocation();
  const openId = search.get('batch');
  const batches = useApi<Items<Batch>>(batchesPath(filter, page));
  const types = useInfoTypes();
  const departments = useDepartmentOptions(undefined, isPlatform(user));
  const items = batches.data?.items ?? [];
  const open = (id: string | null) => navigate(id ? `${BATCHES_PATH}?batch=${encodeURIComponent(id)}` : BATCHES_PATH);

  const columns: TableColumnsType<Batch> = [
    {
      title: '文件', key: 'file', width: 260, ellipsis: true,
      render: (_, b) => <Button type="link" className="console-cell-link" onClick={() => open(b.batchId)}>{b.fileName}</Button>,
    },
    { title: '信息类别', dataIndex: 'infoType', width: 110, render: (t: string) => types.names.get(t) ?? t },
    ...(isPlatform(user) ? [{ title: '报送部门', dataIndex: ['department', 'name'], width: 170, ellipsis: true }] : []),
    { title: '导入时间', dataIndex: 'startedAt', width: 165, render: formatTime },
    { title: '总行数', dataIndex: 'total', width: 80, align: 'right' as const },
    { title: '新增', dataIndex: 'accepted', width: 70, align: 'right' as const, render: (n: number) => count(n, '#389e0d') },
    { title: '更新版本', dataIndex: 'versioned', width: 85, align: 'right' as const, render: (n: number) => count(n) },
    { title: '未变化', dataIndex: 'unchanged', width: 80, align: 'right' as const, render: (n: number) => count(n) },
    { title: '拒绝', dataIndex: 'rejected', width: 70, align: 'right' as const, render: (n: number) => count(n, '#cf1322') },
    { title: '状态', dataIndex: 'status', width: 100, render: (s: string) => <CodeTag table={BATCH_STATUS} code={s} /> },
    { title: '操作', key: 'actions', width: 80, fixed: 'right', render: (_, b) => <Button type="link" size="small" onClick={() => open(b.batchId)}>详情</Button> },
  ];

  function searchBatches(values: Filter) {
    setFilter({ ...values });
    setPage(1);
  }

  return (
    <>
      <PageHeader
        title="导入批次"
        description="每次上报的文件及其结果：新增、更新版本、未变化和被拒绝的行数。打开批次可查看被拒绝的行及原因，并下载为 Excel 修改后重新上报。"
        extra={can.deliver(user) && <Button type="primary" onClick={() => navigate('/console/collection/upload')}>上报数据</Button>}
      />
      <QueryForm<Filter> name="batch-query" form={form} label="查询导入批次" onSearch={searchBatches} onReset={() => searchBatches({})}>
        <Form.Item label="信息类别" name="type">
          <Select placeholder="全部" allowClear style={{ width: 180 }} options={types.items.map((t) => ({ value: t.code, label: t.name }))} />
        </Form.Item>
        {isPlatform(user) && (
          <Form.Item label="报送部门" name="department">
            <Select placeholder="全部" allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 220 }} popupMatchSelectWidth={false} options={departments} />
          </Form.Item>
        )}
        <Form.Item label="导入日期" name="started">
          <DatePicker.RangePicker placeholder={['开始日期', '结束日期']} style={{ width: 260 }} />
        </Form.Item>
      </QueryForm>
      {batches.error ? <ApiErrorView error={batches.error} onRetry={batches.reload} /> : (
        <>
          <Table<Batch> rowKey="batchId" size="middle" loading={batches.loading} columns={columns} dataSource={items.slice(0, PAGE_SIZE)}
            pagination={false} locale={{ emptyText: '暂无导入批次' }} scroll={{ x: 1300 }} onRow={(b) => ({ onDoubleClick: () => open(b.batchId) })} />
          <Pager page={page} hasMore={items.length > PAGE_SIZE} loading={batches.loading} onChange={setPage} />
        </>
      )}
      <BatchDrawer id={openId} typeNames={types.names} onClose={() => open(null)} />
    </>
  );
}
