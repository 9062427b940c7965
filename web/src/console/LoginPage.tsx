import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../shared/api.js';
import { login } from './api.js';
import type { User } from './types.js';

interface LoginValues {
  username: string;
  password: string;
}

interface LoginPageProps {
  siteName: string;
  notice?: string;
  onLogin: (user: User) => void;
}

export function LoginPage({ siteName, notice, onLogin }: LoginPageProps) {
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(values: LoginValues) {
    setSubmitting(true);
    setError(null);
    try {
      onLogin(await login(values.username.trim(), values.password));
    } catch (failure) {
      setError(errorMessage(failure));
      setSubmitting(false);
    }
  }

  return (
    <main className="console-full">
      <Card style={{ width: 400, maxWidth: '100%' }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          {siteName}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          信用信息管理平台 · 工作人员登录
        </Typography.Paragraph>
        {notice && !error && <Alert type="info" showIcon title={notice} style={{ marginBottom: 16 }} />}
        <Form<LoginValues> layout="vertical" requiredMark={false} onFinish={submit} disabled={submitting}>
          <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
            <Input autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" size="large" />
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" size="large" block loading={submitting}>
            登录
          </Button>
        </Form>
      </Card>
    </main>
  );
}
