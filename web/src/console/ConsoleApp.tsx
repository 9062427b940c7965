import { App as AntApp, Button, ConfigProvider, Result, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, errorMessage } from '../shared/api.js';
import { navigate } from '../shared/router.js';
import { useSiteInfo } from '../shared/site.js';
import { fetchMe, logout, setUnauthorizedHandler } from './api.js';
import { ConsoleLayout } from './ConsoleLayout.js';
import { LoginPage } from './LoginPage.js';
import type { User } from './types.js';

type Session =
  | { status: 'loading' }
  | { status: 'anonymous'; notice?: string }
  | { status: 'authenticated'; user: User }
  | { status: 'error'; message: string };

function useSession() {
  const [session, setSession] = useState<Session>({ status: 'loading' });

  const load = useCallback((signal?: AbortSignal) => {
    setSession({ status: 'loading' });
    fetchMe(signal)
      .then((user) => setSession({ status: 'authenticated', user }))
      .catch((error: unknown) => {
        if (signal?.aborted) return;
        if (error instanceof ApiError && error.status === 401) setSession({ status: 'anonymous' });
        else setSession({ status: 'error', message: errorMessage(error) });
      });
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal);
    return () => controller.abort();
  }, [load]);

  useEffect(() => {
    setUnauthorizedHandler(() => setSession({ status: 'anonymous', notice: '登录已过期，请重新登录' }));
    return () => setUnauthorizedHandler(null);
  }, []);

  const signIn = useCallback((user: User) => setSession({ status: 'authenticated', user }), []);
  const signOut = useCallback(async () => {
    try {
      await logout();
    } finally {
      // Whatever the server answered, this browser no longer shows the console.
      setSession({ status: 'anonymous' });
      navigate('/console/');
    }
  }, []);
  return { session, retry: () => load(), signIn, signOut };
}

function ConsoleRoot() {
  const site = useSiteInfo();
  const { session, retry, signIn, signOut } = useSession();

  useEffect(() => {
    document.title = `${site.name} · 信用信息管理平台`;
  }, [site.name]);

  switch (session.status) {
    case 'loading':
      return (
        <div className="console-full">
          <Spin size="large" description="正在加载……" />
        </div>
      );
    case 'error':
      return (
        <div className="console-full">
          <Result status="error" title="无法加载管理平台" subTitle={session.message}
            extra={<Button type="primary" onClick={retry}>重试</Button>} />
        </div>
      );
    case 'anonymous':
      return <LoginPage siteName={site.name} notice={session.notice} onLogin={signIn} />;
    case 'authenticated':
      return <ConsoleLayout siteName={site.name} user={session.user} onLogout={signOut} />;
  }
}

export function ConsoleApp() {
  return (
    // autoInsertSpace off: antd would render "登 录", which screen readers (and tests) read as two words.
    <ConfigProvider
      locale={zhCN}
      button={{ autoInsertSpace: false }}
      theme={{ token: { colorPrimary: '#1456a8', borderRadius: 4 } }}
    >
      <AntApp className="console-app">
        <ConsoleRoot />
      </AntApp>
    </ConfigProvider>
  );
}
