import { App, Button, Card, Dropdown, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { runAction } from '../../actions.js';
import { api } from '../../api.js';
import { ApiErrorView } from '../../components/ApiErrorView.js';
import { CodeTag } from '../../components/CodeTag.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ACCEPTANCE, codeLabel, MEMORANDUM_STATUS } from '../../jointLabels.js';
import { useListTypes, useMeasures } from '../../lookups.js';
import { can, isPlatform } from '../../permissions.js';
import type { Memorandum, MemorandumStatus } from '../../types-joint.js';
import type { Items, User } from '../../types.js';
import { useApi } from '../../useApi.js';
import { MemorandumForm } from './MemorandumForm.js';

/** 待接收: memoranda naming the user's department that it has not accepted (GET /memoranda?pending=true). */
function PendingInbox({ hideWhenEmpty, onAccepted }: { hideWhenEmpty: boolean; onAccepted: () => void }) {
  const pending = useApi<Items<Memorandum>>('/memoranda?pending=true');
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const items = pending.data?.items ?? [];
  if (pending.error) return <ApiErrorView error={pending.error} onRetry={pending.reload} />;
  if (hideWhenEmpty && !items.length) return null;

  async function accept(m: Memorandum) {
    setBusy(m.code);
    const ok = await runAction(message, () => api(`/memoranda/${encodeURIComponent(m.code)}/accept`, { method: 'POST' }), `已接收：${m.title}`);
    setBusy(null);
    if (ok) { pending.reload(); onAccepted(); }
  }

  return (
    <Card size="small" title={<Space>待接收<Tag color={items.length ? 'orange' : 'default'}>{items.length}</Tag></Space>} style={{ marginBottom: 16 }}
      aria-label="待接收的备忘录">
      <Table<Memorandum>
        rowKey="code"
        size="small"
        loading={pending.loading}
        pagination={false}
        showHeader={false}
        locale={{ emptyText: '没有待接收的备忘录' }}
        dataSource={items}
        columns={[
          { key: 'title', render: (_, m) => <><div>{m.title}</div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{m.docNo}</Typography.Text></> },
          { key: 'status', width: 80, render: (_, m) => <CodeTag table={MEMORANDUM_STATUS} code={m.status} /> },
          { key: 'action', width: 100, render: (_, m) => <Button type="primary" size="small" loading={busy === m.code} onClick={() => accept(m)}>接收</Button> },
        ]}
      />
      {items.length > 0 && <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>接收后，本部门在核查中实施备忘录中由本部门负责的措施。</Typography.Paragraph>}
    </Card>
  );
}

/** 合作备忘录 (GET /memoranda): the credit office registers them and sets 通报/实施/过期; implementing departments accept. */
export function MemorandaPage({ user }: { user: User }) {
  const memoranda = useApi<Items<Memorandum>>('/memoranda');
  const admin = can.manageJointAction(user);
  const types = useListTypes();
  const measures = useMeasures();
  const { message, modal } = App.useApp();
  const [creating, setCreating] = useState(false);

  function changeStatus(m: Memorandum, status: MemorandumStatus) {
    modal.confirm({
      title: `将备忘录状态变更为“${codeLabel(MEMORANDUM_STATUS, status)}”？`,
      content: status === 'in_force' ? '实施后，新认定的名单记录将向已接收的实施部门推送响应任务，核查中适用其措施。' : '非实施状态的备忘录不再产生响应任务，核查中不再适用其措施。',
      okText: '变更', cancelText: '取消',
      onOk: async () => {
        if (await runAction(message, () => api(`/memoranda/${encodeURIComponent(m.code)}/status`, { method: 'POST', body: { status } }), '已变更备忘录状态')) memoranda.reload();
      },
    });
  }

  const columns: TableColumnsType<Memorandum> = [
    { title: '备忘录', dataIndex: 'title', render: (t: string, m) => <><div>{t}</div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{m.docNo}</Typography.Text></> },
    { title: '状态', dataIndex: 'status', width: 80, render: (s: string) => <CodeTag table={MEMORANDUM_STATUS} code={s} /> },
    { title: '名单类型', dataIndex: 'listTypes', width: 200, render: (codes: string[]) => codes.map((c) => <Tag key={c}>{types.byCode.get(c)?.name ?? c}</Tag>) },
    { title: '措施', dataIndex: 'measures', width: 90, render: (codes: string[]) => `${codes.length} 项` },
    {
      title: '实施部门接收情况', dataIndex: 'acceptances', width: 230,
      render: (a: Memorandum['acceptances']) => (a.length ? (
        <Space orientation="vertical" size={2}>{a.map((x) => <span key={x.department}>{x.departmentName} <CodeTag table={ACCEPTANCE} code={x.status} /></span>)}</Space>
      ) : <Typography.Text type="secondary">尚无（措施未指定实施部门）</Typography.Text>),
    },
    { title: '核实', dataIndex: 'verified', width: 80, render: (v: boolean) => (v ? '已核实' : <Tag color="warning" title="文号等依据尚未与原文核对">待核实</Tag>) },
    ...(admin ? [{
      title: '操作', key: 'actions', width: 110, fixed: 'right' as const,
      render: (_: unknown, m: Memorandum) => (
        <Dropdown trigger={['click']} menu={{
          items: (['notified', 'in_force', 'expired'] as const).filter((s) => s !== m.status).map((s) => ({ key: s, label: `设为${codeLabel(MEMORANDUM_STATUS, s)}` })),
          onClick: ({ key }) => changeStatus(m, key as MemorandumStatus),
        }}>
          <Button type="link" size="small">变更状态</Button>
        </Dropdown>
      ),
    }] : []),
  ];

  return (
    <>
      <PageHeader
        title="合作备忘录"
        description="合作备忘录把名单类型与奖惩措施对应起来。实施部门接收后，其措施方在核查中适用；只有“实施”状态的备忘录产生响应任务。"
        extra={admin && <Button type="primary" onClick={() => setCreating(true)}>登记备忘录</Button>}
      />
      {can.acceptMemoranda(user) && <PendingInbox hideWhenEmpty={isPlatform(user)} onAccepted={memoranda.reload} />}
      {memoranda.error ? <ApiErrorView error={memoranda.error} onRetry={memoranda.reload} /> : (
        <Table<Memorandum>
          rowKey="code"
          size="middle"
          loading={memoranda.loading}
          columns={columns}
          dataSource={memoranda.data?.items ?? []}
          expandable={{
            expandedRowRender: (m) => (
              <ul style={{ margin: 0, paddingInlineStart: 20 }} aria-label="备忘录的措施">
                {m.measures.map((c) => {
                  const measure = measures.byCode.get(c);
                  return <li key={c}>{measure ? `${measure.title}（${measure.implementingDepartmentName ?? measure.implementingAgency ?? '未指定实施部门'}）` : c}</li>;
                })}
              </ul>
            ),
          }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 份备忘录` }}
          scroll={{ x: 1050 }}
        />
      )}
      {admin && <MemorandumForm open={creating} listTypes={types.items} measures={measures.items} onClose={() => setCreating(false)} onCreated={memoranda.reload} />}
    </>
  );
}
