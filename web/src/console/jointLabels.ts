// Chinese names and tag colours of the joint-action and rights codes the API speaks.

export interface CodeLabel { label: string; color?: string }
type Table = Record<string, CodeLabel>;

export const codeLabel = (table: Table, code: string | null | undefined) => (code ? table[code]?.label ?? code : '—');

export const LIST_KIND: Table = { red: { label: '红名单', color: 'red' }, black: { label: '黑名单', color: '#262626' } };

export const ENTRY_STATUS: Table = {
  active: { label: '生效中', color: 'green' },
  held: { label: '核实中（暂停执行）', color: 'orange' },
  expired: { label: '已到期' },
  removed: { label: '已移出' },
  revoked: { label: '已撤销', color: 'volcano' },
};

export const MEASURE_KIND: Table = { punishment: { label: '惩戒', color: 'volcano' }, reward: { label: '激励', color: 'green' } };
export const NATURE: Table = { mandatory: { label: '强制性', color: 'red' }, recommended: { label: '推荐性', color: 'blue' } };

export const APPLIES_TO: Table = {
  organization: { label: '法人和非法人组织' },
  responsible_person: { label: '相关责任人' },
  natural_person: { label: '自然人' },
};

/** The usual matter categories (src/modules/measures/use-cases.ts): measures and matters must use the same words. */
export const MATTER_CATEGORIES = ['行政许可', '政府采购', '招标投标', '财政资金', '评先评优', '公共资源交易', '任职资格', '融资信贷', '日常监管', '公共服务', '其他'];

export const MEMORANDUM_STATUS: Table = {
  notified: { label: '通报', color: 'blue' },
  in_force: { label: '实施', color: 'green' },
  expired: { label: '过期' },
};
export const ACCEPTANCE: Table = { pending: { label: '待接收', color: 'orange' }, accepted: { label: '已接收', color: 'green' } };
export const TASK_STATUS: Table = { pending: { label: '待确认', color: 'orange' }, acknowledged: { label: '已确认', color: 'green' } };

export const OUTCOME: Table = {
  restrict: { label: '限制', color: 'red' },
  reward: { label: '激励', color: 'green' },
  mixed: { label: '限制与激励并存', color: 'orange' },
  clear: { label: '无', color: 'default' },
  unresolved: { label: '待确认', color: 'gold' },
};

export const FEEDBACK_STATUS: Table = {
  open: { label: '待反馈', color: 'orange' },
  closed: { label: '已反馈', color: 'green' },
  not_required: { label: '无需反馈' },
};
export const FEEDBACK_ACTION: Table = { applied: { label: '已执行' }, not_applied: { label: '未执行' } };

export const OBJECTION_STATUS: Table = {
  submitted: { label: '待受理', color: 'orange' },
  returned: { label: '已退回' },
  accepted: { label: '已受理', color: 'blue' },
  with_provider: { label: '数源单位核实中', color: 'purple' },
  decided: { label: '已办结', color: 'green' },
};
export const OBJECTION_OUTCOME: Table = {
  verified: { label: '核实无误，恢复执行' },
  unpublish: { label: '取消公示（移出名单）' },
  delete: { label: '删除信息（撤销认定）' },
  update: { label: '更正信息' },
};

export const REPAIR_STATUS: Table = {
  submitted: { label: '审核中', color: 'orange' },
  approved: { label: '已修复', color: 'green' },
  rejected: { label: '未通过', color: 'volcano' },
};
export const REPAIR_KIND: Table = {
  serious_list_removal: { label: '严重失信主体名单移出' },
  other_negative: { label: '其他名单信息修复' },
  penalty_unpublish: { label: '行政处罚信息提前终止公示' },
};
export const EVIDENCE_KIND: Table = {
  fulfilment: { label: '履行义务证明' },
  training: { label: '信用修复培训证明' },
  report: { label: '信用报告' },
};
export const CONDITION: Table = {
  REPAIRABLE: { label: '名单可修复' },
  MIN_PERIOD: { label: '最短公示期限' },
  NO_NEWER_NEGATIVE: { label: '无同类新增失信记录' },
  REPAIR_LIMIT: { label: '修复次数限制' },
  COOLING_OFF: { label: '再次修复限制期' },
  COMMITMENT: { label: '信用修复承诺' },
  EVIDENCE: { label: '证明材料' },
};

export const REPORT_STATUS: Table = {
  submitted: { label: '待分派', color: 'orange' },
  handling: { label: '办理中', color: 'blue' },
  closed: { label: '已办结', color: 'green' },
};

export const asOptions = (table: Table) => Object.entries(table).map(([value, { label }]) => ({ value, label }));

/** "2026-06-01 至 2029-05-31" or "… 起长期". */
export function termText(startsOn: string, endsOn: string | null): string {
  return endsOn ? `${startsOn} 至 ${endsOn}` : `${startsOn} 起，直至移出`;
}
