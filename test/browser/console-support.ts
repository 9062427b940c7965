/// <reference lib="dom" />
// Shared by the console browser tests: a platform with demo data, Chromium, and signing in.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/modules/demo/fixtures.js';
import { startPlatform, type TestPlatform } from '../support/platform.js';
import { launchChromium } from './chromium.js';

export const DESKTOP = { width: 1366, height: 768 };
export const HAN = /[\u4e00-\u9fff]/;

export interface ConsoleHarness {
  baseUrl: string;
  /** the platform under the browser, for data set up through the API (keys, deliveries) */
  platform: TestPlatform;
  /** a fresh browser context at 1366×768 (zh-CN), signed in as `username` */
  signIn(username: string, path?: string, password?: string): Promise<Page>;
  /** a fresh browser context on the public portal, no account */
  openPublic(path: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** uncaught page errors so far */
  pageErrors: string[];
  close(): Promise<void>;
}

/**
 * One harness for a test file: started before its tests, closed after them, and no uncaught page
 * error allowed. Returns a getter (the harness exists once `before` has run).
 */
export function useConsoleHarness(): () => ConsoleHarness {
  let harness: ConsoleHarness | undefined;
  before(async () => {
    harness = await startConsoleHarness();
  }, { timeout: 180_000 });
  after(async () => {
    await harness?.close();
    assert.deepEqual(harness?.pageErrors ?? [], [], 'no uncaught errors in the pages');
  });
  return () => harness!;
}

export async function startConsoleHarness(): Promise<ConsoleHarness> {
  const platform = await startPlatform({ demo: true });
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await platform.close();
    throw error;
  }
  const pageErrors: string[] = [];
  return {
    baseUrl: platform.baseUrl,
    platform,
    pageErrors,
    async signIn(username, path = '/console/', password = DEMO_PASSWORD) {
      const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      page.on('pageerror', (error) => pageErrors.push(`${username} ${path}: ${error.message}`));
      await page.goto(new URL('/console/', platform.baseUrl).href);
      await page.getByLabel('用户名', { exact: true }).fill(username);
      await page.getByLabel('密码', { exact: true }).fill(password);
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await page.getByRole('heading', { name: '工作台' }).waitFor();
      if (path !== '/console/') {
        // a full load of the deep link, as when a bookmark is opened
        await page.goto(new URL(path, platform.baseUrl).href);
      }
      return page;
    },
    async openPublic(path, viewport = DESKTOP) {
      const context = await browser.newContext({ viewport, locale: 'zh-CN' });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      page.on('pageerror', (error) => pageErrors.push(`public ${path}: ${error.message}`));
      await page.goto(new URL(path, platform.baseUrl).href);
      return page;
    },
    async close() {
      await browser?.close();
      await platform.close();
    },
  };
}

/** The side menu's entries, in order. */
export async function menuLabels(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: '主菜单' });
  await nav.getByRole('menuitem').first().waitFor();
  return (await nav.getByRole('menuitem').allInnerTexts()).map((text) => text.trim());
}

/** Opens a page through the side menu and checks the URL, heading and selected entry follow. */
export async function openFromMenu(page: Page, label: string, path: string): Promise<void> {
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem', { name: label, exact: true }).click();
  await page.waitForURL(`**${path}`);
  await page.getByRole('heading', { level: 3, name: label, exact: true }).waitFor();
  const selected = page.getByRole('navigation', { name: '主菜单' }).locator('.ant-menu-item-selected');
  assert.equal((await selected.innerText()).trim(), label, `the menu marks ${label} as current`);
}

/** GET an API path with the page's session (a staff page) and return the JSON. */
export async function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => {
    const response = await fetch(`/api/v1${p}`);
    if (!response.ok) throw new Error(`${p}: ${response.status}`);
    return response.json();
  }, path) as Promise<T>;
}

/** The error antd shows under the form field labelled `label`. */
export function fieldError(page: Page, label: string) {
  return page.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact: true }) }).locator('.ant-form-item-explain-error');
}

/**
 * Chooses an option of an antd single Select (`select`: its combobox, e.g. by label) and waits until
 * the field shows it. On a loaded machine a click can reach the list while it is still opening and be
 * lost — the form then says 请选择… on submit (seen in CI) — so, as a user would, it picks again.
 */
export async function pickOption(page: Page, select: Locator, option: string): Promise<void> {
  const field = select.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  const shown = field.filter({ hasText: option }); // the chosen option's label shows in the field
  const list = page.locator('.ant-select-dropdown:visible');
  for (let attempt = 1; ; attempt++) {
    await list.first().waitFor({ state: 'hidden' }); // a list still closing after an earlier choice
    await select.click();
    await list.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
    try {
      await shown.waitFor({ timeout: 5_000 });
      return;
    } catch (failure) {
      if (attempt === 3) throw failure;
      await page.keyboard.press('Escape'); // close the list the lost click left open
    }
  }
}

/**
 * Waits for an error to show in a dialog; on timeout the failure quotes what the dialog shows
 * instead (another field's error, an alert), so a failure on a loaded CI machine says why.
 */
export async function dialogShows(dialog: Locator, error: Locator, timeout = 30_000): Promise<void> {
  try {
    await error.first().waitFor({ timeout });
  } catch (failure) {
    const shown = await dialog.innerText().catch(() => '(对话框已关闭)');
    throw new Error(`${(failure as Error).message}\n对话框此时显示：\n${shown}`);
  }
}

/**
 * Clicks a dialog's button once the dialog is idle: antd ignores clicks on a button that is still
 * `loading` from the previous submit, which a fast test can hit right after a server error shows.
 * The name may keep a leading "loading" while antd's spinner icon (aria-label="loading") plays its
 * leave animation, which under load can take long after the button is usable again.
 */
export async function clickWhenIdle(dialog: Locator, name: string): Promise<void> {
  await dialog.locator('.ant-btn-loading').first().waitFor({ state: 'detached' });
  await dialog.getByRole('button', { name: new RegExp(`^(?:loading )?${name}$`) }).click();
}
