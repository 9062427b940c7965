// Console pages under /console/ (client-side routing with history.pushState).
// `visible` decides whether the side menu offers the page to this user; a page opened by URL
// still loads and shows the API's answer (e.g. its 403 explanation), never data the API refused.
import { can } from './permissions.js';
import type { User } from './types.js';

export const CONSOLE_BASE = '/console';

export interface ConsoleRoute {
  path: string;
  label: string;
  visible: (user: User) => boolean;
}

const everyone = () => true;

export const ROUTES: ConsoleRoute[] = [
  { path: '/console/', label: '工作台', visible: everyone },
  { path: '/console/subjects', label: '主体管理', visible: everyone },
  { path: '/console/changes', label: '变更流', visible: everyone },
  { path: '/console/departments', label: '部门管理', visible: everyone },
  { path: '/console/users', label: '用户管理', visible: can.manageUsers },
  { path: '/console/keys', label: 'API 密钥', visible: can.manageKeys },
  { path: '/console/audit', label: '审计日志', visible: can.readAudit },
];

export function menuRoutes(user: User): ConsoleRoute[] {
  return ROUTES.filter((route) => route.visible(user));
}

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
