import { Button, Checkbox, Form, Select, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { ApiErrorView } from '../../components/ApiErrorView.js';
import { CodeTag } from '../../components/CodeTag.js';
import { DueDate } from '../../components/DueDate.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryForm } from '../../components/QueryForm.js';
import { asOptions, OBJECTION_STATUS } from '../../jointLabels.js';
import { isPlatform } from '../../permissions.js';
import type { Objection } from '../../types-rights.js';
import type { Items, User } from '../../types.js';
import { useApi } from '../../useApi.js';
import { ObjectionDrawer } from './ObjectionDrawer.js';

interface Filter {
  status?: string;
  overdue?: boolean;
}

function objectionsPath(f: Filter): string {
  const params = new URLSearchParams({ limit: '200' });
  if (f.status) params.set('status', f.status);
  if (f.overdue) params.set('overdue', 'true');
  return `/objections?${params}`;
}

/** 异议处理 (GET /objections): the credit office accepts, returns or forwards; the provider decides. */
export function ObjectionsPage({ user }: { user: User }) {
  const [form] = Form.useForm<Filter>();
  const [filter, setFilter] = useState<Filter>({});
  const objections = useApi<Items<Objection>>(objectionsPath(filter));
  const [open, setOpen] = useState<Objection | null>(null);

  const columns: TableColumnsType<Objection> = [
    { title: '回执码', dataIndex: 'receiptCode', width: 190, render: (c: string, o) => <Button type="link" className="console-cell-link" onClick={() => setOpen(o)}><code>{c}</code></Button> },
    {
      title: '主体', key: 'subject',
      render: (_, o) => <><div>{o.subject?.name ?? '—'}</div><Typography.Text type="secondary" style={{ fontSize: 12 }}><code>{o.subject?.uscc ?? o.subject?.idNumberMasked}</code></Typography.Text></>,
    },
    { title: '申请人', dataIndex: ['applicant', 'name'], width: 100 },
    { title: '提交日期', dataIndex: 'submittedOn', width: 110 },
    { title: '本环节期限', key: 'due', width: 150, render: (_, o) => <DueDate on={o.dueOn} overdue={o.overdue} /> },
    { title: '状态', dataIndex: 'status', width: 140, render: (s: string) => <CodeTag table={OBJECTION_STATUS} code={s} /> },
    ...(isPlatform(user) ? [{ title: '数源单位', dataIndex: ['provider', 'name'], width: 150, ellipsis: true }] : []),
    { title: '操作', key: 'actions', width: 80, fixed: 'right', render: (_, o) => <Button type="link" size="small" onClick={() => setOpen(o)}>办理</Button> },
  ];

  return (
    <>
      <PageHeader
        title="异议处理"
        description="公众对名单记录提出的异议：信用办 1 个工作日内受理（受理后暂停执行相关措施）或退回，2 个工作日内转数源单位；数源单位 5 个工作日内作出决定。期限按工作日计算，逾期以红色标出。"
      />
      <QueryForm<Filter> name="objection-query" form={form} label="查询异议" onSearch={setFilter} onReset={() => setFilter({})}>
        <Form.Item label="状态" name="status">
          <Select placeholder="全部" allowClear style={{ width: 170 }} options={asOptions(OBJECTION_STATUS)} />
        </Form.Item>
        <Form.Item name="overdue" valuePropName="checked">
          <Checkbox>只看逾期</Checkbox>
        </Form.Item>
      </QueryForm>
      {objections.error ? <ApiErrorView error={objections.error} onRetry={objections.reload} /> : (
        <Table<Objection> rowKey="id" size="middle" loading={objections.loading} columns={columns} dataSource={objections.data?.items ?? []}
          rowClassName={(o) => (o.overdue ? 'console-row-overdue' : '')}
          locale={{ emptyText: '暂无异议' }} pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 件` }} scroll={{ x: 1100 }} />
      )}
      <ObjectionDrawer row={open} user={user} onClose={() => setOpen(null)} onChanged={objections.reload} />
    </>
  );
}
