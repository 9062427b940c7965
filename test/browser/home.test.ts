/// <reference lib="dom" />
// Browser tests of the public portal and the staff console against the real platform with demo data.
// Needs: `npm run build:web` (web/dist) and Chromium (scripts/ensure-chromium.sh).
// Run: node --import tsx --test test/browser/home.test.ts
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_ORG, DEMO_PASSWORD } from '../../src/modules/demo/fixtures.js';
import { startPlatform } from '../support/platform.js';
import { launchChromium } from './chromium.js';

const SEARCH_LABEL = '请输入统一社会信用代码、身份证号码或主体名称';
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 375, height: 812 };
const HAN = /[\u4e00-\u9fff]/;
const TIMEOUT = 60_000;

let platform: { baseUrl: string; close(): Promise<void> };
let browser: Browser;
const pageErrors: string[] = [];

function url(path: string): string {
  return new URL(path, platform.baseUrl).href;
}

async function openPage(path: string, viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => pageErrors.push(`${path}: ${error.message}`));
  await page.goto(url(path));
  return page;
}

async function search(page: Page, text: string): Promise<void> {
  const box = page.getByRole('searchbox', { name: SEARCH_LABEL });
  await box.fill(text);
  await box.press('Enter');
}

before(async () => {
  platform = await startPlatform({ demo: true });
  browser = await launchChromium();
}, { timeout: 180_000 });

after(async () => {
  await browser?.close();
  await platform?.close();
  assert.deepEqual(pageErrors, [], 'no uncaught errors in the pages');
});

describe('public portal', () => {
  test('search by USCC, then open the subject page', { timeout: TIMEOUT }, async () => {
    const page = await openPage('/');
    await search(page, DEMO_ORG.uscc);
    const link = page.getByRole('link', { name: DEMO_ORG.name });
    await link.click();
    await page.waitForURL(`**/subjects/${DEMO_ORG.uscc}`);
    await page.getByRole('heading', { level: 1, name: DEMO_ORG.name }).waitFor();
    await page.getByText(DEMO_ORG.uscc).first().waitFor();
    await page.getByRole('heading', { name: '基本信息' }).waitFor();
    // Back returns to the results of the same search.
    await page.goBack();
    await page.getByRole('link', { name: DEMO_ORG.name }).waitFor();
    await page.context().close();
  });

  test('search by a name fragment; an unknown name says so', { timeout: TIMEOUT }, async () => {
    const page = await openPage('/');
    await search(page, '豫信');
    const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: DEMO_ORG.name }) });
    await item.waitFor();
    assert.match(await item.innerText(), /法人和非法人组织/);
    assert.match(await item.innerText(), new RegExp(DEMO_ORG.uscc));

    await search(page, '龘龘龘龘龘');
    await page.getByText('未找到相关主体').waitFor();
    await page.context().close();
  });

  test('the search works with the keyboard alone', { timeout: TIMEOUT }, async () => {
    const page = await openPage('/');
    const box = page.getByRole('searchbox', { name: SEARCH_LABEL });
    // skip link, brand, 大字模式, the six main navigation links, then the search box
    for (let i = 0; i < 12 && !(await box.evaluate((el) => el === document.activeElement)); i += 1) {
      await page.keyboard.press('Tab');
    }
    assert.ok(await box.evaluate((el) => el === document.activeElement), 'the search box is reachable with Tab');
    await page.keyboard.type(DEMO_ORG.uscc);
    await page.keyboard.press('Enter');
    const link = page.getByRole('link', { name: DEMO_ORG.name });
    await link.waitFor();
    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: DEMO_ORG.name }).waitFor();
    await page.context().close();
  });

  test('phone width: no horizontal scrolling; 大字模式 persists', { timeout: TIMEOUT }, async () => {
    const page = await openPage('/', PHONE);
    await search(page, '豫信');
    await page.getByRole('link', { name: DEMO_ORG.name }).waitFor();
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok((await overflow()) <= 0, 'the page fits 375px');

    const toggle = page.getByRole('button', { name: '大字模式' });
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    await page.reload();
    await page.getByRole('link', { name: DEMO_ORG.name }).waitFor();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true', 'the choice survives a reload');
    const rootSize = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    assert.equal(rootSize, '20px');
    assert.ok((await overflow()) <= 0, 'large text still fits 375px');
    await page.context().close();
  });
});

describe('staff console', () => {
  test('log in as admin, see the workbench, log out; a wrong password shows the Chinese error', { timeout: TIMEOUT }, async () => {
    const page = await openPage('/console/');
    const writes: { url: string; client: string | undefined }[] = [];
    page.on('request', (request) => {
      if (request.method() !== 'GET' && request.url().includes('/api/')) {
        writes.push({ url: request.url(), client: request.headers()['x-xinyong-client'] });
      }
    });
    const username = page.getByLabel('用户名', { exact: true });
    const password = page.getByLabel('密码', { exact: true });
    const loginButton = page.getByRole('button', { name: '登录', exact: true });

    await username.fill('admin');
    await password.fill(DEMO_PASSWORD);
    await loginButton.click();
    await page.getByRole('heading', { name: '工作台' }).waitFor();
    const me = await page.evaluate(() => fetch('/api/v1/auth/me').then((r) => r.json()));
    const departmentName: string = me.user.department.name;
    assert.match(departmentName, HAN);
    await page.getByRole('main').getByText(departmentName, { exact: true }).waitFor();
    await page.getByRole('main').getByText('管理员', { exact: true }).waitFor();
    const cookies = await page.context().cookies();
    assert.ok(cookies.some((cookie) => cookie.httpOnly), 'the session cookie is httpOnly');

    await page.getByRole('button', { name: '退出登录' }).click();
    await loginButton.waitFor();
    const status = await page.evaluate(() => fetch('/api/v1/auth/me').then((r) => r.status));
    assert.equal(status, 401, 'the session ended');

    await username.fill('admin');
    await password.fill(`wrong-${DEMO_PASSWORD}`);
    await loginButton.click();
    const alert = page.locator('.ant-alert-error');
    await alert.waitFor();
    assert.match(await alert.innerText(), HAN);
    assert.equal(await page.getByRole('heading', { name: '工作台' }).count(), 0);

    assert.ok(writes.length >= 3, 'login, logout and login were sent');
    for (const write of writes) assert.equal(write.client, 'console', `${write.url} carries X-Xinyong-Client`);
    await page.context().close();
  });
});
