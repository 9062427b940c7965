// A department's list of reward and punishment measures (奖惩措施清单) as it arrives in a sheet
// (pure): the columns (Chinese names as departments write them, or the API's English keys), and one
// row turned into the measure the API would take — or every problem of the row with its column and a
// Chinese reason. Departments are named by code or name; resolving them is the caller's I/O.
import type { Cell, FieldDef, InfoTypeDefinition } from './fields.js';
import { parseValues, type RowIssue } from './fields-row.js';

export const MEASURE_CODE = /^[A-Za-z0-9_.-]{1,64}$/;

const KIND: FieldDef = { key: 'kind', label: '措施类型', type: 'enum', required: true, enum: ['惩戒', '激励'], aliases: ['奖惩类型', '措施种类'],
  synonyms: { punishment: '惩戒', 失信惩戒: '惩戒', 惩戒措施: '惩戒', 惩罚: '惩戒', reward: '激励', 守信激励: '激励', 激励措施: '激励', 奖励: '激励' } };
const NATURE: FieldDef = { key: 'nature', label: '措施性质', type: 'enum', required: true, enum: ['强制性', '推荐性'], aliases: ['性质'],
  synonyms: { mandatory: '强制性', 强制: '强制性', 必须: '强制性', recommended: '推荐性', 推荐: '推荐性', 倡导性: '推荐性', 建议: '推荐性' } };
const APPLIES: FieldDef = { key: 'applies_to', label: '适用对象', type: 'enum', required: true, multiple: true, aliases: ['appliesTo', '惩戒对象', '激励对象'],
  enum: ['法人及非法人组织', '负有责任的个人', '自然人'],
  synonyms: { organization: '法人及非法人组织', 法人和非法人组织: '法人及非法人组织', 法人及其他组织: '法人及非法人组织', 单位: '法人及非法人组织', 企业: '法人及非法人组织',
    responsible_person: '负有责任的个人', 责任人: '负有责任的个人', 相关责任人: '负有责任的个人', 法定代表人: '负有责任的个人', 主要负责人: '负有责任的个人',
    natural_person: '自然人', 个人: '自然人' } };

const APPLIES_KEYS: Record<string, string> = { 法人及非法人组织: 'organization', 负有责任的个人: 'responsible_person', 自然人: 'natural_person' };

/** The measure sheet as a definition the collection readers understand (headers, required columns). */
export const MEASURE_SHEET: InfoTypeDefinition = {
  code: 'measures', name: '奖惩措施清单', category: 'joint_action', subjectKinds: [], disclosure: 'public', dualPublicity: false, publication: null,
  naturalKey: ['code'], subject: { name: 'title' }, decidedOn: null, providerDepartments: [],
  fields: [
    { key: 'code', label: '措施编码', type: 'text', required: true, maxLength: 64, aliases: ['措施代码', '编码', '措施编号'] },
    KIND, NATURE,
    { key: 'title', label: '措施名称', type: 'text', required: true, maxLength: 500, aliases: ['措施', '措施标题', '惩戒措施', '激励措施'] },
    { key: 'content', label: '措施内容', type: 'text', maxLength: 5000, aliases: ['具体内容', '措施说明'] },
    { key: 'legal_basis', label: '法律依据', type: 'text', required: true, maxLength: 2000, aliases: ['legalBasis', '设定依据', '依据', '政策依据'] },
    { key: 'implementing_department', label: '实施部门', type: 'text', required: true, maxLength: 200,
      aliases: ['implementingDepartment', '实施部门统一社会信用代码', '实施单位', '实施部门代码'] },
    APPLIES,
    { key: 'matter_categories', label: '适用事项类别', type: 'text', maxLength: 1000, aliases: ['matterCategories', '事项类别', '应用场景'] },
    { key: 'category', label: '措施类别', type: 'text', maxLength: 50, aliases: ['分类'] },
    { key: 'edition', label: '版本', type: 'text', maxLength: 50, aliases: ['清单版本'] },
  ],
};

export interface MeasureOfRow {
  code: string;
  kind: 'reward' | 'punishment';
  nature: 'mandatory' | 'recommended';
  title: string;
  content: string | null;
  legalBasis: string;
  /** As written: a department's code (USCC) or its name. */
  implementingDepartment: string;
  appliesTo: string[];
  matterCategories: string[];
  category: string | null;
  edition: string | null;
}

export type MeasureRowResult = { ok: true; measure: MeasureOfRow } | { ok: false; issues: RowIssue[] };

const LIST_SEPARATORS = /[；;、,，\n]/;
const EVERY_MATTER = new Set(['全部', '全部事项', '不限', '所有事项']);

function text(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}

export function measureOfRow(cells: Record<string, Cell>, today: string): MeasureRowResult {
  const issues: RowIssue[] = [];
  const values = parseValues(MEASURE_SHEET, cells, today, (i) => issues.push(i));
  for (const f of MEASURE_SHEET.fields) {
    if (f.required && values[f.key] === null && !issues.some((i) => i.field === f.key)) {
      issues.push({ field: f.key, code: 'REQUIRED', reason: `必填项“${f.label}”为空` });
    }
  }
  const code = text(values.code);
  if (code !== null && !MEASURE_CODE.test(code)) {
    issues.push({ field: 'code', code: 'INVALID_CODE', reason: `措施编码“${code}”只能包含英文字母、数字和 _ . -（不超过 64 位），如 CZ-CG-01` });
  }
  if (issues.length) return { ok: false, issues };
  const written = text(values.matter_categories);
  // empty, 全部 or 不限: the measure concerns every matter (as matterCategories: [] in the API)
  const categories = !written || EVERY_MATTER.has(written) ? [] : written.split(LIST_SEPARATORS).map((s) => s.trim()).filter(Boolean);
  return {
    ok: true,
    measure: {
      code: code!, kind: values.kind === '激励' ? 'reward' : 'punishment', nature: values.nature === '强制性' ? 'mandatory' : 'recommended',
      title: text(values.title)!, content: text(values.content), legalBasis: text(values.legal_basis)!, implementingDepartment: text(values.implementing_department)!,
      appliesTo: String(values.applies_to).split('；').map((a) => APPLIES_KEYS[a]), matterCategories: [...new Set(categories)],
      category: text(values.category), edition: text(values.edition),
    },
  };
}
