// Seeds the catalog shipped in data/catalog at first start: the 13 categories of the 2024 national
// basic catalog and the info types. Types an admin has since changed are never overwritten; a type
// that is missing is created as version 1. Idempotent and safe when several processes start.
import { readdirSync, readFileSync } from 'node:fs';
import type { Db } from '../../db/database.js';
import type { InfoTypeDefinition } from '../../domain/fields.js';
import { definitionIssues } from '../../domain/fields-definition.js';
import { recordAudit } from '../audit/record.js';
import { SYSTEM_ACTOR } from '../auth/principal.js';
import * as store from './store.js';

// src/modules/catalog and dist/modules/catalog both sit three levels below the project root.
const CATALOG_DIR = new URL('../../../data/catalog/', import.meta.url);

interface CategoryFile { edition: string; categories: { code: string; name: string }[] }

export function shippedInfoTypes(): InfoTypeDefinition[] {
  const dir = new URL('info-types/', CATALOG_DIR);
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
    .map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as InfoTypeDefinition);
}

export async function ensureCatalog(db: Db): Promise<void> {
  const cats = JSON.parse(readFileSync(new URL('categories.json', CATALOG_DIR), 'utf8')) as CategoryFile;
  const existing = await store.existingCodes(db);
  const missing = shippedInfoTypes().filter((t) => !existing.has(t.code));
  const haveCategories = (await store.listCategories(db)).length >= cats.categories.length;
  if (haveCategories && !missing.length) return;
  await db.transaction().execute(async (tx) => {
    await store.insertCategories(tx, cats.categories.map((c, i) => ({ code: c.code, name: c.name, ordinal: i + 1, edition: cats.edition })));
    for (const def of missing) {
      const issues = definitionIssues(def);
      if (issues.length) throw new Error(`data/catalog/info-types/${def.code}.json: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`);
      if (await store.insertInfoType(tx, { code: def.code, name: def.name, category: def.category, definition: def, actorType: 'system', actorId: null })) {
        await recordAudit(tx, { actor: SYSTEM_ACTOR, action: 'info_type.created', entityType: 'info_type', entityId: def.code, data: { version: 1, seed: true } });
      }
    }
  });
}
