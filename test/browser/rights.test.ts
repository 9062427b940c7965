/// <reference lib="dom" />
// The rights of the listed, from the portal (no account) to the console and back: an objection
// accepted by the credit office, a repair the platform refuses with its conditions, an anonymous
// report followed by its receipt code, and the public red and black lists.
// Needs: `npm run build:web` (web/dist) and Chromium (scripts/ensure-chromium.sh).
// Run: node scripts/test.mjs test/browser/rights.test.ts
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_DEPARTMENTS, DEMO_ORGS } from '../../src/modules/demo/fixtures.js';
import { makeKey } from '../support/factories.js';
import { client } from '../support/http.js';
import { monthsAgo, USCC_COLUMN } from '../support/records.js';
import { penaltyFactory, tempDir, upload, writeCsv } from '../fixtures/collection/files.js';
import { apiGet, openFromMenu, startConsoleHarness, type ConsoleHarness } from './console-support.js';

const TIMEOUT = 90_000;
const PHONE = { width: 375, height: 812 };
const VIOLATOR = DEMO_ORGS[1];
let harness: ConsoleHarness;
let violatorEntry: string;

interface Entry { id: string; subject: { uscc: string | null } }

before(async () => {
  harness = await startConsoleHarness();
  // the tax violator's entry id, through the staff API
  const admin = await harness.signIn('admin');
  const { items } = await apiGet<{ items: Entry[] }>(admin, '/list-entries?listType=major_tax_violation');
  violatorEntry = items.find((e) => e.subject.uscc === VIOLATOR.uscc)!.id;
  await admin.context().close();
}, { timeout: 180_000 });

after(async () => {
  await harness?.close();
  assert.deepEqual(harness?.pageErrors ?? [], [], 'no uncaught errors in the pages');
});

async function receiptOf(page: Page): Promise<string> {
  const code = page.getByTestId('receipt-code');
  await code.waitFor();
  return (await code.innerText()).trim();
}

async function followStatus(page: Page, code: string): Promise<string> {
  await page.goto(new URL('/follow', harness.baseUrl).href);
  await page.getByLabel('回执码', { exact: true }).fill(code);
  await page.getByRole('button', { name: '查询', exact: true }).click();
  const status = page.getByTestId('follow-status');
  await status.waitFor();
  return (await status.innerText()).trim();
}

describe('rights of the listed', () => {
  test('the public lists show the tax violator; its entry links to the objection form', { timeout: TIMEOUT }, async () => {
    const page = await harness.openPublic('/lists', PHONE);
    await page.getByRole('navigation', { name: '名单类型' }).getByRole('link', { name: '重大税收违法失信主体' }).click();
    const entry = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: VIOLATOR.name }) });
    await entry.waitFor();
    assert.match(await entry.innerText(), new RegExp(violatorEntry));
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'fits a phone');
    await entry.getByRole('link', { name: '对此记录提出异议' }).click();
    await page.getByRole('heading', { level: 1, name: '异议申请' }).waitFor();
    assert.equal(await page.getByLabel('名单记录编号').inputValue(), violatorEntry);
    await page.context().close();
  });

  test('a citizen objects on the portal, the credit office accepts, the citizen sees 已受理', { timeout: TIMEOUT }, async () => {
    const portal = await harness.openPublic('/objection');
    await portal.getByRole('button', { name: '提交异议' }).click();
    const summary = portal.getByRole('alert').filter({ hasText: '提交未成功' });
    await summary.waitFor();
    assert.match(await summary.innerText(), /名单记录编号：请填写正确的名单记录编号/);
    assert.equal(await portal.getByLabel('名单记录编号').getAttribute('aria-invalid'), 'true');

    await portal.getByLabel('名单记录编号').fill(violatorEntry);
    await portal.getByLabel('异议理由').fill('我公司已于 2026 年 6 月补缴全部税款及滞纳金，认定所依据的事实已发生变化。');
    await portal.getByLabel('申请人姓名').fill('河南中原华盛建筑工程有限公司');
    await portal.getByLabel('联系方式').fill('13800138000');
    await portal.getByRole('button', { name: '提交异议' }).click();
    const code = await receiptOf(portal);
    assert.match(code, /^O\d{8}[A-Z0-9]+$/);

    const admin = await harness.signIn('admin');
    await openFromMenu(admin, '异议处理', '/console/objections');
    const row = admin.getByRole('row').filter({ hasText: code });
    await row.waitFor();
    assert.match(await row.innerText(), /待受理/);
    await row.getByRole('button', { name: '办理' }).click();
    const drawer = admin.getByRole('dialog', { name: `异议 ${code}` });
    await drawer.getByText('13800138000').waitFor(); // the credit office sees the contact
    await drawer.getByRole('button', { name: '受理' }).click();
    await admin.locator('.ant-modal-confirm').getByRole('button', { name: '受理', exact: true }).click();
    await admin.getByText('已受理，相关措施暂停执行').waitFor();
    await drawer.getByRole('region', { name: '异议所针对的名单记录' }).getByText('核实中（暂停执行）').waitFor();
    await drawer.getByRole('button', { name: '转数源单位' }).waitFor();
    await admin.context().close();

    assert.equal(await followStatus(portal, code), '已受理');
    await portal.context().close();
  });

  test('an objection about a credit record: the office sees the record and marks it 异议处理中; the provider corrects a field', { timeout: TIMEOUT }, async () => {
    // a 行政处罚 delivered by the demo's 市场监管局, and an objection filed on it through the API
    const market = DEMO_DEPARTMENTS[0].code;
    const key = await makeKey(harness.platform.ctx, { department: market, role: 'officer' });
    const row = penaltyFactory(77, market).org({ 处罚决定日期: monthsAgo(1) });
    assert.equal((await upload(harness.baseUrl, key, { type: 'admin_penalty', file: writeCsv(`${tempDir()}/p.csv`, [row]) })).body.accepted, 1);
    const recordId = (await client(harness.baseUrl, key).get(`/api/v1/records?subject=${row[USCC_COLUMN]}`)).body.items[0].id;
    const filed = await client(harness.baseUrl).post('/api/v1/objections', { target: { recordId }, reason: '罚款金额有误，应为 1 万元', applicant: { name: '刘经理', contact: '13900000000' } });
    const code = filed.body.receiptCode as string;

    const admin = await harness.signIn('admin', '/console/objections');
    await admin.getByRole('row').filter({ hasText: code }).getByRole('button', { name: '办理' }).click();
    const drawer = admin.getByRole('dialog', { name: `异议 ${code}` });
    const region = drawer.getByRole('region', { name: '异议所针对的信用记录' });
    await region.getByText('公示中').waitFor();
    await region.getByText(row['行政处罚决定书文号']).waitFor();
    await drawer.getByRole('button', { name: '受理' }).click();
    await admin.locator('.ant-modal-confirm').getByRole('button', { name: '受理', exact: true }).click();
    await region.getByText('异议处理中').waitFor();
    await drawer.getByRole('button', { name: '转数源单位' }).click();
    await admin.locator('.ant-modal-confirm').getByRole('button', { name: '转办', exact: true }).click();
    await drawer.getByText('数源单位核实中').waitFor();
    await admin.context().close();

    const provider = await harness.signIn('scjg', '/console/objections');
    await provider.getByRole('row').filter({ hasText: code }).getByRole('button', { name: '办理' }).click();
    const own = provider.getByRole('dialog', { name: `异议 ${code}` });
    await own.getByRole('button', { name: '作出决定' }).click();
    const decide = provider.getByRole('dialog', { name: '作出处理决定' });
    await decide.getByText('更新信息（生成更正后的新版本）').click();
    await decide.getByRole('combobox').click();
    await provider.keyboard.type('罚款金额');
    await provider.keyboard.press('Enter');
    await decide.getByPlaceholder('更正后的值（留空即清除）').fill('1');
    await decide.getByLabel('处理意见').fill('经核实，罚款金额录入有误，予以更正');
    await decide.getByRole('button', { name: '提交决定' }).click();
    await decide.waitFor({ state: 'hidden' });
    await own.getByRole('region', { name: '异议所针对的信用记录' }).getByText('第 2 版').waitFor();
    await provider.context().close();
    const rec = (await client(harness.baseUrl, key).get(`/api/v1/records/${recordId}`)).body;
    assert.deepEqual([rec.version, rec.status, rec.fields.fine_amount], [2, 'active', '1']);
  });

  test('a repair request the platform refuses shows the unmet conditions in Chinese', { timeout: TIMEOUT }, async () => {
    const page = await harness.openPublic(`/repair?entry=${violatorEntry}`);
    await page.getByLabel('申请理由').fill('已补缴全部税款、滞纳金和罚款');
    await page.getByLabel('信用修复承诺').fill('本公司承诺今后依法纳税、诚信经营，如有违反自愿接受惩戒。');
    // only a training certificate: the proof of fulfilment is missing
    await page.getByLabel('第 1 份材料的类型').selectOption('training');
    await page.getByLabel('第 1 份材料的名称').fill('信用修复培训结业证书.pdf');
    await page.getByLabel('申请人姓名').fill('河南中原华盛建筑工程有限公司');
    await page.getByLabel('联系方式').fill('13800138000');
    await page.getByRole('button', { name: '提交修复申请' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: '暂不符合信用修复条件' });
    await refusal.waitFor();
    const conditions = await refusal.getByTestId('repair-conditions').innerText();
    assert.match(conditions, /证明材料：缺少证明材料：履行义务证明/);
    assert.equal(await page.getByTestId('receipt-code').count(), 0, 'nothing was filed');
    await page.context().close();
  });

  test('an anonymous report is filed and followed with its receipt code', { timeout: TIMEOUT }, async () => {
    const page = await harness.openPublic('/report');
    await page.getByLabel('被举报主体名称').fill('郑州某某劳务有限公司');
    await page.getByLabel('举报内容').fill('该公司自 2026 年 3 月起拖欠 20 余名工人工资，多次讨要未果。');
    await page.getByRole('switch', { name: '匿名举报' }).check();
    assert.equal(await page.getByLabel('举报人姓名').count(), 0, 'no reporter fields when anonymous');
    await page.getByRole('button', { name: '提交举报' }).click();
    const code = await receiptOf(page);
    assert.match(code, /^J\d{8}[A-Z0-9]+$/);
    await page.getByRole('link', { name: '查询办理进度' }).click();
    await page.waitForURL(`**/follow?code=${code}`);
    assert.equal((await page.getByTestId('follow-status').innerText()).trim(), '已提交');

    // the credit office sees the report in its queue, marked anonymous
    const admin = await harness.signIn('admin');
    await openFromMenu(admin, '失信举报', '/console/reports');
    const row = admin.getByRole('row').filter({ hasText: code });
    await row.waitFor();
    assert.match(await row.innerText(), /匿名/);
    await admin.context().close();
    await page.context().close();
  });

  test('a named report: only its handler sees the reporter; the result reaches the reporter', { timeout: TIMEOUT }, async () => {
    const portal = await harness.openPublic('/report');
    await portal.getByLabel('被举报主体名称').fill('某某建材有限公司');
    await portal.getByLabel('举报内容').fill('该公司销售的钢材以次充好，多次欺骗消费者。');
    await portal.getByLabel('举报人姓名').fill('李举报');
    await portal.getByLabel('联系方式').fill('13900139000');
    await portal.getByRole('button', { name: '提交举报' }).click();
    const code = await receiptOf(portal);

    const admin = await harness.signIn('admin', '/console/reports');
    await admin.getByRole('row').filter({ hasText: code }).getByRole('button', { name: '办理' }).click();
    const drawer = admin.getByRole('dialog', { name: `举报 ${code}` });
    await drawer.getByTestId('reporter-confidential').waitFor();
    await drawer.getByRole('button', { name: '分派承办人' }).click();
    const assign = admin.getByRole('dialog', { name: '分派承办人' });
    await assign.getByLabel('承办人用户名').fill('xyb');
    await admin.keyboard.press('Escape');
    await assign.getByRole('button', { name: '分派', exact: true }).click();
    await assign.waitFor({ state: 'hidden' });
    await drawer.getByText('已分派').waitFor();
    assert.equal(await drawer.getByText('13900139000').count(), 0, 'the admin who assigned it does not see the reporter');
    await admin.context().close();

    const handler = await harness.signIn('xyb', '/console/reports');
    const row = handler.getByRole('row').filter({ hasText: code });
    await row.getByText('我承办').waitFor();
    await row.getByRole('button', { name: '办理' }).click();
    const own = handler.getByRole('dialog', { name: `举报 ${code}` });
    await own.getByText('李举报（13900139000）').waitFor();
    await own.getByRole('button', { name: '办结' }).click();
    const close = handler.getByRole('dialog', { name: '办结举报' });
    await close.getByLabel('办理结果').fill('已移交市场监管部门立案查处');
    await close.getByRole('button', { name: '办结', exact: true }).click();
    await close.waitFor({ state: 'hidden' });
    await handler.context().close();

    assert.equal(await followStatus(portal, code), '已办结');
    await portal.getByText('已移交市场监管部门立案查处').waitFor();
    await portal.context().close();
  });
});
