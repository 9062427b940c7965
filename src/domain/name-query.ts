// What a name query is searched by (ADR 019): distinctive bigrams, pinyin pairs (also of pinyin typed
// by the user), initials; and how typed pinyin compares with a Chinese name. Pure functions, no I/O.
import { pinyin } from 'pinyin-pro';
import {
  charBigrams, cleanOrgName, initialsOf, MIN_INITIALS, parseOrgName, pinyinPairs, REGION_NAMES, syllables,
} from './names.js';

/** Bigrams that legal forms and branches put into most names: never a reason to retrieve a row. */
const NOISE_WORDS = ['股份有限公司', '有限责任公司', '合伙企业', '个人独资企业', '个体工商户', '农民专业合作社联合社',
  '股份经济合作社', '分公司', '集团'];
const NOISE_BIGRAMS = new Set(NOISE_WORDS.flatMap((w) => [...charBigrams(w)]));
let noisePairs: Set<string> | undefined;

export interface NameQueryTerms {
  /** Distinctive character bigrams of the body (with the region when the body is ≤ 2 characters). */
  grams: string[];
  /** Pinyin syllable pairs (`hui.min`), from the Chinese text or from a query typed in pinyin. */
  pinyin: string[];
  /** An initials token (`i.hmsm`) when the query is ≥ 4 Latin letters, e.g. typed initials. */
  initials: string | null;
  /** Syllables of a query typed in pinyin (null otherwise), for scoring against Chinese names. */
  typedSyllables: string[] | null;
}

/** What a name query retrieves by; all empty when it has nothing distinctive (e.g. 有限公司 alone). */
export function nameQueryTerms(query: string): NameQueryTerms {
  const p = parseOrgName(query);
  const text = Array.from(p.body).length <= 2 ? (p.region ?? '') + p.body : p.body;
  const grams = Array.from(text).length === 1 ? [text] : [...charBigrams(text)];
  const latin = cleanOrgName(query).toLowerCase().replace(/[^\p{L}\p{N}']+/gu, ' ').trim();
  const typed = /^[a-z' ]+$/.test(latin) ? segmentPinyin(latin) : null;
  noisePairs ??= new Set(NOISE_WORDS.flatMap((w) => pinyinPairs(syllables(w))));
  // a region's pairs (zheng.zhou) are in a large share of all names: typed pinyin is searched by the rest
  const pairs = pinyinPairs(typed ?? syllables(text)).filter((t) => !noisePairs!.has(t));
  const distinctive = typed ? pairs.filter((t) => !regionPairs().has(t)) : pairs;
  const compact = latin.replace(/[ ']/g, '');
  return {
    grams: grams.filter((g) => g && !NOISE_BIGRAMS.has(g)),
    pinyin: [...new Set(distinctive.length ? distinctive : pairs)],
    initials: /^[a-z]+$/.test(compact) && compact.length >= MIN_INITIALS ? `i.${compact}` : null,
    typedSyllables: typed,
  };
}

let regionPairSet: Set<string> | undefined;
function regionPairs(): Set<string> {
  regionPairSet ??= new Set(REGION_NAMES.flatMap((r) => pinyinPairs(syllables(`${r}市`))));
  return regionPairSet;
}

let syllableSet: Set<string> | undefined;
/** Every toneless syllable pinyin-pro gives a CJK character (≈ 400), minus the interjections m/n/ng/hm. */
function knownSyllables(): Set<string> {
  if (syllableSet) return syllableSet;
  let all = '';
  for (let c = 0x4e00; c <= 0x9fa5; c++) all += String.fromCharCode(c);
  const found = pinyin(all, { toneType: 'none', type: 'array', v: true }).map((p) => p.toLowerCase());
  syllableSet = new Set(found.filter((p) => /^[a-z]+$/.test(p) && !['m', 'n', 'ng', 'hm', 'hng'].includes(p)));
  return syllableSet;
}

/**
 * Splits typed pinyin into syllables (`zhengzhou huimin` → zheng zhou hui min), preferring the
 * fewest syllables (xian stays xian, not xi an); ü may be typed v. Null when a word is not pinyin.
 */
export function segmentPinyin(text: string): string[] | null {
  const known = knownSyllables();
  const out: string[] = [];
  for (const word of text.toLowerCase().replace(/ü/g, 'v').split(/[\s']+/).filter(Boolean)) {
    // best[i] = fewest syllables covering word[0, i)
    const best: (string[] | null)[] = [[]];
    for (let i = 1; i <= word.length; i++) {
      best[i] = null;
      for (let j = Math.max(0, i - 6); j < i; j++) {
        const prev = best[j];
        if (prev && known.has(word.slice(j, i)) && (!best[i] || prev.length + 1 < best[i]!.length)) best[i] = [...prev, word.slice(j, i)];
      }
    }
    if (!best[word.length]) return null;
    out.push(...best[word.length]!);
  }
  return out.length ? out : null;
}

/**
 * Similarity of pinyin typed by the user to a Chinese name: Dice over syllable pairs against the
 * body and against region + body (the better one), or 0.7 for exactly the body's initials; never 1,
 * as pinyin names no characters. 0 when the name has no such pinyin.
 */
export function pinyinSimilarity(terms: NameQueryTerms, name: string): number {
  const p = parseOrgName(name);
  let best = 0;
  for (const text of [p.body, (p.region ?? '') + p.body]) {
    if (terms.initials && terms.initials === `i.${initialsOf(text)}`) best = Math.max(best, 0.7);
    if (!terms.typedSyllables) continue;
    const theirs = new Set(pinyinPairs(syllables(text)));
    const ours = new Set(pinyinPairs(terms.typedSyllables));
    let shared = 0;
    for (const t of ours) if (theirs.has(t)) shared++;
    if (ours.size + theirs.size) best = Math.max(best, (2 * shared) / (ours.size + theirs.size) * 0.95);
  }
  return best;
}
