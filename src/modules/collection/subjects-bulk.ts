// Subjects of one chunk, found or created in bulk: per-row findOrCreateSubject would cost several
// round trips per row (≈ 1–2k rows/s); here it is two statements per chunk. Rows whose name
// differs from the subject's known name still go through findOrCreateSubject, which keeps the
// name as an alias (rare, so the per-row cost does not matter).
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import { nameBigrams } from '../../domain/names.js';
import type { Actor } from '../auth/principal.js';
import { sealIdNumber, type Identity } from '../subjects/identity.js';
import { findOrCreateSubject } from '../subjects/use-cases.js';
import { newId } from './prepare.js';
import * as store from './store-subjects.js';

const keyOf = (id: Identity) => id.uscc ?? `P:${id.blind}`;

/**
 * Written with its bigrams only and marked stale: the pinyin tokens (≈ 25 µs a name, a quarter of an
 * import's CPU per new subject) are added by the worker's refresh within a minute (ADR 019); until
 * then the subject is found by its characters, not yet by 同音字 or pinyin.
 */
function newSubject(ctx: AppContext, id: Identity): store.NewSubject {
  const sealed = id.idNumber ? sealIdNumber(ctx.config, id.idNumber) : null;
  return {
    id: newId(), kind: id.kind, name: id.name, name_key: id.nameKey, search_text: nameBigrams(id.name).join(' '), uscc: id.uscc, org_code: id.orgCode, reg_no: id.regNo,
    region_code: id.regionCode, id_cipher: sealed ? sealed.id_cipher.toString('base64') : null, id_key_version: sealed?.id_key_version ?? null,
    id_blind: id.blind, id_masked: sealed?.id_masked ?? null,
  };
}

/**
 * Subject ids for the identities of a chunk, keyed by subject key (USCC or 'P:' + blind index).
 * `aliasesSeen` (subject id + name key) spares repeated alias work across the chunks of a batch.
 */
export async function resolveSubjects(tx: Tx, ctx: AppContext, actor: Actor, identities: Identity[], aliasesSeen: Set<string>): Promise<Map<string, string>> {
  const wanted = new Map<string, Identity>();
  for (const id of identities) if (!wanted.has(keyOf(id))) wanted.set(keyOf(id), id);
  const usccs = [...wanted.values()].filter((i) => i.uscc).map((i) => i.uscc!);
  const blinds = [...wanted.values()].filter((i) => !i.uscc).map((i) => i.blind!);
  const known = new Map<string, store.KnownSubject>();
  const remember = (s: store.KnownSubject) => known.set(s.uscc ?? `P:${s.id_blind}`, s);
  (await store.findSubjects(tx, usccs, blinds)).forEach(remember);
  const missing = [...wanted].filter(([k]) => !known.has(k)).map(([, id]) => id);
  (await store.insertSubjects(tx, missing.map((id) => newSubject(ctx, id)), actor)).forEach(remember);
  if (known.size < wanted.size) {
    // created meanwhile by a concurrent transaction (ON CONFLICT skipped them): read them back
    const left = missing.filter((id) => !known.has(keyOf(id)));
    (await store.findSubjects(tx, left.filter((i) => i.uscc).map((i) => i.uscc!), left.filter((i) => !i.uscc).map((i) => i.blind!))).forEach(remember);
  }
  for (const id of identities) {
    const s = known.get(keyOf(id))!;
    const seen = `${s.id}|${id.nameKey}`;
    if (s.name_key !== id.nameKey && !aliasesSeen.has(seen)) {
      aliasesSeen.add(seen);
      await findOrCreateSubject(tx, ctx, actor, id);
    }
  }
  return new Map([...known].map(([k, s]) => [k, s.id]));
}
