// Console pages under /console/ (client-side routing with history.pushState).
export const CONSOLE_BASE = '/console';

export interface ConsoleRoute {
  path: string;
  label: string;
}

export const ROUTES: ConsoleRoute[] = [
  { path: '/console/', label: '工作台' },
  { path: '/console/subjects', label: '主体管理' },
  { path: '/console/departments', label: '部门管理' },
  { path: '/console/keys', label: 'API 密钥' },
  { path: '/console/audit', label: '审计日志' },
];

/** Normalises /console, /console/index.html and trailing slashes to the route paths above. */
export function normalisePath(pathname: string): string {
  if (pathname === CONSOLE_BASE || pathname === `${CONSOLE_BASE}/index.html`) return `${CONSOLE_BASE}/`;
  if (pathname.length > CONSOLE_BASE.length + 1 && pathname.endsWith('/')) return pathname.slice(0, -1);
  return pathname;
}

export function findRoute(pathname: string): ConsoleRoute | undefined {
  const path = normalisePath(pathname);
  return ROUTES.find((route) => route.path === path);
}
