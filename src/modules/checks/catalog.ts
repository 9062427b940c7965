// The catalog a check applies — every matter, and the measures each implementing department applies
// (memoranda in force it accepted) — kept in process memory, because every check needs it and it
// changes a few times a day. It is never stale: every write to its tables bumps
// check_catalog_version in the writing transaction (migration 008), every round of checks reads that
// counter in the same statement as its subject facts, and a round whose counter is ahead of this
// copy waits for a reload first (ADR 013).
import type pg from 'pg';
import type { MeasureFact } from '../../domain/check-evaluation.js';
import * as store from './store.js';
import type { ListTypeFact } from './subject-index.js';

export interface CheckCatalog {
  version: number;
  matters: Map<string, store.FactMatter>;
  /** implementing department id → the measures it applies */
  measures: Map<string, MeasureFact[]>;
  /** list type id → what an entry of it shows (the subject index keeps entries by list type id) */
  listTypes: Map<string, ListTypeFact>;
}

// one copy per database (a test process opens several platforms)
const copies = new WeakMap<pg.Pool, CheckCatalog>();
const loading = new WeakMap<pg.Pool, Promise<CheckCatalog>>();

function build(facts: store.CatalogFacts): CheckCatalog {
  const measures = new Map<string, MeasureFact[]>();
  for (const m of facts.measures) {
    const list = measures.get(m.department_id) ?? [];
    list.push({
      code: m.code, title: m.title, kind: m.kind, nature: m.nature, legalBasis: m.legal_basis,
      appliesTo: m.applies_to, matterCategories: m.matter_categories, listTypes: m.list_types,
    });
    measures.set(m.department_id, list);
  }
  const listTypes = new Map(facts.listTypes.map((t) => [t.id, { code: t.code, name: t.name, kind: t.kind, domain: t.domain }]));
  return { version: Number(facts.version), matters: new Map(facts.matters.map((m) => [m.code, m])), measures, listTypes };
}

async function reload(pool: pg.Pool): Promise<CheckCatalog> {
  let pending = loading.get(pool);
  if (!pending) {
    pending = store.loadCatalog(pool).then(build).finally(() => loading.delete(pool));
    loading.set(pool, pending);
  }
  const loaded = await pending;
  const held = copies.get(pool);
  if (!held || held.version < loaded.version) copies.set(pool, loaded);
  return copies.get(pool)!;
}

/** The catalog at `version` or later (versions only grow: the counter is a row updated under lock). */
export async function catalogAt(pool: pg.Pool, version: number): Promise<CheckCatalog> {
  const held = copies.get(pool);
  if (held && held.version >= version) return held;
  let loaded = await reload(pool);
  // a reload that started before the bump we need: load once more
  if (loaded.version < version) loaded = await reload(pool);
  return loaded;
}
