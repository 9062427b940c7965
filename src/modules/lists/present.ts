// Presentation of entries and the small date helpers lists need (ISO dates, Asia/Shanghai).
import type * as store from './store.js';

/** Today in China (UTC+8), as YYYY-MM-DD: legal days are Beijing days. */
export function today(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export { addMonths } from '../../domain/months.js';

type EntryRow = Awaited<ReturnType<typeof store.listEntries>>[number];
type PersonRow = Awaited<ReturnType<typeof store.entryPersons>>[number];
type EventRow = Awaited<ReturnType<typeof store.entryEvents>>[number];

export function presentEntry(r: EntryRow, persons: PersonRow[], events?: EventRow[]) {
  return {
    id: r.id, status: r.status,
    listType: r.list_type, listTypeName: r.list_type_name, kind: r.kind, domain: r.domain, legalBasis: r.legal_basis, public: r.is_public,
    subject: { id: r.subject_id, kind: r.subject_kind, name: r.subject_name, uscc: r.uscc, idNumberMasked: r.id_masked },
    reason: r.reason, decisionNo: r.decision_no, decidedOn: r.decided_on, startsOn: r.starts_on, endsOn: r.ends_on, origin: r.origin,
    department: { code: r.department_code, name: r.department_name },
    responsiblePersons: persons.map((p) => ({ id: p.person_id, role: p.role, source: p.source, name: p.name, idNumberMasked: p.id_masked })),
    history: events?.map((e) => ({ from: e.from_status, to: e.to_status, at: e.at.toISOString(), actor: { type: e.actor_type, id: e.actor_id }, reason: e.reason })),
    createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(),
  };
}
