import { App, Button, Descriptions, Drawer, Empty, Space, Spin, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import { ApiErrorView } from '../../components/ApiErrorView.js';
import { CodeTag } from '../../components/CodeTag.js';
import { NoteModal } from '../../components/NoteModal.js';
import { codeLabel, ENTRY_STATUS, LIST_KIND, termText } from '../../jointLabels.js';
import { formatTime, kindLabel, relationRoleLabel } from '../../labels.js';
import { can } from '../../permissions.js';
import type { ListEntry } from '../../types-joint.js';
import type { User } from '../../types.js';
import { useApi } from '../../useApi.js';

type Person = ListEntry['responsiblePersons'][number];

const PERSON_SOURCE: Record<string, string> = { listing: '认定时列明', relation: '登记的关联人员' };

const END_ACTIONS = {
  remove: { label: '移出名单', from: ['active', 'held'], description: '移出后该主体不再处于名单中，联合奖惩措施不再适用；状态变化推送给各实施部门。' },
  revoke: { label: '撤销认定', from: ['active', 'held', 'expired', 'removed'], description: '撤销表示认定本身有误。已依据该记录实施措施的部门会收到通知，以便纠正。' },
} as const;

function basicItems(e: ListEntry) {
  return [
    { key: 'type', label: '名单类型', children: <Space size={4}><CodeTag table={LIST_KIND} code={e.kind} />{e.listTypeName}</Space> },
    { key: 'status', label: '状态', children: <CodeTag table={ENTRY_STATUS} code={e.status} /> },
    { key: 'subject', label: '主体', children: <>{e.subject.name}<Typography.Text type="secondary">（{kindLabel(e.subject.kind)}）</Typography.Text></> },
    { key: 'code', label: e.subject.kind === 'natural_person' ? '身份证号码' : '统一社会信用代码', children: <code>{e.subject.uscc ?? e.subject.idNumberMasked ?? '—'}</code> },
    { key: 'reason', label: '认定理由', children: e.reason },
    { key: 'decision', label: '认定文书号', children: e.decisionNo },
    { key: 'decided', label: '认定日期', children: e.decidedOn },
    { key: 'term', label: '有效期', children: termText(e.startsOn, e.endsOn) },
    { key: 'department', label: '认定部门', children: e.department.name },
    { key: 'basis', label: '认定依据', children: e.legalBasis },
    { key: 'public', label: '公开', children: e.public ? '向社会公开' : '不公开' },
    { key: 'id', label: '记录编号', children: <Typography.Text copyable code>{e.id}</Typography.Text> },
  ];
}

const PERSON_COLUMNS = [
  { title: '身份', dataIndex: 'role', width: 110, render: relationRoleLabel },
  { title: '姓名', dataIndex: 'name', width: 100 },
  { title: '身份证号码', dataIndex: 'idNumberMasked', render: (v: string | null) => <code>{v ?? '—'}</code> },
  { title: '来源', dataIndex: 'source', width: 130, render: (s: string) => PERSON_SOURCE[s] ?? s },
];

/** 名单记录详情 (GET /list-entries/{id}): subject, responsible persons, status history; 移出 / 撤销 for its department. */
export function EntryDrawer({ id, user, onClose, onChanged }: { id: string | null; user: User; onClose: () => void; onChanged: () => void }) {
  const { data, error, loading, reload } = useApi<ListEntry>(id ? `/list-entries/${encodeURIComponent(id)}` : null);
  const [ending, setEnding] = useState<'remove' | 'revoke' | null>(null);
  const { message } = App.useApp();
  const entry = data && data.id === id ? data : undefined;
  const mayEnd = entry && can.endEntry(user, entry);

  async function end(how: 'remove' | 'revoke', reason: string | undefined) {
    await api(`/list-entries/${encodeURIComponent(entry!.id)}/${how}`, { method: 'POST', body: { reason } });
    message.success(`已${END_ACTIONS[how].label}：${entry!.subject.name}`);
    reload();
    onChanged();
  }

  const actions = entry && mayEnd && (
    <Space>
      {(['remove', 'revoke'] as const).filter((how) => (END_ACTIONS[how].from as readonly string[]).includes(entry.status)).map((how) => (
        <Button key={how} danger={how === 'revoke'} onClick={() => setEnding(how)}>{END_ACTIONS[how].label}</Button>
      ))}
    </Space>
  );

  return (
    <Drawer title={entry ? `${entry.subject.name} · ${entry.listTypeName}` : '名单记录'} open={id !== null} size={760} onClose={onClose} extra={actions} destroyOnHidden>
      {error ? <ApiErrorView error={error} onRetry={reload} /> : !entry ? (
        <Spin spinning={loading} description="正在加载……"><div style={{ minHeight: 160 }} /></Spin>
      ) : (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <section aria-label="认定信息">
            <Descriptions bordered size="small" column={1} items={basicItems(entry)} styles={{ label: { width: 150 } }} />
          </section>
          <section aria-label="相关责任人">
            <Typography.Title level={5}>相关责任人</Typography.Title>
            {entry.responsiblePersons.length
              ? <Table<Person> rowKey={(p) => `${p.id}-${p.role}`} size="small" pagination={false} columns={PERSON_COLUMNS} dataSource={entry.responsiblePersons} />
              : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无" />}
          </section>
          <section aria-label="状态历史">
            <Typography.Title level={5}>状态历史</Typography.Title>
            <Timeline items={(entry.history ?? []).map((h, i) => ({
              key: i,
              content: (
                <>
                  <div>
                    {h.from ? <>{codeLabel(ENTRY_STATUS, h.from)} → </> : <Tag color="blue">认定列入</Tag>}
                    <strong>{codeLabel(ENTRY_STATUS, h.to)}</strong>
                    <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>{formatTime(h.at)}</Typography.Text>
                  </div>
                  {h.reason && <Typography.Text type="secondary">{h.reason}</Typography.Text>}
                </>
              ),
            }))} />
          </section>
        </Space>
      )}
      {ending && (
        <NoteModal
          name={`entry-${ending}`}
          title={END_ACTIONS[ending].label}
          open
          field="reason"
          label="理由"
          okText={END_ACTIONS[ending].label}
          description={END_ACTIONS[ending].description}
          onSubmit={(reason) => end(ending, reason)}
          onClose={() => setEnding(null)}
        />
      )}
    </Drawer>
  );
}
