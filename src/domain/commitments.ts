// 信用承诺 (DESIGN §4 Commitments; 国办发〔2019〕35号 on commitment-based regulation): the types of
// commitment, how they are fulfilled, and their code — 6-digit region + 8-digit date + 6-digit
// serial. A commitment not (fully) kept is a negative record of its subject. Pure.

export const COMMITMENT_TYPES = ['审批替代型', '容缺受理型', '证明事项型', '信用修复型', '行业自律型', '主动型', '其他'] as const;
export type CommitmentType = (typeof COMMITMENT_TYPES)[number];

/** 全部履行 / 部分履行 / 全部未履行 */
export const FULFILMENTS = { fulfilled: '全部履行', partial: '部分履行', unfulfilled: '全部未履行' } as const;
export type Fulfilment = keyof typeof FULFILMENTS;

export function commitmentCode(regionCode: string, madeOn: string, serial: number): string {
  if (!/^\d{6}$/.test(regionCode)) throw new RangeError(`region code must be 6 digits: ${regionCode}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(madeOn)) throw new RangeError(`date must be YYYY-MM-DD: ${madeOn}`);
  if (!Number.isInteger(serial) || serial < 1 || serial > 999_999) throw new RangeError(`serial must be 1–999999: ${serial}`);
  return `${regionCode}${madeOn.replace(/-/g, '')}${String(serial).padStart(6, '0')}`;
}

export function parseCommitmentCode(code: string): { regionCode: string; madeOn: string; serial: number } | null {
  const m = /^(\d{6})(\d{4})(\d{2})(\d{2})(\d{6})$/.exec(code.trim());
  if (!m || Number(m[5]) === 0) return null;
  const madeOn = `${m[2]}-${m[3]}-${m[4]}`;
  const d = new Date(`${madeOn}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== madeOn) return null;
  return { regionCode: m[1], madeOn, serial: Number(m[5]) };
}

/** A commitment not fully kept becomes a negative record (失信) of the subject. */
export function isBroken(f: Fulfilment | null): boolean {
  return f === 'partial' || f === 'unfulfilled';
}
