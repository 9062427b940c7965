/// <reference lib="dom" />
// A department's measure list arrives as a sheet: the credit office's admin drops it on 措施清单,
// sees the upload, the counts and each rejected row with its reason; the good row is in the list.
// Run: node scripts/test.mjs test/browser/measures-import.test.ts
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_DEPARTMENTS } from '../../src/modules/demo/fixtures.js';
import { openFromMenu, useConsoleHarness } from './console-support.js';

const TIMEOUT = 90_000;
const harness = useConsoleHarness();
const finance = DEMO_DEPARTMENTS[2];


test('import a measure list from a CSV: counts, the rejected row with its reason, the new measure listed and corrected', { timeout: TIMEOUT }, async () => {
  const page = await harness().signIn('admin');
  await openFromMenu(page, '措施清单', '/console/measures');
  await page.getByRole('button', { name: 'Excel 导入' }).click();
  const dialog = page.getByRole('dialog', { name: '导入措施清单' });
  const csv = [
    '措施编码,措施名称,措施类型,措施性质,法律依据,实施部门,适用对象',
    `BT-IMP-01,限制参加财政资金支持项目申报,惩戒,强制性,《浏览器测试依据》第一条,${finance.name},法人及非法人组织`,
    `BT-IMP-02,限制评优评先,惩戒,随便,《浏览器测试依据》第二条,${finance.name},法人及非法人组织`,
  ].join('\r\n');
  await dialog.locator('input[type=file]').setInputFiles({ name: '措施清单.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await dialog.getByRole('button', { name: '导入', exact: true }).click();
  const status = dialog.getByRole('status');
  await status.waitFor();
  assert.match(await status.innerText(), /新增 1.*拒绝 1/);
  const reject = dialog.getByRole('row').filter({ hasText: '3' }).filter({ hasText: '措施性质' });
  await reject.waitFor();
  assert.match(await reject.innerText(), /强制性|推荐性/, 'the reason names the allowed values');
  await dialog.getByRole('button', { name: '完成' }).click();
  const row = page.getByRole('row').filter({ hasText: '限制参加财政资金支持项目申报' });
  await row.waitFor();

  // a wrong legal basis is corrected in place
  await row.getByRole('button', { name: '修改' }).click();
  const edit = page.getByRole('dialog', { name: '修改措施：BT-IMP-01' });
  const basis = edit.getByLabel('法律依据', { exact: true });
  assert.equal(await basis.inputValue(), '《浏览器测试依据》第一条', 'the form opens with the saved values');
  await basis.fill('《浏览器测试依据》第一条第二款');
  await edit.getByRole('button', { name: '保存' }).click();
  await edit.waitFor({ state: 'hidden' });
  const saved = await page.evaluate(async () => (await (await fetch('/api/v1/measures')).json()).items.find((m: { code: string }) => m.code === 'BT-IMP-01'));
  assert.equal(saved.legalBasis, '《浏览器测试依据》第一条第二款');
  await page.context().close();
});
