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
