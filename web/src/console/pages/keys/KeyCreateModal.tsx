import { Alert, Button, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import { FormModal } from '../../components/FormModal.js';
import { roleLabel } from '../../labels.js';
import { can } from '../../permissions.js';
import type { CreatedKey, Department, Role, User } from '../../types.js';

interface KeyValues {
  name?: string;
  role: Role;
  department: string;
}

const FIELDS = ['name', 'role', 'department'];
const ROLE_OPTIONS = (['system', 'officer', 'admin'] as const).map((value) => ({
  value,
  label: `${roleLabel(value)}${value === 'system' ? '（业务系统对接）' : ''}`,
}));

interface KeyCreateModalProps {
  user: User;
  departments: Department[];
  open: boolean;
  onClose: () => void;
  onCreated: () => void;
}

/** 创建 API 密钥 (POST /keys), then the key itself — shown this once, never again. */
export function KeyCreateModal({ user, departments, open, onClose, onCreated }: KeyCreateModalProps) {
  const [form] = Form.useForm<KeyValues>();
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const chooseDepartment = can.chooseDepartment(user);

  async function submit(values: KeyValues) {
    const key = await api<CreatedKey>('/keys', {
      method: 'POST',
      body: {
        role: values.role,
        ...(values.name?.trim() ? { name: values.name.trim() } : {}),
        ...(chooseDepartment && values.department ? { department: values.department } : {}),
      },
    });
    setCreated(key);
    onCreated();
  }

  const departmentName = (code: string) => departments.find((d) => d.code === code)?.name ?? code;

  return (
    <>
      <FormModal<KeyValues>
        name="key-create"
        title="创建 API 密钥"
        okText="创建"
        open={open}
        form={form}
        fields={FIELDS}
        initialValues={{ role: 'system', department: user.department.code }}
        onSubmit={submit}
        onClose={onClose}
      >
        <Form.Item label="名称" name="name" extra="用途说明，如“行政审批系统对接”" rules={[{ max: 100, message: '名称不能超过 100 个字' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
          <Select options={ROLE_OPTIONS} />
        </Form.Item>
        <Form.Item label="所属部门" name="department" extra={chooseDepartment ? undefined : '只能为本部门创建密钥'}>
          <Select
            disabled={!chooseDepartment}
            showSearch={{ optionFilterProp: 'label' }}
            options={(chooseDepartment ? departments : [{ code: user.department.code, name: user.department.name }])
              .map((d) => ({ value: d.code, label: d.name }))}
          />
        </Form.Item>
      </FormModal>
      <Modal
        title="API 密钥已创建"
        open={created !== null}
        closable={false}
        mask={{ closable: false }}
        keyboard={false}
        destroyOnHidden
        footer={<Button type="primary" onClick={() => setCreated(null)}>我已妥善保存</Button>}
      >
        {created && (
          <>
            <Alert
              type="warning"
              showIcon
              title="密钥只显示这一次"
              description="关闭此窗口后将无法再次查看。请立即复制并保存到安全的位置；如遗失，请吊销后重新创建。"
              style={{ marginBottom: 16 }}
            />
            <Typography.Paragraph
              copyable={{ text: created.key, tooltips: ['复制', '已复制'] }}
              data-testid="new-api-key"
              className="console-secret"
            >
              <code>{created.key}</code>
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              {roleLabel(created.role)} · {departmentName(created.department)}{created.name ? ` · ${created.name}` : ''}
            </Typography.Paragraph>
          </>
        )}
      </Modal>
    </>
  );
}
