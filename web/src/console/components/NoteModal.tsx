import { Form, Input, Typography } from 'antd';
import type { ReactNode } from 'react';
import { FormModal } from './FormModal.js';

interface NoteModalProps {
  /** form name (field ids) */
  name: string;
  title: string;
  open: boolean;
  /** the body field the API expects: note, reason or result */
  field: 'note' | 'reason' | 'result';
  label: string;
  required?: boolean;
  okText?: string;
  description?: ReactNode;
  placeholder?: string;
  onSubmit: (text: string | undefined) => Promise<void>;
  onClose: () => void;
}

/** One-text-field decision (退回 with a note, 移出 with a reason, 办结 with a result…). */
export function NoteModal(props: NoteModalProps) {
  const { name, title, open, field, label, required = true, okText, description, placeholder, onSubmit, onClose } = props;
  const [form] = Form.useForm<Record<string, string>>();
  return (
    <FormModal<Record<string, string>>
      name={name}
      title={title}
      open={open}
      form={form}
      fields={[field]}
      okText={okText}
      onSubmit={async (values) => onSubmit(values[field]?.trim() || undefined)}
      onClose={onClose}
    >
      {description && <Typography.Paragraph type="secondary">{description}</Typography.Paragraph>}
      <Form.Item
        label={label}
        name={field}
        rules={required ? [{ required: true, whitespace: true, message: `请填写${label}` }] : []}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount placeholder={placeholder} />
      </Form.Item>
    </FormModal>
  );
}
