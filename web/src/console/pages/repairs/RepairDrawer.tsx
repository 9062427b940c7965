import { App, Button, Descriptions, Drawer, Space, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import { ApiErrorView } from '../../components/ApiErrorView.js';
import { CodeTag } from '../../components/CodeTag.js';
import { DueDate } from '../../components/DueDate.js';
import { NoteModal } from '../../components/NoteModal.js';
import { codeLabel, CONDITION, EVIDENCE_KIND, REPAIR_KIND, REPAIR_STATUS } from '../../jointLabels.js';
import { can } from '../../permissions.js';
import type { Condition, Repair } from '../../types-rights.js';
import type { User } from '../../types.js';
import { useApi } from '../../useApi.js';

const DECISIONS = {
  approve: { title: '同意修复', ok: '同意修复', text: '同意后，该名单记录即移出名单，变化推送给各部门（一处修复、处处认可），并出具信用修复证明。' },
  reject: { title: '不予修复', ok: '不予修复', text: '请说明不予修复的理由；申请人凭回执码可查看。' },
} as const;
const APPROVE_RECORD = '同意后，该信用记录即终止公示、停止共享，变化推送给各部门（一处修复、处处认可），并出具信用修复证明。';

/** 修复申请详情 (GET /repairs/{id}): the conditions the platform checked, evidence, commitment; approve / reject. */
export function RepairDrawer({ row, user, onClose, onChanged }: { row: Repair | null; user: User; onClose: () => void; onChanged: () => void }) {
  const detail = useApi<Repair>(row ? `/repairs/${encodeURIComponent(row.id)}` : null);
  const { message } = App.useApp();
  const [deciding, setDeciding] = useState<'approve' | 'reject' | null>(null);
  const r = detail.data && detail.data.id === row?.id ? { ...row, ...detail.data } : undefined;

  const actions = r && r.status === 'submitted' && can.decideRepair(user, r) && (
    <Space>
      <Button type="primary" onClick={() => setDeciding('approve')}>同意修复</Button>
      <Button danger onClick={() => setDeciding('reject')}>不予修复</Button>
    </Space>
  );

  return (
    <Drawer title={row ? `信用修复 ${row.receiptCode}` : '信用修复'} open={row !== null} size={760} onClose={onClose} extra={actions} destroyOnHidden>
      {detail.error ? <ApiErrorView error={detail.error} onRetry={detail.reload} /> : !r ? (
        <Spin spinning description="正在加载……"><div style={{ minHeight: 160 }} /></Spin>
      ) : (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions bordered size="small" column={1} styles={{ label: { width: 140 } }} items={[
            { key: 'status', label: '状态', children: <CodeTag table={REPAIR_STATUS} code={r.status} /> },
            { key: 'due', label: '审核期限', children: <DueDate on={r.decideDueOn} overdue={r.overdue} done={r.status !== 'submitted'} /> },
            { key: 'subject', label: '主体', children: r.subject ? <>{r.subject.name} <code>{r.subject.uscc ?? r.subject.idNumberMasked}</code></> : '—' },
            { key: 'kind', label: '修复类型', children: codeLabel(REPAIR_KIND, r.kind) },
            { key: 'reason', label: '申请理由', children: <span style={{ whiteSpace: 'pre-wrap' }}>{r.reason}</span> },
            { key: 'commitment', label: '信用修复承诺', children: <span style={{ whiteSpace: 'pre-wrap' }}>{r.commitment ?? '—'}</span> },
            {
              key: 'evidence', label: '证明材料',
              children: r.evidence?.length ? (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {r.evidence.map((x, i) => <li key={i}>{codeLabel(EVIDENCE_KIND, x.kind)}：{x.url ? <a href={x.url} target="_blank" rel="noreferrer">{x.name}</a> : x.name}</li>)}
                </ul>
              ) : '无',
            },
            { key: 'applicant', label: '申请人', children: <>{r.applicant.name}{r.applicant.contact && <Typography.Text type="secondary">（{r.applicant.contact}）</Typography.Text>}</> },
            { key: 'submitted', label: '提交日期', children: r.submittedOn },
            { key: 'note', label: '审核意见', children: r.decisionNote ?? '—' },
            {
              key: 'certificate', label: '修复证明',
              children: r.certificateNo
                ? <a href={`/api/v1/public/repairs/${encodeURIComponent(r.receiptCode)}/certificate`} target="_blank" rel="noreferrer">{r.certificateNo}</a>
                : '—',
            },
          ]} />
          <section aria-label="平台核验的修复条件">
            <Typography.Title level={5}>平台核验的修复条件</Typography.Title>
            <Typography.Paragraph type="secondary">提交时平台已自动核验下列条件；不满足的申请不予受理。其余事实（如义务是否确已履行）请审核材料后决定。</Typography.Paragraph>
            <Table<Condition> rowKey="code" size="small" pagination={false} dataSource={r.conditions ?? []} columns={[
              { title: '条件', dataIndex: 'code', width: 170, render: (c: string) => codeLabel(CONDITION, c) },
              { title: '结果', dataIndex: 'met', width: 90, render: (met: boolean) => (met ? <Typography.Text type="success">✓ 满足</Typography.Text> : <Typography.Text type="danger">✗ 不满足</Typography.Text>) },
              { title: '说明', dataIndex: 'message' },
            ]} />
          </section>
        </Space>
      )}
      {r && deciding && (
        <NoteModal name={`repair-${deciding}`} title={DECISIONS[deciding].title} open field="note" label="审核意见" okText={DECISIONS[deciding].ok}
          description={deciding === 'approve' && r.target.type === 'record' ? APPROVE_RECORD : DECISIONS[deciding].text}
          onSubmit={async (note) => {
            await api(`/repairs/${encodeURIComponent(r.id)}/${deciding}`, { method: 'POST', body: { note } });
            message.success(deciding === 'approve' ? (r.target.type === 'record' ? '已同意修复，该信用记录已终止公示' : '已同意修复，名单记录已移出') : '已作出不予修复的决定');
            detail.reload();
            onChanged();
          }}
          onClose={() => setDeciding(null)} />
      )}
    </Drawer>
  );
}
