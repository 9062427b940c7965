import { App, Form, Input, Select } from 'antd';
import { api } from '../../api.js';
import { FormModal } from '../../components/FormModal.js';
import { roleLabel } from '../../labels.js';
import { can } from '../../permissions.js';
import type { Department, User } from '../../types.js';

interface UserValues {
  username: string;
  displayName: string;
  role: 'admin' | 'officer';
  department: string;
  password: string;
  confirmPassword: string;
}

const FIELDS = ['username', 'displayName', 'role', 'department', 'password'];

/** The server's rule (src/modules/auth/users.ts checkPasswordStrength), said the same way. */
export function passwordProblem(password: string): string | null {
  if (password.length < 10) return '密码至少 10 位';
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (classes < 3) return '密码需包含大写字母、小写字母、数字、符号中的至少三类';
  return null;
}

interface UserCreateModalProps {
  user: User;
  departments: Department[];
  open: boolean;
  onClose: () => void;
  onCreated: () => void;
}

/** 新增用户 (POST /users). Only the credit office's admins choose the department. */
export function UserCreateModal({ user, departments, open, onClose, onCreated }: UserCreateModalProps) {
  const [form] = Form.useForm<UserValues>();
  const { message } = App.useApp();
  const chooseDepartment = can.chooseDepartment(user);

  async function submit(values: UserValues) {
    await api('/users', {
      method: 'POST',
      body: {
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        role: values.role,
        password: values.password,
        ...(chooseDepartment && values.department ? { department: values.department } : {}),
      },
    });
    message.success(`已新增用户：${values.displayName.trim()}（${values.username.trim()}）`);
    onCreated();
  }

  return (
    <FormModal<UserValues>
      name="user-create"
      title="新增用户"
      okText="新增"
      open={open}
      form={form}
      fields={FIELDS}
      initialValues={{ role: 'officer', department: user.department.code }}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item
        label="用户名"
        name="username"
        extra="用于登录，2–64 位字母、数字或 _ . @ -"
        rules={[
          { required: true, message: '请输入用户名' },
          { pattern: /^[A-Za-z0-9_.@-]{2,64}$/, message: '用户名为 2–64 位字母、数字或 _ . @ -' },
        ]}
      >
        <Input maxLength={64} autoComplete="off" spellCheck={false} />
      </Form.Item>
      <Form.Item label="姓名" name="displayName" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
        <Input maxLength={50} autoComplete="off" />
      </Form.Item>
      <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
        <Select options={(['officer', 'admin'] as const).map((value) => ({ value, label: roleLabel(value) }))} />
      </Form.Item>
      <Form.Item label="所属部门" name="department" extra={chooseDepartment ? undefined : '只能为本部门新增用户'}>
        <Select
          disabled={!chooseDepartment}
          showSearch={{ optionFilterProp: 'label' }}
          options={(chooseDepartment ? departments : [{ code: user.department.code, name: user.department.name }])
            .map((d) => ({ value: d.code, label: d.name }))}
        />
      </Form.Item>
      <Form.Item
        label="初始密码"
        name="password"
        extra="至少 10 位，包含大写字母、小写字母、数字、符号中的至少三类"
        rules={[
          { required: true, message: '请输入初始密码' },
          { validator: async (_, value: string | undefined) => {
            const problem = value ? passwordProblem(value) : null;
            if (problem) throw new Error(problem);
          } },
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={200} />
      </Form.Item>
      <Form.Item
        label="确认密码"
        name="confirmPassword"
        dependencies={['password']}
        rules={[
          { required: true, message: '请再次输入密码' },
          ({ getFieldValue }) => ({
            validator: async (_, value) => {
              if (value && value !== getFieldValue('password')) throw new Error('两次输入的密码不一致');
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
