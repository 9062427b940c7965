// What a check answers, as a pure function of the facts (豫政〔2016〕65号 五(一)(四)(六)(八);
// 国发〔2016〕33号): which entries are in force, which measures apply to this caller in this matter,
// whether punishment is aggravated, whether the green channel is open. No I/O.

export type EntryKind = 'red' | 'black';
export type Outcome = 'restrict' | 'reward' | 'mixed' | 'clear';

export interface EntryFact {
  id: string;
  listType: string;
  /** the list type's name, shown to clerks beside its code */
  listTypeName?: string;
  kind: EntryKind;
  domain: string;
  status: string;
  startsOn: string;
  endsOn: string | null;
  /** Set when the entry is an organisation's and reaches this person as answerable for it (落实到人). */
  via: { organizationId: string; organizationName: string; uscc: string | null; role: string } | null;
}

export interface MeasureFact {
  code: string;
  title: string;
  kind: 'reward' | 'punishment';
  nature: 'mandatory' | 'recommended';
  legalBasis: string;
  appliesTo: string[];
  matterCategories: string[];
  /** List types of the in-force memoranda that carry this measure and that the caller accepted. */
  listTypes: string[];
}

export interface EvaluationInput {
  subjectKind: 'organization' | 'individual_business' | 'natural_person';
  entries: EntryFact[];
  measures: MeasureFact[];
  matterCategory: string;
  today: string; // YYYY-MM-DD
  /** For the green channel: the subject has a record of at least three years without negative records. */
  threeYearsClean: boolean;
}

export interface AppliedMeasure {
  code: string;
  title: string;
  kind: 'reward' | 'punishment';
  nature: 'mandatory' | 'recommended';
  legalBasis: string;
  entryIds: string[];
}

export interface Evaluation {
  outcome: Outcome;
  aggravated: boolean;
  greenChannel: boolean;
  entries: { id: string; listType: string; listTypeName?: string; kind: EntryKind; status: string; via: EntryFact['via'] }[];
  measures: AppliedMeasure[];
  held: string[];
}

/** In force today: active (not held, removed, …) and today within [startsOn, endsOn]. */
export function inForce(e: EntryFact, today: string): boolean {
  return e.status === 'active' && e.startsOn <= today && (e.endsOn === null || e.endsOn >= today);
}

/** The appliesTo value an entry needs: persons reached through an organisation are responsible persons. */
export function addresseeOf(e: EntryFact, subjectKind: EvaluationInput['subjectKind']): string {
  if (e.via) return 'responsible_person';
  return subjectKind === 'natural_person' ? 'natural_person' : 'organization';
}

function measureApplies(m: MeasureFact, e: EntryFact, input: EvaluationInput): boolean {
  const kindMatches = (e.kind === 'black') === (m.kind === 'punishment');
  return kindMatches
    && m.listTypes.includes(e.listType)
    && m.appliesTo.includes(addresseeOf(e, input.subjectKind))
    && (m.matterCategories.length === 0 || m.matterCategories.includes(input.matterCategory));
}

function outcomeOf(measures: AppliedMeasure[]): Outcome {
  const punish = measures.some((m) => m.kind === 'punishment');
  const reward = measures.some((m) => m.kind === 'reward');
  if (punish && reward) return 'mixed';
  if (punish) return 'restrict';
  return reward ? 'reward' : 'clear';
}

export function evaluateCheck(input: EvaluationInput): Evaluation {
  const effective = input.entries.filter((e) => inForce(e, input.today));
  const held = input.entries.filter((e) => e.status === 'held');
  const applied = new Map<string, AppliedMeasure>();
  for (const m of input.measures) {
    const causes = effective.filter((e) => measureApplies(m, e, input)).map((e) => e.id);
    if (causes.length) {
      applied.set(m.code, { code: m.code, title: m.title, kind: m.kind, nature: m.nature, legalBasis: m.legalBasis, entryIds: causes });
    }
  }
  const measures = [...applied.values()].sort((a, b) =>
    (a.kind === b.kind ? 0 : a.kind === 'punishment' ? -1 : 1) || (a.nature === b.nature ? 0 : a.nature === 'mandatory' ? -1 : 1) || a.code.localeCompare(b.code));
  // 对同时被纳入两个及以上领域"黑名单"的严重失信企业加大联合惩戒力度 (豫政〔2016〕65号 五(六)): own entries only
  const blackDomains = new Set(effective.filter((e) => e.kind === 'black' && !e.via).map((e) => e.domain));
  // 绿色通道 (豫政〔2016〕65号 三(三)): 诚信典型 (red-listed) or three years without negative records
  const onRed = effective.some((e) => e.kind === 'red' && !e.via);
  const onBlack = effective.some((e) => e.kind === 'black');
  return {
    outcome: outcomeOf(measures),
    aggravated: blackDomains.size >= 2,
    greenChannel: !onBlack && (onRed || input.threeYearsClean),
    entries: [...effective, ...held].map((e) => ({ id: e.id, listType: e.listType, ...(e.listTypeName ? { listTypeName: e.listTypeName } : {}), kind: e.kind, status: e.status, via: e.via })),
    measures,
    held: held.map((e) => e.id),
  };
}
