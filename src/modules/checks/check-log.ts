// The write-behind part of the check log (ADR 015). A clear answer — no measures, no natural person —
// is returned at once and written within `flushMs` with the answers of other requests, in one COPY.
// An answer that opens a feedback duty is `confirm`ed: it asks for a write at once (with whatever
// else waits) and is returned only once that write committed — feedback may reach another process a
// moment later. "At once" means once the previous write is `confirmGapMs` (5 ms) old: under load a
// COPY per one or two rows cost the server more than the check itself (a round trip, two socket
// writes, a commit), while a write at most every 5 ms carries a dozen rows or more, for ≤ 5 ms more
// latency (ADR 017). Looks at natural persons do not come here (check.ts writes them with their audit row).
// Reading a check in this process (GET /checks/{id}, feedback, the list) first waits for the rows
// appended before it; a crash of this process can lose the clear answers of the last `flushMs`. If the
// database cannot take the rows, clear ones are kept and retried, confirmed ones fail with their
// request (their caller got no answer, so no open check may appear later); once `maxBacklog` rows
// wait, checks wait for the log instead of answering ahead of it.
import type pg from 'pg';
import { errors } from '../../errors.js';
import { copyChecks, type CheckRow } from './store.js';

interface Confirmation { resolve: () => void; reject: (e: unknown) => void }

export function createCheckLog(opts: { pool: pg.Pool; flushMs: number; confirmGapMs?: number; maxRows?: number; maxBacklog?: number; log: (msg: string, err?: unknown) => void }) {
  const maxRows = opts.maxRows ?? 1_000;
  const maxBacklog = opts.maxBacklog ?? 50_000;
  const confirmGapMs = opts.confirmGapMs ?? 5;
  let lastWriteAt = 0; // when the latest write began (ms)
  // a confirmed row carries the settlement of its answer
  let waiting: (CheckRow & { confirmed?: Confirmation })[] = [];
  let confirmations = 0; // confirmed rows waiting: the next write starts at once
  let appended = 0; // rows ever appended
  let written = 0; // rows ever settled: committed, or refused with their request (writes are sequential, in order)
  let flushing: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let timerDelay = 0;
  let failures = 0;

  async function writeSome(): Promise<void> {
    const rows = waiting.splice(0, maxRows);
    if (!rows.length) return;
    lastWriteAt = Date.now();
    const confirmed = rows.filter((r) => r.confirmed);
    confirmations -= confirmed.length;
    try {
      await copyChecks(opts.pool, rows);
      written += rows.length;
      failures = 0;
      for (const r of confirmed) r.confirmed!.resolve();
    } catch (e) {
      // clear rows are kept, in order, for the next attempt; confirmed ones fail with their requests
      waiting = rows.filter((r) => !r.confirmed).concat(waiting);
      written += confirmed.length;
      for (const r of confirmed) r.confirmed!.reject(e);
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
    const delay = waiting.length >= maxRows ? 0
      : confirmations && !failures ? Math.max(0, lastWriteAt + confirmGapMs - Date.now())
        : failures ? Math.min(5_000, 500 * failures) : opts.flushMs;
    if (timer && timerDelay <= delay) return;
    if (timer) clearTimeout(timer); // a confirmed row does not wait for the clear rows' timer
    timerDelay = delay;
    timer = setTimeout(() => {
      timer = null;
      // a write under way: the next one starts when it ends (and takes what arrived meanwhile)
      flush().catch((e) => opts.log('check log write failed; clear rows are kept and retried', e)).finally(() => {
        if (waiting.length) schedule();
      });
    }, delay);
  }

  /** Queues rows and schedules their write (after the one under way, if any). */
  function push(rows: typeof waiting): void {
    waiting.push(...rows);
    appended += rows.length;
    schedule();
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
      push(rows);
      if (waiting.length > maxBacklog) await drained();
    },
    /** Queues an answer that opens a duty; resolves once its row is committed (rejects if refused). */
    confirm(row: CheckRow): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        confirmations++;
        push([{ ...row, confirmed: { resolve, reject } }]);
      });
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
