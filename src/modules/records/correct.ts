// A corrected version of a credit record, made by its provider when an objection is decided `update`
// (更新信息): the current values with the corrected fields laid over them go through the same
// validation and preparation as an imported row, become the current version (the old one stays as
// `corrected`, in history) and are announced as record.corrected — never overwritten in place.
import { sql } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import type { Cell } from '../../domain/fields.js';
import { validateRow, type Override } from '../../domain/fields-row.js';
import { decryptText } from '../../domain/protect.js';
import { errors } from '../../errors.js';
import { recordAudit } from '../audit/record.js';
import type { Actor } from '../auth/principal.js';
import { loadCalendar, today } from '../calendar/use-cases.js';
import { loadInfoType } from '../catalog/use-cases.js';
import { newId, prepareRow, type PrepareContext } from '../collection/prepare.js';
import { insertVersions, supersede, type NewVersion } from './store-write.js';
import { audienceOf, currentRecord, insertRecordEvent } from './transitions.js';

export type FieldCorrection = Record<string, string | number | null>;

const path = (key: string) => `body.correction.fields.${key}`;

async function storedValues(tx: Tx, ctx: AppContext, versionId: string) {
  const row = await tx.selectFrom('credit_record').select(['fields', 'pii_cipher', 'pii_key_version', 'overrides', 'natural_key', 'content_hash'])
    .where('id', '=', versionId).executeTakeFirstOrThrow();
  const values = { ...(row.fields as Record<string, Cell>) };
  if (row.pii_cipher) Object.assign(values, JSON.parse(decryptText(ctx.config.encryptionKeys, { cipher: row.pii_cipher, keyVersion: row.pii_key_version! })));
  return { values, overrides: (row.overrides as Override[] | null) ?? [], naturalKey: row.natural_key, contentHash: row.content_hash };
}

/** Writes the corrected version; returns its version number. The record must be current and in force. */
export async function correctRecord(tx: Tx, ctx: AppContext, opts: { recordId: string; actor: Actor; fields: FieldCorrection; reason: string }): Promise<number> {
  const cur = await currentRecord(tx, opts.recordId, true);
  if (!cur || !['active', 'held'].includes(cur.status)) throw errors.conflict('RECORD_STATE', '该信用记录已不在公示中，不能更正。');
  // one writer per department and info type at a time, as imports do, so a correction cannot race an import on the key
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`${cur.department_id}|${cur.info_type}`}))`.execute(tx);
  const { definition: def, version: typeVersion } = await loadInfoType(tx, cur.info_type);
  const stored = await storedValues(tx, ctx, cur.id);
  const known = new Set(def.fields.map((f) => f.key));
  const unknown = Object.keys(opts.fields).filter((k) => !known.has(k));
  if (unknown.length) throw errors.validation(unknown.map((k) => ({ path: path(k), message: `信息类别「${def.name}」没有字段 ${k}` })));

  const receivedOn = today();
  const result = validateRow(def, { ...stored.values, ...opts.fields }, { today: receivedOn, batchOverrideReason: stored.overrides[0]?.reason ?? null });
  if (!result.ok) throw errors.validation(result.issues.map((i) => ({ path: path(i.field), message: i.reason })), '更正后的信息不符合目录要求，请按提示修改。');
  const prepare: PrepareContext = { def, config: ctx.config, calendar: await loadCalendar(tx), receivedOn, missingYears: new Set(), delayMemo: new Map() };
  const row = prepareRow(prepare, 0, result.row);
  if (!('naturalKey' in row)) throw errors.validation([{ path: 'body.correction.fields', message: row.reason }]);
  if (row.naturalKey !== stored.naturalKey) {
    throw errors.validation([{ path: 'body.correction.fields', message: '更正不能改变记录的决定书文号或相对人：请以「删除信息」处理后由数源单位重新报送' }]);
  }
  if (row.contentHash === stored.contentHash) throw errors.validation([{ path: 'body.correction.fields', message: '更正内容与现有记录相同' }]);

  const version: NewVersion = {
    id: newId(), record_id: cur.record_id, version: cur.version + 1, natural_key: row.naturalKey, subject_id: cur.subject_id, row_no: null,
    fields: row.fields, pii: row.pii?.cipher ?? null, pii_v: row.pii?.keyVersion ?? null, hash: row.contentHash, decided_on: row.decidedOn,
    severity: row.severity, status: row.window.maxPublishUntil !== null && row.window.maxPublishUntil < receivedOn ? 'expired' : 'active',
    policy: row.window.policy, pfrom: row.window.publishFrom, pmin: row.window.minPublishUntil, pmax: row.window.maxPublishUntil,
    delay: row.delayWorkingDays, overrides: row.overrides,
  };
  await supersede(tx, [cur.id]);
  await insertVersions(tx, [version], {
    infoType: cur.info_type, typeVersion, departmentId: cur.department_id, departmentCode: cur.department_code, batchId: null,
    disclosure: cur.disclosure, receivedOn, ...await audienceOf(tx, cur),
  });
  await insertRecordEvent(tx, { recordId: cur.record_id, versionId: version.id, from: cur.status, to: version.status, actor: opts.actor, reason: opts.reason });
  await recordAudit(tx, { actor: opts.actor, action: 'record.corrected', entityType: 'credit_record', entityId: cur.record_id, departmentId: cur.department_id,
    data: { fromVersion: cur.version, version: version.version, fields: Object.keys(opts.fields), reason: opts.reason } });
  return version.version;
}
