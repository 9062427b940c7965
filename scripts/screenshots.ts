// Screenshots of the web applications with demo data, for docs and reviews.
// Needs `npm run build:web` and Chromium (scripts/ensure-chromium.sh).
// Run: npm run screenshots   (node --import tsx scripts/screenshots.ts)  → docs/screenshots/*.png
// Like `npm test`, it uses a throwaway embedded PostgreSQL (or TEST_DATABASE_URL) and drops everything after.
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { DEMO_ORG, DEMO_ORGS, DEMO_PASSWORD } from '../src/modules/demo/fixtures.js';
import { launchChromium } from '../test/browser/chromium.js';
import { startPlatform } from '../test/support/platform.js';
import { collectionScreens } from './screenshots-collection.js';

const OUT_DIR = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 375, height: 812 };
const SEARCH_LABEL = '请输入统一社会信用代码、身份证号码或主体名称';

async function open(browser: Browser, baseUrl: string, path: string, viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(new URL(path, baseUrl).href);
  await page.waitForLoadState('networkidle');
  return page;
}

async function shoot(page: Page, name: string, fullPage = false): Promise<void> {
  const path = `${OUT_DIR}${name}.png`;
  await page.screenshot({ path, fullPage, animations: 'disabled', caret: 'hide' });
  console.log(`wrote ${path}`);
}

/**
 * Prepares what test/support/platform.ts expects from scripts/test.mjs: an admin URL and a migrated
 * template database (XY_TEST_ADMIN_URL, XY_TEST_TEMPLATE). Returns the cleanup.
 */
async function prepareDatabase(): Promise<() => Promise<void>> {
  if (process.env.XY_TEST_ADMIN_URL && process.env.XY_TEST_TEMPLATE) return async () => {};
  const { startEmbedded } = await import('../src/db/embedded.js');
  const { ensureDatabase, createPool } = await import('../src/db/database.js');
  const { migrate } = await import('../src/db/migrate.js');
  let adminUrl = process.env.TEST_DATABASE_URL;
  let embedded: { stop(): Promise<void> } | null = null;
  let tmp: string | null = null;
  if (!adminUrl) {
    tmp = mkdtempSync(path.join(tmpdir(), 'xinyong-screenshots-'));
    const server = await startEmbedded(tmp);
    embedded = server;
    adminUrl = server.url;
  }
  const template = `xy_tpl_${process.pid}_${Date.now().toString(36)}`;
  const pool = createPool(await ensureDatabase(adminUrl, template), 1);
  await migrate(pool);
  await pool.end();
  process.env.XY_TEST_ADMIN_URL = adminUrl;
  process.env.XY_TEST_TEMPLATE = template;
  const url = adminUrl;
  return async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`).catch(() => {});
    await admin.end();
    await embedded?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  };
}

async function main(): Promise<void> {
  await mkdir(OUT_DIR, { recursive: true });
  const cleanup = await prepareDatabase();
  try {
    await takeScreenshots();
  } finally {
    await cleanup();
  }
}

async function takeScreenshots(): Promise<void> {
  const platform = await startPlatform({ demo: true });
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();

    // first: the delivered records make the portal's subject page and 双公示 pages show data
    await collectionScreens({ open, shoot, signIn, settle, menu }, browser, platform.baseUrl);

    let page = await open(browser, platform.baseUrl, '/');
    await shoot(page, 'portal-home');
    await page.context().close();

    page = await open(browser, platform.baseUrl, '/', PHONE);
    await shoot(page, 'portal-home-phone', true);
    await page.context().close();

    page = await open(browser, platform.baseUrl, '/');
    const box = page.getByRole('searchbox', { name: SEARCH_LABEL });
    await box.fill('豫信');
    await box.press('Enter');
    await page.getByRole('link', { name: DEMO_ORG.name }).waitFor();
    await shoot(page, 'portal-search', true);
    await page.getByRole('link', { name: DEMO_ORG.name }).click();
    await page.getByRole('heading', { level: 1, name: DEMO_ORG.name }).waitFor();
    await page.locator('.record').first().waitFor(); // its 双公示 records (delivered by collectionScreens)
    await shoot(page, 'portal-subject', true);
    await page.context().close();

    // the joint-action loop and the rights of the listed, in the order the demo data allows:
    // an objection filed (not yet accepted) while the finance clerk still sees 限制
    const objection = await portalRights(browser, platform.baseUrl);
    page = await open(browser, platform.baseUrl, '/console/');
    await signIn(page, 'czt');
    await implementingPages(page);
    await page.context().close();
    page = await open(browser, platform.baseUrl, '/console/');
    await signIn(page, 'swj');
    await initiatingPages(page);
    await page.context().close();

    page = await open(browser, platform.baseUrl, '/console/');
    await page.getByRole('button', { name: '登录', exact: true }).waitFor();
    await shoot(page, 'console-login');
    await signIn(page, 'admin');
    await page.waitForLoadState('networkidle');
    await shoot(page, 'console-workbench');
    await consolePages(page);
    await creditOfficePages(page, objection);
    await page.context().close();

    page = await open(browser, platform.baseUrl, `/follow?code=${objection}`);
    await page.getByTestId('follow-status').waitFor();
    await shoot(page, 'portal-follow');
    await page.context().close();

    // a department officer: no admin pages in the menu; /console/keys by URL shows the API's 403
    page = await open(browser, platform.baseUrl, '/console/');
    await signIn(page, 'scjg');
    await page.goto(new URL('/console/keys', platform.baseUrl).href);
    await page.getByTestId('forbidden').waitFor();
    await settle(page);
    await shoot(page, 'console-keys-forbidden');
    await page.context().close();
  } finally {
    await browser?.close();
    await platform.close();
  }
}

async function signIn(page: Page, username: string): Promise<void> {
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByRole('heading', { name: '工作台' }).waitFor();
}

/** Waits for requests and antd's motions (modals, drawers, messages) to end. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(600);
}

async function menu(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem', { name: label, exact: true }).click();
  await page.getByRole('heading', { level: 3, name: label, exact: true }).waitFor();
}

/** The console's pages as the credit office's admin (signed in on `page`). */
async function consolePages(page: Page): Promise<void> {
  await menu(page, '部门管理');
  await page.getByRole('cell', { name: '河南省财政厅' }).waitFor();
  await settle(page);
  await shoot(page, 'console-departments');
  await page.getByRole('button', { name: '新增部门' }).click();
  const department = page.getByRole('dialog', { name: '新增部门' });
  const code = department.getByLabel('统一社会信用代码', { exact: true });
  await code.fill('11410000005000122X');
  await code.blur();
  await page.locator('.ant-form-item-explain-error').first().waitFor();
  await department.getByLabel('部门名称', { exact: true }).fill('河南省发展和改革委员会');
  await settle(page);
  await shoot(page, 'console-department-create');
  await department.getByRole('button', { name: '取消' }).click();

  await menu(page, 'API 密钥');
  await page.getByRole('button', { name: '创建密钥' }).click();
  const keyForm = page.getByRole('dialog', { name: '创建 API 密钥' });
  await keyForm.getByLabel('名称', { exact: true }).fill('行政审批系统对接');
  await keyForm.getByRole('button', { name: '创建', exact: true }).click();
  const shown = page.getByRole('dialog', { name: 'API 密钥已创建' });
  await shown.getByText('密钥只显示这一次').waitFor();
  await settle(page);
  await shoot(page, 'console-key-created');
  await shown.getByRole('button', { name: '我已妥善保存' }).click();
  await page.getByRole('row').filter({ hasText: '行政审批系统对接' }).waitFor();
  await settle(page);
  await shoot(page, 'console-keys');

  await menu(page, '用户管理');
  await page.getByRole('cell', { name: 'scjg', exact: true }).waitFor();
  await settle(page);
  await shoot(page, 'console-users');

  await menu(page, '主体管理');
  const box = page.getByRole('textbox', { name: '统一社会信用代码、身份证号码或主体名称' });
  await box.fill('河南');
  await box.press('Enter');
  await page.getByRole('row').filter({ hasText: DEMO_ORGS[1].name }).waitFor();
  await settle(page);
  await shoot(page, 'console-subjects');
  await box.fill(DEMO_ORG.uscc);
  await box.press('Enter');
  await page.getByRole('row').filter({ hasText: DEMO_ORG.name }).getByRole('button', { name: DEMO_ORG.name }).click();
  await page.getByRole('dialog', { name: DEMO_ORG.name }).getByText('法定代表人').waitFor();
  await settle(page);
  await shoot(page, 'console-subject-drawer');
  await page.locator('.ant-drawer-close').click();
  await page.getByRole('dialog', { name: DEMO_ORG.name }).waitFor({ state: 'hidden' });

  await menu(page, '审计日志');
  await page.getByRole('button', { name: '校验审计链' }).click();
  await page.getByTestId('audit-verify-result').waitFor();
  await settle(page);
  await shoot(page, 'console-audit');

  await menu(page, '变更流');
  await page.getByRole('row').filter({ hasText: DEMO_ORG.name }).waitFor();
  await settle(page);
  await shoot(page, 'console-changes');
}

const VIOLATOR = DEMO_ORGS[1];

async function fill(scope: Page | Locator, values: Record<string, string>): Promise<void> {
  for (const [label, value] of Object.entries(values)) await scope.getByLabel(label).fill(value);
}
const TAX_LIST = '/lists?type=major_tax_violation';

/** Portal: the red and black lists, an objection (returns its receipt code), a refused repair, a report. */
async function portalRights(browser: Browser, baseUrl: string): Promise<string> {
  for (const [viewport, name] of [[DESKTOP, 'portal-lists'], [PHONE, 'portal-lists-phone']] as const) {
    const lists = await open(browser, baseUrl, TAX_LIST, viewport);
    await lists.getByRole('link', { name: VIOLATOR.name }).waitFor();
    await shoot(lists, name, true);
    await lists.context().close();
  }
  const page = await open(browser, baseUrl, TAX_LIST);
  await page.getByRole('link', { name: '对此记录提出异议' }).click();
  await fill(page, { 异议理由: '我公司已于 2026 年 6 月补缴全部税款及滞纳金，认定所依据的事实已发生变化，请予核实。', 申请人姓名: VIOLATOR.name, 联系方式: '13800138000' });
  await shoot(page, 'portal-objection', true);
  await page.getByRole('button', { name: '提交异议' }).click();
  const code = (await page.getByTestId('receipt-code').innerText()).trim();
  await shoot(page, 'portal-objection-receipt');

  await page.goto(new URL(TAX_LIST, baseUrl).href);
  await page.getByRole('link', { name: '申请信用修复' }).click();
  await page.getByLabel('第 1 份材料的类型').selectOption('training'); // no proof of fulfilment: refused
  await fill(page, {
    申请理由: '已补缴全部税款、滞纳金和罚款', 信用修复承诺: '本公司承诺今后依法纳税、诚信经营，如有违反自愿接受惩戒。',
    '第 1 份材料的名称': '信用修复培训结业证书.pdf', 申请人姓名: VIOLATOR.name, 联系方式: '13800138000',
  });
  await page.getByRole('button', { name: '提交修复申请' }).click();
  await page.getByTestId('repair-conditions').waitFor();
  await shoot(page, 'portal-repair-refused', true);

  await page.goto(new URL('/report', baseUrl).href);
  await fill(page, { 被举报主体名称: '郑州某某劳务有限公司', 举报内容: '该公司自 2026 年 3 月起拖欠 20 余名工人工资，多次讨要未果。' });
  await page.getByRole('switch', { name: '匿名举报' }).check();
  await shoot(page, 'portal-report', true);
  await page.getByRole('button', { name: '提交举报' }).click();
  await page.getByTestId('receipt-code').waitFor();
  await page.context().close();
  return code;
}

/** The finance clerk (implementing department): tasks, checks with feedback, the feedback queue. */
async function implementingPages(page: Page): Promise<void> {
  await settle(page);
  await shoot(page, 'console-workbench-implementing');
  await menu(page, '响应任务');
  await page.getByRole('row').filter({ hasText: VIOLATOR.name }).waitFor();
  await settle(page);
  await shoot(page, 'console-tasks');
  await menu(page, '核查');
  const box = page.getByRole('textbox', { name: '统一社会信用代码' });
  for (const [uscc, name] of [[DEMO_ORG.uscc, 'console-check-reward'], [VIOLATOR.uscc, 'console-check']]) {
    await box.fill(uscc);
    await page.getByRole('button', { name: '核查', exact: true }).click();
    await page.getByTestId('check-result').getByText(uscc).waitFor();
    await settle(page);
    await shoot(page, name, true);
  }
  await page.getByRole('button', { name: '填写反馈' }).click();
  const dialog = page.getByRole('dialog', { name: '执行反馈' });
  await fill(dialog, { '涉及金额（元）': '1200000', 执行情况说明: '已在供应商资格审查中否决其投标资格' });
  await settle(page);
  await shoot(page, 'console-feedback-form');
  await dialog.getByRole('button', { name: '提交反馈' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByText('名称', { exact: true }).click();
  await page.getByRole('textbox', { name: '名称' }).fill('河南');
  await page.getByRole('button', { name: '核查', exact: true }).click();
  await page.getByRole('region', { name: '候选主体' }).waitFor();
  await settle(page);
  await shoot(page, 'console-check-candidates');
  await menu(page, '待反馈');
  await page.getByRole('row').filter({ hasText: DEMO_ORG.name }).waitFor();
  await settle(page);
  await shoot(page, 'console-feedback');
}

/** The tax clerk (initiating department): entries, the listing form, an entry's detail. */
async function initiatingPages(page: Page): Promise<void> {
  await menu(page, '名单记录');
  const row = page.getByRole('row').filter({ hasText: VIOLATOR.name });
  await row.waitFor();
  await settle(page);
  await shoot(page, 'console-list-entries');
  await page.getByRole('button', { name: '认定列入' }).click();
  const dialog = page.getByRole('dialog', { name: '认定列入' });
  await fill(dialog, { 主体名称: '河南某某商贸有限公司', 认定理由: '逃避缴纳税款，数额较大', 认定文书号: '豫税稽罚〔2026〕31号' });
  await dialog.getByRole('button', { name: '添加责任人' }).click();
  await settle(page);
  await shoot(page, 'console-entry-publish');
  await dialog.getByRole('button', { name: '取消' }).click();
  await row.getByRole('button', { name: VIOLATOR.name }).click();
  await page.getByRole('region', { name: '状态历史' }).waitFor();
  await settle(page);
  await shoot(page, 'console-entry-drawer');
}

/** The credit office's admin: list types, measures, memoranda, and the rights queues. */
async function creditOfficePages(page: Page, objection: string): Promise<void> {
  for (const [label, name] of [['名单类型', 'console-list-types'], ['措施清单', 'console-measures'], ['合作备忘录', 'console-memoranda']]) {
    await menu(page, label);
    await page.locator('tbody tr.ant-table-row').first().waitFor();
    await settle(page);
    await shoot(page, name);
  }
  await menu(page, '异议处理');
  await page.getByRole('row').filter({ hasText: objection }).getByRole('button', { name: '办理' }).click();
  const drawer = page.getByRole('dialog', { name: `异议 ${objection}` });
  await drawer.getByText('13800138000').waitFor();
  await settle(page);
  await shoot(page, 'console-objection');
  await drawer.getByRole('button', { name: '受理' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '受理', exact: true }).click();
  await drawer.getByRole('button', { name: '转数源单位' }).waitFor();
  await page.locator('.ant-drawer-close').click();

  // a repair request that meets the conditions the platform checks, filed as the public would
  const entryId = await page.evaluate(async () => (await (await fetch('/api/v1/list-entries?listType=major_tax_violation')).json()).items[0].id as string);
  await page.evaluate((id) => fetch('/api/v1/repairs', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, credentials: 'omit',
    body: JSON.stringify({ target: { entryId: id }, applicant: { name: '河南中原华盛建筑工程有限公司', contact: '13800138000' }, reason: '已补缴全部税款、滞纳金和罚款',
      commitment: '本公司承诺今后依法纳税、诚信经营，如有违反自愿接受惩戒。', evidence: [{ kind: 'fulfilment', name: '完税证明.pdf' }] }),
  }), entryId);
  await menu(page, '信用修复');
  await page.getByRole('button', { name: '办理' }).first().click();
  await page.getByRole('region', { name: '平台核验的修复条件' }).getByText('已提交所需证明材料').waitFor();
  await settle(page);
  await shoot(page, 'console-repair');
  await page.locator('.ant-drawer-close').click();

  await menu(page, '失信举报');
  await page.locator('tbody tr.ant-table-row').first().waitFor();
  await settle(page);
  await shoot(page, 'console-reports');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
