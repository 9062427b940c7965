// The portal's red and black lists: public list types only, entries in force only (held ones are
// under verification and not shown), persons with masked ID numbers. Paged, never counted exactly
// beyond a cap (broad lists are large).
import type { Db } from '../../db/database.js';
import { errors } from '../../errors.js';
import { today } from './present.js';
import { entryOriginName } from './store.js';

export async function publicListTypes(db: Db) {
  const rows = await db.selectFrom('list_type').select(['code', 'name', 'kind', 'domain', 'legal_basis', 'term_months', 'exit_conditions'])
    .where('is_public', '=', true).where('initiating_department_id', 'is not', null).orderBy('kind', 'desc').orderBy('code').execute();
  return rows.map((r) => ({ code: r.code, name: r.name, kind: r.kind, domain: r.domain, legalBasis: r.legal_basis, termMonths: r.term_months, exitConditions: r.exit_conditions }));
}

/** Entries the public may see: of public list types, active and within their term today. */
function publicEntryQuery(db: Db) {
  const on = today();
  return db.selectFrom('list_entry as e').innerJoin('list_type as lt', 'lt.id', 'e.list_type_id').innerJoin('subject as s', 's.id', 'e.subject_id')
    .innerJoin('department as d', 'd.id', 'e.department_id')
    .select(['e.id', 'e.decision_no', 'e.decided_on', 'e.starts_on', 'e.ends_on', 'e.reason', 'lt.code as list_type', 'lt.name as list_type_name', 'lt.kind',
      'lt.legal_basis', 's.kind as subject_kind', 's.name as subject_name', 's.uscc', 's.id_masked', 'd.name as department', 'e.origin',
      entryOriginName.as('origin_name')])
    .where('lt.is_public', '=', true).where('e.status', '=', 'active').where('e.starts_on', '<=', on)
    .where((eb) => eb.or([eb('e.ends_on', 'is', null), eb('e.ends_on', '>=', on)]));
}

type PublicEntryRow = Awaited<ReturnType<ReturnType<typeof publicEntryQuery>['executeTakeFirstOrThrow']>>;

function presentPublicEntry(r: PublicEntryRow) {
  return {
    id: r.id, listType: r.list_type, listTypeName: r.list_type_name, kind: r.kind, legalBasis: r.legal_basis, reason: r.reason, decisionNo: r.decision_no,
    decidedOn: r.decided_on, startsOn: r.starts_on, endsOn: r.ends_on, department: r.department,
    subject: { kind: r.subject_kind, name: r.subject_name, uscc: r.uscc, idNumberMasked: r.id_masked },
    // mirrored from another platform (ADR 009): objections and repairs go there
    decidedElsewhere: r.origin ? { platform: r.origin_name ?? r.origin } : null,
  };
}

export async function publicEntries(opts: { db: Db; listType?: string; subjectUscc?: string; page: number; pageSize: number }) {
  if (!opts.listType && !opts.subjectUscc) throw errors.badRequest('FILTER_REQUIRED', '请指定名单类型（listType）或主体统一社会信用代码（uscc）。');
  let q = publicEntryQuery(opts.db).orderBy('e.decided_on', 'desc').orderBy('e.id').limit(opts.pageSize + 1).offset((opts.page - 1) * opts.pageSize);
  if (opts.listType) q = q.where('lt.code', '=', opts.listType);
  if (opts.subjectUscc) q = q.where('s.uscc', '=', opts.subjectUscc);
  const rows = await q.execute();
  return { page: opts.page, pageSize: opts.pageSize, hasMore: rows.length > opts.pageSize, items: rows.slice(0, opts.pageSize).map(presentPublicEntry) };
}

/** One entry as the public list shows it; 404 when it is not (or no longer) public. */
export async function publicEntry(opts: { db: Db; id: string }) {
  const row = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(opts.id)
    ? await publicEntryQuery(opts.db).where('e.id', '=', opts.id).executeTakeFirst() : undefined;
  if (!row) throw errors.notFound('该公开的名单记录');
  return presentPublicEntry(row);
}
