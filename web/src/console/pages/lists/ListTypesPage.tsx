import { App, Button, Descriptions, Form, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { AssignDepartmentModal } from '../../components/AssignDepartmentModal.js';
import { ApiErrorView } from '../../components/ApiErrorView.js';
import { CodeTag, SourceCell } from '../../components/CodeTag.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryForm } from '../../components/QueryForm.js';
import { asOptions, LIST_KIND } from '../../jointLabels.js';
import { useListTypes } from '../../lookups.js';
import { can } from '../../permissions.js';
import type { ListType } from '../../types-joint.js';
import type { User } from '../../types.js';
import { ListTypeForm } from './ListTypeForm.js';
import { ListTypePolicyModal } from './ListTypePolicyModal.js';

interface Filter {
  keyword?: string;
  kind?: string;
  assigned?: 'yes' | 'no' | 'mine';
}

function matches(t: ListType, f: Filter, user: User): boolean {
  const keyword = f.keyword?.trim().toLowerCase();
  if (keyword && ![t.name, t.code, t.domain].some((s) => s.toLowerCase().includes(keyword))) return false;
  if (f.kind && t.kind !== f.kind) return false;
  if (f.assigned === 'yes' && !t.initiatingDepartment) return false;
  if (f.assigned === 'no' && t.initiatingDepartment) return false;
  return f.assigned !== 'mine' || t.initiatingDepartment === user.department.code;
}

function Details({ t }: { t: ListType }) {
  return (
    <Descriptions size="small" column={1} bordered styles={{ label: { width: 120 } }} items={[
      { key: 'basis', label: '认定依据', children: t.legalBasis },
      { key: 'exit', label: '移出条件', children: t.exitConditions ?? '—' },
      { key: 'edition', label: '版本', children: t.edition ?? '本地登记' },
    ]} />
  );
}

/** 名单类型 (GET /list-types): everyone reads; the credit office's admins add, assign and set the policy. */
export function ListTypesPage({ user }: { user: User }) {
  const types = useListTypes();
  const { message } = App.useApp();
  const [form] = Form.useForm<Filter>();
  const [filter, setFilter] = useState<Filter>({});
  const [creating, setCreating] = useState(false);
  const [assigning, setAssigning] = useState<ListType | null>(null);
  const [policy, setPolicy] = useState<ListType | null>(null);
  const admin = can.manageJointAction(user);
  const rows = useMemo(() => types.items.filter((t) => matches(t, filter, user)), [types.items, filter, user]);

  const columns: TableColumnsType<ListType> = [
    {
      title: '名单类型', dataIndex: 'name',
      render: (name: string, t) => <><div>{name}</div><Typography.Text type="secondary" style={{ fontSize: 12 }}><code>{t.code}</code></Typography.Text></>,
    },
    { title: '类别', dataIndex: 'kind', width: 80, render: (kind: string) => <CodeTag table={LIST_KIND} code={kind} /> },
    { title: '领域', dataIndex: 'domain', width: 90 },
    {
      title: '认定部门', dataIndex: 'initiatingDepartmentName', width: 160,
      render: (name: string | null) => name ?? <Tag color="warning">未指定</Tag>,
    },
    { title: '期限', dataIndex: 'termMonths', width: 80, render: (m: number | null) => (m ? `${m} 个月` : '长期') },
    {
      title: '修复 / 公开', key: 'flags', width: 110,
      render: (_, t) => <Space size={4}>{t.repairable ? <Tag>可修复</Tag> : <Tag color="default">不可修复</Tag>}{t.public && <Tag color="blue">公开</Tag>}</Space>,
    },
    { title: '来源', key: 'source', width: 180, render: (_, t) => <SourceCell source={t.source} verified={t.verified} /> },
    ...(admin ? [{
      title: '操作', key: 'actions', width: 130, fixed: 'right' as const,
      render: (_: unknown, t: ListType) => (
        <Space size={0} orientation="vertical" align="start">
          <Button type="link" size="small" onClick={() => setAssigning(t)}>指定认定部门</Button>
          <Button type="link" size="small" onClick={() => setPolicy(t)}>时限与修复条件</Button>
        </Space>
      ),
    }] : []),
  ];

  return (
    <>
      <PageHeader
        title="名单类型"
        description="红黑名单的类型、认定部门、认定依据和期限。国家层面的名单类型已预置，由信用办指定本地的认定部门后方可认定列入；标注“待核实”的依据文本尚未与原文核对。"
        extra={admin && <Button type="primary" onClick={() => setCreating(true)}>新增名单类型</Button>}
      />
      <QueryForm<Filter> name="list-type-query" form={form} label="查询名单类型" onSearch={setFilter} onReset={() => setFilter({})}>
        <Form.Item label="关键字" name="keyword">
          <Input placeholder="名称、代码或领域" allowClear style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label="类别" name="kind">
          <Select placeholder="全部" allowClear style={{ width: 110 }} options={asOptions(LIST_KIND)} />
        </Form.Item>
        <Form.Item label="认定部门" name="assigned">
          <Select placeholder="全部" allowClear style={{ width: 150 }}
            options={[{ value: 'mine', label: '本部门认定' }, { value: 'yes', label: '已指定' }, { value: 'no', label: '未指定' }]} />
        </Form.Item>
      </QueryForm>
      {types.error ? <ApiErrorView error={types.error} onRetry={types.reload} /> : (
        <Table<ListType>
          rowKey="code"
          size="middle"
          loading={types.loading}
          columns={columns}
          dataSource={rows}
          expandable={{ expandedRowRender: (t) => <Details t={t} /> }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 个名单类型` }}
          scroll={{ x: 1100 }}
        />
      )}
      {admin && (
        <>
          <ListTypeForm open={creating} onClose={() => setCreating(false)} onCreated={types.reload} />
          <AssignDepartmentModal
            title="指定认定部门"
            role="initiating"
            subject={assigning && `名单类型：${assigning.name}`}
            path={assigning && `/list-types/${encodeURIComponent(assigning.code)}/initiating-department`}
            current={assigning?.initiatingDepartment ?? null}
            onClose={() => setAssigning(null)}
            onDone={() => { message.success(`已为「${assigning?.name}」指定认定部门`); types.reload(); }}
          />
          <ListTypePolicyModal listType={policy} onClose={() => setPolicy(null)} />
        </>
      )}
    </>
  );
}
