/// <reference lib="dom" />
// The console offers a department officer only what the API lets them do, and a page opened by URL
// shows the API's refusal — never data. Signed in as demo `scjg` (officer, 河南省市场监督管理局).
// Run: node scripts/test.mjs test/browser/console-isolation.test.ts
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_DEPARTMENTS, DEMO_PERSONS } from '../../src/modules/demo/fixtures.js';
import { csvText, penaltyFactory } from '../fixtures/collection/files.js';
import { menuLabels, openFromMenu, useConsoleHarness } from './console-support.js';

const TIMEOUT = 90_000;
const harness = useConsoleHarness();


test('an officer of another department is offered no admin actions', { timeout: TIMEOUT }, async () => {
  const page = await harness().signIn('scjg');
  await page.getByTestId('current-user').getByText('市场监管经办人').waitFor();
  const menu = await menuLabels(page);
  // market regulation initiates lists and provides data: no implementing pages (核查, 响应任务…)
  assert.deepEqual(menu, ['工作台', '主体管理', '变更流', '跟踪问效', '数据上报', '导入批次', '双公示及时性', '信息目录', '名单类型', '名单记录', '信用承诺', '异议处理', '信用修复', '失信举报', '部门管理', '推送订阅']);

  await openFromMenu(page, '部门管理', '/console/departments');
  await page.getByRole('cell', { name: '河南省财政厅' }).waitFor();
  assert.equal(await page.getByRole('button', { name: '新增部门' }).count(), 0, 'no 新增部门 button');
  await page.context().close();
});

test('opening /console/keys by URL shows the API\'s 403 explanation, not data', { timeout: TIMEOUT }, async () => {
  const page = await harness().signIn('scjg', '/console/keys');
  const forbidden = page.getByTestId('forbidden');
  await forbidden.waitFor();
  assert.match(await forbidden.innerText(), /只有管理员可以查看 API 密钥/);
  assert.equal(await page.getByRole('table').count(), 0, 'no table of keys');
  assert.equal(await page.getByRole('button', { name: '创建密钥' }).count(), 0);
  assert.equal(await page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem', { name: 'API 密钥' }).count(), 0);

  await page.goto(new URL('/console/audit', harness().baseUrl).href);
  await forbidden.waitFor();
  assert.match(await forbidden.innerText(), /只有管理员可以查看审计日志/);
  assert.equal(await page.getByRole('button', { name: '校验审计链' }).count(), 0, 'no 审计校验');

  await page.goto(new URL('/console/users', harness().baseUrl).href);
  await forbidden.waitFor();
  assert.match(await forbidden.innerText(), /只有管理员可以查看用户/);
  await page.context().close();
});

test('an officer outside the credit office sees ID numbers masked', { timeout: TIMEOUT }, async () => {
  const page = await harness().signIn('scjg', '/console/subjects');
  const person = DEMO_PERSONS[0];
  const box = page.getByRole('textbox', { name: '统一社会信用代码、身份证号码或主体名称' });
  await box.fill(person.name); // staff may find persons by name; the public may not
  await box.press('Enter');
  const row = page.getByRole('row').filter({ hasText: person.name });
  await row.waitFor();
  assert.match(await row.innerText(), /4101\*{10}1239/);
  await row.getByRole('button', { name: person.name }).click();
  const drawer = page.getByRole('dialog', { name: person.name });
  await drawer.getByTestId('id-number').waitFor();
  assert.equal(await drawer.getByTestId('id-number').innerText(), '4101**********1239');
  assert.ok(!(await page.content()).includes(person.idNumber.slice(4, 14)), 'the full number is nowhere in the page');
  await page.context().close();
});

test('a department\'s admin manages their own department only', { timeout: TIMEOUT }, async () => {
  const admin = await harness().signIn('admin');
  const password = 'Scjg-Admin-2026';
  const created = await admin.evaluate((body) => fetch('/api/v1/users', {
    method: 'POST', body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', 'X-Xinyong-Client': 'console' },
  }).then((r) => r.status), { department: DEMO_DEPARTMENTS[0].code, username: 'scjgadmin', displayName: '市场监管管理员', role: 'admin', password });
  assert.equal(created, 201);
  await admin.context().close();

  const page = await harness().signIn('scjgadmin', '/console/', password);
  // admins manage, officers deliver: no 数据上报
  assert.deepEqual(await menuLabels(page), ['工作台', '主体管理', '变更流', '跟踪问效', '导入批次', '双公示及时性', '信息目录', '名单类型', '名单记录', '信用承诺', '异议处理', '信用修复', '失信举报',
    '部门管理', '用户管理', 'API 密钥', '推送订阅', '审计日志']);

  await openFromMenu(page, '用户管理', '/console/users');
  await page.getByRole('cell', { name: 'scjg', exact: true }).waitFor();
  assert.equal(await page.getByRole('cell', { name: 'czt', exact: true }).count(), 0, 'no users of other departments');
  await page.getByRole('button', { name: '新增用户' }).click();
  const userForm = page.getByRole('dialog', { name: '新增用户' });
  assert.ok(await userForm.getByLabel('所属部门', { exact: true }).isDisabled(), 'the department is fixed to their own');
  await userForm.getByRole('button', { name: '取消' }).click();

  await openFromMenu(page, 'API 密钥', '/console/keys');
  await page.getByRole('button', { name: '创建密钥' }).click();
  const keyForm = page.getByRole('dialog', { name: '创建 API 密钥' });
  assert.ok(await keyForm.getByLabel('所属部门', { exact: true }).isDisabled());
  assert.match(await keyForm.innerText(), new RegExp(DEMO_DEPARTMENTS[0].name));
  await keyForm.getByRole('button', { name: '取消' }).click();

  await openFromMenu(page, '审计日志', '/console/audit');
  await page.getByRole('row').filter({ hasText: '登录' }).first().waitFor();
  assert.equal(await page.getByRole('button', { name: '校验审计链' }).count(), 0, 'only the credit office verifies the chain');

  await openFromMenu(page, '部门管理', '/console/departments');
  await page.getByRole('cell', { name: DEMO_DEPARTMENTS[0].name }).waitFor();
  assert.equal(await page.getByRole('button', { name: '新增部门' }).count(), 0);
  await page.context().close();
});

test('the tax clerk cannot open the market regulator\'s batch by URL, nor its rejects', { timeout: TIMEOUT }, async () => {
  const scjg = await harness().signIn('scjg');
  const f = penaltyFactory(61, DEMO_DEPARTMENTS[0].code);
  const fileName = '市场监管局-行政处罚-保密.csv';
  const batch = await scjg.evaluate(async ({ name, text }) => {
    const form = new FormData();
    form.set('type', 'admin_penalty');
    form.set('file', new File([text], name));
    const r = await fetch('/api/v1/collection/batches', { method: 'POST', body: form, headers: { 'X-Xinyong-Client': 'console' } });
    return r.json();
  }, { name: fileName, text: csvText([f.org(), f.org({ 违法事实: '' })]) });
  assert.equal(batch.rejected, 1);
  // its own clerk opens it by URL
  await scjg.goto(new URL(`/console/collection/batches?batch=${batch.batchId}`, harness().baseUrl).href);
  await scjg.getByRole('dialog', { name: `导入批次 · ${fileName}` }).waitFor();
  await scjg.context().close();

  const page = await harness().signIn('swj', `/console/collection/batches?batch=${batch.batchId}`);
  const drawer = page.getByRole('dialog', { name: '导入批次' });
  await drawer.getByText('未找到该导入批次，或您无权查看。').waitFor();
  assert.ok(!(await page.content()).includes(fileName), 'nothing of the batch shows');
  await page.locator('.ant-drawer-close').click();
  await page.getByText('暂无导入批次').waitFor(); // and the list holds none of the other department's
  const rejects = await page.evaluate((id) => fetch(`/api/v1/collection/batches/${id}/rejects.xlsx`).then((r) => r.status), batch.batchId);
  assert.equal(rejects, 404, 'the Excel of its rejects is refused too');
  await page.context().close();
});
