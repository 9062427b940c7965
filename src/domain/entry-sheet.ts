// An initiating department's list (认定名单) as it arrives in a sheet (pure): the columns — the
// platform's own names, the API's keys, and the names the usual exports use (a court's 失信被执行人
// export has 执行案号, 发布时间, 失信被执行人行为具体情形) — and one row turned into the entry that
// `POST /list-entries` would take, or every problem of the row with its column and a Chinese reason.
// Subject codes are checked by the same rules as collection (validateRow).
import type { Cell, FieldDef, InfoTypeDefinition } from './fields.js';
import { cellText } from './fields.js';
import { validateRow, type RowIssue } from './fields-row.js';

const CATEGORY: FieldDef = { key: 'subject_category', label: '主体类别', type: 'enum', enum: ['法人及非法人组织', '自然人', '个体工商户'],
  aliases: ['kind', '行政相对人类别', '被执行人类别', '主体类型', '当事人类别'],
  synonyms: { 法人和非法人组织: '法人及非法人组织', 法人及其他组织: '法人及非法人组织', 法人: '法人及非法人组织', 非法人组织: '法人及非法人组织', 企业: '法人及非法人组织',
    organization: '法人及非法人组织', 个人: '自然人', natural_person: '自然人', individual_business: '个体工商户' } };

/** Ends-on cells meaning "until removed" (endsOn: null), not the list type's default term. */
const OPEN_ENDED = new Set(['长期', '长期有效', '无固定期限', '永久', '至移出']);

export const ENTRY_SHEET: InfoTypeDefinition = {
  code: 'list_entries', name: '名单认定', category: 'joint_action', subjectKinds: ['organization', 'individual_business', 'natural_person'],
  disclosure: 'public', dualPublicity: false, publication: null, providerDepartments: [],
  naturalKey: ['decision_no', '$subject'],
  subject: { name: 'subject_name', category: 'subject_category', uscc: 'uscc', idType: 'id_type', idNumber: 'id_number' },
  decidedOn: 'decided_on',
  fields: [
    { key: 'subject_name', label: '主体名称', type: 'text', required: true, maxLength: 200,
      aliases: ['name', '名称', '姓名', '主体名称/姓名', '企业名称', '当事人名称', '行政相对人名称', '被执行人姓名/名称', '被执行人名称', '被执行人姓名', '失信被执行人名称', '失信主体名称'] },
    CATEGORY,
    { key: 'uscc', label: '统一社会信用代码', type: 'identifier', identifier: 'uscc', aliases: ['行政相对人代码_1', '行政相对人代码_1(统一社会信用代码)', '社会信用代码'] },
    { key: 'id_type', label: '证件类型', type: 'text', maxLength: 50 },
    { key: 'id_number', label: '证件号码', type: 'identifier', identifier: 'ric', idTypeField: 'id_type', pii: true, aliases: ['身份证号码', '居民身份证号码', '身份证号', 'idNumber'] },
    { key: 'decision_no', label: '认定文书号', type: 'text', required: true, maxLength: 200,
      aliases: ['decisionNo', '认定文书编号', '认定决定书文号', '决定文书号', '决定书文号', '文书号', '执行案号', '案号'] },
    { key: 'decided_on', label: '认定日期', type: 'date', required: true, notFuture: true,
      aliases: ['decidedOn', '认定时间', '决定日期', '列入日期', '发布时间', '发布日期'] },
    { key: 'reason', label: '列入原因', type: 'text', required: true, maxLength: 2000,
      aliases: ['认定原因', '列入事由', '认定事由', '失信行为情形', '失信情形', '失信被执行人行为具体情形', '主要失信事实'] },
    { key: 'starts_on', label: '开始日期', type: 'date', aliases: ['startsOn', '生效日期', '有效期自', '列入开始日期'] },
    { key: 'ends_on', label: '结束日期', type: 'date', notBefore: 'starts_on', aliases: ['endsOn', '有效期至', '截止日期', '列入截止日期'] },
    { key: 'legal_rep', label: '法定代表人', type: 'text', maxLength: 50, aliases: ['法定代表人或者负责人姓名', '法定代表人（负责人）', '负责人', '法定代表人姓名'] },
    { key: 'legal_rep_id', label: '法定代表人证件号码', type: 'identifier', identifier: 'ric', pii: true, aliases: ['法定代表人身份证号码', '负责人证件号码'] },
  ],
};

export interface EntryOfRow {
  action: 'publish' | 'revoke';
  subject: { kind: 'organization' | 'individual_business' | 'natural_person'; name: string; uscc?: string; idNumber?: string };
  decisionNo: string;
  reason: string | null;
  decidedOn: string | null;
  startsOn: string | null;
  /** undefined: the list type's term; null: until removed (长期). */
  endsOn?: string | null;
  responsiblePersons: { role: 'legal_representative'; name: string; idNumber: string }[];
  /** Identifies the entry within the list type: the subject's code and the decision number. */
  key: string;
}

export type EntryRowResult = { ok: true; entry: EntryOfRow } | { ok: false; issues: RowIssue[] };

/** Responsible persons are only linked when both the name and a valid ID number are given. */
function legalRepresentative(values: Record<string, unknown>, subjectIsPerson: boolean, issues: RowIssue[]): EntryOfRow['responsiblePersons'] {
  const name = values.legal_rep as string | null;
  const id = values.legal_rep_id as string | null;
  if (!id || subjectIsPerson) return [];
  if (!name) {
    issues.push({ field: 'legal_rep', code: 'REQUIRED', reason: '填写了法定代表人证件号码时须同时填写法定代表人姓名' });
    return [];
  }
  return [{ role: 'legal_representative', name, idNumber: id }];
}

export function entryOfRow(cells: Record<string, Cell>, today: string): EntryRowResult {
  let endsOn: string | null | undefined;
  const endsText = cellText(cells.ends_on);
  if (endsText && OPEN_ENDED.has(endsText)) {
    cells = { ...cells, ends_on: null };
    endsOn = null;
  }
  const result = validateRow(ENTRY_SHEET, cells, { today, batchOverrideReason: null });
  if (!result.ok) return result;
  const { values, subject } = result.row;
  const issues: RowIssue[] = [];
  const persons = legalRepresentative(values, subject.kind === 'natural_person', issues);
  if (issues.length) return { ok: false, issues };
  const action = result.row.action === 'revoke' ? 'revoke' : 'publish';
  if (endsOn === undefined && values.ends_on !== null) endsOn = String(values.ends_on);
  const code = subject.kind === 'natural_person' ? subject.idNumber! : subject.uscc!;
  const decisionNo = String(values.decision_no);
  return {
    ok: true,
    entry: {
      action, decisionNo, reason: values.reason === null ? null : String(values.reason),
      subject: { kind: subject.kind, name: subject.name, ...(subject.kind === 'natural_person' ? { idNumber: code } : { uscc: code }) },
      decidedOn: result.row.decidedOn, startsOn: values.starts_on === null ? result.row.decidedOn : String(values.starts_on),
      ...(endsOn !== undefined ? { endsOn } : {}), responsiblePersons: persons,
      key: `${code}|${decisionNo.normalize('NFKC').replace(/\s+/g, '')}`,
    },
  };
}
