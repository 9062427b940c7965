import { App, AutoComplete, Button, Form, Input, Select, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import { ApiErrorView } from '../../components/ApiErrorView.js';
import { FormModal } from '../../components/FormModal.js';
import { PageHeader } from '../../components/PageHeader.js';
import { MATTER_CATEGORIES } from '../../jointLabels.js';
import { formatTime } from '../../labels.js';
import { useDepartmentOptions, useMatters } from '../../lookups.js';
import { can, isPlatform } from '../../permissions.js';
import type { Matter } from '../../types-joint.js';
import type { User } from '../../types.js';

interface MatterValues { code: string; name: string; department: string; category: string }

function MatterForm({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const [form] = Form.useForm<MatterValues>();
  const { message } = App.useApp();
  const departments = useDepartmentOptions('implementing', open);
  return (
    <FormModal<MatterValues>
      name="matter-create"
      title="新增业务事项"
      okText="新增"
      open={open}
      form={form}
      fields={['code', 'name', 'department', 'category']}
      onSubmit={async (v) => {
        const created = await api<Matter>('/matters', { method: 'POST', body: { code: v.code.trim(), name: v.name.trim(), department: v.department, category: v.category.trim() } });
        message.success(`已新增业务事项：${created.name}`);
        onCreated();
      }}
      onClose={onClose}
    >
      <Form.Item label="事项编码" name="code" rules={[{ required: true, message: '请输入事项编码' }, { pattern: /^[A-Za-z0-9_.-]{1,64}$/, message: '事项编码为 1–64 位字母、数字或 _ . -' }]}>
        <Input maxLength={64} placeholder="如 CZ-ZFCG-001" spellCheck={false} />
      </Form.Item>
      <Form.Item label="事项名称" name="name" rules={[{ required: true, whitespace: true, message: '请输入事项名称' }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label="所属部门" name="department" rules={[{ required: true, message: '请选择所属部门' }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={departments} />
      </Form.Item>
      <Form.Item label="事项类别" name="category" extra="须与措施的“适用事项类别”用词一致" rules={[{ required: true, whitespace: true, message: '请选择或输入事项类别' }]}>
        <AutoComplete options={MATTER_CATEGORIES.map((c) => ({ value: c }))} placeholder="如 政府采购" />
      </Form.Item>
    </FormModal>
  );
}

/** 业务事项 (GET/POST /matters): the procedures where checks are embedded; a department sees its own. */
export function MattersPage({ user }: { user: User }) {
  const matters = useMatters();
  const [creating, setCreating] = useState(false);
  const columns: TableColumnsType<Matter> = [
    { title: '事项编码', dataIndex: 'code', width: 180, render: (c: string) => <code>{c}</code> },
    { title: '事项名称', dataIndex: 'name' },
    { title: '类别', dataIndex: 'category', width: 140 },
    ...(isPlatform(user) ? [{ title: '所属部门', dataIndex: 'departmentName', width: 200 }] : []),
    { title: '创建时间', dataIndex: 'createdAt', width: 180, render: formatTime },
  ];
  return (
    <>
      <PageHeader
        title="业务事项"
        description="嵌入联合奖惩核查的业务办理事项（应查必查）。核查时按事项类别匹配适用的措施。"
        extra={can.manageJointAction(user) && <Button type="primary" onClick={() => setCreating(true)}>新增业务事项</Button>}
      />
      {matters.error ? <ApiErrorView error={matters.error} onRetry={matters.reload} /> : (
        <Table<Matter> rowKey="code" size="middle" loading={matters.loading} columns={columns} dataSource={matters.items}
          locale={{ emptyText: '本部门暂无业务事项，请联系信用办登记' }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 个事项` }} scroll={{ x: 800 }} />
      )}
      {can.manageJointAction(user) && <MatterForm open={creating} onClose={() => setCreating(false)} onCreated={matters.reload} />}
    </>
  );
}
