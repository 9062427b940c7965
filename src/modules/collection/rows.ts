// Turning the rows of a file into chunks ready to write: validate (domain/fields-row), prepare
// (prepare.ts), and cut a chunk when it is full or when a natural key repeats inside it (so each
// chunk touches a key once; a repeat is judged against what the previous chunk stored).
import { validateRow } from '../../domain/fields-row.js';
import type { InfoTypeDefinition } from '../../domain/fields.js';
import { prepareRow, rejectsOf, type PrepareContext, type PreparedRow, type RejectRow } from './prepare.js';
import type { RowSource } from './readers.js';
import type { Chunk } from './writer.js';

export interface ChunkingOptions {
  def: InfoTypeDefinition;
  prepare: PrepareContext;
  overrideReason: string | null;
  /** Rows up to this number were committed by an earlier run: skipped. */
  skipThrough: number;
  chunkSize: number;
  onRow?: (rowNo: number) => void;
}

export type RowOutcome = { row: PreparedRow } | { rejects: RejectRow[] };

export function judgeRow(o: ChunkingOptions, source: RowSource, rowNo: number, cells: Record<string, unknown>, malformed?: string, malformedField = ''): RowOutcome {
  if (malformed) return { rejects: [{ rowNo, field: malformedField, code: 'ROW_MALFORMED', reason: malformed }] };
  const result = validateRow(o.def, cells as never, {
    today: o.prepare.receivedOn, batchOverrideReason: o.overrideReason, numbers: source.format === 'json' || source.format === 'jsonl' ? 'json' : 'excel',
  });
  if (!result.ok) return { rejects: rejectsOf(rowNo, result.issues, source.headerOf) };
  const prepared = prepareRow(o.prepare, rowNo, result.row);
  return 'naturalKey' in prepared ? { row: prepared } : { rejects: [prepared] };
}

const YIELD_EVERY = 64;

const emptyChunk = (): Chunk => ({ rows: [], rejects: [], rowCount: 0, lastRowNo: 0 });

/** Chunks of the rows after `skipThrough`, in file order. */
export async function* chunksOf(o: ChunkingOptions, source: RowSource): AsyncGenerator<Chunk> {
  let chunk = emptyChunk();
  let keys = new Set<string>();
  let sinceYield = 0;
  for await (const src of source.rows) {
    // Parsing is CPU work that rarely returns to the event loop; the chunk being written meanwhile
    // needs it for each of its round trips to PostgreSQL.
    if (++sinceYield === YIELD_EVERY) {
      sinceYield = 0;
      await new Promise((resolve) => setImmediate(resolve));
    }
    o.onRow?.(src.rowNo);
    if (src.rowNo <= o.skipThrough) continue;
    const outcome = judgeRow(o, source, src.rowNo, src.cells, src.malformed, src.malformedField);
    if ('row' in outcome && keys.has(outcome.row.naturalKey)) {
      yield chunk;
      chunk = emptyChunk();
      keys = new Set();
    }
    if ('row' in outcome) {
      chunk.rows.push(outcome.row);
      keys.add(outcome.row.naturalKey);
    } else chunk.rejects.push(...outcome.rejects);
    chunk.rowCount++;
    chunk.lastRowNo = src.rowNo;
    if (chunk.rowCount >= o.chunkSize) {
      yield chunk;
      chunk = emptyChunk();
      keys = new Set();
    }
  }
  if (chunk.rowCount) yield chunk;
}
