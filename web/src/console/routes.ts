// Console pages under /console/ (client-side routing with history.pushState).
// `visible` decides whether the side menu offers the page to this user; a page opened by URL
// still loads and shows the API's answer (e.g. its 403 explanation), never data the API refused.
import { can, isImplementing, isInitiating, isPlatform, isProvider } from './permissions.js';
import type { User } from './types.js';

export const CONSOLE_BASE = '/console';

export interface ConsoleRoute {
  path: string;
  label: string;
  /** the side menu's group (none: at the top) */
  group?: string;
  visible: (user: User) => boolean;
}

const everyone = () => true;
const JOINT = '联合奖惩';
const RIGHTS = '信用权益';
const SYSTEM = '系统管理';
const COLLECTION = '信用信息归集';

export const ROUTES: ConsoleRoute[] = [
  { path: '/console/', label: '工作台', visible: everyone },
  { path: '/console/subjects', label: '主体管理', visible: everyone },
  { path: '/console/changes', label: '变更流', visible: everyone },
  { path: '/console/tracking', label: '跟踪问效', visible: (u) => u.role !== 'system' },
  { path: '/console/collection/upload', label: '数据上报', group: COLLECTION, visible: can.deliver },
  { path: '/console/collection/batches', label: '导入批次', group: COLLECTION, visible: can.collect },
  { path: '/console/collection/timeliness', label: '双公示及时性', group: COLLECTION, visible: can.collect },
  { path: '/console/catalog', label: '信息目录', group: COLLECTION, visible: can.collect },
  { path: '/console/list-types', label: '名单类型', group: JOINT, visible: (u) => isInitiating(u) || isImplementing(u) },
  { path: '/console/list-entries', label: '名单记录', group: JOINT, visible: isInitiating },
  { path: '/console/measures', label: '措施清单', group: JOINT, visible: isImplementing },
  { path: '/console/matters', label: '业务事项', group: JOINT, visible: isImplementing },
  { path: '/console/memoranda', label: '合作备忘录', group: JOINT, visible: isImplementing },
  { path: '/console/tasks', label: '响应任务', group: JOINT, visible: isImplementing },
  { path: '/console/checks', label: '核查', group: JOINT, visible: can.check },
  { path: '/console/feedback', label: '待反馈', group: JOINT, visible: can.check },
  { path: '/console/commitments', label: '信用承诺', group: JOINT, visible: (u) => u.role !== 'system' },
  { path: '/console/objections', label: '异议处理', group: RIGHTS, visible: (u) => isPlatform(u) || isProvider(u) },
  { path: '/console/repairs', label: '信用修复', group: RIGHTS, visible: isInitiating },
  { path: '/console/reports', label: '失信举报', group: RIGHTS, visible: everyone },
  { path: '/console/departments', label: '部门管理', group: SYSTEM, visible: everyone },
  { path: '/console/users', label: '用户管理', group: SYSTEM, visible: can.manageUsers },
  { path: '/console/keys', label: 'API 密钥', group: SYSTEM, visible: can.manageKeys },
  { path: '/console/subscriptions', label: '推送订阅', group: SYSTEM, visible: everyone },
  { path: '/console/audit', label: '审计日志', group: SYSTEM, visible: can.readAudit },
];

export function menuRoutes(user: User): ConsoleRoute[] {
  return ROUTES.filter((route) => route.visible(user));
}

/** The side menu: ungrouped entries first, then one titled group per group that has entries for the user. */
export function menuGroups(user: User): { group: string | undefined; routes: ConsoleRoute[] }[] {
  const groups: { group: string | undefined; routes: ConsoleRoute[] }[] = [];
  for (const route of menuRoutes(user)) {
    const last = groups[groups.length - 1];
    if (last && last.group === route.group) last.routes.push(route);
    else groups.push({ group: route.group, routes: [route] });
  }
  return groups;
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
