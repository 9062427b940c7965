// The file readers alone (no database): what a delivered file reads as, row by row.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { InfoTypeDefinition } from '../src/domain/fields.js';
import { openRowSource, detectFormat, type SourceRow } from '../src/modules/collection/readers.js';
import { csvText, penaltyFactory, tempDir, PENALTY_HEADERS } from './fixtures/collection/files.js';

const def = JSON.parse(readFileSync(new URL('../data/catalog/info-types/admin_penalty.json', import.meta.url), 'utf8')) as InfoTypeDefinition;
const dir = tempDir();
const f = penaltyFactory(78, 'X');
const quoteAll = (cells: string[]) => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',');

export async function readAll(name: string, content: string | Buffer) {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  const source = await openRowSource(file, await detectFormat(file, name), def);
  const rows: SourceRow[] = [];
  try { for await (const r of source.rows) rows.push(r); } finally { source.close(); }
  return { rows, source };
}

test('closing a quoted CSV after its header (the import\'s header probe) neither throws nor leaves an unhandled error', async () => {
  const rows = Array.from({ length: 3000 }, () => f.org());
  const text = [quoteAll(PENALTY_HEADERS), ...rows.map((r) => quoteAll(PENALTY_HEADERS.map((h) => r[h])))].join('\r\n') + '\r\n';
  const file = path.join(dir, 'quoted.csv');
  writeFileSync(file, text);
  const errors: unknown[] = [];
  const onError = (e: unknown) => errors.push(e);
  process.on('uncaughtException', onError);
  try {
    for (let i = 0; i < 5; i++) {
      const probe = await openRowSource(file, 'csv', def);
      probe.close();
    }
    await new Promise((r) => setTimeout(r, 200));
  } finally {
    process.off('uncaughtException', onError);
  }
  assert.deepEqual(errors.map(String), []);
  const all = await readAll('quoted2.csv', text);
  assert.equal(all.rows.length, 3000);
});
