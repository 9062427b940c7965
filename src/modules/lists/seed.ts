// Seed data shipped under data/joint-action/: national list types, measures and memoranda, each
// marked with its source, edition and whether its text was verified. Loaded at every start with
// ON CONFLICT DO NOTHING, so local edits are never overwritten and new seed rows arrive on upgrade.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../../db/database.js';
import { recordAudit } from '../audit/record.js';
import { SYSTEM_ACTOR } from '../auth/principal.js';
import * as memoranda from '../memoranda/store.js';
import * as measures from '../measures/store.js';
import * as store from './store.js';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/joint-action');

interface SeedFile<T> { edition: string; items: (T & { verified?: boolean; source?: string })[] }
const read = <T>(name: string): SeedFile<T> => JSON.parse(readFileSync(path.join(DIR, name), 'utf8'));

interface ListTypeSeed { code: string; name: string; kind: 'red' | 'black'; domain: string; legalBasis: string; termMonths: number | null; repairable: boolean; public: boolean; exitConditions?: string }
interface MeasureSeed { code: string; kind: 'reward' | 'punishment'; nature: 'mandatory' | 'recommended'; category?: string; title: string; content?: string; legalBasis: string; implementingAgency: string; appliesTo: string[]; matterCategories: string[] }
interface MemorandumSeed { code: string; docNo: string; title: string; listTypes: string[]; measures: string[] }

export async function loadJointActionSeeds(db: Db): Promise<number> {
  const lt = read<ListTypeSeed>('list-types.json');
  const ms = read<MeasureSeed>('measures.json');
  const mo = read<MemorandumSeed>('memoranda.json');
  return db.transaction().execute(async (tx) => {
    let added = 0;
    for (const x of lt.items) {
      const row = await store.insertListType(tx, {
        code: x.code, name: x.name, kind: x.kind, domain: x.domain, initiating_department_id: null, legal_basis: x.legalBasis, term_months: x.termMonths,
        repairable: x.repairable, is_public: x.public, exit_conditions: x.exitConditions ?? null, source: x.source ?? null, edition: lt.edition, verified: x.verified ?? true,
      });
      if (row) added++;
    }
    for (const x of ms.items) {
      const row = await measures.insertMeasure(tx, {
        code: x.code, kind: x.kind, nature: x.nature, category: x.category ?? null, title: x.title, content: x.content ?? null, legal_basis: x.legalBasis,
        implementing_department_id: null, implementing_agency: x.implementingAgency, applies_to: x.appliesTo, matter_categories: x.matterCategories,
        edition: ms.edition, source: x.source ?? null, verified: x.verified ?? true,
      });
      if (row) added++;
    }
    for (const x of mo.items) {
      const row = await memoranda.insertMemorandum(tx, { code: x.code, docNo: x.docNo, title: x.title, status: 'notified', source: x.docNo, verified: x.verified ?? true });
      if (!row) continue;
      added++;
      const ltIds = (await Promise.all(x.listTypes.map((c) => store.findListType(tx, c)))).map((r) => r!.id);
      const mIds = (await measures.findMeasures(tx, x.measures)).map((m) => m.id);
      await memoranda.linkMemorandum(tx, row.id, ltIds, mIds);
    }
    if (added) await recordAudit(tx, { actor: SYSTEM_ACTOR, action: 'seed.loaded', entityType: 'seed', entityId: 'joint-action', departmentId: null, data: { rows: added, edition: lt.edition } });
    return added;
  });
}
