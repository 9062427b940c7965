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
import type { Browser, Page } from 'playwright-core';
import { DEMO_ORG, DEMO_ORGS, DEMO_PASSWORD } from '../src/modules/demo/fixtures.js';
import { launchChromium } from '../test/browser/chromium.js';
import { startPlatform } from '../test/support/platform.js';

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
    await shoot(page, 'portal-subject', true);
    await page.context().close();

    page = await open(browser, platform.baseUrl, '/console/');
    await page.getByRole('button', { name: '登录', exact: true }).waitFor();
    await shoot(page, 'console-login');
    await signIn(page, 'admin');
    await page.waitForLoadState('networkidle');
    await shoot(page, 'console-workbench');
    await consolePages(page);
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

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
