import { Button, Layout, Menu, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { navigate, useLocation } from '../shared/router.js';
import { ChangePasswordModal } from './ChangePasswordModal.js';
import { roleLabel } from './labels.js';
import { AuditPage } from './pages/audit/AuditPage.js';
import { TrackingPage } from './pages/tracking/TrackingPage.js';
import { CommitmentsPage } from './pages/commitments/CommitmentsPage.js';
import { ChangesPage } from './pages/ChangesPage.js';
import { BatchesPage } from './pages/collection/BatchesPage.js';
import { CatalogPage } from './pages/collection/CatalogPage.js';
import { TimelinessPage } from './pages/collection/TimelinessPage.js';
import { UploadPage } from './pages/collection/UploadPage.js';
import { CheckPage } from './pages/checks/CheckPage.js';
import { FeedbackPage } from './pages/checks/FeedbackPage.js';
import { DepartmentsPage } from './pages/departments/DepartmentsPage.js';
import { KeysPage } from './pages/keys/KeysPage.js';
import { EntriesPage } from './pages/lists/EntriesPage.js';
import { ListTypesPage } from './pages/lists/ListTypesPage.js';
import { MattersPage } from './pages/measures/MattersPage.js';
import { MeasuresPage } from './pages/measures/MeasuresPage.js';
import { MemorandaPage } from './pages/memoranda/MemorandaPage.js';
import { NotFound } from './pages/NotFound.js';
import { ObjectionsPage } from './pages/objections/ObjectionsPage.js';
import { SubscriptionsPage } from './pages/push/SubscriptionsPage.js';
import { RepairsPage } from './pages/repairs/RepairsPage.js';
import { ReportsPage } from './pages/reports/ReportsPage.js';
import { SubjectsPage } from './pages/subjects/SubjectsPage.js';
import { TasksPage } from './pages/tasks/TasksPage.js';
import { UsersPage } from './pages/users/UsersPage.js';
import { Workbench } from './pages/Workbench.js';
import { findRoute, menuGroups, normalisePath } from './routes.js';
import type { User } from './types.js';

interface ConsoleLayoutProps {
  siteName: string;
  user: User;
  onLogout: () => Promise<void>;
}

function Page({ path, user }: { path: string; user: User }) {
  const route = findRoute(path);
  if (!route) return <NotFound />;
  switch (route.path) {
    case '/console/subjects': return <SubjectsPage user={user} />;
    case '/console/changes': return <ChangesPage />;
    case '/console/tracking': return <TrackingPage user={user} />;
    case '/console/commitments': return <CommitmentsPage user={user} />;
    case '/console/departments': return <DepartmentsPage user={user} />;
    case '/console/users': return <UsersPage user={user} />;
    case '/console/keys': return <KeysPage user={user} />;
    case '/console/audit': return <AuditPage user={user} />;
    case '/console/list-types': return <ListTypesPage user={user} />;
    case '/console/list-entries': return <EntriesPage user={user} />;
    case '/console/measures': return <MeasuresPage user={user} />;
    case '/console/matters': return <MattersPage user={user} />;
    case '/console/memoranda': return <MemorandaPage user={user} />;
    case '/console/tasks': return <TasksPage user={user} />;
    case '/console/checks': return <CheckPage user={user} />;
    case '/console/feedback': return <FeedbackPage />;
    case '/console/objections': return <ObjectionsPage user={user} />;
    case '/console/repairs': return <RepairsPage user={user} />;
    case '/console/reports': return <ReportsPage user={user} />;
    case '/console/collection/upload': return <UploadPage user={user} />;
    case '/console/collection/batches': return <BatchesPage user={user} />;
    case '/console/collection/timeliness': return <TimelinessPage user={user} />;
    case '/console/catalog': return <CatalogPage />;
    case '/console/subscriptions': return <SubscriptionsPage user={user} />;
    default: return <Workbench user={user} />;
  }
}

export function ConsoleLayout({ siteName, user, onLogout }: ConsoleLayoutProps) {
  const { pathname } = useLocation();
  const path = normalisePath(pathname);
  const [passwordOpen, setPasswordOpen] = useState(false);
  const [loggingOut, setLoggingOut] = useState(false);

  useEffect(() => {
    const route = findRoute(path);
    document.title = `${route?.label ?? '页面不存在'} - ${siteName} · 信用信息管理平台`;
  }, [path, siteName]);

  async function logout() {
    setLoggingOut(true);
    try {
      await onLogout();
    } catch {
      setLoggingOut(false);
    }
  }

  return (
    <Layout style={{ minHeight: '100%' }}>
      <Layout.Sider width={208} breakpoint="lg" collapsedWidth={0}>
        <div className="console-brand" title={siteName}>{siteName}</div>
        <nav aria-label="主菜单">
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[path]}
            items={menuGroups(user).flatMap(({ group, routes }) => {
              const items = routes.map((route) => ({ key: route.path, label: route.label }));
              return group ? [{ type: 'group' as const, key: group, label: group, children: items }] : items;
            })}
            onClick={({ key }) => navigate(key)}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{ background: '#fff', padding: '0 24px', display: 'flex', alignItems: 'center',
            justifyContent: 'space-between', borderBottom: '1px solid #f0f0f0' }}
        >
          <Typography.Text strong style={{ fontSize: 16 }}>信用信息管理平台</Typography.Text>
          <Space size="middle">
            <Typography.Text data-testid="current-user">
              {user.displayName}
              <Typography.Text type="secondary">（{roleLabel(user.role)}）</Typography.Text>
            </Typography.Text>
            <Button onClick={() => setPasswordOpen(true)}>修改密码</Button>
            <Button onClick={logout} loading={loggingOut}>退出登录</Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <main>
            <Page path={path} user={user} />
          </main>
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center', color: '#595959' }}>{siteName} · 信用信息管理平台</Layout.Footer>
      </Layout>
      <ChangePasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </Layout>
  );
}
