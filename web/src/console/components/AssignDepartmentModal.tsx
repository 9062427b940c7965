import { Form, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { api } from '../api.js';
import { useDepartmentOptions } from '../lookups.js';
import { FormModal } from './FormModal.js';

interface AssignDepartmentModalProps {
  title: string;
  /** what is being assigned, shown above the field */
  subject: string | null;
  /** e.g. /list-types/{code}/initiating-department */
  path: string | null;
  role: 'initiating' | 'implementing';
  current: string | null;
  onClose: () => void;
  onDone: () => void;
}

/** 指定认定部门 / 指定实施部门: POST {path} {department}. */
export function AssignDepartmentModal({ title, subject, path, role, current, onClose, onDone }: AssignDepartmentModalProps) {
  const [form] = Form.useForm<{ department: string }>();
  const options = useDepartmentOptions(role, path !== null);
  const label = role === 'initiating' ? '认定部门' : '实施部门';
  useEffect(() => {
    if (path) form.setFieldsValue({ department: current ?? undefined });
  }, [form, path, current]);
  return (
    <FormModal<{ department: string }>
      name={`assign-${role}`}
      title={title}
      open={path !== null}
      form={form}
      fields={['department']}
      onSubmit={async (values) => {
        await api(path!, { method: 'POST', body: { department: values.department } });
        onDone();
      }}
      onClose={onClose}
    >
      {subject && <Typography.Paragraph>{subject}</Typography.Paragraph>}
      <Form.Item label={label} name="department" rules={[{ required: true, message: `请选择${label}` }]}
        extra={role === 'initiating' ? '只列出具有“发起部门”职能的部门' : '只列出具有“实施部门”职能的部门'}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={options} placeholder={`请选择${label}`} />
      </Form.Item>
    </FormModal>
  );
}
