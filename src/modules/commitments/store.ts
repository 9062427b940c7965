// SQL for commitments. Department scope explicit: `departmentId` null = every department.
import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.js';
import type { CommitmentTable } from '../../db/schema.js';

type Q = Db | Tx;

/** The next serial of a region's day, under the row's lock (concurrent makers get distinct serials). */
export async function nextSerial(tx: Tx, regionCode: string, madeOn: string): Promise<number> {
  const { rows } = await sql<{ last: number }>`
    INSERT INTO commitment_serial (region_code, made_on, last) VALUES (${regionCode}, ${madeOn}::date, 1)
    ON CONFLICT (region_code, made_on) DO UPDATE SET last = commitment_serial.last + 1
    RETURNING last`.execute(tx);
  return rows[0].last;
}

export async function insertCommitment(tx: Tx, row: Omit<CommitmentTable, 'id' | 'created_at' | 'is_public' | 'fulfilment' | 'fulfilment_on' | 'fulfilment_note'> & { is_public: boolean }) {
  return tx.insertInto('commitment').values(row).returning(['id', 'code']).executeTakeFirstOrThrow();
}

const view = (db: Q) => db.selectFrom('commitment as c').innerJoin('subject as s', 's.id', 'c.subject_id').innerJoin('department as d', 'd.id', 'c.department_id')
  .select(['c.id', 'c.code', 'c.type', 'c.matter', 'c.content', 'c.made_on', 'c.due_on', 'c.is_public', 'c.fulfilment', 'c.fulfilment_on', 'c.fulfilment_note',
    'c.department_id', 'c.subject_id', 's.kind as subject_kind', 's.name as subject_name', 's.uscc', 's.id_masked', 'd.name as department_name', 'd.code as department_code']);
export type CommitmentRow = Awaited<ReturnType<typeof findByCode>> & object;

export async function findByCode(db: Q, code: string, departmentId: string | null) {
  let q = view(db).where('c.code', '=', code);
  if (departmentId) q = q.where('c.department_id', '=', departmentId);
  return q.executeTakeFirst();
}

export async function listCommitments(db: Q, f: { departmentId: string | null; subjectId?: string; status?: 'pending' | 'kept' | 'broken'; limit: number; offset: number }) {
  let q = view(db).orderBy('c.made_on', 'desc').orderBy('c.code', 'desc').limit(f.limit).offset(f.offset);
  if (f.departmentId) q = q.where('c.department_id', '=', f.departmentId);
  if (f.subjectId) q = q.where('c.subject_id', '=', f.subjectId);
  if (f.status === 'pending') q = q.where('c.fulfilment', 'is', null);
  if (f.status === 'kept') q = q.where('c.fulfilment', '=', 'fulfilled');
  if (f.status === 'broken') q = q.where('c.fulfilment', 'in', ['partial', 'unfulfilled']);
  return q.execute();
}

/** Public commitments of an organisation (persons' commitments are never public). */
export async function publicCommitments(db: Q, subjectId: string) {
  return view(db).where('c.subject_id', '=', subjectId).where('c.is_public', '=', true).where('s.kind', '<>', 'natural_person')
    .orderBy('c.made_on', 'desc').limit(200).execute();
}

export async function setFulfilment(tx: Tx, id: string, f: { fulfilment: 'fulfilled' | 'partial' | 'unfulfilled'; on: string; note: string }) {
  return tx.updateTable('commitment').set({ fulfilment: f.fulfilment, fulfilment_on: f.on, fulfilment_note: f.note })
    .where('id', '=', id).where('fulfilment', 'is', null).returning('id').executeTakeFirst();
}
