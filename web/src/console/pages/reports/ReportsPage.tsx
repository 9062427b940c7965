import { Button, Form, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { ApiErrorView } from '../../components/ApiErrorView.js';
import { CodeTag } from '../../components/CodeTag.js';
import { DueDate } from '../../components/DueDate.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryForm } from '../../components/QueryForm.js';
import { asOptions, REPORT_STATUS } from '../../jointLabels.js';
import type { ReportRow } from '../../types-rights.js';
import type { Items, User } from '../../types.js';
import { useApi } from '../../useApi.js';
import { handlerName, ReportDrawer } from './ReportDrawer.js';

/** 失信举报 (GET /reports): the credit office sees all and assigns; others the reports assigned to them or their department. */
export function ReportsPage({ user }: { user: User }) {
  const [form] = Form.useForm<{ status?: string }>();
  const [status, setStatus] = useState<string | undefined>();
  const reports = useApi<Items<ReportRow>>(status ? `/reports?status=${status}` : '/reports');
  const [open, setOpen] = useState<ReportRow | null>(null);

  const columns: TableColumnsType<ReportRow> = [
    { title: '回执码', dataIndex: 'receiptCode', width: 190, render: (c: string, r) => <Button type="link" className="console-cell-link" onClick={() => setOpen(r)}><code>{c}</code></Button> },
    {
      title: '被举报主体', key: 'subject',
      render: (_, r) => <><div>{r.subject.name}</div>{r.subject.uscc && <Typography.Text type="secondary" style={{ fontSize: 12 }}><code>{r.subject.uscc}</code></Typography.Text>}</>,
    },
    { title: '承办人', dataIndex: 'handler', width: 220, ellipsis: true, render: (h: ReportRow['handler']) => (h ? handlerName(h) : <Typography.Text type="secondary">未分派</Typography.Text>) },
    { title: '举报方式', dataIndex: 'anonymous', width: 100, render: (a: boolean) => (a ? <Tag>匿名</Tag> : <Tag color="blue">实名</Tag>) },
    { title: '提交日期', dataIndex: 'submittedOn', width: 110 },
    { title: '办理期限', key: 'due', width: 150, render: (_, r) => <DueDate on={r.handleDueOn} overdue={r.overdue} done={r.status === 'closed'} /> },
    { title: '状态', dataIndex: 'status', width: 100, render: (s: string, r) => <Space size={4}><CodeTag table={REPORT_STATUS} code={s} />{r.mine && <Tag color="purple">我承办</Tag>}</Space> },
    { title: '操作', key: 'actions', width: 80, fixed: 'right', render: (_, r) => <Button type="link" size="small" onClick={() => setOpen(r)}>办理</Button> },
  ];

  return (
    <>
      <PageHeader
        title="失信举报"
        description="公众举报的失信行为。信用办分派承办人；实名举报人的身份只有承办人可见（每次查看记入审计），对其他人一律保密。"
      />
      <QueryForm<{ status?: string }> name="report-query" form={form} label="查询举报" onSearch={(v) => setStatus(v.status)} onReset={() => setStatus(undefined)}>
        <Form.Item label="状态" name="status">
          <Select placeholder="全部" allowClear style={{ width: 130 }} options={asOptions(REPORT_STATUS)} />
        </Form.Item>
      </QueryForm>
      {reports.error ? <ApiErrorView error={reports.error} onRetry={reports.reload} /> : (
        <Table<ReportRow> rowKey="id" size="middle" loading={reports.loading} columns={columns} dataSource={reports.data?.items ?? []}
          rowClassName={(r) => (r.overdue ? 'console-row-overdue' : '')}
          locale={{ emptyText: '暂无举报' }} pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 件` }} scroll={{ x: 1200 }} />
      )}
      <ReportDrawer row={open} user={user} onClose={() => setOpen(null)} onChanged={reports.reload} />
    </>
  );
}
