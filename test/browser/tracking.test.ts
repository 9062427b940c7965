/// <reference lib="dom" />
// 跟踪问效 in the console: the credit office sees every department's quarter, the laggards and the
// Excel report; a department officer sees its own row only. Demo data: the finance clerk's check of
// the tax violator opens a feedback duty, made overdue here.
// Run: node scripts/test.mjs test/browser/tracking.test.ts
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_DEPARTMENTS, DEMO_ORGS } from '../../src/modules/demo/fixtures.js';
import { openFromMenu, useConsoleHarness } from './console-support.js';

const TIMEOUT = 90_000;
const harness = useConsoleHarness();
const [market, , finance] = DEMO_DEPARTMENTS;


test('the credit office reads the quarter of every department and downloads the Excel report', { timeout: TIMEOUT }, async () => {
  // the finance clerk checks the demo's tax violator: measures come back, feedback is due
  const clerk = await harness().signIn('czt');
  const checked = await clerk.evaluate(async (uscc) => {
    const r = await fetch('/api/v1/checks', {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-xinyong-client': 'console' },
      body: JSON.stringify({ subject: { uscc }, matterCode: 'CZ-ZFCG-001' }),
    });
    return { status: r.status, measures: (await r.json()).measures.length };
  }, DEMO_ORGS[1].uscc);
  assert.equal(checked.status, 200);
  assert.ok(checked.measures > 0);
  await clerk.context().close();

  const admin = await harness().signIn('admin');
  await openFromMenu(admin, '跟踪问效', '/console/tracking');
  const quarter = admin.getByRole('combobox', { name: '季度' });
  await quarter.waitFor();
  // the current quarter holds the demo's activity
  await quarter.click();
  await admin.getByTitle(/（本季度）/).click();
  const row = admin.getByRole('row').filter({ hasText: finance.name });
  await row.waitFor();
  const marketRow = admin.getByRole('row').filter({ hasText: market.name });
  await marketRow.waitFor();
  assert.ok(await admin.getByText('尚未结束').count() > 0, 'a running quarter is said to be so');
  // the row shows what the API counts: at least the clerk's check, with feedback due
  const api = await admin.evaluate(async (name) => {
    const q = new URL(document.querySelector('a[href*="quarterly.xlsx"]')!.getAttribute('href')!, location.href).searchParams.get('quarter');
    const body = await (await fetch(`/api/v1/tracking/quarterly?quarter=${q}`)).json();
    return body.departments.find((d: { department: { name: string } }) => d.department.name === name);
  }, finance.name);
  assert.ok(api.checks.total >= 1 && api.checks.feedbackDue >= 1);
  const cells = (await row.locator('td').allInnerTexts()).map((t) => t.trim());
  assert.equal(cells[0], finance.name);
  assert.equal(cells[7], String(api.checks.total), '核查');
  assert.equal(cells[9], String(api.checks.feedbackDue), '需反馈');

  const link = admin.getByRole('link', { name: /下载 Excel 报告/ });
  const href = await link.getAttribute('href');
  assert.match(href ?? '', /\/api\/v1\/tracking\/quarterly\.xlsx\?quarter=\d{4}Q[1-4]/);
  const download = await admin.evaluate(async (url) => {
    const r = await fetch(url);
    return { status: r.status, type: r.headers.get('content-type'), size: (await r.arrayBuffer()).byteLength };
  }, href!);
  assert.equal(download.status, 200);
  assert.match(download.type ?? '', /spreadsheetml/);
  assert.ok(download.size > 2000);
  await admin.context().close();
});

test('a department officer sees its own department only', { timeout: TIMEOUT }, async () => {
  const page = await harness().signIn('scjg');
  await openFromMenu(page, '跟踪问效', '/console/tracking');
  await page.getByRole('row').filter({ hasText: market.name }).waitFor();
  assert.equal(await page.getByRole('row').filter({ hasText: finance.name }).count(), 0, 'no other department\'s figures');
  await page.context().close();
});
