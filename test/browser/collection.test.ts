/// <reference lib="dom" />
// 信用信息归集 in the console on the demo data: the market regulator's clerk drops a penalty file on
// the upload page, reads the counts and the rejected rows, downloads them as Excel, and finds the
// batch again; the credit office sees it by department, with 双公示 timeliness and the catalog.
// Needs: `npm run build:web` (web/dist) and Chromium (scripts/ensure-chromium.sh).
// Run: node scripts/test.mjs test/browser/collection.test.ts
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { DEMO_DEPARTMENTS } from '../../src/modules/demo/fixtures.js';
import { csvText, penaltyFactory, tempDir } from '../fixtures/collection/files.js';
import { menuLabels, openFromMenu, pickOption, useConsoleHarness } from './console-support.js';

const TIMEOUT = 120_000;
const SCJG = DEMO_DEPARTMENTS[0];
const harness = useConsoleHarness();
let batchId: string;
let fileName: string;


/** Drops a file on the drag-and-drop area, as a clerk dragging it from the desktop does. */
async function dropFile(page: Page, name: string, content: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(({ name: n, content: c }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([c], n, { type: 'text/csv' }));
    return dt;
  }, { name, content });
  const area = page.locator('.ant-upload-drag [role="button"]');
  await area.dispatchEvent('dragenter', { dataTransfer });
  await area.dispatchEvent('dragover', { dataTransfer });
  await area.dispatchEvent('drop', { dataTransfer });
}

describe('collection in the console', () => {
  test('the clerk uploads penalties: progress, counts, rejected rows with reasons, the Excel of them', { timeout: TIMEOUT }, async () => {
    const page = await harness().signIn('scjg');
    const menu = await menuLabels(page);
    for (const label of ['数据上报', '导入批次', '双公示及时性', '信息目录']) assert.ok(menu.includes(label), `scjg sees ${label}`);
    await openFromMenu(page, '数据上报', '/console/collection/upload');

    await pickOption(page, page.getByLabel('信息类别', { exact: true }), '行政处罚');
    await page.getByRole('link', { name: '下载填报模板' }).waitFor();

    const f = penaltyFactory(77, SCJG.code);
    const rows = [f.org(), f.org(), f.person(),
      f.org({ 违法事实: '' }), // row 5: required
      f.org({ 处罚决定日期: '2026-02-30' }), // row 6: not a date
    ];
    fileName = `2026年11月行政处罚-${Date.now().toString(36)}.csv`;
    await dropFile(page, fileName, csvText(rows));

    const result = page.getByTestId('upload-result');
    await result.getByText(`${fileName}（`).filter({ hasText: '已导入' }).waitFor({ timeout: 60_000 });
    const bar = result.getByRole('progressbar', { name: '上传进度' });
    assert.equal(await bar.getAttribute('aria-valuenow'), '100');
    const counts = result.getByRole('group', { name: '导入结果统计' });
    assert.match(await counts.innerText(), /总行数\s*5[\s\S]*新增\s*3[\s\S]*拒绝\s*2/);
    const rejects = result.getByRole('region', { name: '被拒绝的行' });
    assert.match(await rejects.getByRole('row').filter({ hasText: 'REQUIRED' }).innerText(), /^\s*5\s+违法事实[\s\S]*必填/);
    assert.match(await rejects.getByRole('row').filter({ hasText: 'INVALID_DATE' }).innerText(), /^\s*6\s+处罚决定日期/);

    const [download] = await Promise.all([page.waitForEvent('download'), rejects.getByRole('link', { name: '下载被拒绝的行（Excel）' }).click()]);
    const saved = path.join(tempDir(), 'rejects.xlsx');
    await download.saveAs(saved);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await readFile(saved));
    const cells = book.worksheets[0].getSheetValues().flat().map(String).join('|');
    assert.match(cells, /违法事实/);
    assert.match(cells, /处罚决定日期/);

    await result.getByRole('button', { name: '查看批次详情' }).click();
    await page.waitForURL(/\/console\/collection\/batches\?batch=/);
    batchId = new URL(page.url()).searchParams.get('batch')!;
    const drawer = page.getByRole('dialog', { name: `导入批次 · ${fileName}` });
    await drawer.getByRole('region', { name: '被拒绝的行' }).getByText('REQUIRED').waitFor();
    assert.match(await drawer.innerText(), /河南省市场监督管理局/);
    await page.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });
    assert.ok(!page.url().includes('batch='), 'closing the drawer leaves the batch URL');
    const row = page.getByRole('row').filter({ hasText: fileName });
    assert.match(await row.innerText(), /行政处罚[\s\S]*\b5\b[\s\S]*\b3\b[\s\S]*\b2\b[\s\S]*已完成/);
    await page.context().close();
  });

  test('the credit office finds the batch by department and type, sees timeliness and the catalog', { timeout: TIMEOUT }, async () => {
    assert.ok(batchId, 'the first test made a batch');
    const page = await harness().signIn('admin');
    const menu = await menuLabels(page);
    assert.ok(!menu.includes('数据上报'), 'admins manage; officers deliver');
    await openFromMenu(page, '导入批次', '/console/collection/batches');
    await page.getByRole('row').filter({ hasText: fileName }).waitFor();

    const query = page.getByRole('search', { name: '查询导入批次' });
    await pickOption(page, query.getByLabel('报送部门', { exact: true }), DEMO_DEPARTMENTS[1].name);
    await query.getByRole('button', { name: '查询' }).click();
    await page.getByText('暂无导入批次').waitFor();
    await pickOption(page, query.getByLabel('报送部门', { exact: true }), SCJG.name);
    await query.getByRole('button', { name: '查询' }).click();
    const row = page.getByRole('row').filter({ hasText: fileName });
    await row.waitFor();
    assert.match(await row.innerText(), new RegExp(SCJG.name));

    await openFromMenu(page, '双公示及时性', '/console/collection/timeliness');
    const dept = page.getByRole('row').filter({ hasText: SCJG.name }).first();
    await dept.waitFor();
    // 3 records decided 2026-11-20 reached the platform today: on time; 2 rows rejected
    assert.match(await dept.innerText(), /河南省市场监督管理局\s+3\s+3\s+0\s+2\s+100%/);
    await page.getByRole('row').filter({ hasText: '行政处罚' }).first().waitFor();

    await openFromMenu(page, '信息目录', '/console/catalog');
    await page.getByRole('row').filter({ hasText: 'admin_penalty' }).getByRole('button', { name: '行政处罚' }).click();
    const drawer = page.getByRole('dialog', { name: '行政处罚（admin_penalty）' });
    const fields = drawer.getByRole('region', { name: '字段' });
    assert.match(await fields.getByRole('row').filter({ hasText: 'decision_no' }).innerText(), /行政处罚决定书文号\s*\*/);
    assert.match(await fields.getByRole('row', { name: /^证件号码 id_number/ }).innerText(), /加密脱敏/);
    await page.context().close();
  });
});
