// The write-behind part of the check log (ADR 015). A clear answer — no measures, no natural person —
// is returned at once and written within `flushMs` with the answers of other requests, in one insert;
// answers that open a feedback duty or look at a person are still written, durably, before they are
// returned (check.ts). Reading a check in this process (GET /checks/{id}, feedback, the list) first
// waits for the rows appended before it; a crash of this process can lose the clear answers of the
// last `flushMs`. If the database cannot take the rows they are kept and retried, and once
// `maxBacklog` rows wait, checks wait for the log instead of answering ahead of it.
import type pg from 'pg';
import { errors } from '../../errors.js';
import { copyChecks, type CheckRow } from './store.js';

export function createCheckLog(opts: { pool: pg.Pool; flushMs: number; maxRows?: number; maxBacklog?: number; log: (msg: string, err?: unknown) => void }) {
  const maxRows = opts.maxRows ?? 1_000;
  const maxBacklog = opts.maxBacklog ?? 50_000;
  let waiting: CheckRow[] = [];
  let appended = 0; // rows ever appended
  let written = 0; // rows ever committed (flushes are sequential and keep the order)
  let flushing: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let failures = 0;

  async function writeSome(): Promise<void> {
    const rows = waiting.splice(0, maxRows);
    if (!rows.length) return;
    try {
      await copyChecks(opts.pool, rows);
      written += rows.length;
      failures = 0;
    } catch (e) {
      waiting = rows.concat(waiting); // kept, in order, for the next attempt
      failures++;
      throw e;
    }
  }

  /** One flush at a time; resolves when it is done (rejects when the database refused the rows). */
  function flush(): Promise<void> {
    if (!flushing) flushing = writeSome().finally(() => { flushing = null; });
    return flushing;
  }

  function schedule() {
    if (timer) return;
    const delay = waiting.length >= maxRows ? 0 : failures ? Math.min(5_000, 500 * failures) : opts.flushMs;
    timer = setTimeout(() => {
      timer = null;
      flush().catch((e) => opts.log('check log write failed; the rows are kept and retried', e)).finally(() => {
        if (waiting.length) schedule();
      });
    }, delay);
  }

  /**
   * Everything appended before this call is committed. Throws 503 when the database refuses it twice:
   * the first failure may be a background flush that started before the database came back.
   */
  async function drained(): Promise<void> {
    const target = appended;
    let failed = 0;
    while (written < target) {
      try {
        await flush();
      } catch {
        if (++failed >= 2) throw errors.unavailable('核查记录暂时无法写入数据库，请稍后重试。');
      }
    }
  }

  return {
    /** Queues clear answers' rows; resolves at once unless the backlog is full. */
    async append(rows: CheckRow[]): Promise<void> {
      if (!rows.length) return;
      waiting.push(...rows);
      appended += rows.length;
      schedule();
      if (waiting.length > maxBacklog) await drained();
    },
    drained,
    async close() {
      if (timer) clearTimeout(timer);
      timer = null;
      await drained().catch((e) => opts.log(`check log: ${appended - written} clear check rows could not be written at shutdown`, e));
    },
  };
}

export type CheckLog = ReturnType<typeof createCheckLog>;
