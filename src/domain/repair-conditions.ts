// The conditions of credit repair the platform can check itself (NDRC Order 36 信用修复管理办法;
// 发改财金规〔2017〕1798号; local limits, configurable): pure, given the facts.

import { addMonths } from './months.js';

export interface RepairFacts {
  today: string;
  repairable: boolean;
  /** Entry decided on (the period counts from the decision, 发改办财金〔2019〕527号). */
  decidedOn: string;
  /** Minimum months on the list before repair may be asked (list type policy; 0 = none). */
  minMonths: number;
  /**
   * A credit record's own earliest end of publication (its policy's minimum, stored with the record),
   * instead of decidedOn + minMonths; null = no minimum (e.g. a minor penalty). Absent for entries.
   */
  earliestOn?: string | null;
  /** Newer negative entries of the same list type for the same subject (decided after this one). */
  newerNegative: number;
  /** Dates (YYYY-MM-DD) of earlier approved repairs of this subject on this list type. */
  earlierRepairs: string[];
  policy: { maxRepairs: number; withinYears: number; notAgainWithinMonths: number };
  commitment: string;
  evidenceKinds: string[];
  requires: string[];
}

export interface Condition { code: string; met: boolean; message: string }

const REQUIRE_NAMES: Record<string, string> = { training: '信用修复培训证明', report: '信用报告', fulfilment: '履行义务证明' };

export function repairConditions(f: RepairFacts): Condition[] {
  const record = f.earliestOn !== undefined;
  const earliest = record ? f.earliestOn ?? f.today : addMonths(f.decidedOn, f.minMonths);
  const periodMet = f.today >= earliest;
  const period = record
    ? (periodMet ? (f.earliestOn ? `已满最短公示期限（${f.earliestOn} 起可申请）` : '该信息无最短公示期限') : `未满最短公示期限：${earliest} 起方可申请`)
    : (periodMet ? `已满最短期限（${f.minMonths} 个月）` : `未满最短期限：${earliest} 起方可申请`);
  const windowStart = addMonths(f.today, -12 * f.policy.withinYears);
  const recent = f.earlierRepairs.filter((d) => d >= windowStart).length;
  const lastRepair = [...f.earlierRepairs].sort().at(-1);
  const coolingEnds = lastRepair ? addMonths(lastRepair, f.policy.notAgainWithinMonths) : null;
  const missing = ['fulfilment', ...f.requires].filter((r) => !f.evidenceKinds.includes(r));
  return [
    { code: 'REPAIRABLE', met: f.repairable, message: f.repairable ? (record ? '该信息可申请信用修复（提前终止公示）' : '该名单可申请信用修复') : (record ? '该类信息没有公示期限，不适用信用修复' : '该名单不适用信用修复，期满后自动移出') },
    { code: 'MIN_PERIOD', met: periodMet, message: period },
    { code: 'NO_NEWER_NEGATIVE', met: f.newerNegative === 0, message: f.newerNegative === 0 ? '无同类新增失信记录' : `存在 ${f.newerNegative} 条同类新增失信记录，暂不能修复` },
    { code: 'REPAIR_LIMIT', met: recent < f.policy.maxRepairs, message: recent < f.policy.maxRepairs ? `近 ${f.policy.withinYears} 年修复 ${recent} 次，未超过限制` : `近 ${f.policy.withinYears} 年内已修复 ${recent} 次，达到上限 ${f.policy.maxRepairs} 次` },
    { code: 'COOLING_OFF', met: !coolingEnds || f.today >= coolingEnds, message: !coolingEnds || f.today >= coolingEnds ? '不在再次修复的限制期内' : `上次修复后 ${f.policy.notAgainWithinMonths} 个月内不得再次申请（${coolingEnds} 起可申请）` },
    { code: 'COMMITMENT', met: f.commitment.trim().length >= 10, message: f.commitment.trim().length >= 10 ? '已作出信用修复承诺' : '须作出信用修复承诺（不少于 10 个字）' },
    { code: 'EVIDENCE', met: missing.length === 0, message: missing.length === 0 ? '已提交所需证明材料' : `缺少证明材料：${missing.map((m) => REQUIRE_NAMES[m] ?? m).join('、')}` },
  ];
}
