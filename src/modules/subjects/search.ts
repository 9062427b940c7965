// Finding subjects: an exact identifier short-circuits (USCC, ID number via blind index, legacy
// org code / registration number); otherwise a name search over character bigrams, ranked by
// similarity. The public never finds natural persons by name, only by their exact ID number.
import type { AppContext } from '../../context.js';
import { normaliseIdentifier, regionOf, validateIdentifier, upgradeRic15 } from '../../domain/identifiers/index.js';
import { nameBigrams, nameSimilarity } from '../../domain/names.js';
import { blindIndex } from '../../domain/protect.js';
import { errors } from '../../errors.js';
import { recordAudit } from '../audit/record.js';
import { actorOf, PUBLIC_ACTOR, type Principal } from '../auth/principal.js';
import { SUBJECT_KINDS, type SubjectKind } from './identity.js';
import * as store from './store.js';

export interface SearchHit {
  id: string;
  kind: string;
  name: string;
  uscc: string | null;
  idNumberMasked: string | null;
  regionName: string | null;
  matchedBy: 'uscc' | 'id_number' | 'org_code' | 'reg_no' | 'name';
  score: number;
}

function hit(row: store.SubjectRow, matchedBy: SearchHit['matchedBy'], score: number): SearchHit {
  return {
    id: row.id, kind: row.kind, name: row.name, uscc: row.uscc, idNumberMasked: row.id_masked,
    regionName: row.region_code ? regionOf(row.region_code)?.fullName ?? null : null, matchedBy, score,
  };
}

async function byIdentifier(ctx: AppContext, q: string): Promise<SearchHit[] | null> {
  const r = validateIdentifier(q);
  const valid = r.candidates.filter((t) => validateIdentifier(q, t).valid);
  if (!valid.length) return null;
  const hits: SearchHit[] = [];
  for (const type of valid) {
    if (type === 'uscc') {
      const row = await store.findByUscc(ctx.db, r.value);
      if (row) hits.push(hit(row, 'uscc', 1));
    } else if (type === 'ric') {
      const id18 = r.value.length === 15 ? upgradeRic15(r.value) : r.value;
      const row = await store.findByBlind(ctx.db, blindIndex(ctx.config.blindIndexKey, id18));
      if (row) hits.push(hit(row, 'id_number', 1));
    } else {
      const rows = await store.findByLegacyCode(ctx.db, type === 'org_code' ? 'org_code' : 'reg_no', r.value);
      hits.push(...rows.map((row) => hit(row, type, 1)));
    }
  }
  return hits;
}

async function byName(ctx: AppContext, q: string, kinds: SubjectKind[], limit: number): Promise<SearchHit[]> {
  const grams = nameBigrams(q);
  if (!grams.length || [...q.trim()].length < 2) {
    throw errors.badRequest('QUERY_TOO_SHORT', '请至少输入两个字的名称，或完整的统一社会信用代码、身份证号码。');
  }
  const rows = await store.searchByBigrams(ctx.db, grams, kinds, 200);
  const others = await store.namesOf(ctx.db, rows.map((r) => r.id));
  const scored = rows.map((row) => {
    const names = [row.name, ...others.filter((o) => o.subject_id === row.id).map((o) => o.name)];
    return hit(row, 'name', Math.max(...names.map((n) => nameSimilarity(q, n))));
  });
  return scored.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'zh-CN')).slice(0, limit);
}

export async function searchSubjects(opts: {
  ctx: AppContext; q: string; audience: 'public' | 'staff'; principal?: Principal | null; limit?: number;
}): Promise<SearchHit[]> {
  const { ctx, audience } = opts;
  const q = opts.q.trim();
  if (!q) throw errors.badRequest('QUERY_EMPTY', '请输入统一社会信用代码、身份证号码或主体名称。');
  if (q.length > 100) throw errors.badRequest('QUERY_TOO_LONG', '查询内容过长（最多 100 个字符）。');
  const limit = Math.min(opts.limit ?? 20, 50);
  const exact = await byIdentifier(ctx, normaliseIdentifier(q));
  const kinds: SubjectKind[] = audience === 'public' ? ['organization', 'individual_business'] : SUBJECT_KINDS;
  const hits = exact ?? (await byName(ctx, q, kinds, limit));
  const persons = hits.filter((h) => h.kind === 'natural_person');
  if (persons.length) {
    await ctx.db.transaction().execute((tx) => recordAudit(tx, {
      actor: opts.principal ? actorOf(opts.principal) : PUBLIC_ACTOR, action: 'subject.searched', entityType: 'subject', entityId: null,
      data: { personIds: persons.map((p) => p.id), by: exact ? 'identifier' : 'name' },
    }));
  }
  return hits;
}

export async function getPublicSubject(opts: { ctx: AppContext; uscc: string }) {
  const uscc = normaliseIdentifier(opts.uscc);
  const row = await store.findByUscc(opts.ctx.db, uscc);
  if (!row || row.kind === 'natural_person') throw errors.notFound(`统一社会信用代码为 ${uscc} 的主体`);
  const names = await store.otherNames(opts.ctx.db, row.id);
  return {
    id: row.id, kind: row.kind, name: row.name, uscc: row.uscc, orgCode: row.org_code, regionCode: row.region_code,
    regionName: row.region_code ? regionOf(row.region_code)?.fullName ?? null : null,
    formerNames: names.filter((n) => n.kind === 'former').map((n) => n.name),
  };
}
