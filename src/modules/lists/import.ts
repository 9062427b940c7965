// Importing an initiating department's list (认定名单) from a sheet: each good row is published
// through publishEntryIn — the same use case as POST /list-entries and /list-entries/batch, so the
// same checks, response tasks, audit rows and feed changes — each rejected row reported with its
// row, column and Chinese reason. The natural key is (list type, subject code, decision number):
// the same row again is unchanged; a row with the same key but other content is refused (an entry
// is a decision: correct it by revoking and listing again); 操作类型 撤销 revokes the entry. ADR 011.
import { createHash } from 'node:crypto';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import { ENTRY_SHEET, entryOfRow, type EntryOfRow } from '../../domain/entry-sheet.js';
import { AppError, errors } from '../../errors.js';
import { recordAudit } from '../audit/record.js';
import { actorOf, type Principal } from '../auth/principal.js';
import { runSheetImport, type SheetImportRequest, type SheetImportSummary, type SheetRowOutcome } from '../collection/sheet-import.js';
import { resolveDepartment } from '../departments/use-cases.js';
import { resolveIdentity } from '../subjects/identity.js';
import { publishEntryIn, transitionEntry, TRANSITIONS, type EntryInput } from './entries.js';
import { today } from './present.js';
import * as store from './store.js';

// error paths of publishEntryIn → the sheet's columns
const PATH_FIELDS: Record<string, string> = {
  'body.subject.name': 'subject_name', 'body.subject.kind': 'subject_category', 'body.subject.uscc': 'uscc', 'body.subject.idNumber': 'id_number',
  'body.decidedOn': 'decided_on', 'body.startsOn': 'starts_on', 'body.endsOn': 'ends_on',
  'body.responsiblePersons.0.name': 'legal_rep', 'body.responsiblePersons.0.idNumber': 'legal_rep_id',
};

type ListType = NonNullable<Awaited<ReturnType<typeof store.findListType>>>;

/** The command line acts for `--department` as one of its officers would. */
async function cliPrincipal(ctx: AppContext, code: string): Promise<Principal> {
  const d = await resolveDepartment(ctx.db, code);
  return { type: 'key', id: 'cli', role: 'officer', departmentId: d.id, departmentCode: d.code, departmentName: d.name, departmentRoles: d.roles, platform: d.is_platform, viaSession: false };
}

async function publisherListType(ctx: AppContext, principal: Principal, code: string): Promise<ListType> {
  const lt = await store.findListType(ctx.db, code);
  if (!lt) throw new AppError('LIST_TYPE_NOT_FOUND', 404, `名单类型 ${code} 不存在。`);
  if (!lt.initiating_department_id) throw errors.forbidden(`名单类型 ${lt.name} 尚未指定认定部门，请信用办先指定。`);
  if (lt.initiating_department_id !== principal.departmentId) throw errors.forbidden(`只有 ${lt.initiating_department_name} 可以认定「${lt.name}」。`);
  return lt;
}

async function storedEntry(tx: Tx, ctx: AppContext, lt: ListType, e: EntryOfRow) {
  const identity = resolveIdentity({ kind: e.subject.kind, name: e.subject.name || '-', uscc: e.subject.uscc, idNumber: e.subject.idNumber }, ctx.config);
  return store.findEntryByKey(tx, { listTypeId: lt.id, uscc: identity.uscc, blind: identity.blind, decisionNo: e.decisionNo });
}

/** The stored entry says what the row says (dates and reason; a term left to the list type is not compared). */
function sameEntry(s: NonNullable<Awaited<ReturnType<typeof store.findEntryByKey>>>, e: EntryOfRow): boolean {
  return s.reason === e.reason && s.decided_on === e.decidedOn && s.starts_on === e.startsOn && (e.endsOn === undefined || s.ends_on === e.endsOn);
}

async function publishRow(tx: Tx, ctx: AppContext, principal: Principal, lt: ListType, e: EntryOfRow): Promise<SheetRowOutcome> {
  const input: EntryInput = {
    listType: lt.code, subject: e.subject, reason: e.reason!, decisionNo: e.decisionNo, decidedOn: e.decidedOn!, startsOn: e.startsOn!,
    ...(e.endsOn !== undefined ? { endsOn: e.endsOn } : {}), responsiblePersons: e.responsiblePersons,
  };
  try {
    await publishEntryIn(tx, ctx, principal, input);
    return 'accepted';
  } catch (err) {
    if (!(err instanceof AppError && err.code === 'ENTRY_EXISTS')) throw err;
    const stored = await storedEntry(tx, ctx, lt, e);
    if (stored && sameEntry(stored, e)) return 'unchanged';
    throw new AppError('ENTRY_CONFLICT', 409, `该主体已按认定文书 ${e.decisionNo} 列入「${lt.name}」，但列入原因或日期与本行不同；名单记录不能通过导入修改，如需更正请先撤销原记录再重新认定`);
  }
}

async function revokeRow(tx: Tx, ctx: AppContext, principal: Principal, lt: ListType, e: EntryOfRow, note: string): Promise<SheetRowOutcome> {
  const stored = await storedEntry(tx, ctx, lt, e);
  if (!stored) throw new AppError('NOT_FOUND_TO_REVOKE', 404, `未找到按认定文书 ${e.decisionNo} 列入「${lt.name}」的该主体记录，无法撤销`);
  if (stored.status === 'revoked') return 'unchanged';
  if (stored.department_id !== principal.departmentId) throw errors.forbidden('只有认定部门可以撤销名单记录。');
  await transitionEntry(tx, { id: stored.id, ...TRANSITIONS.revoke, actor: actorOf(principal), reason: e.reason ?? note });
  return 'revoked';
}

export interface EntryImportRequest extends Omit<SheetImportRequest, 'ctx'> {
  ctx: AppContext;
  /** null: the command line, acting for `departmentCode`. */
  principal: Principal | null;
  departmentCode?: string;
  listType: string;
}

export async function importEntries(req: EntryImportRequest): Promise<SheetImportSummary> {
  const { ctx } = req;
  if (!req.principal && !req.departmentCode) throw errors.badRequest('DEPARTMENT_REQUIRED', '请用 --department 指定认定部门的统一社会信用代码。');
  const principal = req.principal ?? await cliPrincipal(ctx, req.departmentCode!);
  const lt = await publisherListType(ctx, principal, req.listType);
  const day = today();
  const summary = await runSheetImport<EntryOfRow>(req, {
    def: { ...ENTRY_SHEET, name: `「${lt.name}」名单` },
    fieldOfPath: (p) => PATH_FIELDS[p] ?? '',
    async judge(cells) {
      const r = entryOfRow(cells, day);
      if (!r.ok) return { issues: r.issues };
      return { item: r.entry, key: r.entry.key, hash: createHash('sha1').update(JSON.stringify(r.entry)).digest('base64') };
    },
    write: (tx, e, rowNo) => e.action === 'revoke'
      ? revokeRow(tx, ctx, principal, lt, e, `按导入文件撤销（${req.fileName} 第 ${rowNo} 行）`)
      : publishRow(tx, ctx, principal, lt, e),
  });
  await ctx.db.transaction().execute((tx) => recordAudit(tx, { actor: actorOf(principal), action: 'entries.imported', entityType: 'list_type', entityId: lt.id,
    data: { listType: lt.code, fileName: req.fileName, status: summary.status, total: summary.total, accepted: summary.accepted, unchanged: summary.unchanged,
      revoked: summary.revoked, rejected: summary.rejected } }));
  return { ...summary, type: lt.code };
}
