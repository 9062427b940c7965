// Screenshots of collection (归集), push (推送) and the portal's 双公示 pages, called by
// scripts/screenshots.ts with its helpers. The market regulator's clerk delivers a penalty file
// through the console first, so the later portal shots have published records to show.
import type { Browser, Page } from 'playwright-core';
import { makeUscc } from '../src/domain/identifiers/generate.js';
import { DEMO_DEPARTMENTS, DEMO_ORG } from '../src/modules/demo/fixtures.js';
import { csvText, penaltyFactory } from '../test/fixtures/collection/files.js';

export interface ShotHelpers {
  open(browser: Browser, baseUrl: string, path: string, viewport?: { width: number; height: number }): Promise<Page>;
  shoot(page: Page, name: string, fullPage?: boolean): Promise<void>;
  signIn(page: Page, username: string): Promise<void>;
  settle(page: Page): Promise<void>;
  menu(page: Page, label: string): Promise<void>;
}

const PHONE = { width: 375, height: 812 };

function penaltyFile(): string {
  const f = penaltyFactory(2026, DEMO_DEPARTMENTS[0].code);
  return csvText([
    f.org({ 行政相对人名称: DEMO_ORG.name, '行政相对人代码_1(统一社会信用代码)': DEMO_ORG.uscc, 行政处罚决定书文号: '豫市监罚〔2026〕88号' }),
    ...Array.from({ length: 8 }, (_, i) => f.org({ 处罚决定日期: `2026-11-${String(10 + i).padStart(2, '0')}` })),
    f.person({ 处罚决定日期: '2026-11-05' }),
    f.org({ 违法事实: '' }), f.org({ 处罚决定日期: '2026-02-30' }), f.org({ 处罚类别: '批评教育' }),
  ]);
}

/** The clerk drops the file on the upload page; returns when the result shows. */
async function upload(h: ShotHelpers, page: Page): Promise<void> {
  await h.menu(page, '数据上报');
  await page.getByLabel('信息类别', { exact: true }).click();
  await page.locator('.ant-select-item-option').filter({ hasText: '行政处罚' }).click();
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], '2026年11月行政处罚.csv', { type: 'text/csv' }));
    return dt;
  }, penaltyFile());
  await page.locator('.ant-upload-drag [role="button"]').dispatchEvent('drop', { dataTransfer });
  await page.getByTestId('upload-result').getByRole('button', { name: '查看批次详情' }).waitFor({ timeout: 60_000 });
}

export async function collectionScreens(h: ShotHelpers, browser: Browser, baseUrl: string): Promise<void> {
  let page = await h.open(browser, baseUrl, '/console/');
  await h.signIn(page, 'scjg');
  await upload(h, page);
  await h.settle(page);
  await h.shoot(page, 'console-upload', true);
  await page.getByRole('button', { name: '查看批次详情' }).click();
  await page.getByRole('dialog').getByRole('region', { name: '被拒绝的行' }).waitFor();
  await h.settle(page);
  await h.shoot(page, 'console-batch');
  await page.context().close();

  page = await h.open(browser, baseUrl, '/console/');
  await h.signIn(page, 'admin');
  await h.menu(page, '导入批次');
  await page.locator('tbody tr.ant-table-row').first().waitFor();
  await h.settle(page);
  await h.shoot(page, 'console-batches');
  await h.menu(page, '双公示及时性');
  await page.getByRole('row').filter({ hasText: DEMO_DEPARTMENTS[0].name }).first().waitFor();
  await h.settle(page);
  await h.shoot(page, 'console-timeliness');
  await h.menu(page, '信息目录');
  await page.getByRole('button', { name: '行政处罚' }).click();
  await page.getByRole('dialog', { name: '行政处罚（admin_penalty）' }).getByRole('region', { name: '字段' }).waitFor();
  await h.settle(page);
  await h.shoot(page, 'console-catalog');
  await page.locator('.ant-drawer-close').click();

  // a receiver that is down: its deliveries fail and wait for their retry
  await h.menu(page, '推送订阅');
  await page.getByRole('button', { name: '新增订阅' }).click();
  const form = page.getByRole('dialog', { name: '新增订阅' });
  await form.getByLabel('接收地址', { exact: true }).fill('http://127.0.0.1:18788/xinyong/hook');
  await form.getByLabel('事件', { exact: true }).click();
  await page.locator('.ant-select-item-option').filter({ hasText: '主体变更（subject.*）' }).click();
  await form.getByLabel('接收地址', { exact: true }).click();
  await page.locator('.ant-select-dropdown').waitFor({ state: 'hidden' });
  await form.getByRole('button', { name: '订阅', exact: true }).click();
  await page.getByRole('dialog', { name: '订阅已创建' }).getByRole('button', { name: '我已妥善保存' }).click();
  // a change the credit office sees (a new subject); the demo's entries stay as they are for later shots
  await page.evaluate((code) => fetch('/api/v1/subjects', {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Xinyong-Client': 'console' },
    body: JSON.stringify({ kind: 'organization', uscc: code, name: '河南推送演示有限公司' }),
  }), makeUscc(Math.random, { authority: '9', entityType: '1', regionCode: '410105' }));
  const row = page.getByRole('row').filter({ hasText: '127.0.0.1:18788' });
  for (let i = 0; i < 40 && !/投递失败/.test(await row.innerText()); i++) {
    await page.waitForTimeout(500);
    await page.getByRole('button', { name: /^(?:loading )?刷新$/ }).first().click();
  }
  await h.settle(page);
  await h.shoot(page, 'console-subscriptions');
  await row.getByRole('button', { name: '投递记录' }).click();
  const drawer = page.getByRole('dialog', { name: /^投递记录/ });
  await drawer.locator('label').filter({ hasText: /^重试中/ }).click();
  await drawer.locator('tbody tr.ant-table-row').first().waitFor();
  await h.settle(page);
  await h.shoot(page, 'console-deliveries');
  await page.context().close();

  for (const [viewport, name] of [[undefined, 'portal-publicity'], [PHONE, 'portal-publicity-phone']] as const) {
    page = await h.open(browser, baseUrl, '/publicity?type=admin_penalty', viewport);
    await page.locator('.record').first().waitFor();
    await h.shoot(page, name, true);
    await page.context().close();
  }
}
