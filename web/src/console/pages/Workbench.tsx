import { Card, Descriptions, Typography } from 'antd';
import { roleLabel, type User } from '../types.js';

export function Workbench({ user }: { user: User }) {
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>工作台</Typography.Title>
      <Card title={`欢迎您，${user.displayName}`}>
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="middle">
          <Descriptions.Item label="姓名">{user.displayName}</Descriptions.Item>
          <Descriptions.Item label="用户名">{user.username}</Descriptions.Item>
          <Descriptions.Item label="所属部门">{user.department.name}</Descriptions.Item>
          <Descriptions.Item label="部门代码">{user.department.code}</Descriptions.Item>
          <Descriptions.Item label="角色">{roleLabel(user.role)}</Descriptions.Item>
        </Descriptions>
      </Card>
    </>
  );
}
