// New record versions written with COPY (imports, ADR 016): PostgreSQL parses the COPY text format
// once, where json_to_recordset parsed every chunk three times (the json parameter, the recordset,
// then each row's fields as jsonb) and that was three quarters of an import's database time. The
// change rows are derived from the stored versions in the next statement (versionChanges, as
// insertVersions does), in the rows' order, in the same transaction.
import { sql } from 'kysely';
import type pg from 'pg';
import { COPY_NULL as NULL, copyJson as json, copyNumber as num, copyText as text } from '../../db/copy-text.js';
import { copyIn, type Tx } from '../../db/database.js';
import { versionChanges, type NewVersion, type WriteMeta } from './store-write.js';

/** bytea in hex, its backslash escaped for COPY. */
const bytes = (base64: string | null) => (base64 === null ? NULL : `\\\\x${Buffer.from(base64, 'base64').toString('hex')}`);

const COLUMNS = `id, record_id, version, info_type, type_version, natural_key, subject_id, department_id, batch_id, row_no,
  fields, pii_cipher, pii_key_version, content_hash, disclosure, decided_on, severity, status, publish_policy, publish_from,
  min_publish_until, max_publish_until, received_on, delay_working_days, overrides, sharing_stopped_at`;

function line(r: NewVersion, head: string, disclosure: string, tail: string): string {
  return `${r.id}\t${r.record_id}\t${r.version}\t${head}\t${text(r.natural_key)}\t${r.subject_id}\t${tail}\t${num(r.row_no)}\t`
    + `${json(r.fields)}\t${bytes(r.pii)}\t${num(r.pii_v)}\t${text(r.hash)}\t${disclosure}\t${text(r.decided_on)}\t${text(r.severity)}\t`
    + `${text(r.status)}\t${text(r.policy)}\t${text(r.pfrom)}\t${text(r.pmin)}\t${text(r.pmax)}\t`;
}

/** Same rows, columns and change rows as insertVersions, sent as COPY on the transaction's own client. */
export async function copyVersions(tx: Tx, client: pg.PoolClient, rows: NewVersion[], m: WriteMeta): Promise<void> {
  if (!rows.length) return;
  const head = `${text(m.infoType)}\t${m.typeVersion}`;
  const tail = `${m.departmentId}\t${m.batchId ?? NULL}`;
  const disclosure = text(m.disclosure);
  const received = text(m.receivedOn);
  const body = rows.map((r) => `${line(r, head, disclosure, tail)}${received}\t${num(r.delay)}\t${json(r.overrides)}\t`
    + `${r.stopped ? r.stopped.toISOString() : NULL}\n`).join('');
  await copyIn(client, `COPY credit_record (${COLUMNS}) FROM STDIN`, body);
  await sql`
    INSERT INTO change (type, subject_id, is_public, departments, data)
    ${versionChanges('r', m)}
    FROM unnest(${rows.map((r) => r.id)}::uuid[]) WITH ORDINALITY AS v(id, n) JOIN credit_record r ON r.id = v.id
    ORDER BY v.n`.execute(tx);
}
