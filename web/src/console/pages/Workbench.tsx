import { Button, Card, Descriptions, Space, Typography } from 'antd';
import { linkClick } from '../../shared/router.js';
import { departmentRoleLabel, roleLabel } from '../labels.js';
import { menuRoutes } from '../routes.js';
import type { User } from '../types.js';
import { TodoCard } from './TodoCard.js';

export function Workbench({ user }: { user: User }) {
  const roles = (user.department.roles ?? []).map(departmentRoleLabel).join('、');
  const shortcuts = menuRoutes(user).filter((route) => route.path !== '/console/');
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
          <Descriptions.Item label="部门职能">{roles || '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <TodoCard user={user} />
      <Card title="常用功能" style={{ marginTop: 16 }}>
        <Space wrap>
          {shortcuts.map((route) => (
            <Button key={route.path} href={route.path} onClick={(event) => linkClick(event as React.MouseEvent<HTMLAnchorElement>)}>
              {route.label}
            </Button>
          ))}
        </Space>
      </Card>
    </>
  );
}
