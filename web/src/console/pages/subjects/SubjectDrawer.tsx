import { Button, Descriptions, Drawer, Empty, Space, Spin, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { ApiErrorView } from '../../components/ApiErrorView.js';
import { formatTime, kindLabel, relationRoleLabel } from '../../labels.js';
import { can } from '../../permissions.js';
import type { Relation, Subject, User } from '../../types.js';
import { useApi } from '../../useApi.js';
import { RelationModal } from './RelationModal.js';
import { RenameModal } from './RenameModal.js';

interface SubjectDrawerProps {
  id: string | null;
  user: User;
  onOpenSubject: (id: string) => void;
  onClose: () => void;
  /** the subject was renamed or related: the list may show stale data */
  onChanged: () => void;
}

function IdNumber({ subject }: { subject: Subject }) {
  // The full number only when the API sent it (the credit office's staff); otherwise the mask.
  if (subject.idNumber) {
    return <Space><code data-testid="id-number">{subject.idNumber}</code><Tag color="orange">完整号码 · 本次查看已记入审计</Tag></Space>;
  }
  return <Space><code data-testid="id-number">{subject.idNumberMasked ?? '—'}</code><Tag>已脱敏</Tag></Space>;
}

function basicItems(s: Subject) {
  const person = s.kind === 'natural_person';
  return [
    { key: 'kind', label: '主体类别', children: kindLabel(s.kind) },
    { key: 'name', label: person ? '姓名' : '名称', children: s.name },
    person
      ? { key: 'id', label: '身份证号码', children: <IdNumber subject={s} /> }
      : { key: 'uscc', label: '统一社会信用代码', children: <code>{s.uscc ?? '—'}</code> },
    ...(!person ? [
      { key: 'org', label: '组织机构代码', children: s.orgCode ?? '—' },
      { key: 'reg', label: '工商注册号', children: s.regNo ?? '—' },
    ] : []),
    { key: 'region', label: '所在地区', children: s.regionName ? `${s.regionName}（${s.regionCode}）` : s.regionCode ?? '—' },
    { key: 'created', label: '登记时间', children: formatTime(s.createdAt) },
  ];
}

function NameHistory({ subject }: { subject: Subject }) {
  if (!subject.formerNames.length && !subject.aliases.length) return <Typography.Text type="secondary">无</Typography.Text>;
  return (
    <Space orientation="vertical" size={4}>
      {subject.formerNames.map((n) => (
        <span key={`f-${n.name}`}><Tag>曾用名</Tag><span>{n.name}</span>{n.until && <Typography.Text type="secondary">（使用至 {n.until}）</Typography.Text>}</span>
      ))}
      {subject.aliases.map((a) => <span key={`a-${a}`}><Tag color="purple">别名</Tag><span>{a}</span></span>)}
    </Space>
  );
}

/** 主体详情 (GET /subjects/{id}) in a drawer; rename and link persons for officers and admins. */
export function SubjectDrawer({ id, user, onOpenSubject, onClose, onChanged }: SubjectDrawerProps) {
  const { data: subject, error, loading, reload } = useApi<Subject>(id ? `/subjects/${encodeURIComponent(id)}` : null);
  const [editing, setEditing] = useState<'rename' | 'relation' | null>(null);
  const shown = subject && subject.id === id ? subject : undefined;
  const editable = can.editSubjects(user);

  const relationColumns: TableColumnsType<Relation> = [
    { title: '身份', dataIndex: 'role', width: 110, render: relationRoleLabel },
    shown?.kind === 'natural_person'
      ? { title: '组织', key: 'org', render: (_, r) => <Button type="link" style={{ padding: 0 }} onClick={() => onOpenSubject(r.organization.id)}>{r.organization.name}</Button> }
      : { title: '人员', key: 'person', render: (_, r) => (
        <Space size={8}>
          <Button type="link" style={{ padding: 0 }} onClick={() => onOpenSubject(r.person.id)}>{r.person.name}</Button>
          <code>{r.person.idNumberMasked}</code>
        </Space>
      ) },
    { title: '起止日期', key: 'dates', width: 200, render: (_, r) => `${r.startsOn ?? '—'} 至 ${r.endsOn ?? '今'}` },
  ];

  function changed() {
    reload();
    onChanged();
  }

  const actions = shown && editable && (
    <Space>
      <Button onClick={() => setEditing('rename')}>更名</Button>
      {shown.kind !== 'natural_person' && <Button type="primary" onClick={() => setEditing('relation')}>关联人员</Button>}
    </Space>
  );

  return (
    <Drawer
      title={shown ? shown.name : '主体详情'}
      open={id !== null}
      size={720}
      onClose={onClose}
      extra={actions}
      destroyOnHidden
    >
      {error ? <ApiErrorView error={error} onRetry={reload} /> : !shown ? (
        <Spin spinning={loading} description="正在加载……"><div style={{ minHeight: 160 }} /></Spin>
      ) : (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <section aria-label="基本信息">
            <Typography.Title level={5}>基本信息</Typography.Title>
            <Descriptions bordered size="small" column={1} items={basicItems(shown)} styles={{ label: { width: 150 } }} />
          </section>
          <section aria-label="曾用名与别名">
            <Typography.Title level={5}>曾用名与别名</Typography.Title>
            <NameHistory subject={shown} />
          </section>
          <section aria-label="关联人员">
            <Typography.Title level={5}>{shown.kind === 'natural_person' ? '关联组织' : '关联人员'}</Typography.Title>
            {shown.relations.length ? (
              <Table<Relation> rowKey="id" size="small" pagination={false} columns={relationColumns} dataSource={shown.relations} />
            ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无关联" />}
          </section>
        </Space>
      )}
      {shown && editable && (
        <>
          <RenameModal subject={shown} open={editing === 'rename'} onClose={() => setEditing(null)} onDone={changed} />
          <RelationModal subject={shown} open={editing === 'relation'} onClose={() => setEditing(null)} onDone={changed} />
        </>
      )}
    </Drawer>
  );
}
