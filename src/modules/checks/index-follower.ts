// Fills the subject index (subject-index.ts) at start and keeps it moving with the change feed
// (ADR 015). Every write that can change a check's answer — an entry published, held, released,
// expired, removed; a subject created or renamed; a commitment broken — records a change naming its
// subject, so following the feed and reading those subjects again is enough.
//
// How current an answer is:
// - in the process that wrote: a write answered over HTTP bumps `localWrites` before its response
//   leaves; the next check then waits for a catch-up that started after it. Read-your-writes. Writes
//   of this process outside a request (platform sync, sweeps) count through changesRecordedHere():
//   the next check catches up too — unless a catch-up ran between the change and its commit, in
//   which case the poll brings it.
// - in other processes: the feed is polled every `pollMs` (and positions given to committed changes
//   if the worker has not yet), so a change applies within about pollMs plus one poll. The answer's
//   `dataVersion` is the feed position the index reflects.
// Until the first load is done (or when it fails) `view()` answers null and checks read PostgreSQL.
import type { Db } from '../../db/database.js';
import type pg from 'pg';
import { changesRecordedHere } from '../changes/record.js';
import { sequenceChanges } from '../changes/sequencer.js';
import { createSubjectIndex, type SubjectIndex } from './subject-index.js';
import * as store from './store-index.js';

const PAGE = 50_000;
const POLL_LIMIT = 5_000;
const RELOAD_CHUNK = 500;
// only these changes can change what a check answers about their subject
const RELEVANT = /^(entry|subject|commitment)\./;

export interface IndexView { index: SubjectIndex; version: number; catalogVersion: number }

export function followSubjectIndex(opts: { db: Db; pool: pg.Pool; pollMs: number; log: (msg: string, err?: unknown) => void }) {
  const { db, pool } = opts;
  let view: IndexView | null = null;
  let localWrites = 0;
  let caughtUpTo = 0; // the count of this process's writes (requests + changes) the last catch-up started after
  let active: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  let closed = false;
  let timer: NodeJS.Timeout | null = null;
  let wakeUp: () => void = () => undefined; // ends the wait between two load attempts at close

  /** The whole index from scratch: facts, then subjects page by page, from a feed position read first. */
  async function load(): Promise<IndexView> {
    await sequenceChanges(db);
    const start = await store.pollFeed(pool, Number.MAX_SAFE_INTEGER, 1);
    const facts = await store.loadAllFacts(pool);
    const index = createSubjectIndex(PAGE);
    let after: string | null = null;
    for (;;) {
      const page = await store.subjectPage(pool, after, PAGE);
      for (const s of page) {
        const f = facts.get(s.id);
        index.put({ subject: s, own: f?.own ?? [], via: f?.via ?? [], negativeOn: f?.negativeOn ?? null });
      }
      if (page.length < PAGE || closed) break;
      after = page[page.length - 1].id;
    }
    // whatever changed while loading has a later position: advance() reads those subjects again
    return { index, version: Number(start.top), catalogVersion: Number(start.catalogVersion) };
  }

  /** Applies the feed after the view's position until the end, then gives it the catalog counter. */
  async function advance(): Promise<void> {
    if (!view) return;
    let sequenced = false;
    for (;;) {
      const poll = await store.pollFeed(pool, view.version, POLL_LIMIT);
      if (Number(poll.pruned) > view.version) {
        // the feed was swept past our position (a process paused for days): start again
        view = await load();
        continue;
      }
      const affected = new Set<string>();
      for (const c of poll.changes) if (c.subject_id && RELEVANT.test(c.type)) affected.add(c.subject_id);
      const ids = [...affected];
      for (let i = 0; i < ids.length; i += RELOAD_CHUNK) {
        for (const state of await store.loadSubjectStates(pool, ids.slice(i, i + RELOAD_CHUNK))) view.index.put(state);
      }
      const last = poll.changes.at(-1);
      view = { index: view.index, version: last ? Number(last.seq) : view.version, catalogVersion: Math.max(view.catalogVersion, Number(poll.catalogVersion)) };
      if (poll.changes.length === POLL_LIMIT) continue;
      // committed changes still waiting for a position: give them one (as the worker would) and read
      // on — even when this pass numbered nothing, the worker may just have numbered them itself
      if (poll.unsequenced && !sequenced) {
        sequenced = true;
        await sequenceChanges(db);
        continue;
      }
      return;
    }
  }

  /** One advance that starts after this call (joined by calls made before it starts). */
  function advanceSoon(): Promise<void> {
    if (queued) return queued;
    const before = active ?? Promise.resolve();
    const p: Promise<void> = before.catch(() => undefined).then(async () => {
      queued = null;
      active = p;
      try {
        await advance();
      } finally {
        if (active === p) active = null;
      }
    });
    queued = p;
    return p;
  }

  async function startLoading(): Promise<void> {
    while (!closed && !view) {
      try {
        const started = Date.now();
        view = await load();
        opts.log(`check index loaded: ${view.index.size} subjects in ${Date.now() - started} ms`);
      } catch (e) {
        if (closed) return;
        opts.log('check index load failed; checks read the database meanwhile', e);
        await new Promise<void>((r) => {
          wakeUp = r;
          setTimeout(r, 5_000).unref();
        });
      }
    }
  }

  const loading = startLoading();
  timer = setInterval(() => {
    if (!view || active || queued) return;
    advanceSoon().catch((e) => opts.log('check index poll failed', e));
  }, opts.pollMs);
  timer.unref();

  return {
    /** Resolves once the first load is done (or the follower closed). */
    ready: () => loading,
    /** A write answered in this process: the next check must see it. */
    noteLocalWrite() {
      localWrites++;
    },
    /** The index for the next check, caught up with this process's own writes; null while loading. */
    async view(): Promise<IndexView | null> {
      if (!view) return null;
      if (caughtUpTo < localWrites + changesRecordedHere()) {
        const writes = localWrites + changesRecordedHere();
        try {
          await advanceSoon();
        } catch (e) {
          opts.log('check index catch-up failed; this round reads the database', e);
          return null;
        }
        caughtUpTo = Math.max(caughtUpTo, writes);
      }
      return view;
    },
    async close() {
      closed = true;
      if (timer) clearInterval(timer);
      wakeUp();
      await Promise.allSettled([loading, active, queued]);
    },
  };
}

export type SubjectIndexFollower = ReturnType<typeof followSubjectIndex>;
