import { App, Checkbox, Form, Input } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import { FormModal } from '../../components/FormModal.js';
import { usccRule } from '../../identifiers.js';
import { DEPARTMENT_ROLE_LABELS } from '../../labels.js';
import type { Department } from '../../types.js';

interface DepartmentValues {
  code: string;
  name: string;
  regionCode: string;
  roles: string[];
}

const FIELDS = ['code', 'name', 'regionCode', 'roles'];
const ROLE_OPTIONS = ['provider', 'initiating', 'implementing'].map((value) => ({ value, label: DEPARTMENT_ROLE_LABELS[value] }));

/** 新增部门 (POST /departments): the credit office's admins only; the page offers it to no one else. */
export function DepartmentForm({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (d: Department) => void }) {
  const [form] = Form.useForm<DepartmentValues>();
  const [regionHint, setRegionHint] = useState<string | null>(null);
  const { message } = App.useApp();

  // A valid USCC names its region (characters 3–8): offer it when the region is still empty.
  const onValidCode = (details: Record<string, unknown>) => {
    const region = typeof details.regionCode === 'string' ? details.regionCode : null;
    setRegionHint(typeof details.regionName === 'string' ? `代码登记地：${details.regionName}（${region}）` : null);
    if (region && !form.getFieldValue('regionCode')) form.setFieldValue('regionCode', region);
  };

  async function submit(values: DepartmentValues) {
    const created = await api<Department>('/departments', {
      method: 'POST',
      body: { code: values.code.trim().toUpperCase(), name: values.name.trim(), regionCode: values.regionCode.trim(), roles: values.roles },
    });
    message.success(`已新增部门：${created.name}`);
    onCreated(created);
  }

  return (
    <FormModal<DepartmentValues>
      name="department-create"
      title="新增部门"
      okText="新增"
      open={open}
      form={form}
      fields={FIELDS}
      initialValues={{ roles: ['provider'] }}
      onSubmit={submit}
      onClose={() => { setRegionHint(null); onClose(); }}
    >
      <Form.Item
        label="统一社会信用代码"
        name="code"
        validateTrigger="onBlur"
        extra={regionHint ?? '18 位，部门的统一社会信用代码（机关一般以 11 开头）'}
        rules={[{ required: true, whitespace: true, message: '请输入部门的统一社会信用代码' }, usccRule(onValidCode)]}
      >
        <Input maxLength={40} autoComplete="off" spellCheck={false} style={{ textTransform: 'uppercase' }} />
      </Form.Item>
      <Form.Item
        label="部门名称"
        name="name"
        rules={[{ required: true, whitespace: true, message: '请输入部门名称' }, { min: 2, max: 100, message: '部门名称为 2–100 个字' }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        label="行政区划代码"
        name="regionCode"
        extra="6 位数字，如 410000（河南省）"
        rules={[{ required: true, message: '请输入行政区划代码' }, { pattern: /^\d{6}$/, message: '行政区划代码应为 6 位数字' }]}
      >
        <Input maxLength={6} inputMode="numeric" style={{ width: 160 }} />
      </Form.Item>
      <Form.Item label="部门职能" name="roles" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一项职能' }]}>
        <Checkbox.Group options={ROLE_OPTIONS} />
      </Form.Item>
    </FormModal>
  );
}
