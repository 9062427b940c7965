// What a platform offers the platforms that follow it (跨地区联动): its entries in force page by page
// with the feed position to continue from, and the current state of entries the feed named. Only for
// the credit office's keys (a peer platform is given a `system` key of the credit office): these
// answers carry full ID numbers, because a follower can only match persons by them. Every answer
// that discloses persons writes an audit event naming them (ADR 004, ADR 009).
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import { errors } from '../../errors.js';
import { recordAudit } from '../audit/record.js';
import { actorOf, type Principal } from '../auth/principal.js';
import { presentStates, snapshotPage, type EntryState } from '../changes/snapshot.js';
import * as changes from '../changes/store.js';
import type { ListTypeDef } from './store.js';

function requirePeer(p: Principal) {
  if (!p.platform) throw errors.forbidden('平台间同步接口只对信用办的密钥开放：请向对方平台申请其信用办的 system 密钥。');
}

async function listTypeDefs(tx: Tx, entries: EntryState[]): Promise<ListTypeDef[]> {
  const rows = await changes.listTypesByCode(tx, [...new Set(entries.map((e) => e.listType))]);
  return rows.map((r) => ({
    code: r.code, name: r.name, kind: r.kind, domain: r.domain, legalBasis: r.legal_basis, termMonths: r.term_months,
    repairable: r.repairable, public: r.is_public, exitConditions: r.exit_conditions,
  }));
}

/** One event per answer, naming the entries whose persons' ID numbers it disclosed. */
async function auditDisclosure(tx: Tx, principal: Principal, what: string, entries: EntryState[]) {
  const disclosed = entries.filter((e) => e.subject.idNumber || e.responsiblePersons.some((p) => p.idNumber)).map((e) => e.id);
  if (!disclosed.length) return;
  await recordAudit(tx, { actor: actorOf(principal), action: 'subject.disclosed', entityType: 'sync', entityId: what, data: { entries: disclosed } });
}

export async function syncSnapshot(opts: { ctx: AppContext; principal: Principal; cursor?: string; limit?: number }) {
  const { ctx, principal } = opts;
  requirePeer(principal);
  let listTypes: ListTypeDef[] = [];
  const page = await snapshotPage(ctx.db, {
    viewer: null, after: opts.cursor ?? null, limit: opts.limit ?? 500, keys: ctx.config.encryptionKeys,
    read: async (tx, entries) => {
      listTypes = await listTypeDefs(tx, entries);
      await auditDisclosure(tx, principal, 'snapshot', entries);
    },
  });
  return { ...page, listTypes };
}

export async function syncEntries(opts: { ctx: AppContext; principal: Principal; ids: string[] }) {
  const { ctx, principal } = opts;
  requirePeer(principal);
  const ids = [...new Set(opts.ids)].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  return ctx.db.transaction().setIsolationLevel('repeatable read').execute(async (tx) => {
    const rows = await changes.entriesById(tx, null, ids);
    const entries = presentStates(rows, await changes.personsOf(tx, rows.map((r) => r.id)), ctx.config.encryptionKeys);
    await auditDisclosure(tx, principal, 'entries', entries);
    return { entries, listTypes: await listTypeDefs(tx, entries) };
  });
}
