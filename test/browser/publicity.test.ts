/// <reference lib="dom" />
// The portal's 双公示 pages on records the market regulator delivered: penalties and licences by
// department and decision date, paged; persons' ID numbers masked; the organisation's profile shows
// its published records; a list entry has a page of its own.
// Needs: `npm run build:web` (web/dist) and Chromium (scripts/ensure-chromium.sh).
// Run: node scripts/test.mjs test/browser/publicity.test.ts
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO_DEPARTMENTS, DEMO_ORG, DEMO_ORGS } from '../../src/modules/demo/fixtures.js';
import { csvText, penaltyFactory } from '../fixtures/collection/files.js';
import { startConsoleHarness, type ConsoleHarness } from './console-support.js';

const TIMEOUT = 90_000;
const SCJG = DEMO_DEPARTMENTS[0];
let harness: ConsoleHarness;
let personId: string;

const f = penaltyFactory(91, SCJG.code);
const DEMO_PENALTY = f.org({ 行政相对人名称: DEMO_ORG.name, '行政相对人代码_1(统一社会信用代码)': DEMO_ORG.uscc, 行政处罚决定书文号: '豫市监罚〔2026〕88号', 处罚决定日期: '2026-11-20' });
const PERSON = f.person({ 处罚决定日期: '2026-11-12' });
// 12 penalties: 2 in the second half of November, 10 in October (two pages of 10)
const PENALTIES = [DEMO_PENALTY, PERSON, ...Array.from({ length: 10 }, (_, i) => f.org({ 处罚决定日期: `2026-10-${String(10 + i).padStart(2, '0')}` }))];
const LICENCE = {
  subject_name: DEMO_ORG.name, subject_category: '法人及非法人组织', uscc: DEMO_ORG.uscc, legal_rep: '王建国', doc_name: '食品经营许可决定书',
  decision_no: '豫市监许〔2026〕7号', license_type: '普通', cert_name: '食品经营许可证', cert_no: 'JY14101000000007', content: '预包装食品销售',
  decided_on: '2026-11-18', valid_from: '2026-11-18', valid_to: '2031-11-17', authority: SCJG.name, authority_uscc: SCJG.code,
  current_status: '有效', source_unit: SCJG.name, source_unit_uscc: SCJG.code,
};

before(async () => {
  harness = await startConsoleHarness();
  const page = await harness.signIn('scjg');
  personId = PERSON['证件号码'];
  for (const [type, name, text] of [['admin_penalty', '处罚.csv', csvText(PENALTIES)], ['admin_license', '许可.jsonl', `${JSON.stringify(LICENCE)}\n`]]) {
    const summary = await page.evaluate(async ({ type: t, name: n, text: x }) => {
      const form = new FormData();
      form.set('type', t);
      form.set('file', new File([x], n));
      const r = await fetch('/api/v1/collection/batches', { method: 'POST', body: form, headers: { 'X-Xinyong-Client': 'console' } });
      return r.json();
    }, { type, name, text });
    assert.equal(summary.rejected, 0, JSON.stringify(summary.rejects));
  }
  await page.context().close();
}, { timeout: 180_000 });

after(async () => {
  await harness?.close();
  assert.deepEqual(harness?.pageErrors ?? [], [], 'no uncaught errors in the pages');
});

test('双公示: penalties paged, filtered by date, persons masked; licences on their own tab', { timeout: TIMEOUT }, async () => {
  const page = await harness.openPublic('/');
  await page.getByRole('navigation', { name: '快捷入口' }).getByRole('link', { name: /双公示/ }).click();
  await page.getByRole('heading', { level: 1, name: '双公示' }).waitFor();
  assert.equal(await page.getByRole('navigation', { name: '公示类别' }).getByRole('link', { name: '行政处罚' }).getAttribute('aria-current'), 'page');

  const cards = page.locator('.record');
  await cards.first().waitFor();
  assert.equal(await cards.count(), 10);
  assert.match(await cards.first().innerText(), new RegExp(`${DEMO_ORG.name}[\\s\\S]*豫市监罚〔2026〕88号[\\s\\S]*2026-11-20`));
  const person = cards.filter({ hasText: '李秀兰' });
  assert.match(await person.innerText(), new RegExp(`身份证号码\\s*${personId.slice(0, 4)}\\*{10}${personId.slice(14)}`));
  assert.ok(!(await page.content()).includes(personId), 'the full ID number is nowhere in the page');

  await page.getByRole('navigation', { name: '分页' }).getByRole('link', { name: '下一页' }).click();
  await page.getByText('第 2 页').waitFor();
  await page.locator('.record').filter({ hasText: '2026-10-11' }).waitFor();
  assert.equal(await page.locator('.record').count(), 2);

  const filter = page.getByRole('search', { name: '筛选公示信息' });
  await filter.getByLabel('决定部门').selectOption({ label: SCJG.name });
  await filter.getByLabel('决定日期自').fill('2026-11-01');
  await filter.getByLabel('决定日期至').fill('2026-11-30');
  await filter.getByRole('button', { name: '查询' }).click();
  await page.waitForURL(/from=2026-11-01/);
  await page.locator('.record').filter({ hasText: '李秀兰' }).waitFor();
  assert.equal(await page.locator('.record').count(), 2);
  assert.equal(await page.getByRole('navigation', { name: '分页' }).count(), 0, 'one page only');

  await page.getByRole('navigation', { name: '公示类别' }).getByRole('link', { name: '行政许可' }).click();
  const licence = page.locator('.record').filter({ hasText: DEMO_ORG.name });
  await licence.waitFor();
  assert.match(await licence.innerText(), /豫市监许〔2026〕7号[\s\S]*预包装食品销售/);
  assert.match(page.url(), /type=admin_license.*from=2026-11-01/, 'the filter stays when the tab changes');
  await page.context().close();
});

test('the organisation\'s profile lists its published penalty and licence', { timeout: TIMEOUT }, async () => {
  const page = await harness.openPublic(`/subjects/${DEMO_ORG.uscc}`);
  const panel = page.getByRole('region', { name: '双公示（行政许可、行政处罚）' });
  await panel.locator('.record').first().waitFor();
  const text = await panel.innerText();
  assert.match(text, /行政处罚[\s\S]*豫市监罚〔2026〕88号/);
  assert.match(text, /行政许可[\s\S]*豫市监许〔2026〕7号/);
  await page.context().close();
});

test('a list entry has its own public page', { timeout: TIMEOUT }, async () => {
  const violator = DEMO_ORGS[1];
  const page = await harness.openPublic('/lists?type=major_tax_violation');
  const card = page.locator('.entry').filter({ hasText: violator.name });
  await card.waitFor();
  const id = (await card.locator('.entry__id').innerText()).trim();
  await card.getByRole('link', { name: id }).click();
  await page.waitForURL(`**/entries/${id}`);
  await page.getByRole('heading', { level: 1, name: `${violator.name} · 重大税收违法失信主体` }).waitFor();
  assert.match(await page.locator('.entry').innerText(), /豫税稽罚〔2026〕12号/);
  await page.goto(new URL('/entries/00000000-0000-4000-8000-000000000000', harness.baseUrl).href);
  await page.getByText('未找到该名单记录').waitFor();
  await page.context().close();
});

test('a citizen objects to a published penalty from its card: the form knows the record', { timeout: TIMEOUT }, async () => {
  const page = await harness.openPublic(`/subjects/${DEMO_ORG.uscc}`);
  const card = page.getByRole('region', { name: '双公示（行政许可、行政处罚）' }).locator('.record').filter({ hasText: '豫市监罚〔2026〕88号' });
  await card.getByRole('link', { name: '对此记录提出异议' }).click();
  const form = page.getByRole('form', { name: '异议申请' });
  const target = form.getByLabel('信用记录编号');
  await target.waitFor();
  assert.match(await target.inputValue(), /^[0-9a-f-]{36}$/, 'the record number comes from the card');
  await form.getByLabel('异议理由').fill('处罚决定已被行政复议撤销，请核实');
  await form.getByLabel('申请人姓名').fill(DEMO_ORG.name);
  await form.getByLabel('联系方式').fill('13700000000');
  await form.getByRole('button', { name: '提交异议' }).click();
  const code = (await page.getByTestId('receipt-code').innerText()).trim();
  const followed = await page.evaluate(async (c) => (await fetch(`/api/v1/public/objections/${c}`)).json(), code);
  assert.equal(followed.status, 'submitted');
  await page.context().close();
});
