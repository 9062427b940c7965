// Validation of one delivered row against its info type (pure): required fields (also those that
// rules require, e.g. 罚款金额 when 处罚类别 includes 罚款), types, enums, real dates not in the
// future, identifiers (GB 32100 / GB 11643 checks) and the consistency of 行政相对人类别 with the
// code given. Every problem of the row is reported, each with its field, a stable code and a
// Chinese reason. A real code whose only fault is its check character (some pre-2016 codes) passes
// when the row or the batch gives an override reason, which is kept with the record (DESIGN §4).
import {
  cellText, identifierText, parseDate, parseDecimal, parseEnum, parseInteger, parseText,
  type Cell, type FieldDef, type FieldValue, type InfoTypeDefinition, type NumberOrigin, type ParseIssue, type Parsed, type SubjectKind,
} from './fields.js';
import { validatedIdentifier } from './identifiers/index.js';
import { SEVERITY_LABELS, type Severity } from './publication.js';

/** Columns every info type accepts besides its own fields. */
export const ACTION_FIELD: FieldDef = { key: '_action', label: '操作类型', type: 'enum', enum: ['新增', '撤销'], aliases: ['操作', 'action'],
  synonyms: { 变更: '新增', 更新: '新增', 修改: '新增', add: '新增', update: '新增', revoke: '撤销', 撤回: '撤销' },
  description: '留空或“新增”：新增，或更正已报送的记录（按自然键对应）；“撤销”：撤销已报送的记录并停止公示' };
export const OVERRIDE_FIELD: FieldDef = { key: '_override', label: '校验豁免理由', type: 'text', maxLength: 500, aliases: ['override_reason', '豁免理由'],
  description: '代码真实有效但不符合校验规则时（部分 2016 年以前的代码）填写理由；理由随记录保存' };

export const CATEGORY_KINDS: Record<string, SubjectKind> = { 法人及非法人组织: 'organization', 个体工商户: 'individual_business', 自然人: 'natural_person' };
const ID_CARD = '身份证';

export interface RowIssue {
  /** Field key ('' for the row as a whole). */
  field: string;
  code: string;
  reason: string;
}

export interface Override {
  field: string;
  code: string;
  reason: string;
}

export interface SubjectOfRow {
  kind: SubjectKind;
  name: string;
  uscc: string | null;
  idNumber: string | null;
  orgCode: string | null;
  regNo: string | null;
}

export interface ValidRow {
  action: 'upsert' | 'revoke';
  values: Record<string, FieldValue>;
  subject: SubjectOfRow;
  decidedOn: string | null;
  severity: Severity | null;
  overrides: Override[];
}

export type RowResult = { ok: true; row: ValidRow } | { ok: false; issues: RowIssue[] };

interface RowContext {
  today: string;
  batchOverrideReason: string | null;
  /** Where number cells come from, for the reason a long code given as a number was lost (default: Excel). */
  numbers?: NumberOrigin;
}

function parseCell(field: FieldDef, cell: Cell, today: string, origin: NumberOrigin): Parsed<FieldValue> {
  switch (field.type) {
    case 'date': return parseDate(cell, { today, notFuture: field.notFuture });
    case 'integer': return parseInteger(cell, field);
    case 'decimal': return parseDecimal(cell, field);
    case 'enum': return parseEnum(cell, field);
    case 'identifier': return identifierText(cell, origin);
    default: return parseText(cell, field, origin);
  }
}

/** What validation needs of a definition, worked out once per definition instead of once per row. */
interface Plan {
  required: string[];
  identifiers: FieldDef[];
  ordered: FieldDef[];
  labels: Map<string, string>;
}
const plans = new WeakMap<InfoTypeDefinition, Plan>();

function planOf(def: InfoTypeDefinition): Plan {
  let plan = plans.get(def);
  if (!plan) {
    plan = {
      required: def.fields.filter((f) => f.required).map((f) => f.key),
      identifiers: def.fields.filter((f) => f.type === 'identifier'),
      ordered: def.fields.filter((f) => f.notBefore),
      labels: new Map(def.fields.map((f) => [f.key, f.label])),
    };
    plans.set(def, plan);
  }
  return plan;
}

function requiredKeys(def: InfoTypeDefinition, plan: Plan, values: Record<string, FieldValue>, action: ValidRow['action']): string[] {
  if (action === 'revoke') return def.naturalKey.filter((k) => k !== '$subject');
  let keys = plan.required;
  for (const rule of def.rules ?? []) {
    const v = values[rule.when.field];
    if (v === null || v === undefined) continue;
    const hit = rule.when.in ? rule.when.in.includes(String(v)) : String(v).split('；').includes(rule.when.includes ?? '');
    if (hit) keys = keys.concat(rule.require);
  }
  return keys;
}

function checkIdentifier(field: FieldDef, text: string, ctx: RowContext, override: string | null, out: { issues: RowIssue[]; overrides: Override[] }): string {
  // remembered: repeated codes (处罚机关) and the subject's code, read again by resolveIdentity
  const r = validatedIdentifier(text, field.identifier!, ctx.today);
  if (r.valid) return r.value;
  const messages = r.errors.map((e) => e.message).join('；');
  const onlyCheckChar = r.errors.every((e) => e.code.endsWith('_CHECK_MISMATCH'));
  if (onlyCheckChar && override) {
    out.overrides.push({ field: field.key, code: r.errors[0].code, reason: override });
    return r.value;
  }
  out.issues.push(onlyCheckChar
    ? { field: field.key, code: 'CHECK_FAILED', reason: `${messages}。如确认该代码真实有效（部分 2016 年以前赋予的代码不符合校验规则），请在“校验豁免理由”列填写理由，或导入时说明豁免理由` }
    : { field: field.key, code: 'INVALID_IDENTIFIER', reason: messages });
  return r.value;
}

function str(values: Record<string, FieldValue>, key: string | undefined): string | null {
  if (!key) return null;
  const v = values[key];
  return v === null || v === undefined ? null : String(v);
}

/** The subject kind and codes of a row, and whether they agree with each other. */
function subjectOf(def: InfoTypeDefinition, values: Record<string, FieldValue>, issues: RowIssue[], action: ValidRow['action']): SubjectOfRow | null {
  const m = def.subject;
  const uscc = str(values, m.uscc);
  const idNumber = str(values, m.idNumber);
  const category = str(values, m.category);
  const isSoleTrader = !!uscc && uscc.startsWith('92');
  let kind: SubjectKind | null = category ? CATEGORY_KINDS[category] ?? null : null;
  if (!kind) kind = uscc ? (isSoleTrader ? 'individual_business' : 'organization') : idNumber ? 'natural_person' : null;
  const codeField = kind === 'natural_person' ? m.idNumber : m.uscc;
  const before = issues.length;
  const failed = new Set(issues.map((i) => i.field));
  if ([m.uscc, m.idNumber, m.category, m.idType].some((k) => k && failed.has(k))) return null; // already reported
  if (!kind || (kind === 'natural_person' ? !idNumber : !uscc)) {
    issues.push({ field: codeField ?? m.uscc ?? m.idNumber ?? '', code: 'SUBJECT_CODE_MISSING', reason: kind === 'natural_person'
      ? '自然人须填写证件号码（居民身份证号码）' : '法人及非法人组织、个体工商户须填写统一社会信用代码' });
  } else if (!def.subjectKinds.includes(kind)) {
    issues.push({ field: m.category ?? codeField ?? '', code: 'SUBJECT_KIND_NOT_ALLOWED', reason: `该信息类别不接受“${category ?? kind}”类主体` });
  } else if (kind === 'organization' && isSoleTrader) {
    issues.push({ field: m.category ?? m.uscc!, code: 'CATEGORY_MISMATCH', reason: '统一社会信用代码第 1–2 位为 92，属于个体工商户，行政相对人类别应为“个体工商户”' });
  } else if (kind === 'individual_business' && !isSoleTrader) {
    issues.push({ field: m.category ?? m.uscc!, code: 'CATEGORY_MISMATCH', reason: '个体工商户的统一社会信用代码应以 92 开头，请核对行政相对人类别或代码' });
  } else if (kind === 'natural_person' && uscc) {
    issues.push({ field: m.uscc!, code: 'CATEGORY_MISMATCH', reason: '行政相对人类别为“自然人”时不应填写统一社会信用代码' });
  } else if (kind === 'natural_person' && m.idType && (str(values, m.idType) ?? ID_CARD) !== ID_CARD) {
    issues.push({ field: m.idType, code: 'UNSUPPORTED_ID_TYPE', reason: '自然人目前只能以居民身份证号码识别，其他证件请先联系信用办' });
  }
  // a revocation names the record by its key; the subject's name is not needed to find it
  const name = str(values, m.name) ?? (action === 'revoke' ? '' : null);
  if (issues.length > before || !kind || name === null) return null;
  return { kind, name, uscc: kind === 'natural_person' ? null : uscc, idNumber: kind === 'natural_person' ? idNumber : null,
    orgCode: str(values, m.orgCode), regNo: str(values, m.regNo) };
}

function parseAction(cell: Cell, issues: RowIssue[]): ValidRow['action'] {
  const parsed = parseEnum(cell, ACTION_FIELD);
  if ('issue' in parsed) {
    issues.push({ field: ACTION_FIELD.key, code: 'INVALID_ACTION', reason: `操作类型应为“新增”或“撤销”（留空即新增或更新）` });
    return 'upsert';
  }
  return parsed.value === '撤销' ? 'revoke' : 'upsert';
}

/** Every field of the row parsed to its type; a cell that does not parse is null and reported. */
export function parseValues(def: Pick<InfoTypeDefinition, 'fields'>, cells: Record<string, Cell>, today: string, fail: (i: RowIssue) => void, origin: NumberOrigin = 'excel'): Record<string, FieldValue> {
  const values: Record<string, FieldValue> = {};
  for (const field of def.fields) {
    const parsed = parseCell(field, cells[field.key], today, origin);
    if ('issue' in parsed) {
      fail({ field: field.key, ...(parsed.issue as ParseIssue) });
      values[field.key] = null;
    } else values[field.key] = parsed.value;
  }
  return values;
}

/** Validates one row; `cells` is keyed by field key (headers already mapped). */
export function validateRow(def: InfoTypeDefinition, cells: Record<string, Cell>, ctx: RowContext): RowResult {
  const plan = planOf(def);
  const issues: RowIssue[] = [];
  const failed = new Set<string>();
  const fail = (i: RowIssue) => { issues.push(i); failed.add(i.field); };
  const overrides: Override[] = [];
  const action = parseAction(cells[ACTION_FIELD.key], issues);
  const override = cellText(cells[OVERRIDE_FIELD.key]) ?? ctx.batchOverrideReason;
  const values = parseValues(def, cells, ctx.today, fail, ctx.numbers);
  for (const key of requiredKeys(def, plan, values, action)) {
    if ((values[key] === null || values[key] === undefined) && !failed.has(key)) {
      fail({ field: key, code: 'REQUIRED', reason: `必填项“${plan.labels.get(key) ?? key}”为空` });
    }
  }
  for (const field of plan.identifiers) {
    const v = values[field.key];
    if (v === null || failed.has(field.key)) continue;
    const idType = field.idTypeField ? str(values, field.idTypeField) : null;
    if (field.identifier === 'ric' && idType !== null && idType !== ID_CARD) continue; // passports etc.: kept as text
    const out = { issues: [] as RowIssue[], overrides };
    values[field.key] = checkIdentifier(field, String(v), ctx, override, out);
    if (out.issues.length) {
      out.issues.forEach(fail);
      values[field.key] = null;
    }
  }
  for (const field of plan.ordered) {
    const v = values[field.key];
    const earlier = values[field.notBefore!];
    if (v !== null && earlier !== null && earlier !== undefined && String(v) < String(earlier)) {
      fail({ field: field.key, code: 'DATE_ORDER', reason: `${field.label}（${v}）早于${plan.labels.get(field.notBefore!)}（${earlier}）` });
    }
  }
  const subject = subjectOf(def, values, issues, action);
  if (issues.length || !subject) return { ok: false, issues: issues.length ? issues : [{ field: def.subject.name, code: 'REQUIRED', reason: '主体名称为空' }] };
  const severityLabel = str(values, def.severity ?? undefined);
  return {
    ok: true,
    row: { action, values, subject, decidedOn: str(values, def.decidedOn ?? undefined), severity: severityLabel ? SEVERITY_LABELS[severityLabel] ?? null : null, overrides },
  };
}
