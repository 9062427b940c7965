import { App, Button, Descriptions, Drawer, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { runAction } from '../../actions.js';
import { api } from '../../api.js';
import { ApiErrorView } from '../../components/ApiErrorView.js';
import { CodeTag } from '../../components/CodeTag.js';
import { DueDate } from '../../components/DueDate.js';
import { NoteModal } from '../../components/NoteModal.js';
import { codeLabel, ENTRY_STATUS, OBJECTION_OUTCOME, OBJECTION_STATUS, termText } from '../../jointLabels.js';
import { can } from '../../permissions.js';
import type { ListEntry } from '../../types-joint.js';
import type { Objection } from '../../types-rights.js';
import type { User } from '../../types.js';
import { useApi } from '../../useApi.js';
import { DecideModal } from './DecideModal.js';
import { RECORD_OUTCOME, RecordSummary, useRecordTarget } from './RecordTarget.js';

interface ObjectionDrawerProps {
  row: Objection | null;
  user: User;
  onClose: () => void;
  onChanged: () => void;
}

/** 异议详情 (GET /objections/{id}) with the entry or credit record it concerns, and the actions the user may take at its stage. */
export function ObjectionDrawer({ row, user, onClose, onChanged }: ObjectionDrawerProps) {
  const detail = useApi<Objection>(row ? `/objections/${encodeURIComponent(row.id)}` : null);
  const entry = useApi<ListEntry>(row?.target.type === 'entry' ? `/list-entries/${encodeURIComponent(row.target.id)}` : null);
  const record = useRecordTarget(row?.target.type === 'record' ? row.target.id : null);
  const isRecord = row?.target.type === 'record';
  const { message, modal } = App.useApp();
  const [dialog, setDialog] = useState<'return' | 'decide' | null>(null);
  const o = detail.data && detail.data.id === row?.id ? { ...row, ...detail.data } : undefined;
  const e = entry.data && entry.data.id === row?.target.id ? entry.data : undefined;

  function changed() {
    detail.reload();
    entry.reload();
    record.record.reload();
    onChanged();
  }

  // the body (an optional note) must be an object: the API refuses an empty one
  function confirmStep(step: 'accept' | 'forward') {
    const accept = step === 'accept';
    modal.confirm({
      title: accept ? '受理该异议？' : '转数源单位核实？',
      content: accept && isRecord
        ? '受理后，该信用记录标注“异议处理中”（门户和共享中均显示该标注），并通知各部门。'
        : accept
        ? '受理后，该名单记录进入“核实中”，核实期间暂停执行其联合奖惩措施，并通知各实施部门。'
        : `转 ${o?.provider?.name ?? '数源单位'} 核实，由其在期限内作出处理决定。`,
      okText: accept ? '受理' : '转办', cancelText: '取消',
      onOk: async () => {
        if (await runAction(message, () => api(`/objections/${encodeURIComponent(o!.id)}/${step}`, { method: 'POST' }), accept ? '已受理，相关措施暂停执行' : '已转数源单位核实')) changed();
      },
    });
  }

  const office = can.handleObjections(user);
  const actions = o && (
    <Space wrap>
      {office && o.status === 'submitted' && <Button type="primary" onClick={() => confirmStep('accept')}>受理</Button>}
      {office && o.status === 'submitted' && <Button onClick={() => setDialog('return')}>退回</Button>}
      {office && o.status === 'accepted' && <Button type="primary" onClick={() => confirmStep('forward')}>转数源单位</Button>}
      {['accepted', 'with_provider'].includes(o.status) && can.decideObjection(user, o) && (
        <Button type={o.status === 'with_provider' ? 'primary' : 'default'} onClick={() => setDialog('decide')}>作出决定</Button>
      )}
    </Space>
  );

  return (
    <Drawer title={row ? `异议 ${row.receiptCode}` : '异议'} open={row !== null} size={760} onClose={onClose} extra={actions} destroyOnHidden>
      {detail.error ? <ApiErrorView error={detail.error} onRetry={detail.reload} /> : !o ? (
        <Spin spinning description="正在加载……"><div style={{ minHeight: 160 }} /></Spin>
      ) : (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions bordered size="small" column={1} styles={{ label: { width: 140 } }} items={[
            { key: 'status', label: '状态', children: <CodeTag table={OBJECTION_STATUS} code={o.status} /> },
            { key: 'due', label: '本环节期限', children: <DueDate on={o.dueOn} overdue={o.overdue} /> },
            { key: 'subject', label: '主体', children: o.subject ? <>{o.subject.name} <code>{o.subject.uscc ?? o.subject.idNumberMasked}</code></> : '—' },
            { key: 'reason', label: '异议理由', children: <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{o.reason}</Typography.Paragraph> },
            { key: 'applicant', label: '申请人', children: <>{o.applicant.name}{o.applicant.contact && <Typography.Text type="secondary">（{o.applicant.contact}）</Typography.Text>}</> },
            { key: 'attachments', label: '材料', children: o.attachments?.length ? o.attachments.map((a) => a.name).join('、') : '无' },
            { key: 'submitted', label: '提交日期', children: o.submittedOn },
            { key: 'provider', label: '数源单位', children: o.provider?.name ?? '—' },
            { key: 'outcome', label: '处理结果', children: o.outcome ? codeLabel(isRecord ? RECORD_OUTCOME : OBJECTION_OUTCOME, o.outcome) : '—' },
            { key: 'note', label: '办理意见', children: o.statusNote ?? '—' },
          ]} />
          {isRecord ? (
            <section aria-label="异议所针对的信用记录">
              <Typography.Title level={5}>异议所针对的信用记录</Typography.Title>
              <RecordSummary target={record} />
            </section>
          ) : (
          <section aria-label="异议所针对的名单记录">
            <Typography.Title level={5}>异议所针对的名单记录</Typography.Title>
            {entry.error ? <ApiErrorView error={entry.error} /> : e ? (
              <Descriptions bordered size="small" column={1} styles={{ label: { width: 140 } }} items={[
                { key: 'type', label: '名单类型', children: e.listTypeName },
                { key: 'status', label: '状态', children: <CodeTag table={ENTRY_STATUS} code={e.status} /> },
                { key: 'reason', label: '认定理由', children: e.reason },
                { key: 'decision', label: '认定文书号', children: e.decisionNo },
                { key: 'term', label: '有效期', children: termText(e.startsOn, e.endsOn) },
                { key: 'department', label: '认定部门', children: e.department.name },
              ]} />
            ) : <Spin spinning={entry.loading}><div style={{ minHeight: 60 }} /></Spin>}
          </section>
          )}
        </Space>
      )}
      {o && dialog === 'return' && (
        <NoteModal name="objection-return" title="退回异议" open field="note" label="退回说明" okText="退回"
          description="请说明缺少的材料或不予受理的理由；申请人凭回执码可查看。"
          onSubmit={async (note) => {
            await api(`/objections/${encodeURIComponent(o.id)}/return`, { method: 'POST', body: { note } });
            message.success('已退回');
            changed();
          }}
          onClose={() => setDialog(null)} />
      )}
      <DecideModal objection={o && dialog === 'decide' ? o : null} infoType={record.type} onClose={() => setDialog(null)} onDone={changed} />
    </Drawer>
  );
}
