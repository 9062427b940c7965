// SQL that finds and creates many subjects at once (one import chunk). Creation writes the same
// audit row and change as findOrCreateSubject (subjects/use-cases.ts) does for one subject.
import { sql } from 'kysely';
import type { Tx } from '../../db/database.js';

export interface KnownSubject { id: string; uscc: string | null; id_blind: string | null; name_key: string }

export async function findSubjects(tx: Tx, usccs: string[], blinds: string[]): Promise<KnownSubject[]> {
  if (!usccs.length && !blinds.length) return [];
  const { rows } = await sql<KnownSubject>`
    SELECT id, uscc, id_blind, name_key FROM subject WHERE uscc = ANY(${usccs}::text[])
    UNION ALL
    SELECT id, uscc, id_blind, name_key FROM subject WHERE id_blind = ANY(${blinds}::text[])`.execute(tx);
  return rows;
}

export interface NewSubject {
  id: string; kind: string; name: string; name_key: string; search_text: string; uscc: string | null; org_code: string | null; reg_no: string | null;
  region_code: string | null; id_cipher: string | null; id_key_version: number | null; id_blind: string | null; id_masked: string | null;
}

/** Inserts what is not there yet (a concurrent import may have created some: those are skipped). */
export async function insertSubjects(tx: Tx, rows: NewSubject[], actor: { type: string; id: string | null; departmentId: string | null }): Promise<KnownSubject[]> {
  if (!rows.length) return [];
  const { rows: created } = await sql<KnownSubject>`
    WITH x AS (
      SELECT * FROM json_to_recordset(${JSON.stringify(rows)}::json) AS x(id uuid, kind text, name text, name_key text, search_text text, uscc text,
        org_code text, reg_no text, region_code text, id_cipher text, id_key_version int, id_blind text, id_masked text)
    ), ins AS (
      INSERT INTO subject (id, kind, name, name_key, search_text, search_version, uscc, org_code, reg_no, region_code, id_cipher, id_key_version, id_blind, id_masked)
      SELECT id, kind, name, name_key, to_tsvector('simple', search_text), 1, uscc, org_code, reg_no, region_code, decode(id_cipher, 'base64'),
        id_key_version, id_blind, id_masked FROM x
      ON CONFLICT DO NOTHING
      RETURNING id, kind, name, uscc, id_blind, id_masked, name_key
    ), audit AS (
      INSERT INTO audit_event (at, actor_type, actor_id, department_id, action, entity_type, entity_id, data)
      SELECT ${new Date()}::timestamptz, ${actor.type}, ${actor.id}, ${actor.departmentId}::uuid, 'subject.created', 'subject', ins.id::text,
        jsonb_build_object('kind', ins.kind, 'uscc', ins.uscc, 'masked', ins.id_masked)
      FROM ins
    ), feed AS (
      INSERT INTO change (type, subject_id, is_public, data)
      SELECT 'subject.created', ins.id, ins.kind <> 'natural_person',
        jsonb_build_object('id', ins.id, 'kind', ins.kind, 'name', CASE WHEN ins.kind = 'natural_person' THEN NULL ELSE ins.name END, 'uscc', ins.uscc)
      FROM ins
    )
    SELECT id, uscc, id_blind, name_key FROM ins`.execute(tx);
  return created;
}

/**
 * Organisation → legal representative relations named by records (落实到人), without a start date
 * (the row says who represented the organisation, not since when); one per pair, audited like
 * POST /subjects/{id}/relations. Returns how many were new.
 */
export async function insertLegalRepRelations(tx: Tx, pairs: { org: string; person: string }[], actor: { type: string; id: string | null; departmentId: string | null }): Promise<number> {
  if (!pairs.length) return 0;
  const { rows } = await sql<{ n: number }>`
    WITH x AS (
      SELECT DISTINCT org, person FROM json_to_recordset(${JSON.stringify(pairs)}::json) AS x(org uuid, person uuid)
    ), ins AS (
      INSERT INTO subject_relation (organization_id, person_id, role)
      SELECT x.org, x.person, 'legal_representative' FROM x
      WHERE NOT EXISTS (SELECT 1 FROM subject_relation r WHERE r.organization_id = x.org AND r.person_id = x.person AND r.role = 'legal_representative')
      RETURNING organization_id, person_id
    ), audit AS (
      INSERT INTO audit_event (at, actor_type, actor_id, department_id, action, entity_type, entity_id, data)
      SELECT ${new Date()}::timestamptz, ${actor.type}, ${actor.id}, ${actor.departmentId}::uuid, 'subject.related', 'subject', ins.organization_id::text,
        jsonb_build_object('personId', ins.person_id, 'role', 'legal_representative', 'startsOn', NULL, 'via', 'collection')
      FROM ins
    )
    SELECT count(*)::int AS n FROM ins`.execute(tx);
  return rows[0].n;
}
