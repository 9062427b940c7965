import { Button, Drawer, Segmented, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { ApiErrorView } from '../../components/ApiErrorView.js';
import { CodeTag } from '../../components/CodeTag.js';
import { DueDate } from '../../components/DueDate.js';
import { PageHeader } from '../../components/PageHeader.js';
import { codeLabel, FEEDBACK_ACTION, FEEDBACK_STATUS, NATURE, OUTCOME } from '../../jointLabels.js';
import { formatTime } from '../../labels.js';
import { useListTypes } from '../../lookups.js';
import type { CheckDetail, CheckSummary } from '../../types-joint.js';
import type { Items } from '../../types.js';
import { useApi } from '../../useApi.js';
import { CheckResultView } from './CheckResultView.js';
import { FeedbackModal } from './FeedbackModal.js';

type StatusFilter = 'open' | 'overdue' | 'closed';

function CheckDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const detail = useApi<CheckDetail>(id ? `/checks/${encodeURIComponent(id)}` : null);
  const listTypes = useListTypes();
  const check = detail.data?.checkId === id ? detail.data : undefined;
  return (
    <Drawer title="核查记录" open={id !== null} size={860} onClose={onClose} destroyOnHidden>
      {detail.error ? <ApiErrorView error={detail.error} onRetry={detail.reload} /> : null}
      {check && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Text type="secondary">核查时间 {formatTime(check.createdAt)} · 事项 {check.matter.name}</Typography.Text>
          <CheckResultView result={{ ...check, feedbackDueOn: null }} listTypes={listTypes.byCode} />
          {check.feedback && (
            <section aria-label="执行反馈">
              <Typography.Title level={5}>执行反馈（{formatTime(check.feedback.createdAt)}）</Typography.Title>
              <ul>
                {check.feedback.measures.map((m) => (
                  <li key={m.code}>
                    {check.measures.find((x) => x.code === m.code)?.title ?? m.code}：{codeLabel(FEEDBACK_ACTION, m.action)}{m.reason ? `（${m.reason}）` : ''}
                  </li>
                ))}
              </ul>
              <Typography.Paragraph>涉及金额：{check.feedback.amount ?? '—'}；说明：{check.feedback.note}</Typography.Paragraph>
            </section>
          )}
        </Space>
      )}
    </Drawer>
  );
}

/** 待反馈 (GET /checks?status=open|overdue|closed): checks that returned measures, with their due dates. */
export function FeedbackPage() {
  const [status, setStatus] = useState<StatusFilter>('open');
  const checks = useApi<Items<CheckSummary>>(`/checks?status=${status}&limit=200`);
  const [feedbackFor, setFeedbackFor] = useState<string | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);

  const columns: TableColumnsType<CheckSummary> = [
    { title: '核查时间', dataIndex: 'createdAt', width: 170, render: formatTime },
    {
      title: '主体', key: 'subject',
      render: (_, c) => <><div>{c.subject.name ?? '—'}</div><Typography.Text type="secondary" style={{ fontSize: 12 }}><code>{c.subject.uscc ?? c.subject.idNumberMasked}</code></Typography.Text></>,
    },
    { title: '业务事项', key: 'matter', width: 190, render: (_, c) => c.matter.name },
    { title: '结果', dataIndex: 'outcome', width: 90, render: (o: string) => <CodeTag table={OUTCOME} code={o} /> },
    {
      title: '措施', dataIndex: 'measures', width: 260,
      render: (ms: CheckSummary['measures']) => ms.map((m) => <div key={m.code}>{m.title} <CodeTag table={NATURE} code={m.nature} /></div>),
    },
    { title: '反馈期限', key: 'due', width: 150, render: (_, c) => <DueDate on={c.feedbackDueOn} overdue={c.overdue} done={c.feedbackStatus === 'closed'} /> },
    { title: '状态', dataIndex: 'feedbackStatus', width: 90, render: (s: string) => <CodeTag table={FEEDBACK_STATUS} code={s} /> },
    {
      title: '操作', key: 'actions', width: 130, fixed: 'right',
      render: (_, c) => (
        <Space size={0}>
          {c.feedbackStatus === 'open' && <Button type="link" size="small" onClick={() => setFeedbackFor(c.checkId)}>反馈</Button>}
          <Button type="link" size="small" onClick={() => setViewing(c.checkId)}>详情</Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader title="待反馈" description="核查返回措施的，须在 5 个工作日内逐项反馈执行情况（执行反馈）。逾期未反馈的以红色标出。" />
      <Segmented<StatusFilter>
        style={{ marginBottom: 16 }}
        value={status}
        onChange={setStatus}
        options={[{ value: 'open', label: '待反馈' }, { value: 'overdue', label: '已逾期' }, { value: 'closed', label: '已反馈' }]}
      />
      {checks.error ? <ApiErrorView error={checks.error} onRetry={checks.reload} /> : (
        <Table<CheckSummary> rowKey="checkId" size="middle" loading={checks.loading} columns={columns} dataSource={checks.data?.items ?? []}
          rowClassName={(c) => (c.overdue ? 'console-row-overdue' : '')}
          locale={{ emptyText: status === 'closed' ? '暂无已反馈的核查' : '没有待反馈的核查' }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 条` }} scroll={{ x: 1250 }} />
      )}
      <FeedbackModal checkId={feedbackFor} onClose={() => setFeedbackFor(null)} onDone={() => checks.reload()} />
      <CheckDrawer id={viewing} onClose={() => setViewing(null)} />
    </>
  );
}
