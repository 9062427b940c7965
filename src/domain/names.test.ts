import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  nameBigrams, namePinyin, nameSimilarity, normaliseOrgName, normalisePersonName, parseOrgName, searchText,
} from './names.js';
import { nameQueryTerms, pinyinSimilarity, segmentPinyin } from './name-query.js';

const key = normaliseOrgName;
const sameKey = (a: string, b: string) => assert.equal(key(a), key(b), `${a} ≡ ${b}`);
const otherKey = (a: string, b: string) => assert.notEqual(key(a), key(b), `${a} ≢ ${b}`);

test('full-width letters, digits and brackets fold to ASCII', () => {
  sameKey('ＡＢＣ华盛科技有限公司', 'ABC华盛科技有限公司');
  sameKey('abc华盛科技有限公司', 'ABC华盛科技有限公司');
  sameKey('华盛第１建筑有限公司', '华盛第1建筑有限公司');
  assert.equal(key('华盛科技（北京）有限公司'), '北京|华盛科技|有限公司');
});

test('every bracket kind maps to ( )', () => {
  for (const [open, close] of ['【】', '〔〕', '［］', '｛｝', '「」', '（）', '()', '[]']) {
    assert.equal(key(`华盛科技${open}北京${close}有限公司`), '北京|华盛科技|有限公司', open + close);
  }
  sameKey('华盛【集团】有限公司', '华盛(集团)有限公司');
  sameKey('华盛(集团)有限公司', '华盛集团有限公司');
});

test('whitespace and middle dots are removed', () => {
  sameKey(' 华盛 科技\t有限　公司 ', '华盛科技有限公司');
  sameKey('华·盛•科・技有限公司', '华盛科技有限公司');
});

test('有限责任公司 ≡ 有限公司, 股份有限公司 stays distinct', () => {
  sameKey('北京华盛科技有限责任公司', '北京华盛科技有限公司');
  otherKey('北京华盛科技股份有限公司', '北京华盛科技有限公司');
  assert.equal(parseOrgName('华盛科技股份有限公司').form, '股份有限公司');
  assert.equal(parseOrgName('华盛科技有限责任公司').form, '有限公司');
});

test('region prefix and bracketed region give the same key', () => {
  sameKey('北京华盛科技有限公司', '华盛科技（北京）有限公司');
  sameKey('北京市华盛科技有限公司', '华盛科技(北京市)有限公司');
  sameKey('河南省华盛科技有限公司', '华盛科技(河南)有限公司');
  sameKey('郑州华盛科技有限公司', '华盛科技〔郑州市〕有限责任公司');
  sameKey('新疆维吾尔自治区华盛商贸有限公司', '华盛商贸(新疆)有限公司');
  sameKey('驻马店华盛物流有限公司', '华盛物流(驻马店市)有限公司');
  sameKey('河南省郑州市华盛科技有限公司', '郑州华盛科技有限公司');
  otherKey('北京华盛科技有限公司', '上海华盛科技有限公司');
  otherKey('北京华盛科技有限公司', '华盛科技有限公司');
});

test('parseOrgName splits region, body, form', () => {
  assert.deepEqual(parseOrgName('北京华盛科技有限公司'),
    { region: '北京', body: '华盛科技', form: '有限公司', branch: null });
  assert.deepEqual(parseOrgName('华盛科技(三门峡)有限公司'),
    { region: '三门峡', body: '华盛科技', form: '有限公司', branch: null });
  assert.equal(parseOrgName('河南省郑州市金水区华盛科技有限公司').region, '郑州金水区');
  assert.equal(parseOrgName('郑州市场管理有限公司').body, '市场管理');
  assert.equal(parseOrgName('西门子（中国）有限公司').body, '西门子中国');
  assert.deepEqual(parseOrgName('张记面馆'), { region: null, body: '张记面馆', form: null, branch: null });
  assert.equal(parseOrgName('北京').body, '北京', 'a bare region is the body');
});

test('other legal forms', () => {
  assert.equal(parseOrgName('郑州华盛投资合伙企业（有限合伙）').form, '合伙企业(有限合伙)');
  assert.equal(parseOrgName('华盛会计师事务所(特殊普通合伙)').form, '合伙企业(特殊普通合伙)');
  assert.equal(parseOrgName('华盛个人独资企业').form, '个人独资企业');
  assert.equal(parseOrgName('新乡市绿源蔬菜种植农民专业合作社').form, '专业合作社');
  sameKey('绿源蔬菜种植农民专业合作社', '绿源蔬菜种植专业合作社');
  assert.equal(parseOrgName('郑州市物流协会').form, '协会');
});

test('branches keep the place before 分公司', () => {
  const p = parseOrgName('华盛科技有限公司郑州分公司');
  assert.deepEqual(p, { region: null, body: '华盛科技', form: '有限公司', branch: '郑州分公司' });
  assert.equal(key('华盛科技有限公司郑州分公司'), '|华盛科技|有限公司|郑州分公司');
  sameKey('华盛科技有限公司郑州市分公司', '华盛科技有限责任公司郑州分公司');
  otherKey('华盛科技有限公司郑州分公司', '华盛科技有限公司洛阳分公司');
  otherKey('华盛科技有限公司郑州分公司', '华盛科技有限公司');
  assert.equal(parseOrgName('北京华盛科技股份有限公司河南分公司').region, '北京');
  assert.equal(parseOrgName('中国银行郑州分行').branch, '郑州分行');
  assert.equal(parseOrgName('中国银行郑州分行').body, '中国银行');
});

test('empty names', () => {
  assert.equal(key(''), '');
  assert.equal(key('   '), '');
  assert.equal(key('（）【】'), '');
  assert.deepEqual(parseOrgName(''), { region: null, body: '', form: null, branch: null });
  assert.deepEqual(nameBigrams(''), []);
  assert.equal(searchText(''), '');
  assert.deepEqual(namePinyin(''), { full: '', initials: '' });
  assert.equal(normalisePersonName(''), '');
  assert.equal(nameSimilarity('', ''), 0);
  assert.equal(nameSimilarity('华盛科技有限公司', ''), 0);
});

test('person names: NFKC, no spaces, one middle dot', () => {
  assert.equal(normalisePersonName(' 张  三 '), '张三');
  assert.equal(normalisePersonName('买买提•艾力'), '买买提·艾力');
  assert.equal(normalisePersonName('买买提・艾力'), '买买提·艾力');
  assert.equal(normalisePersonName('买买提･艾力'), '买买提·艾力');
  assert.equal(normalisePersonName('阿依古丽.吐尔逊'), '阿依古丽·吐尔逊');
  assert.equal(normalisePersonName('阿依古丽 · 吐尔逊'), '阿依古丽·吐尔逊');
  assert.equal(normalisePersonName('ＪＯＨＮ'), 'JOHN');
});

test('bigrams and search text', () => {
  assert.deepEqual(nameBigrams('北京华盛'), ['北京', '京华', '华盛']);
  assert.deepEqual(nameBigrams('华'), ['华']);
  assert.deepEqual(nameBigrams('哈哈哈哈'), ['哈哈'], 'deduplicated');
  assert.equal(searchText('北京华盛'), '北京 京华 华盛 bei.jing jing.hua hua.sheng i.bjhs', 'bigrams, pinyin pairs and initials of region + body');
  assert.ok(nameBigrams('华盛科技（北京）有限责任公司').includes('限公'), '有限责任公司 → 有限公司');
  assert.ok(!nameBigrams('华盛科技（北京）有限公司').includes('技北'), 'brackets split runs');
  assert.deepEqual(nameBigrams('Ａ１'), ['A1']);
});

test('pinyin: toneless, lowercase, no spaces', () => {
  assert.deepEqual(namePinyin('华盛科技'), { full: 'huashengkeji', initials: 'hskj' });
  assert.deepEqual(namePinyin('绿源'), { full: 'lvyuan', initials: 'ly' });
  assert.equal(namePinyin('ABC华盛').full, 'abchuasheng');
});

test('similarity: identical and equivalent names score 1', () => {
  assert.equal(nameSimilarity('华盛科技有限公司', '华盛科技有限公司'), 1);
  assert.equal(nameSimilarity('北京华盛科技有限公司', '华盛科技（北京）有限责任公司'), 1);
});

test('similarity penalties', () => {
  const base = nameSimilarity('华盛科技有限公司', '华盛科技股份有限公司');
  assert.ok(Math.abs(base - 0.9) < 1e-9, `legal forms differ → 0.9, got ${base}`);
  assert.ok(nameSimilarity('华盛第一建筑工程有限公司', '华盛第二建筑工程有限公司') <= 0.5);
  assert.ok(nameSimilarity('华盛1号建筑工程有限公司', '华盛2号建筑工程有限公司') <= 0.5);
  assert.ok(nameSimilarity('中建三局建设工程有限公司', '中建五局建设工程有限公司') <= 0.5);
  assert.equal(nameSimilarity('华盛第一建筑工程有限公司', '华盛第1建筑工程有限公司'), 1);
  assert.ok(nameSimilarity('三门峡华盛建筑有限公司', '三门峡华盛建筑有限公司') === 1, '三门峡 is no number');
});

test('similarity: short overlaps never score high', () => {
  assert.ok(nameSimilarity('华盛', '华盛科技发展有限公司') <= 0.3);
  assert.ok(nameSimilarity('盛', '华盛科技发展有限公司') <= 0.3);
  assert.ok(nameSimilarity('华盛科技有限公司', '华盛物流有限公司') <= 0.3);
  assert.ok(nameSimilarity('宏达科技有限公司', '华盛科技有限公司') <= 0.3);
});

test('similarity: 同音字 scores at least 0.6', () => {
  assert.ok(nameSimilarity('华盛科技有限公司', '华胜科技有限公司') >= 0.6);
  assert.ok(nameSimilarity('华盛科技有限公司', '华晟科技有限公司') >= 0.6);
  assert.ok(nameSimilarity('鑫源商贸有限公司', '新元商贸有限公司') >= 0.6);
  assert.ok(nameSimilarity('华盛科技有限公司', '华胜科技有限公司') < 1);
});

test('similarity ordering: a typo ranks above an unrelated name', () => {
  const target = '郑州华盛建筑工程有限公司';
  const typo = nameSimilarity(target, '郑州华星建筑工程有限公司');
  const unrelated = nameSimilarity(target, '洛阳宏达食品有限公司');
  assert.ok(typo > unrelated, `${typo} > ${unrelated}`);
  assert.ok(typo >= 0.5);
  const missingChar = nameSimilarity('华盛建筑工程有限公司', '华盛建筑工有限公司');
  assert.ok(missingChar > nameSimilarity('华盛建筑工程有限公司', '宏达建材有限公司'));
});

const cjk = fc.string({ unit: fc.constantFrom(...'华盛科技宏达建筑工程有限公司股份第一二北京郑州·（）分'), minLength: 0,
  maxLength: 14 });

test('properties: identical = 1, symmetric, in [0, 1]', () => {
  fc.assert(fc.property(cjk, (a) => key(a) === '' || nameSimilarity(a, a) === 1));
  fc.assert(fc.property(cjk, cjk, (a, b) => {
    const s = nameSimilarity(a, b);
    return s >= 0 && s <= 1 && s === nameSimilarity(b, a);
  }));
});

test('properties: key is idempotent under whitespace and full-width folding', () => {
  const toFullWidth = (s: string) => s.replace(/[(]/g, '（').replace(/[)]/g, '）');
  fc.assert(fc.property(cjk, (a) => key(` ${toFullWidth(a)} `) === key(a)));
});

test('search text: pinyin pairs of region + body, initials of ≥ 4 letters, no pinyin of the legal form', () => {
  const text = searchText('郑州市惠民商贸有限公司').split(' ');
  for (const t of ['惠民', '有限', 'zheng.zhou', 'hui.min', 'shang.mao', 'i.hmsm', 'i.zzhmsm']) assert.ok(text.includes(t), t);
  assert.ok(!text.some((t) => t === 'you.xian' || t === 'gong.si'), 'legal form: no pinyin');
  assert.deepEqual(searchText('张伟').split(' '), ['张伟', 'zhang.wei'], 'a person: no initials below 4 letters');
});

test('query terms: distinctive bigrams only; 同音字 share the pinyin; legal forms alone give nothing', () => {
  const typo = nameQueryTerms('郑州市慧民商贸有限公司');
  assert.deepEqual(typo.grams, ['慧民', '民商', '商贸'], 'region and form left out');
  assert.deepEqual(typo.pinyin, nameQueryTerms('郑州市惠民商贸有限公司').pinyin);
  assert.deepEqual(nameQueryTerms('华盛').grams, ['华盛']);
  assert.deepEqual(nameQueryTerms('郑州华盛').grams, ['郑州', '州华', '华盛'], 'a short body keeps its region');
  for (const q of ['有限公司', '有限责任公司', '股份有限公司']) {
    const t = nameQueryTerms(q);
    assert.equal(t.grams.length + t.pinyin.length, 0, q);
    assert.equal(t.initials, null, q);
  }
  assert.ok(!nameQueryTerms('华盛集团有限公司分公司').grams.some((g) => ['集团', '公司', '有限'].includes(g)));
});

test('query terms: typed pinyin is segmented; initials from 4 letters', () => {
  const t = nameQueryTerms('Zhengzhou HuiMin shangmao');
  assert.deepEqual(t.typedSyllables, ['zheng', 'zhou', 'hui', 'min', 'shang', 'mao']);
  assert.deepEqual(t.pinyin, ['zhou.hui', 'hui.min', 'min.shang', 'shang.mao'], "a region's pairs (zheng.zhou) retrieve too much");
  assert.deepEqual(nameQueryTerms('zhengzhou').pinyin, ['zheng.zhou'], 'unless nothing else is left');
  assert.equal(nameQueryTerms('hmsm').initials, 'i.hmsm');
  assert.equal(nameQueryTerms('hms').initials, null);
  assert.equal(nameQueryTerms('hmsm').typedSyllables, null, 'not pinyin');
  assert.deepEqual(nameQueryTerms("xi'an").typedSyllables, ['xi', 'an']);
});

test('segmentPinyin: fewest syllables, ü as v, null for non-pinyin', () => {
  assert.deepEqual(segmentPinyin('xian'), ['xian']);
  assert.deepEqual(segmentPinyin('lvse nongye'), ['lv', 'se', 'nong', 'ye']);
  assert.deepEqual(segmentPinyin('zhongguo'), ['zhong', 'guo']);
  assert.equal(segmentPinyin('hmsm'), null);
  assert.equal(segmentPinyin('ibm'), null);
});

test('pinyinSimilarity: typed pinyin and initials score below an exact name', () => {
  const name = '郑州市惠民商贸有限公司';
  assert.ok(pinyinSimilarity(nameQueryTerms('zhengzhou huimin shangmao'), name) >= 0.9);
  assert.ok(pinyinSimilarity(nameQueryTerms('huimin shangmao'), name) >= 0.9, 'without the region');
  assert.equal(pinyinSimilarity(nameQueryTerms('hmsm'), name), 0.7);
  assert.ok(pinyinSimilarity(nameQueryTerms('huimin chaoshi'), name) < 0.5);
  assert.equal(pinyinSimilarity(nameQueryTerms('郑州市惠民商贸有限公司'), name), 0, 'Chinese text is not typed pinyin');
  assert.ok(pinyinSimilarity(nameQueryTerms('zhengzhou huimin shangmao'), name) < 1);
});
