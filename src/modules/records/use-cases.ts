// Reading credit records. Staff: a provider department sees its own records whatever their
// disclosure, others' only when public or shared; the credit office sees all and, for its admins
// and officers, personal fields unmasked (ADR 004). The public sees published, public records of
// organisations only, without personal fields. Every staff look at a person's records is audited.
import type { AppContext } from '../../context.js';
import type { FieldDef, InfoTypeDefinition } from '../../domain/fields.js';
import { normaliseIdentifier, structuralCandidates, upgradeRic15 } from '../../domain/identifiers/index.js';
import { blindIndex, decryptText } from '../../domain/protect.js';
import { errors } from '../../errors.js';
import { recordAudit } from '../audit/record.js';
import { actorOf, maySeePersonalData, type Principal } from '../auth/principal.js';
import { today } from '../calendar/use-cases.js';
import { listInfoTypes } from '../catalog/use-cases.js';
import * as subjects from '../subjects/store.js';
import * as store from './store.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A subject named by its id, USCC or ID number; null when there is none. Codes are looked up by
 * shape, not by check character: a code kept under an override is found too.
 */
async function subjectIdOf(ctx: AppContext, ref: string): Promise<string | null> {
  if (UUID.test(ref)) return ref;
  const value = normaliseIdentifier(ref);
  const shapes = structuralCandidates(value);
  if (shapes.includes('uscc')) {
    const org = await subjects.findByUscc(ctx.db, value);
    if (org) return org.id;
  }
  if (shapes.includes('ric')) {
    const id18 = value.length === 15 ? upgradeRic15(value) : value;
    return (await subjects.findByBlind(ctx.db, blindIndex(ctx.config.blindIndexKey, id18)))?.id ?? null;
  }
  if (shapes.includes('uscc')) return null;
  throw errors.validation([{ path: 'querystring.subject', message: '应为主体编号、统一社会信用代码或身份证号码' }]);
}

async function definitions(ctx: AppContext): Promise<Map<string, InfoTypeDefinition>> {
  return new Map((await listInfoTypes({ db: ctx.db })).map((t) => [t.code, t]));
}

/** What a reader is told beside the status: a held record is under an accepted objection (异议标注). */
/** The word the portal and departments see beside a record under objection (ADR 010). */
export const markOf = (status: string) => (status === 'held' ? '异议处理中' : null);

function present(ctx: AppContext, r: store.RecordRow, reveal: boolean) {
  const fields = { ...r.fields };
  if (reveal && r.pii_cipher) Object.assign(fields, JSON.parse(decryptText(ctx.config.encryptionKeys, { cipher: r.pii_cipher, keyVersion: r.pii_key_version! })));
  return {
    id: r.record_id, versionId: r.id, version: r.version, current: r.is_current, infoType: r.info_type, typeVersion: r.type_version,
    subject: { id: r.subject_id, kind: r.subject_kind, name: r.subject_name, uscc: r.subject_uscc, idNumberMasked: r.subject_masked },
    department: { code: r.department_code, name: r.department_name }, disclosure: r.disclosure, status: r.status,
    mark: markOf(r.status), sharing: r.sharing_stopped_at === null, fields, decidedOn: r.decided_on, severity: r.severity,
    publication: { policy: r.publish_policy, from: r.publish_from, minUntil: r.min_publish_until, maxUntil: r.max_publish_until },
    timeliness: r.delay_working_days === null ? null : { workingDays: r.delay_working_days, late: r.delay_working_days > 7 },
    overrides: r.overrides, batchId: r.batch_id, rowNo: r.row_no, receivedOn: r.received_on,
    recordedAt: r.recorded_at.toISOString(), statusChangedAt: r.status_changed_at?.toISOString() ?? null,
  };
}

export async function listRecords(opts: {
  ctx: AppContext; principal: Principal; subject?: string; type?: string; status?: string; history?: boolean; recordId?: string; limit?: number; offset?: number;
}) {
  const { ctx, principal } = opts;
  if (!opts.subject && !opts.type && !opts.recordId) throw errors.validation([{ path: 'querystring', message: '请指定 subject（主体）或 type（信息类别）' }]);
  const subjectId = opts.subject ? await subjectIdOf(ctx, opts.subject) : undefined;
  if (subjectId === null) return [];
  const rows = await store.findRecords(ctx.db, {
    viewerDepartmentId: principal.platform ? null : principal.departmentId, subjectId, infoType: opts.type, recordId: opts.recordId,
    status: opts.status, history: opts.history, limit: opts.limit ?? 50, offset: opts.offset ?? 0,
  });
  const persons = [...new Set(rows.filter((r) => r.subject_kind === 'natural_person').map((r) => r.subject_id))];
  const reveal = maySeePersonalData(principal);
  if (persons.length) {
    await ctx.db.transaction().execute((tx) => recordAudit(tx, { actor: actorOf(principal), action: 'records.viewed', entityType: 'subject', entityId: persons.length === 1 ? persons[0] : null,
      data: { personIds: persons, revealed: reveal, records: rows.length } }));
  }
  return rows.map((r) => present(ctx, r, reveal));
}

export async function getRecord(opts: { ctx: AppContext; principal: Principal; id: string }) {
  if (!UUID.test(opts.id)) throw errors.notFound('该信用记录');
  const versions = await listRecords({ ...opts, recordId: opts.id, history: true, limit: 200 });
  if (!versions.length) throw errors.notFound('该信用记录');
  const events = await store.recordEvents(opts.ctx.db, opts.id);
  return {
    ...versions.find((v) => v.current) ?? versions[0], versions: versions.map((v) => ({ versionId: v.versionId, version: v.version, status: v.status, recordedAt: v.recordedAt, batchId: v.batchId })),
    history: events.map((e) => ({ version: e.version, from: e.from_status, to: e.to_status, at: e.at.toISOString(), actorType: e.actor_type, reason: e.reason })),
  };
}

const publicField = (f: FieldDef) => !f.pii;

/** The portal: published records of an organisation (by USCC), personal fields left out. */
export async function listPublicRecords(opts: { ctx: AppContext; uscc: string; type?: string; limit?: number; offset?: number }) {
  const { ctx } = opts;
  const uscc = normaliseIdentifier(opts.uscc);
  const subject = await subjects.findByUscc(ctx.db, uscc);
  if (!subject || subject.kind === 'natural_person') throw errors.notFound(`统一社会信用代码为 ${uscc} 的主体`);
  const [rows, defs] = await Promise.all([
    store.findPublicRecords(ctx.db, { subjectId: subject.id, infoType: opts.type, today: today(), limit: opts.limit ?? 50, offset: opts.offset ?? 0 }),
    definitions(ctx),
  ]);
  return {
    subject: { name: subject.name, uscc: subject.uscc },
    items: rows.map((r) => {
      const def = defs.get(r.info_type);
      return {
        id: r.record_id, infoType: r.info_type, infoTypeName: def?.name ?? r.info_type, department: r.department_name,
        decidedOn: r.decided_on, publishUntil: r.max_publish_until, status: r.status, mark: markOf(r.status),
        fields: (def?.fields ?? []).filter(publicField).filter((f) => r.fields[f.key] !== null && r.fields[f.key] !== undefined)
          .map((f) => ({ key: f.key, label: f.label, value: r.fields[f.key] })),
      };
    }),
  };
}
