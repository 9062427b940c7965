import { Button, Checkbox, Form, Select, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { ApiErrorView } from '../../components/ApiErrorView.js';
import { CodeTag } from '../../components/CodeTag.js';
import { DueDate } from '../../components/DueDate.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryForm } from '../../components/QueryForm.js';
import { asOptions, codeLabel, REPAIR_KIND, REPAIR_STATUS } from '../../jointLabels.js';
import { isPlatform } from '../../permissions.js';
import type { Repair } from '../../types-rights.js';
import type { Items, User } from '../../types.js';
import { useApi } from '../../useApi.js';
import { RepairDrawer } from './RepairDrawer.js';

interface Filter {
  status?: string;
  overdue?: boolean;
}

function repairsPath(f: Filter): string {
  const params = new URLSearchParams({ limit: '200' });
  if (f.status) params.set('status', f.status);
  if (f.overdue) params.set('overdue', 'true');
  return `/repairs?${params}`;
}

/** 信用修复 (GET /repairs): requests the platform found eligible; the initiating department approves or rejects in 10 working days. */
export function RepairsPage({ user }: { user: User }) {
  const [form] = Form.useForm<Filter>();
  const [filter, setFilter] = useState<Filter>({});
  const repairs = useApi<Items<Repair>>(repairsPath(filter));
  const [open, setOpen] = useState<Repair | null>(null);

  const columns: TableColumnsType<Repair> = [
    { title: '回执码', dataIndex: 'receiptCode', width: 190, render: (c: string, r) => <Button type="link" className="console-cell-link" onClick={() => setOpen(r)}><code>{c}</code></Button> },
    {
      title: '主体', key: 'subject',
      render: (_, r) => <><div>{r.subject?.name ?? '—'}</div><Typography.Text type="secondary" style={{ fontSize: 12 }}><code>{r.subject?.uscc ?? r.subject?.idNumberMasked}</code></Typography.Text></>,
    },
    { title: '修复类型', dataIndex: 'kind', width: 170, render: (k: string) => codeLabel(REPAIR_KIND, k) },
    { title: '申请人', dataIndex: ['applicant', 'name'], width: 100 },
    { title: '提交日期', dataIndex: 'submittedOn', width: 110 },
    { title: '审核期限', key: 'due', width: 150, render: (_, r) => <DueDate on={r.decideDueOn} overdue={r.overdue} done={r.status !== 'submitted'} /> },
    { title: '状态', dataIndex: 'status', width: 90, render: (s: string) => <CodeTag table={REPAIR_STATUS} code={s} /> },
    ...(isPlatform(user) ? [{ title: '认定部门', dataIndex: ['decider', 'name'], width: 140, ellipsis: true }] : []),
    { title: '操作', key: 'actions', width: 80, fixed: 'right', render: (_, r) => <Button type="link" size="small" onClick={() => setOpen(r)}>办理</Button> },
  ];

  return (
    <>
      <PageHeader
        title="信用修复"
        description="平台已核验可自动判断的修复条件（可修复、最短期限、无新增失信记录、修复次数、承诺和材料），不符合的当场告知申请人、不予受理。认定部门在 10 个工作日内审核；同意后名单记录即移出并出具修复证明。"
      />
      <QueryForm<Filter> name="repair-query" form={form} label="查询修复申请" onSearch={setFilter} onReset={() => setFilter({})}>
        <Form.Item label="状态" name="status">
          <Select placeholder="全部" allowClear style={{ width: 130 }} options={asOptions(REPAIR_STATUS)} />
        </Form.Item>
        <Form.Item name="overdue" valuePropName="checked">
          <Checkbox>只看逾期</Checkbox>
        </Form.Item>
      </QueryForm>
      {repairs.error ? <ApiErrorView error={repairs.error} onRetry={repairs.reload} /> : (
        <Table<Repair> rowKey="id" size="middle" loading={repairs.loading} columns={columns} dataSource={repairs.data?.items ?? []}
          rowClassName={(r) => (r.overdue ? 'console-row-overdue' : '')}
          locale={{ emptyText: '暂无修复申请' }} pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 件` }} scroll={{ x: 1150 }} />
      )}
      <RepairDrawer row={open} user={user} onClose={() => setOpen(null)} onChanged={repairs.reload} />
    </>
  );
}
