// Chinese names of the codes the API speaks, and the formats the console shows.
import type { Role, SubjectKind } from './types.js';

function label(table: Record<string, string>, code: string): string {
  return table[code] ?? code;
}

export const ROLE_LABELS: Record<Role, string> = { admin: '管理员', officer: '经办人', system: '系统' };
export const roleLabel = (role: string) => label(ROLE_LABELS, role);

export const DEPARTMENT_ROLE_LABELS: Record<string, string> = {
  provider: '数源（提供单位）',
  initiating: '发起部门',
  implementing: '实施部门',
  platform: '信用办',
};
export const departmentRoleLabel = (role: string) => label(DEPARTMENT_ROLE_LABELS, role);

export const KIND_LABELS: Record<SubjectKind, string> = {
  organization: '法人和非法人组织',
  individual_business: '个体工商户',
  natural_person: '自然人',
};
export const kindLabel = (kind: string) => label(KIND_LABELS, kind);

export const MATCHED_BY_LABELS: Record<string, string> = {
  uscc: '统一社会信用代码',
  id_number: '身份证号码',
  org_code: '组织机构代码',
  reg_no: '工商注册号',
  name: '名称',
};
export const matchedByLabel = (by: string) => label(MATCHED_BY_LABELS, by);

export const RELATION_ROLE_LABELS: Record<string, string> = {
  legal_representative: '法定代表人',
  principal: '主要负责人',
  directly_responsible: '直接责任人',
};
export const relationRoleLabel = (role: string) => label(RELATION_ROLE_LABELS, role);

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'department.created': '新增部门',
  'api_key.created': '创建密钥',
  'api_key.revoked': '吊销密钥',
  'user.created': '新增用户',
  'user.logged_in': '登录',
  'user.logged_out': '退出',
  'user.password_changed': '修改密码',
  'subject.created': '新增主体',
  'subject.renamed': '主体更名',
  'subject.related': '关联人员',
  'subject.viewed': '查看自然人信息',
  'subject.searched': '查询自然人',
  'subject.checked': '核查自然人',
  'list_type.created': '新增名单类型',
  'list_type.assigned': '指定认定部门',
  'list_type.policy': '设置时限与修复条件',
  'entry.published': '认定列入',
  'entry.removed': '移出名单',
  'entry.revoked': '撤销认定',
  'entry.held': '暂停执行（异议核实）',
  'entry.released': '恢复执行',
  'entry.corrected': '更正名单信息',
  'entry.expired': '名单到期',
  'measure.created': '新增措施',
  'measure.assigned': '指定实施部门',
  'matter.created': '新增业务事项',
  'memorandum.created': '登记备忘录',
  'memorandum.accepted': '接收备忘录',
  'memorandum.status': '变更备忘录状态',
  'task.acknowledged': '确认响应任务',
  'check.feedback': '执行反馈',
  'objection.submitted': '提出异议',
  'objection.accepted': '受理异议',
  'objection.returned': '退回异议',
  'objection.forwarded': '异议转办',
  'objection.decided': '异议决定',
  'repair.submitted': '申请信用修复',
  'repair.approved': '同意修复',
  'repair.rejected': '不予修复',
  'report.submitted': '失信举报',
  'report.assigned': '分派举报',
  'report.reporter_viewed': '查看举报人信息',
  'report.closed': '举报办结',
};
export const auditActionLabel = (action: string) => label(AUDIT_ACTION_LABELS, action);

export const ENTITY_TYPE_LABELS: Record<string, string> = {
  department: '部门',
  api_key: 'API 密钥',
  user: '用户',
  subject: '主体',
  list_type: '名单类型',
  list_entry: '名单记录',
  measure: '措施',
  matter: '业务事项',
  memorandum: '合作备忘录',
  response_task: '响应任务',
  credit_check: '核查记录',
  objection: '异议',
  repair: '信用修复',
  report: '举报',
};
export const entityTypeLabel = (type: string) => label(ENTITY_TYPE_LABELS, type);

export const ACTOR_TYPE_LABELS: Record<string, string> = {
  user: '用户', key: 'API 密钥', system: '系统', public: '公众',
};

export const CHANGE_TYPE_LABELS: Record<string, string> = {
  'subject.created': '新增主体',
  'subject.updated': '主体变更',
  'entry.published': '认定列入',
  'entry.held': '暂停执行',
  'entry.released': '恢复执行',
  'entry.removed': '移出名单',
  'entry.revoked': '撤销认定',
  'entry.corrected': '更正名单信息',
  'entry.expired': '名单到期',
  'task.created': '响应任务',
};
export const changeTypeLabel = (type: string) => label(CHANGE_TYPE_LABELS, type);

export const BROKEN_LINK_REASONS: Record<string, string> = {
  gap: '序号不连续，有记录缺失',
  prev_hash: '前一条记录的哈希与本条记录的“前序哈希”不一致',
  hash: '本条记录的内容与其哈希不符，可能被篡改',
};

const DATE_TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
});

/** An ISO timestamp in Beijing time, zh-CN style: 2026/11/27 20:46:26. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : DATE_TIME.format(date);
}

/** A one-line digest of an event's data: its scalar fields, `key：value`, for types the console has no words for. */
export function summarise(data: unknown, max = 4): string {
  if (typeof data !== 'object' || data === null) return '';
  return Object.entries(data as Record<string, unknown>)
    .filter(([, value]) => value !== null && ['string', 'number', 'boolean'].includes(typeof value))
    .slice(0, max)
    .map(([key, value]) => `${key}：${String(value)}`)
    .join('，');
}

/** What an event's data says names its subject (a name, code or masked ID number), if anything. */
export function dataName(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Record<string, unknown>;
  for (const key of ['to', 'name', 'uscc', 'masked', 'username', 'code', 'prefix']) {
    if (typeof d[key] === 'string' && d[key]) return d[key] as string;
  }
  return null;
}
