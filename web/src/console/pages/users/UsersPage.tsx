import { Button, Form, Input, Select, Table, Tag, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { ApiErrorView } from '../../components/ApiErrorView.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryForm } from '../../components/QueryForm.js';
import { formatTime, roleLabel } from '../../labels.js';
import { can } from '../../permissions.js';
import type { ConsoleUser, Department, Items, User } from '../../types.js';
import { useApi } from '../../useApi.js';
import { UserCreateModal } from './UserCreateModal.js';

interface Filter {
  keyword?: string;
  role?: string;
  department?: string;
}

const COLUMNS: TableColumnsType<ConsoleUser> = [
  { title: '用户名', dataIndex: 'username', width: 160 },
  { title: '姓名', dataIndex: 'displayName', width: 160 },
  { title: '角色', dataIndex: 'role', width: 100, render: roleLabel },
  { title: '所属部门', dataIndex: ['department', 'name'], ellipsis: true },
  { title: '状态', dataIndex: 'disabled', width: 90, render: (disabled: boolean) => (disabled ? <Tag>已停用</Tag> : <Tag color="green">正常</Tag>) },
  { title: '创建时间', dataIndex: 'createdAt', width: 180, render: formatTime },
];

function matches(u: ConsoleUser, filter: Filter): boolean {
  const keyword = filter.keyword?.trim().toLowerCase();
  if (keyword && !u.username.toLowerCase().includes(keyword) && !u.displayName.toLowerCase().includes(keyword)) return false;
  if (filter.role && u.role !== filter.role) return false;
  return !filter.department || u.department.code === filter.department;
}

/** 用户管理 (GET/POST /users): admins; a department's admins see and add their department's users. */
export function UsersPage({ user }: { user: User }) {
  const users = useApi<Items<ConsoleUser>>('/users');
  const departments = useApi<Items<Department>>(users.data ? '/departments' : null);
  const [form] = Form.useForm<Filter>();
  const [filter, setFilter] = useState<Filter>({});
  const [creating, setCreating] = useState(false);
  const rows = useMemo(() => (users.data?.items ?? []).filter((u) => matches(u, filter)), [users.data, filter]);
  const departmentList = departments.data?.items ?? [];

  if (users.error) {
    return (
      <>
        <PageHeader title="用户管理" />
        <ApiErrorView error={users.error} onRetry={users.reload} />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="用户管理"
        description="控制台用户以用户名和密码登录。经办人办理业务；管理员还管理本部门的用户、API 密钥并查看审计日志。"
        extra={can.manageUsers(user) && <Button type="primary" onClick={() => setCreating(true)}>新增用户</Button>}
      />
      <QueryForm<Filter> name="user-query" form={form} label="查询用户" onSearch={setFilter} onReset={() => setFilter({})}>
        <Form.Item label="关键字" name="keyword">
          <Input placeholder="用户名或姓名" allowClear style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label="角色" name="role">
          <Select placeholder="全部" allowClear style={{ width: 120 }}
            options={(['admin', 'officer'] as const).map((value) => ({ value, label: roleLabel(value) }))} />
        </Form.Item>
        {can.chooseDepartment(user) && (
          <Form.Item label="部门" name="department">
            <Select placeholder="全部" allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 260 }}
              options={departmentList.map((d) => ({ value: d.code, label: d.name }))} />
          </Form.Item>
        )}
      </QueryForm>
      <Table<ConsoleUser>
        rowKey="id"
        size="middle"
        loading={users.loading}
        columns={COLUMNS}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 个用户` }}
        scroll={{ x: 900 }}
      />
      <UserCreateModal
        user={user}
        departments={departmentList}
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={users.reload}
      />
    </>
  );
}
