// Checks that an info type definition is coherent before it is stored (pure): keys and headers
// unique, every reference (natural key, subject mapping, rules, date order) names a real field of
// the right type. Returns every problem with its path, in Chinese.
import { normaliseHeader, type FieldDef, type InfoTypeDefinition } from './fields.js';
import { ACTION_FIELD, OVERRIDE_FIELD } from './fields-row.js';

export interface DefinitionIssue {
  path: string;
  message: string;
}

const KEY = /^[a-z][a-z0-9_]{0,63}$/;

function fieldIssues(fields: FieldDef[], out: DefinitionIssue[]): void {
  const keys = new Set<string>();
  const headers = new Map<string, string>();
  for (const name of [ACTION_FIELD, OVERRIDE_FIELD].flatMap((f) => [f.key, f.label, ...(f.aliases ?? [])])) headers.set(normaliseHeader(name), '（系统列）');
  fields.forEach((f, i) => {
    const at = `body.fields.${i}`;
    if (!KEY.test(f.key)) out.push({ path: `${at}.key`, message: '字段键应为小写英文字母开头，只含小写字母、数字和下划线' });
    if (keys.has(f.key)) out.push({ path: `${at}.key`, message: `字段键 ${f.key} 重复` });
    keys.add(f.key);
    for (const header of [f.key, f.label, ...(f.aliases ?? [])]) {
      const h = normaliseHeader(header);
      const owner = headers.get(h);
      if (owner !== undefined && owner !== f.key) out.push({ path: `${at}.label`, message: `表头“${header}”与 ${owner} 冲突` });
      headers.set(h, f.key);
    }
    if (f.type === 'enum' && !f.enum?.length) out.push({ path: `${at}.enum`, message: '枚举字段须列出取值' });
    if (f.type === 'identifier' && !f.identifier) out.push({ path: `${at}.identifier`, message: '代码字段须指明 uscc 或 ric' });
    if (f.idTypeField && !fields.some((g) => g.key === f.idTypeField)) out.push({ path: `${at}.idTypeField`, message: `字段 ${f.idTypeField} 不存在` });
    if (f.notBefore && !fields.some((g) => g.key === f.notBefore && g.type === 'date')) out.push({ path: `${at}.notBefore`, message: `日期字段 ${f.notBefore} 不存在` });
  });
}

function refIssues(def: InfoTypeDefinition, out: DefinitionIssue[]): void {
  const byKey = new Map(def.fields.map((f) => [f.key, f]));
  const need = (path: string, key: string | null | undefined, type?: FieldDef['type']) => {
    if (key === null || key === undefined) return;
    const f = byKey.get(key);
    if (!f) out.push({ path, message: `字段 ${key} 不存在` });
    else if (type && f.type !== type) out.push({ path, message: `字段 ${key} 应为 ${type} 类型` });
  };
  if (!def.naturalKey.length) out.push({ path: 'body.naturalKey', message: '须指定自然键（用于去重和版本）' });
  def.naturalKey.forEach((k, i) => { if (k !== '$subject') need(`body.naturalKey.${i}`, k); });
  need('body.subject.name', def.subject.name);
  need('body.subject.category', def.subject.category, 'enum');
  need('body.subject.uscc', def.subject.uscc, 'identifier');
  need('body.subject.idNumber', def.subject.idNumber, 'identifier');
  need('body.subject.idType', def.subject.idType);
  need('body.subject.orgCode', def.subject.orgCode);
  need('body.subject.regNo', def.subject.regNo);
  if (!def.subject.uscc && !def.subject.idNumber) out.push({ path: 'body.subject', message: '须指定统一社会信用代码或证件号码字段，用于识别主体' });
  need('body.decidedOn', def.decidedOn, 'date');
  need('body.severity', def.severity, 'enum');
  (def.rules ?? []).forEach((r, i) => {
    need(`body.rules.${i}.when.field`, r.when.field);
    r.require.forEach((k, j) => need(`body.rules.${i}.require.${j}`, k));
  });
  if (def.dualPublicity && !def.decidedOn) out.push({ path: 'body.decidedOn', message: '双公示信息须指定决定日期字段（用于计算及时性）' });
  if (def.publication === 'penalty' && !def.decidedOn) out.push({ path: 'body.decidedOn', message: '公示期限按决定日期计算，须指定决定日期字段' });
}

export function definitionIssues(def: InfoTypeDefinition): DefinitionIssue[] {
  const out: DefinitionIssue[] = [];
  if (!KEY.test(def.code)) out.push({ path: 'body.code', message: '代码应为小写英文字母开头，只含小写字母、数字和下划线' });
  if (!def.subjectKinds.length) out.push({ path: 'body.subjectKinds', message: '至少允许一种主体类别' });
  if (!def.fields.length) out.push({ path: 'body.fields', message: '至少需要一个字段' });
  fieldIssues(def.fields, out);
  refIssues(def, out);
  return out;
}
