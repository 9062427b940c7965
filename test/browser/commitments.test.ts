/// <reference lib="dom" />
// 信用承诺 in the console: the finance clerk registers an organisation's commitment, gets its code,
// and later judges it broken; the organisation's portal page shows it and its credit report lists it.
// Run: node scripts/test.mjs test/browser/commitments.test.ts
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_ORGS } from '../../src/modules/demo/fixtures.js';
import { today } from '../../src/modules/calendar/use-cases.js';
import { clickWhenIdle, openFromMenu, useConsoleHarness } from './console-support.js';

const TIMEOUT = 90_000;
const harness = useConsoleHarness();
const org = DEMO_ORGS[0];


test('register a commitment, read its code, judge it broken; the portal and the credit report show it', { timeout: TIMEOUT }, async () => {
  const page = await harness().signIn('czt');
  await openFromMenu(page, '信用承诺', '/console/commitments');
  await page.getByRole('button', { name: '登记承诺' }).click();
  const dialog = page.getByRole('dialog', { name: '登记信用承诺' });
  await dialog.getByLabel('统一社会信用代码', { exact: true }).fill(org.uscc);
  await dialog.getByLabel('主体名称', { exact: true }).fill(org.name);
  await dialog.getByLabel('所涉事项', { exact: true }).fill('政府采购供应商资格审查');
  await dialog.getByLabel('承诺内容', { exact: true }).fill('承诺所提交的纳税证明真实有效，如有虚假自愿承担相应责任。');
  // the date of the commitment defaults to today
  assert.equal(await dialog.getByLabel('承诺日期', { exact: true }).inputValue(), today());
  await clickWhenIdle(dialog, '登记');
  await dialog.waitFor({ state: 'hidden' });

  const code = `410000${today().replace(/-/g, '')}`;
  const row = page.getByRole('row').filter({ hasText: org.name }).filter({ hasText: code });
  await row.waitFor();
  assert.match(await row.innerText(), /待履行/);
  const fullCode = (await row.locator('code').innerText()).trim();
  assert.match(fullCode, new RegExp(`^${code}\\d{6}$`));

  await row.getByRole('button', { name: '认定履行' }).click();
  const judge = page.getByRole('dialog', { name: `认定履行情况：${fullCode}` });
  await judge.getByLabel('全部未履行').check();
  await judge.getByLabel('认定说明', { exact: true }).fill('经核查纳税证明系伪造');
  await clickWhenIdle(judge, '认定');
  await judge.waitFor({ state: 'hidden' });
  await row.getByText('全部未履行').waitFor();
  await page.context().close();

  // the organisation's page on the portal shows the broken commitment and offers its credit report
  const visitor = await harness().openPublic(`/subjects/${org.uscc}`);
  const section = visitor.getByRole('region', { name: '信用承诺' });
  await section.getByText(fullCode).waitFor();
  assert.match(await section.innerText(), /全部未履行/);
  const pdfHref = await visitor.getByRole('link', { name: '下载信用报告（PDF）' }).getAttribute('href');
  const pdfType = await visitor.evaluate(async (url) => (await fetch(url!)).headers.get('content-type'), pdfHref);
  assert.equal(pdfType, 'application/pdf');
  const href = await visitor.getByRole('link', { name: '网页打印版' }).getAttribute('href');
  const html = await visitor.evaluate(async (url) => (await fetch(url!)).text(), href);
  assert.match(html, /五、信用承诺及履行情况/);
  assert.ok(html.includes(fullCode), 'the report lists the commitment');
  await visitor.context().close();
});
