// From a validated row to what is stored: the subject's identity (persons' ID numbers only as the
// blind index and the subject's ciphertext), the natural key, a keyed digest of the content (to
// recognise unchanged rows without keeping plain personal data), personal fields encrypted and
// masked, the publication window and the 双公示 delay in working days. All in memory, no I/O.
import { createCipheriv, createHmac, randomFillSync } from 'node:crypto';
import type { Config } from '../../config.js';
import { naturalKeyOf, type FieldValue, type InfoTypeDefinition } from '../../domain/fields.js';
import type { Override, RowIssue, ValidRow } from '../../domain/fields-row.js';
import { upgradeRic15, validatedIdentifier } from '../../domain/identifiers/index.js';
import { blindIndex, currentKeyVersion, maskIdNumber } from '../../domain/protect.js';
import { publicationWindow, type PublicationWindow, type Severity } from '../../domain/publication.js';
import { missingYears, workingDaysBetween, type WorkCalendar } from '../../domain/working-days.js';
import { nameKeyOf, resolveIdentity, type Identity } from '../subjects/identity.js';

export interface PreparedRow {
  rowNo: number;
  action: 'upsert' | 'revoke';
  identity: Identity;
  /** USCC, or 'P:' + blind index for a person: part of the natural key, never a plain ID number. */
  subjectKey: string;
  naturalKey: string;
  contentHash: string;
  fields: Record<string, FieldValue>;
  pii: { cipher: string; keyVersion: number } | null;
  decidedOn: string | null;
  severity: Severity | null;
  window: PublicationWindow;
  delayWorkingDays: number | null;
  overrides: Override[] | null;
  /** The organisation's legal representative named with a 居民身份证 number (落实到人), or null. */
  legalRep: Identity | null;
}

export interface RejectRow {
  rowNo: number;
  field: string;
  code: string;
  reason: string;
}

export interface PrepareContext {
  def: InfoTypeDefinition;
  config: Config;
  calendar: WorkCalendar;
  /** The day rows reach the platform (China time). */
  receivedOn: string;
  /** Years the timeliness counts ran into without calendar data (for the batch's warnings). */
  missingYears: Set<number>;
  delayMemo: Map<string, number>;
}

const validCode = (value: string | null, type: 'org_code' | 'reg_no') => (value && validatedIdentifier(value, type).valid ? value : undefined);

/** The platform's identity of the row's subject; codes kept by an override are taken as given. */
function identityOf(row: ValidRow, config: Config): Identity {
  const s = row.subject;
  const overridden = row.overrides.length > 0;
  if (!overridden && row.action === 'upsert') {
    return resolveIdentity({ kind: s.kind, name: s.name, uscc: s.uscc ?? undefined, idNumber: s.idNumber ?? undefined,
      orgCode: validCode(s.orgCode, 'org_code'), regNo: validCode(s.regNo, 'reg_no') }, config, 'row');
  }
  const idNumber = s.idNumber ? (s.idNumber.length === 15 ? upgradeRic15(s.idNumber) : s.idNumber) : null;
  return {
    kind: s.kind, name: s.name, nameKey: nameKeyOf(s.kind, s.name), uscc: s.uscc, orgCode: null, regNo: null,
    regionCode: s.uscc ? s.uscc.slice(2, 8) : idNumber?.slice(0, 6) ?? null, idNumber, blind: idNumber ? blindIndex(config.blindIndexKey, idNumber) : null,
  };
}

/** Fields of the 双公示 standard naming an organisation's legal representative (admin_penalty, admin_license). */
const LEGAL_REP = { name: 'legal_rep', idType: 'legal_rep_id_type', idNumber: 'legal_rep_id_number' } as const;

/**
 * The legal representative as a person the platform can link to the organisation: only with a name
 * and a 居民身份证 number that passed validation (other documents are kept as text, not matched).
 */
function legalRepOf(row: ValidRow, config: Config): Identity | null {
  if (row.action !== 'upsert' || row.subject.kind === 'natural_person') return null;
  const name = row.values[LEGAL_REP.name];
  const idNumber = row.values[LEGAL_REP.idNumber];
  const idType = row.values[LEGAL_REP.idType];
  if (!name || !idNumber || (idType !== null && idType !== undefined && idType !== '身份证')) return null;
  try {
    return resolveIdentity({ kind: 'natural_person', name: String(name), idNumber: String(idNumber) }, config, 'row.legalRep');
  } catch {
    return null; // kept in the record as delivered; not a person the platform can identify
  }
}

function delayOf(ctx: PrepareContext, decidedOn: string | null): number | null {
  if (!ctx.def.dualPublicity || !decidedOn) return null;
  let d = ctx.delayMemo.get(decidedOn);
  if (d === undefined) {
    d = workingDaysBetween(decidedOn, ctx.receivedOn, ctx.calendar);
    ctx.delayMemo.set(decidedOn, d);
    for (const y of missingYears(decidedOn, ctx.receivedOn, ctx.calendar)) ctx.missingYears.add(y);
  }
  return d;
}

/** Keyed digest of every value in definition order: equal rows give equal digests. */
function contentHash(ctx: PrepareContext, values: Record<string, FieldValue>): string {
  const ordered = ctx.def.fields.map((f) => values[f.key] ?? null);
  return createHmac('sha256', ctx.config.blindIndexKey).update(JSON.stringify(ordered)).digest('base64url').slice(0, 32);
}

const ivs = Buffer.alloc(12 * 1024);
let ivsUsed = ivs.length;

/**
 * AES-256-GCM exactly as domain/protect.ts encryptText writes it (iv | tag | ciphertext, newest key
 * version; decryptText opens it), with the random IVs drawn from a pooled CSPRNG buffer: one
 * randomFillSync per 1,024 rows instead of one per row, a tenth of the import's crypto time.
 */
function seal(keys: Map<number, Buffer>, plain: string): { cipher: string; keyVersion: number } {
  if (ivsUsed === ivs.length) { randomFillSync(ivs); ivsUsed = 0; }
  const iv = ivs.subarray(ivsUsed, ivsUsed += 12);
  const keyVersion = currentKeyVersion(keys);
  const c = createCipheriv('aes-256-gcm', keys.get(keyVersion)!, iv);
  const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return { cipher: Buffer.concat([iv, c.getAuthTag(), body]).toString('base64'), keyVersion };
}

function sealPersonal(ctx: PrepareContext, values: Record<string, FieldValue>) {
  const fields: Record<string, FieldValue> = {};
  const secret: Record<string, FieldValue> = {};
  for (const f of ctx.def.fields) {
    const v = values[f.key] ?? null;
    if (v === null) continue; // empty fields are left out: a third smaller rows, nothing lost
    if (f.pii) {
      secret[f.key] = v;
      fields[f.key] = maskIdNumber(String(v));
    } else fields[f.key] = v;
  }
  if (!Object.keys(secret).length) return { fields, pii: null };
  return { fields, pii: seal(ctx.config.encryptionKeys, JSON.stringify(secret)) };
}

export function prepareRow(ctx: PrepareContext, rowNo: number, row: ValidRow): PreparedRow | RejectRow {
  let identity: Identity;
  try {
    identity = identityOf(row, ctx.config);
  } catch (e) {
    const first = (e as { errors?: { message: string }[] }).errors?.[0];
    return { rowNo, field: '', code: 'SUBJECT_INVALID', reason: first?.message ?? '主体信息无效' };
  }
  const subjectKey = identity.uscc ?? `P:${identity.blind}`;
  const { fields, pii } = sealPersonal(ctx, row.values);
  const decidedOn = row.decidedOn;
  return {
    rowNo, action: row.action, identity, subjectKey,
    naturalKey: naturalKeyOf(ctx.def, row.values, subjectKey),
    contentHash: contentHash(ctx, row.values), fields, pii, decidedOn, severity: row.severity,
    window: publicationWindow({ kind: ctx.def.publication, decidedOn: decidedOn ?? ctx.receivedOn, severity: row.severity }),
    delayWorkingDays: delayOf(ctx, decidedOn),
    overrides: row.overrides.length ? row.overrides : null,
    legalRep: legalRepOf(row, ctx.config),
  };
}

export function rejectsOf(rowNo: number, issues: RowIssue[], headerOf: (key: string) => string): RejectRow[] {
  return issues.map((i) => ({ rowNo, field: i.field ? headerOf(i.field) : '', code: i.code, reason: i.reason }));
}

const pool = Buffer.alloc(16 * 256);
let used = pool.length;

/**
 * A time-ordered UUID (version 7: 48-bit milliseconds, then random bits). Records and subjects are
 * created in bulk; ids that grow with time keep their B-tree inserts on the right-hand pages instead
 * of scattering them over the whole index, as random (v4) ids do once the index outgrows memory.
 */
export function newId(): string {
  if (used === pool.length) { randomFillSync(pool); used = 0; }
  const b = pool.subarray(used, used + 16);
  used += 16;
  const ms = Date.now();
  b.writeUIntBE(ms, 0, 6);
  b[6] = (b[6] & 0x0f) | 0x70;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
