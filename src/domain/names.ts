// Chinese organisation and person names: canonical matching keys, search tokens, pinyin, similarity.
// Pure functions, no I/O.
// Source: reference/RULES.md § Names — organisation name = 行政区划 + 字号 + 行业 + 组织形式, or
// 字号 + 行业 + (行政区划) + 组织形式; branches = parent name + place + 分公司; NFKC folds full-width
// letters/digits and （）, 【】〔〕· are mapped explicitly; never fuzzy-match 1–2-character tokens;
// penalise number mismatches.
import { pinyin } from 'pinyin-pro';

export interface ParsedOrgName {
  /** Short region name (省/市/自治区 suffix stripped), e.g. 北京, 郑州; 郑州金水区 for city + county. */
  region: string | null;
  /** 字号 + 行业, letters and digits only, e.g. 华盛科技. */
  body: string;
  /** Canonical legal form, e.g. 有限公司 (also for 有限责任公司), 股份有限公司, 合伙企业(有限合伙). */
  form: string | null;
  /** Branch part after the parent name, e.g. 郑州分公司. */
  branch: string | null;
}

// --- regions (GB/T 2260 province-level names, provincial capitals, Henan prefecture cities) -------------

const PROVINCES = ['北京', '天津', '上海', '重庆', '河北', '山西', '内蒙古', '辽宁', '吉林', '黑龙江',
  '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南', '湖北', '湖南', '广东', '广西', '海南', '四川',
  '贵州', '云南', '西藏', '陕西', '甘肃', '青海', '宁夏', '新疆', '香港', '澳门', '台湾'];
const CAPITALS = ['石家庄', '太原', '呼和浩特', '沈阳', '长春', '哈尔滨', '南京', '杭州', '合肥', '福州',
  '南昌', '济南', '郑州', '武汉', '长沙', '广州', '南宁', '海口', '成都', '贵阳', '昆明', '拉萨', '西安',
  '兰州', '西宁', '银川', '乌鲁木齐', '台北'];
const HENAN_CITIES = ['开封', '洛阳', '平顶山', '安阳', '鹤壁', '新乡', '焦作', '濮阳', '许昌', '漯河',
  '三门峡', '南阳', '商丘', '信阳', '周口', '驻马店', '济源'];
const REGION_SUFFIXES = ['壮族自治区', '回族自治区', '维吾尔自治区', '特别行政区', '自治区', '省', '市'];

/** Region names known to the parser (for the pinyin pairs a region puts into names). */
export const REGION_NAMES = [...new Set([...PROVINCES, ...CAPITALS, ...HENAN_CITIES])];
const byLengthDesc = (a: string, b: string) => b.length - a.length;
const REGION_ALT = [...REGION_NAMES].sort(byLengthDesc).join('|');
const SUFFIX_ALT = REGION_SUFFIXES.join('|');
/** 市 starting a word is not a suffix: 郑州市场 = 郑州 + 市场, 郑州市政 = 郑州 + 市政. */
const SUFFIX_AT_START_ALT = SUFFIX_ALT.replace(/\|市$/, '|市(?![场政容])');
const REGION_AT_START = new RegExp(`^(${REGION_ALT})(${SUFFIX_AT_START_ALT})?`);
const REGION_ONLY = new RegExp(`^(${REGION_ALT})(?:${SUFFIX_ALT})?$`);
const REGION_CHAIN_AT_END = new RegExp(`(?:(?:${REGION_ALT})(?:${SUFFIX_ALT})?)+$`);
const REGION_WITH_SUFFIX = new RegExp(`(${REGION_ALT})(?:${SUFFIX_ALT})`, 'g');
/** A county-level unit after a city written with 市, e.g. 郑州市[金水区]; 区域 is not a county. */
const COUNTY_AT_START = /^(\p{Script=Han}{1,4}?[区县])(?!域)/u;

// --- legal forms ----------------------------------------------------------------------------------------

interface FormRule { re: RegExp; canonical: (m: RegExpExecArray) => string }
const fixed = (word: string, canonical = word): FormRule =>
  ({ re: new RegExp(`${word.replace(/[()]/g, '\\$&')}$`), canonical: () => canonical });

/** Ordered: longer and more specific forms first. 有限责任公司 ≡ 有限公司; 股份有限公司 stays distinct. */
const FORMS: FormRule[] = [
  fixed('股份有限公司'),
  fixed('有限责任公司', '有限公司'),
  fixed('有限公司'),
  { re: /(?:合伙企业)?\((有限|普通|特殊普通)合伙\)$/, canonical: (m) => `合伙企业(${m[1]}合伙)` },
  fixed('合伙企业'),
  fixed('个人独资企业'),
  fixed('个体工商户'),
  fixed('农民专业合作社联合社', '专业合作社联合社'),
  fixed('专业合作社联合社'),
  fixed('农民专业合作社', '专业合作社'),
  fixed('专业合作社'),
  fixed('股份经济合作社'),
  fixed('经济合作社'),
  fixed('合作社'),
  ...['基金会', '联合会', '研究会', '促进会', '协会', '商会', '学会'].map((w) => fixed(w)),
  fixed('公司'),
];
const PARENT_FORM_G = /股份有限公司|有限责任公司|有限公司|合伙企业\((?:有限|普通|特殊普通)合伙\)|个人独资企业|公司/g;
const BRANCH_SUFFIX = /(分公司|分行|支行|分店|分厂|营业部|办事处|分部|分所|分中心)$/;

// --- cleaning -------------------------------------------------------------------------------------------

const OPENING = /[【〔［｛「『〖\[{]/g;
const CLOSING = /[】〕］｝」』〗\]}]/g;
const SPACES = /[\s\u200B-\u200D\uFEFF]/gu;
const DOTS = /[·•・‧∙⋅]/g;
const NOT_ALNUM = /[^\p{L}\p{N}]/gu;

/** NFKC, brackets → ( ), no whitespace, no middle dots, Latin letters upper-cased, 第一 → 第1. */
export function cleanOrgName(name: string): string {
  return (name ?? '').normalize('NFKC')
    .replace(OPENING, '(').replace(CLOSING, ')')
    .replace(SPACES, '').replace(DOTS, '')
    .toUpperCase()
    .replace(ORDINAL, (_, numeral: string) => `第${chineseNumeral(numeral)}`);
}

// --- parsing --------------------------------------------------------------------------------------------

function splitBranch(s: string): { parent: string; branch: string | null } {
  const suffix = BRANCH_SUFFIX.exec(s);
  if (!suffix) return { parent: s, branch: null };
  const suffixStart = s.length - suffix[1].length;
  let parentEnd = -1;
  for (const m of s.matchAll(PARENT_FORM_G)) {
    const end = m.index + m[0].length;
    if (end <= suffixStart) parentEnd = end;
  }
  if (parentEnd < 0) {
    const place = REGION_CHAIN_AT_END.exec(s.slice(0, suffixStart));
    if (place && place.index > 0) parentEnd = place.index;
  }
  if (parentEnd <= 0) return { parent: s, branch: null };
  return { parent: s.slice(0, parentEnd), branch: normaliseBranch(s.slice(parentEnd)) };
}

/** 郑州市分公司 → 郑州分公司: region suffixes inside the branch are dropped. */
function normaliseBranch(branch: string): string {
  return branch.replace(REGION_WITH_SUFFIX, '$1').replace(NOT_ALNUM, '');
}

function splitForm(parent: string): { core: string; form: string | null } {
  for (const rule of FORMS) {
    const m = rule.re.exec(parent);
    if (m) return { core: parent.slice(0, m.index), form: rule.canonical(m) };
  }
  return { core: parent, form: null };
}

/** Leading region chain: 河南省郑州市金水区华盛 → levels [河南, 郑州, 郑州金水区], rest 华盛. */
function takeRegionPrefix(core: string): { levels: string[]; rest: string } {
  const levels: string[] = [];
  let rest = core;
  let lastSuffix: string | undefined;
  for (let m = REGION_AT_START.exec(rest); m && m[0].length < rest.length; m = REGION_AT_START.exec(rest)) {
    levels.push(m[1]);
    lastSuffix = m[2];
    rest = rest.slice(m[0].length);
  }
  const county = lastSuffix === '市' ? COUNTY_AT_START.exec(rest) : null;
  if (county && county[0].length < rest.length) {
    levels.push(levels[levels.length - 1] + county[1]);
    rest = rest.slice(county[0].length);
  }
  return { levels, rest };
}

/** Bracketed region anywhere in the core: 华盛科技(北京) → region 北京, rest 华盛科技. */
function takeBracketRegion(core: string): { region: string | null; rest: string } {
  let region: string | null = null;
  const rest = core.replace(/\(([^()]*)\)/g, (group, inner: string) => {
    const m = REGION_ONLY.exec(inner);
    if (!m) return group;
    region = m[1];
    return '';
  });
  return { region, rest };
}

/** Splits an organisation name into region, body (字号 + 行业), legal form and branch. */
export function parseOrgName(name: string): ParsedOrgName {
  const { parent, branch } = splitBranch(cleanOrgName(name));
  const { core, form } = splitForm(parent);
  const bracket = takeBracketRegion(core);
  const prefix = takeRegionPrefix(bracket.rest);
  const region = bracket.region ?? prefix.levels[prefix.levels.length - 1] ?? null;
  return { region, body: prefix.rest.replace(NOT_ALNUM, ''), form, branch };
}

/**
 * Canonical matching key `region|body|form`, plus `|branch` for branches; '' for an empty name.
 * 北京华盛科技有限公司 and 华盛科技（北京）有限责任公司 both give `北京|华盛科技|有限公司`.
 */
export function normaliseOrgName(name: string): string {
  return keyOf(parseOrgName(name));
}

function keyOf(p: ParsedOrgName): string {
  if (!p.region && !p.body && !p.form && !p.branch) return '';
  const key = `${p.region ?? ''}|${p.body}|${p.form ?? ''}`;
  return p.branch ? `${key}|${p.branch}` : key;
}

// --- persons --------------------------------------------------------------------------------------------

/** NFKC, no whitespace, one kind of middle dot (·) between the parts of minority names. */
export function normalisePersonName(name: string): string {
  return (name ?? '').normalize('NFKC')
    .replace(SPACES, '')
    .replace(/[•・‧∙⋅]/g, '·')
    .replace(/(?<=\p{Script=Han})\.(?=\p{Script=Han})/gu, '·')
    .replace(/·{2,}/g, '·')
    .replace(/^·+|·+$/g, '');
}

// --- search tokens --------------------------------------------------------------------------------------

/** Overlapping character bigrams of each letter/digit run of the cleaned name, deduplicated. */
export function nameBigrams(name: string): string[] {
  const s = cleanOrgName(name).replace(/有限责任公司/g, '有限公司');
  const out = new Set<string>();
  for (const run of s.split(/[^\p{L}\p{N}]+/u)) {
    const chars = Array.from(run);
    if (chars.length === 1) out.add(chars[0]);
    for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  }
  return [...out];
}

/**
 * Search tokens for `to_tsvector('simple', …)`: the name's bigrams, the pinyin syllable pairs of its
 * region + body (`hui.min`: a 同音字 name or a pinyin query shares them) and the body's initials
 * (`i.hmsm`, also with the region's: `i.zzhmsm`). The dot keeps each one token for the parser.
 */
export function searchText(name: string): string {
  const p = parseOrgName(name);
  const text = (p.region ?? '') + p.body;
  // one pinyin call for the body's initials (the region's are few and cached): imports build this per new subject
  const body = initialsOf(p.body);
  const initials = new Set([body, regionInitials(p.region) + body].filter((i) => i.length >= MIN_INITIALS));
  return [...nameBigrams(name), ...new Set(pinyinPairs(syllables(text))), ...[...initials].map((i) => `i.${i}`)].join(' ');
}

// --- tokens shared with name-query.ts -----------------------------------------------------------------

/** Initials tokens need this many letters: fewer would match a large share of all names. */
export const MIN_INITIALS = 4;

export function pinyinPairs(parts: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < parts.length; i++) out.push(`${parts[i]}.${parts[i + 1]}`);
  return out;
}

const regionInitialsCache = new Map<string, string>();
function regionInitials(region: string | null | undefined): string {
  if (!region) return '';
  let known = regionInitialsCache.get(region);
  if (known === undefined) regionInitialsCache.set(region, known = initialsOf(region));
  return known;
}

export function initialsOf(text: string): string {
  if (!text) return '';
  return pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' })
    .map((c) => c.toLowerCase().replace(/[^a-z]/g, '')).join('');
}

// --- pinyin ---------------------------------------------------------------------------------------------

/** Ranking compares one query with up to 100 names: its syllables are worth keeping for a while. */
const syllableCache = new Map<string, string[]>();

export function syllables(text: string): string[] {
  const known = syllableCache.get(text);
  if (known) return known;
  const parts = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .map((p) => p.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter((p) => p.length > 0);
  if (syllableCache.size >= 1000) syllableCache.clear();
  syllableCache.set(text, parts);
  return parts;
}

/** Toneless lowercase pinyin without spaces, and the initials: 华盛 → {full: huasheng, initials: hs}. */
export function namePinyin(name: string): { full: string; initials: string } {
  const text = cleanOrgName(name).replace(NOT_ALNUM, '');
  if (!text) return { full: '', initials: '' };
  const parts = syllables(text);
  const initials = pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .map((p) => p.toLowerCase().replace(/[^a-z0-9]/g, ''));
  return { full: parts.join(''), initials: initials.join('') };
}

// --- numbers --------------------------------------------------------------------------------------------

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6,
  七: 7, 八: 8, 九: 9 };
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
/** Chinese numerals count as numbers only after 第 or before a unit-like word (一建, 三局, 二分公司). */
const ORDINAL = /第([零〇一二两三四五六七八九十百千]+)/g;
const CN_NUMBER = /第([零〇一二两三四五六七八九十百千]+)|([零〇一二两三四五六七八九十百千]+)(?=[号厂队局处院所矿站期中团师营连建冶公分支])/g;

function chineseNumeral(text: string): number {
  if (![...text].some((c) => c in CN_UNITS)) {
    return Number([...text].map((c) => CN_DIGITS[c] ?? 0).join(''));
  }
  let total = 0;
  let digit = 0;
  for (const c of text) {
    if (c in CN_UNITS) {
      total += (digit || 1) * CN_UNITS[c];
      digit = 0;
    } else digit = CN_DIGITS[c] ?? 0;
  }
  return total + digit;
}

/** Sorted numbers in a cleaned name: digits and Chinese numerals (第一 and 第1 are both 1). */
function numbersIn(s: string): string {
  const found: number[] = [];
  for (const m of s.matchAll(/\d+/g)) found.push(Number(m[0]));
  for (const m of s.matchAll(CN_NUMBER)) found.push(chineseNumeral(m[1] ?? m[2]));
  return found.sort((a, b) => a - b).join(',');
}

// --- similarity -----------------------------------------------------------------------------------------

const PENALTY = { number: 0.5, form: 0.9, formMissing: 0.95, region: 0.7, regionMissing: 0.95,
  branch: 0.8, branchMissing: 0.85 };
const SHORT_OVERLAP_CAP = 0.3;
const HOMOPHONE_FLOOR = 0.6;

export function charBigrams(text: string): Set<string> {
  const chars = Array.from(text);
  if (chars.length === 1) return new Set(chars);
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  return out;
}

/** The text compared: the body; a short body (≤ 2 chars) is compared together with its region. */
function comparedText(p: ParsedOrgName): string {
  const text = Array.from(p.body).length <= 2 ? (p.region ?? '') + p.body : p.body;
  return text || (p.form ?? '');
}

function isHomophone(a: string, b: string): boolean {
  if (a === b || Array.from(a).length !== Array.from(b).length) return false;
  const pa = syllables(a);
  const pb = syllables(b);
  return pa.length > 0 && pa.join(' ') === pb.join(' ');
}

function bodyScore(a: string, b: string): number {
  if (a === b) return 1;
  const ba = charBigrams(a);
  const bb = charBigrams(b);
  let shared = 0;
  for (const g of ba) if (bb.has(g)) shared++;
  const dice = ba.size + bb.size === 0 ? 0 : (2 * shared) / (ba.size + bb.size);
  if (isHomophone(a, b)) return Math.max(dice, HOMOPHONE_FLOOR + 0.3 * dice);
  return shared <= 1 ? Math.min(dice, SHORT_OVERLAP_CAP) : dice;
}

function factor(x: string | null, y: string | null, differ: number, missing: number): number {
  if (x === y) return 1;
  return x === null || y === null ? missing : differ;
}

/**
 * Similarity in [0, 1]: Dice coefficient over bigrams of the normalised bodies; different numbers × 0.5,
 * different legal forms × 0.9 (and smaller penalties for region and branch); a single shared bigram
 * (a 1–2-character overlap) never scores above 0.3; a 同音字 body of the same length scores ≥ 0.6.
 * Identical keys score 1; empty names score 0.
 */
export function nameSimilarity(a: string, b: string): number {
  const pa = parseOrgName(a);
  const pb = parseOrgName(b);
  const ka = keyOf(pa);
  if (!ka || !keyOf(pb)) return 0;
  if (ka === keyOf(pb)) return 1;
  let score = bodyScore(comparedText(pa), comparedText(pb));
  if (numbersIn(cleanOrgName(a)) !== numbersIn(cleanOrgName(b))) score *= PENALTY.number;
  score *= factor(pa.form, pb.form, PENALTY.form, PENALTY.formMissing);
  score *= factor(pa.region, pb.region, PENALTY.region, PENALTY.regionMissing);
  score *= factor(pa.branch, pb.branch, PENALTY.branch, PENALTY.branchMissing);
  return Math.min(score, 0.99);
}
