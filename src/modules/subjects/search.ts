// Finding subjects: an exact identifier short-circuits (USCC, ID number via blind index, legacy
// org code / registration number); otherwise a name search over distinctive character bigrams and
// pinyin (ADR 019), ranked by similarity. The public never finds natural persons by name, only by their exact ID number.
import type { AppContext } from '../../context.js';
import { normaliseIdentifier, regionOf, validateIdentifier, upgradeRic15 } from '../../domain/identifiers/index.js';
import { nameQueryTerms, pinyinSimilarity, type NameQueryTerms } from '../../domain/name-query.js';
import { nameSimilarity, searchText } from '../../domain/names.js';
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

/**
 * Retrieved candidates before ranking: enough to rank well, bounded so a vague name stays cheap
 * (ranking costs ≈ 0.07 ms a candidate, mostly the 同音字 check's pinyin).
 */
const CANDIDATES = 100;
/** Below this a candidate shares at most a common word with the query: not worth showing. */
const MIN_SCORE = 0.2;
/** Terms per view: more would multiply the k-of-n combinations without finding more. */
const MAX_TERMS = 6;

/** At most `max` terms, spread over the name so a typo cannot remove more than two of them. */
function spread(terms: string[], max = MAX_TERMS): string[] {
  if (terms.length <= max) return terms;
  return Array.from({ length: max }, (_, i) => terms[Math.round((i * (terms.length - 1)) / (max - 1))]);
}

function combinations(terms: string[], k: number): string[][] {
  if (k === 0) return [[]];
  if (terms.length < k) return [];
  const [first, ...rest] = terms;
  return [...combinations(rest, k - 1).map((c) => [first, ...c]), ...combinations(rest, k)];
}

/** Least terms of a view a candidate must share: all of 1, one of 2, half of more (a typo costs two). */
const minShared = (n: number) => (n <= 2 ? 1 : Math.ceil(n / 2));

/**
 * Tiers from strict to loose, each a list of AND tsqueries any of which a row must match: tier d lets
 * each view miss d of its terms (down to minShared), so GIN only hands over rows that share enough
 * terms. The ANDs stay separate queries (a BitmapOr in SQL): within one AND, GIN skips through the
 * common terms' posting lists guided by the rarest, while an OR inside one tsquery would read them
 * all in full. The secondary view stays shallow: the pinyin of a Chinese query is for 同音字 (all pairs
 * shared, or all but one), the Latin bigrams of typed pinyin for a Latin name typed exactly.
 */
export function retrievalTiers(terms: NameQueryTerms): string[][] {
  const clean = (t: string) => t.replace(/[&|!():*'\\<>\s]/g, '');
  const typed = !!terms.typedSyllables;
  const views = [{ terms: spread(terms.grams), depth: typed ? 0 : Infinity }, { terms: spread(terms.pinyin), depth: typed ? Infinity : 1 }]
    .map((v) => ({ ...v, terms: v.terms.map(clean).filter(Boolean) })).filter((v) => v.terms.length);
  const tiers: string[][] = [];
  const deepest = Math.max(0, ...views.map((v) => Math.min(v.depth, v.terms.length - minShared(v.terms.length))));
  for (let d = 0; d <= deepest; d++) {
    const ors = views.filter((v) => d <= v.depth && v.terms.length - d >= minShared(v.terms.length))
      .flatMap((v) => combinations(v.terms, v.terms.length - d).map((c) => c.join(' & ')));
    if (d === 0 && terms.initials) ors.push(clean(terms.initials));
    if (ors.length) tiers.push(ors);
  }
  return tiers;
}

async function byName(ctx: AppContext, q: string, kinds: SubjectKind[], limit: number): Promise<SearchHit[]> {
  const terms = nameQueryTerms(q);
  if ((!terms.grams.length && !terms.pinyin.length && !terms.initials) || [...q.trim()].length < 2) {
    throw errors.badRequest('QUERY_TOO_SHORT', '请输入能区分主体的名称（如字号，至少两个字），或完整的统一社会信用代码、身份证号码。');
  }
  const rows: store.SubjectRow[] = [];
  for (const [d, tier] of retrievalTiers(terms).entries()) {
    // a looser tier only matters while the stricter ones have not filled the page; names missing two
    // or more terms only when nothing closer exists (each tier costs GIN scans of common terms)
    if (rows.length >= limit || (d >= 2 && rows.length)) break;
    rows.push(...await store.searchByTsqueries(ctx.db, tier, kinds, rows.map((r) => r.id), CANDIDATES - rows.length));
  }
  const others = await store.namesOf(ctx.db, rows.map((r) => r.id));
  const typed = terms.typedSyllables || terms.initials;
  const scored = rows.map((row) => {
    const names = [row.name, ...others.filter((o) => o.subject_id === row.id).map((o) => o.name)];
    return hit(row, 'name', Math.max(...names.map((n) => Math.max(nameSimilarity(q, n), typed ? pinyinSimilarity(terms, n) : 0))));
  });
  return scored.filter((h) => h.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'zh-CN')).slice(0, limit);
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

/**
 * Brings search_text of stale rows up to date — written before the pinyin tokens (migration 015), or by
 * an import, which leaves pinyin to this — at most `max` rows; idempotent. Runs at start and on every
 * worker tick (ADR 019). Returns how many rows it refreshed.
 */
export async function refreshStaleNameSearch(ctx: Pick<AppContext, 'db'>, max = Infinity): Promise<number> {
  return store.refreshStaleSearchText(ctx.db, (names) => names.map(searchText).join(' '), 2000, max);
}
