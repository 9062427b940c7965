import type { SearchItem, SubjectKind } from './types.js';

export { FALLBACK_SITE_NAME } from '../shared/site.js';
export const SEARCH_PLACEHOLDER = '请输入统一社会信用代码、身份证号码或主体名称';
export const NO_RESULTS = '未找到相关主体';
export const NO_PUBLIC_INFO = '暂无公开信息';

export const KIND_LABELS: Record<SubjectKind, string> = {
  organization: '法人和非法人组织',
  individual_business: '个体工商户',
  natural_person: '自然人',
};

export const MATCHED_BY_LABELS: Record<SearchItem['matchedBy'], string> = {
  uscc: '统一社会信用代码匹配',
  id_number: '身份证号码匹配',
  name: '名称匹配',
};

export function kindLabel(kind: string): string {
  return (KIND_LABELS as Record<string, string>)[kind] ?? kind;
}

export const LIST_KIND_LABELS: Record<string, string> = { red: '红名单', black: '黑名单' };

export const EVIDENCE_LABELS: Record<string, string> = {
  fulfilment: '履行义务证明',
  training: '信用修复培训证明',
  report: '信用报告',
};

/** The repair conditions the platform checks (docs/rights.md). */
export const CONDITION_LABELS: Record<string, string> = {
  REPAIRABLE: '名单可修复',
  MIN_PERIOD: '最短公示期限',
  NO_NEWER_NEGATIVE: '无同类新增失信记录',
  REPAIR_LIMIT: '修复次数限制',
  COOLING_OFF: '再次修复限制期',
  COMMITMENT: '信用修复承诺',
  EVIDENCE: '证明材料',
};

export const OBJECTION_OUTCOME_LABELS: Record<string, string> = {
  verified: '经核实，信息无误，予以维持',
  unpublish: '取消公示',
  delete: '删除信息',
  update: '更正信息',
};

export const NO_PUBLIC_DATA = '暂无公开数据';
