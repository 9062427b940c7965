// Following a source platform (`xinyong sync --from URL --key KEY`, or the worker with
// XINYONG_SYNC_FROM): snapshot pages first, then the source's /changes from the snapshot's seq.
// Every page is applied in ONE local transaction together with the progress it makes, so a follower
// killed at any instant resumes after the last page it applied — nothing is lost, nothing applied
// twice (and applying twice would change nothing: pages are applied as states). A cursor older than
// the source's retention window (410) starts a new snapshot; mirrored entries that the new snapshot
// no longer shows are then asked for one by one, so removals made meanwhile still arrive.
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { findPlatformDepartment } from '../departments/store.js';
import { applyStates } from './apply.js';
import { CursorExpired, sourceClient, type SourceClient } from './client.js';
import * as store from './store.js';

export interface SyncOptions {
  ctx: AppContext;
  url: string;
  key: string;
  /** Catch up and return (the CLI's --once); otherwise follow until the signal aborts. */
  once: boolean;
  /** Entries per snapshot page and changes per feed page (default 500). */
  pageSize?: number;
  pollMs?: number;
  signal?: AbortSignal;
  log?: (message: string) => void;
}

export interface SyncReport { source: string; phase: string; cursor: number; pages: number; created: number; updated: number; unchanged: number; skipped: number }

/** Marks "every snapshot page applied" (no entry id sorts after it); reconciliation comes next. */
const PAGES_DONE = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

class Stale extends Error {} // another follower of the same source applied this page first

interface Step { client: SourceClient; o: SyncOptions; source: string; self: string; report: SyncReport; pageSize: number }

async function applyPage(s: Step, expect: (row: store.SourceRow) => boolean, entries: Parameters<typeof applyStates>[2], progress: (row: store.SourceRow) => Parameters<typeof store.saveProgress>[2]) {
  const { ctx } = s.o;
  await ctx.db.transaction().execute(async (tx) => {
    const row = await store.lockSource(tx, s.source);
    if (!expect(row)) throw new Stale();
    const counts = await applyStates(tx, { ctx, source: s.source, self: s.self, generation: row.generation }, entries);
    await store.saveProgress(tx, s.source, { ...progress(row), applied: counts.created + counts.updated });
    for (const k of ['created', 'updated', 'unchanged', 'skipped'] as const) s.report[k] += counts[k];
  });
  s.report.pages++;
}

async function snapshotStep(s: Step, row: store.SourceRow): Promise<boolean> {
  if (row.snapshot_cursor === PAGES_DONE) return reconcileStep(s, row);
  const page = await s.client.snapshot(row.snapshot_cursor, s.pageSize);
  await applyPage(s, (r) => r.phase === 'snapshot' && r.snapshot_cursor === row.snapshot_cursor && r.generation === row.generation, page,
    (r) => ({ snapshot_seq: r.snapshot_seq ?? String(page.seq), snapshot_cursor: page.next ?? PAGES_DONE }));
  s.o.log?.(`快照：已应用 ${s.report.created + s.report.updated + s.report.unchanged + s.report.skipped} 条（第 ${s.report.pages} 页）`);
  return true;
}

/** After the snapshot: mirrors it did not show are asked for by id (removed meanwhile?), then follow. */
async function reconcileStep(s: Step, row: store.SourceRow): Promise<boolean> {
  const stale = await store.staleMirrors(s.o.ctx.db, s.source, row.generation, 500);
  const states = stale.length ? await s.client.entries(stale) : { entries: [], listTypes: [] };
  await s.o.ctx.db.transaction().execute(async (tx) => {
    const r = await store.lockSource(tx, s.source);
    if (r.phase !== 'snapshot' || r.snapshot_cursor !== PAGES_DONE || r.generation !== row.generation) throw new Stale();
    const counts = await applyStates(tx, { ctx: s.o.ctx, source: s.source, self: s.self, generation: r.generation }, states);
    s.report.updated += counts.updated;
    // the source no longer shows some of them to us: keep them as they are, but stop asking
    await store.touchMirrors(tx, s.source, stale, r.generation);
    if (!stale.length) await store.saveProgress(tx, s.source, { phase: 'follow', cursor: r.snapshot_seq ?? '0' });
  });
  if (!stale.length) s.o.log?.(`快照完成，从变更位置 seq ${row.snapshot_seq} 继续跟随。`);
  return true;
}

async function followStep(s: Step, row: store.SourceRow): Promise<boolean> {
  const after = Number(row.cursor);
  const page = await s.client.changes(after, Math.min(s.pageSize, 1000));
  if (page.next === after && !page.changes.length) return false;
  const ids = [...new Set(page.changes.filter((c) => c.type.startsWith('entry.') && c.data?.entryId).map((c) => c.data.entryId!))];
  const states = ids.length ? await s.client.entries(ids) : { entries: [], listTypes: [] };
  await applyPage(s, (r) => r.phase === 'follow' && Number(r.cursor) === after, states, () => ({ cursor: String(page.next) }));
  s.report.cursor = page.next;
  s.o.log?.(`变更：已读到 seq ${page.next}（本页 ${page.changes.length} 条变更，${ids.length} 条名单记录）`);
  return true;
}

async function restartSnapshot(s: Step) {
  await s.o.ctx.db.transaction().execute(async (tx) => {
    const r = await store.lockSource(tx, s.source);
    await store.saveProgress(tx, s.source, { phase: 'snapshot', generation: r.generation + 1, snapshot_seq: null, snapshot_cursor: null });
  });
}

const sleep = (ms: number, signal?: AbortSignal) => new Promise<void>((resolve) => {
  const t = setTimeout(resolve, ms);
  signal?.addEventListener('abort', () => { clearTimeout(t); resolve(); }, { once: true });
});

export async function runSync(o: SyncOptions): Promise<SyncReport> {
  const client = sourceClient(o.url, o.key);
  const me = await client.me();
  if (!me.user.department.platform) throw new AppError('SYNC_KEY_NOT_PLATFORM', 400, `该密钥属于 ${me.user.department.name}，不是源平台信用办的密钥：平台间同步需要对方信用办的 system 密钥。`);
  const source = me.user.department.code;
  // this platform is the credit office recorded in its database (not the environment of this command)
  const self = (await findPlatformDepartment(o.ctx.db))!.code;
  if (source === self) throw new AppError('SYNC_SELF', 400, '源平台与本平台是同一个信用办，不能自己同步自己。');
  await store.ensureSource(o.ctx.db, source, o.url, me.user.department.name);
  const report: SyncReport = { source, phase: 'snapshot', cursor: 0, pages: 0, created: 0, updated: 0, unchanged: 0, skipped: 0 };
  const s: Step = { client, o, source, self, report, pageSize: o.pageSize ?? 500 };
  let failures = 0;
  while (!o.signal?.aborted) {
    let progressed: boolean;
    try {
      const row = (await store.findSource(o.ctx.db, source))!;
      progressed = row.phase === 'snapshot' ? await snapshotStep(s, row) : await followStep(s, row);
      failures = 0;
    } catch (e) {
      if (e instanceof Stale) continue;
      if (e instanceof CursorExpired) {
        o.log?.(`源平台已清理本平台读取位置之后的部分变更（${e.message}），重新获取快照。`);
        await restartSnapshot(s);
        continue;
      }
      await store.recordError(o.ctx.db, source, (e as Error).message).catch(() => {});
      if (o.once) throw e;
      // following for good: a source that is down is retried, ever more slowly (up to a minute)
      o.log?.(`同步出错，稍后重试：${(e as Error).message}`);
      await sleep(Math.min(60_000, (o.pollMs ?? 5000) * 2 ** Math.min(failures++, 4)), o.signal);
      continue;
    }
    if (!progressed) {
      if (o.once) break;
      await sleep(o.pollMs ?? 5000, o.signal);
    }
  }
  const final = (await store.findSource(o.ctx.db, source))!;
  return { ...report, phase: final.phase, cursor: Number(final.cursor) };
}
