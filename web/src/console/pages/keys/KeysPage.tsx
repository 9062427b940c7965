import { App, Button, Form, Popconfirm, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../../shared/api.js';
import { api } from '../../api.js';
import { ApiErrorView } from '../../components/ApiErrorView.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryForm } from '../../components/QueryForm.js';
import { formatTime, ROLE_LABELS, roleLabel } from '../../labels.js';
import { can } from '../../permissions.js';
import type { ApiKey, Department, Items, User } from '../../types.js';
import { useApi } from '../../useApi.js';
import { KeyCreateModal } from './KeyCreateModal.js';

interface Filter {
  status?: 'active' | 'revoked';
  role?: string;
  department?: string;
}

function matches(key: ApiKey, filter: Filter): boolean {
  if (filter.status === 'active' && key.revokedAt) return false;
  if (filter.status === 'revoked' && !key.revokedAt) return false;
  if (filter.role && key.role !== filter.role) return false;
  return !filter.department || key.department === filter.department;
}

/** API 密钥 (GET/POST/DELETE /keys): admins only — a department's admins for their department. */
export function KeysPage({ user }: { user: User }) {
  const keys = useApi<Items<ApiKey>>('/keys');
  const departments = useApi<Items<Department>>(keys.data ? '/departments' : null);
  const [form] = Form.useForm<Filter>();
  const [filter, setFilter] = useState<Filter>({});
  const [creating, setCreating] = useState(false);
  const { message } = App.useApp();
  const departmentList = departments.data?.items ?? [];
  const departmentName = (code: string) => departmentList.find((d) => d.code === code)?.name ?? code;
  const rows = useMemo(() => (keys.data?.items ?? []).filter((k) => matches(k, filter)), [keys.data, filter]);

  async function revoke(key: ApiKey) {
    try {
      await api<void>(`/keys/${encodeURIComponent(key.id)}`, { method: 'DELETE' });
      message.success(`已吊销密钥 ${key.prefix}…`);
      keys.reload();
    } catch (failure) {
      message.error(errorMessage(failure));
    }
  }

  const columns: TableColumnsType<ApiKey> = [
    { title: '密钥前缀', dataIndex: 'prefix', width: 130, render: (prefix: string) => <code>{prefix}…</code> },
    { title: '名称', dataIndex: 'name', width: 170, ellipsis: true, render: (name: string | null) => name ?? <Typography.Text type="secondary">—</Typography.Text> },
    { title: '角色', dataIndex: 'role', width: 80, render: roleLabel },
    { title: '所属部门', dataIndex: 'department', ellipsis: true, render: departmentName },
    { title: '创建时间', dataIndex: 'createdAt', width: 170, render: formatTime },
    { title: '最近使用', dataIndex: 'lastUsedAt', width: 170, render: (at: string | null) => (at ? formatTime(at) : '从未使用') },
    {
      title: '状态', dataIndex: 'revokedAt', width: 170,
      render: (at: string | null) => (at
        ? <><Tag>已吊销</Tag><div style={{ fontSize: 12, color: '#595959' }}>{formatTime(at)}</div></>
        : <Tag color="green">有效</Tag>),
    },
    {
      title: '操作', key: 'actions', width: 70, fixed: 'right',
      render: (_, key) => !key.revokedAt && (
        <Popconfirm
          title="吊销该密钥？"
          description={`吊销后，使用 ${key.prefix}… 的系统将立即无法访问平台，且无法恢复。`}
          okText="吊销"
          okButtonProps={{ danger: true }}
          cancelText="取消"
          onConfirm={() => revoke(key)}
        >
          <Button type="link" danger size="small" style={{ padding: 0 }}>吊销</Button>
        </Popconfirm>
      ),
    },
  ];

  if (keys.error) {
    return (
      <>
        <PageHeader title="API 密钥" />
        <ApiErrorView error={keys.error} onRetry={keys.reload} />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="API 密钥"
        description="业务系统和脚本以 API 密钥（Authorization: Bearer …）调用平台接口。密钥只在创建时显示一次，平台只保存其摘要。"
        extra={can.manageKeys(user) && <Button type="primary" onClick={() => setCreating(true)}>创建密钥</Button>}
      />
      <QueryForm<Filter> name="key-query" form={form} label="查询密钥" onSearch={setFilter} onReset={() => setFilter({})}>
        <Form.Item label="状态" name="status">
          <Select placeholder="全部" allowClear style={{ width: 120 }}
            options={[{ value: 'active', label: '有效' }, { value: 'revoked', label: '已吊销' }]} />
        </Form.Item>
        <Form.Item label="角色" name="role">
          <Select placeholder="全部" allowClear style={{ width: 120 }}
            options={Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        {can.chooseDepartment(user) && (
          <Form.Item label="部门" name="department">
            <Select placeholder="全部" allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 260 }}
              options={departmentList.map((d) => ({ value: d.code, label: d.name }))} />
          </Form.Item>
        )}
      </QueryForm>
      <Table<ApiKey>
        rowKey="id"
        size="middle"
        loading={keys.loading}
        columns={columns}
        dataSource={rows}
        locale={{ emptyText: '暂无 API 密钥' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 个密钥` }}
        scroll={{ x: 1080 }}
      />
      <KeyCreateModal
        user={user}
        departments={departmentList}
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={keys.reload}
      />
    </>
  );
}
