/// <reference lib="dom" />
// 信用承诺 in the console: the finance clerk registers an organisation's commitment, gets its code,
// and later judges it broken; the public list of the organisation's commitments shows it.
// Run: node scripts/test.mjs test/browser/commitments.test.ts
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO_ORGS } from '../../src/modules/demo/fixtures.js';
import { today } from '../../src/modules/calendar/use-cases.js';
import { clickWhenIdle, openFromMenu, startConsoleHarness, type ConsoleHarness } from './console-support.js';

const TIMEOUT = 90_000;
let harness: ConsoleHarness;
const org = DEMO_ORGS[0];

before(async () => {
  harness = await startConsoleHarness();
}, { timeout: 180_000 });

after(async () => {
  await harness?.close();
  assert.deepEqual(harness?.pageErrors ?? [], [], 'no uncaught errors in the pages');
});

test('register a commitment, read its code, judge it broken; the public sees it', { timeout: TIMEOUT }, async () => {
  const page = await harness.signIn('czt');
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

  const visitor = await harness.openPublic('/');
  const published = await visitor.evaluate(async (uscc) => (await (await fetch(`/api/v1/public/subjects/${uscc}/commitments`)).json()).items, org.uscc);
  const mine = published.find((c: { code: string }) => c.code === fullCode);
  assert.equal(mine.fulfilmentLabel, '全部未履行');
  await visitor.context().close();
});
