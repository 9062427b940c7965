import { Button, Form, Input, Select, Table, Tag, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { ApiErrorView } from '../../components/ApiErrorView.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryForm } from '../../components/QueryForm.js';
import { DEPARTMENT_ROLE_LABELS, departmentRoleLabel, formatTime } from '../../labels.js';
import { can } from '../../permissions.js';
import type { Department, Items, User } from '../../types.js';
import { useApi } from '../../useApi.js';
import { DepartmentForm } from './DepartmentForm.js';

interface Filter {
  keyword?: string;
  role?: string;
}

const COLUMNS: TableColumnsType<Department> = [
  { title: '统一社会信用代码', dataIndex: 'code', width: 200, render: (code: string) => <code>{code}</code> },
  {
    title: '部门名称', dataIndex: 'name',
    render: (name: string, d) => <>{name}{d.platform && <Tag color="blue" style={{ marginInlineStart: 8 }}>信用办</Tag>}</>,
  },
  { title: '所在地区', dataIndex: 'regionName', width: 160, render: (region: string | null, d) => region ?? d.regionCode },
  {
    title: '部门职能', dataIndex: 'roles', width: 330,
    render: (roles: string[]) => roles.filter((r) => r !== 'platform').map((r) => <Tag key={r}>{departmentRoleLabel(r)}</Tag>),
  },
  { title: '创建时间', dataIndex: 'createdAt', width: 180, render: formatTime },
];

const ROLE_FILTER = Object.entries(DEPARTMENT_ROLE_LABELS).map(([value, label]) => ({ value, label }));

function matches(d: Department, filter: Filter): boolean {
  const keyword = filter.keyword?.trim().toUpperCase();
  if (keyword && !d.name.toUpperCase().includes(keyword) && !d.code.includes(keyword)) return false;
  return !filter.role || d.roles.includes(filter.role);
}

/** 部门管理: every signed-in user may list departments; only the credit office's admins add them. */
export function DepartmentsPage({ user }: { user: User }) {
  const { data, error, loading, reload } = useApi<Items<Department>>('/departments');
  const [form] = Form.useForm<Filter>();
  const [filter, setFilter] = useState<Filter>({});
  const [creating, setCreating] = useState(false);
  const rows = useMemo(() => (data?.items ?? []).filter((d) => matches(d, filter)), [data, filter]);

  return (
    <>
      <PageHeader
        title="部门管理"
        description="接入平台的部门及其职能：数源（提供单位）报送信用信息，发起部门认定红黑名单，实施部门实施联合奖惩。"
        extra={can.createDepartment(user) && <Button type="primary" onClick={() => setCreating(true)}>新增部门</Button>}
      />
      <QueryForm<Filter> name="department-query" form={form} label="查询部门" onSearch={setFilter} onReset={() => setFilter({})}>
        <Form.Item label="关键字" name="keyword">
          <Input placeholder="部门名称或代码" allowClear style={{ width: 240 }} />
        </Form.Item>
        <Form.Item label="职能" name="role">
          <Select placeholder="全部" allowClear options={ROLE_FILTER} style={{ width: 180 }} />
        </Form.Item>
      </QueryForm>
      {error ? <ApiErrorView error={error} onRetry={reload} /> : (
        <Table<Department>
          rowKey="id"
          size="middle"
          loading={loading}
          columns={COLUMNS}
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 个部门` }}
          scroll={{ x: 1000 }}
        />
      )}
      {can.createDepartment(user) && (
        <DepartmentForm open={creating} onClose={() => setCreating(false)} onCreated={() => reload()} />
      )}
    </>
  );
}
