import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage } from '../shared/api.js';
import { changePassword } from './api.js';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const FIELDS = ['currentPassword', 'newPassword'] as const;

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<PasswordValues>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();

  function close() {
    form.resetFields();
    setError(null);
    onClose();
  }

  async function submit(values: PasswordValues) {
    setSubmitting(true);
    setError(null);
    try {
      await changePassword(values.currentPassword, values.newPassword);
      message.success('密码已修改');
      close();
    } catch (failure) {
      setError(errorMessage(failure));
      // Field errors from problem+json (errors: [{path, message}]) go next to their field.
      const fieldErrors = failure instanceof ApiError ? failure.problem?.errors ?? [] : [];
      form.setFields(FIELDS.map((name) => ({
        name,
        errors: fieldErrors.filter((e) => e.path.replace(/^\/|^body\./, '') === name).map((e) => e.message),
      })));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Modal
      title="修改密码"
      open={open}
      okText="确认修改"
      cancelText="取消"
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={close}
      forceRender
    >
      <Form<PasswordValues> name="change-password" form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label="新密码"
          name="newPassword"
          dependencies={['currentPassword']}
          rules={[
            { required: true, message: '请输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value) => value && value === getFieldValue('currentPassword')
                ? Promise.reject(new Error('新密码不能与当前密码相同'))
                : Promise.resolve(),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirmPassword"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value) => !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error('两次输入的新密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </Form>
    </Modal>
  );
}
