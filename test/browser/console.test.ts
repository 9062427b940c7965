/// <reference lib="dom" />
// Browser tests of the staff console's screens, signed in as the demo credit-office admin.
// Needs: `npm run build:web` (web/dist) and Chromium (scripts/ensure-chromium.sh).
// Run: node scripts/test.mjs test/browser/console.test.ts
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { makeUscc } from '../../src/domain/identifiers/generate.js';
import { DEMO_ORG, DEMO_PERSONS } from '../../src/modules/demo/fixtures.js';
import { clickWhenIdle, fieldError, HAN, menuLabels, openFromMenu, useConsoleHarness } from './console-support.js';

const TIMEOUT = 90_000;
const harness = useConsoleHarness();


describe('console as the credit office admin', () => {
  test('the menu offers every page and follows back/forward', { timeout: TIMEOUT }, async () => {
    const page = await harness().signIn('admin');
    assert.deepEqual(await menuLabels(page), [
      '工作台', '主体管理', '变更流', '跟踪问效',
      '导入批次', '双公示及时性', '信息目录',
      '名单类型', '名单记录', '措施清单', '业务事项', '合作备忘录', '响应任务', '核查', '待反馈', '信用承诺',
      '异议处理', '信用修复', '失信举报',
      '部门管理', '用户管理', 'API 密钥', '推送订阅', '审计日志',
    ]);
    await openFromMenu(page, '部门管理', '/console/departments');
    await openFromMenu(page, 'API 密钥', '/console/keys');
    await page.goBack();
    await page.getByRole('heading', { level: 3, name: '部门管理' }).waitFor();
    const selected = page.getByRole('navigation', { name: '主菜单' }).locator('.ant-menu-item-selected');
    assert.equal((await selected.innerText()).trim(), '部门管理');
    await page.goForward();
    await page.getByRole('heading', { level: 3, name: 'API 密钥' }).waitFor();
    await page.context().close();
  });

  test('create a department: USCC checked inline, server field errors on their field', { timeout: TIMEOUT }, async () => {
    const page = await harness().signIn('admin');
    await openFromMenu(page, '部门管理', '/console/departments');
    await page.getByRole('cell', { name: '河南省市场监督管理局' }).waitFor();
    await page.getByRole('button', { name: '新增部门' }).click();
    const dialog = page.getByRole('dialog', { name: '新增部门' });
    await dialog.waitFor();

    const code = makeUscc(Math.random, { authority: '1' });
    const wrongCheck = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    const codeInput = dialog.getByLabel('统一社会信用代码', { exact: true });
    await codeInput.fill(wrongCheck);
    await codeInput.blur();
    const codeError = fieldError(page, '统一社会信用代码');
    await codeError.waitFor();
    assert.match(await codeError.innerText(), /校验位/, 'the API\'s Chinese error is shown under the field');

    await codeInput.fill(code);
    await codeInput.blur();
    await codeError.waitFor({ state: 'detached' });
    const name = `测试部门${code.slice(10, 16)}`;
    await dialog.getByLabel('部门名称', { exact: true }).fill(name);
    // a region code the platform does not know: the server's `body.regionCode` error lands on that field
    await dialog.getByLabel('行政区划代码', { exact: true }).fill('990000');
    await dialog.getByLabel('实施部门').check();
    await clickWhenIdle(dialog, '新增');
    const regionError = fieldError(page, '行政区划代码');
    await regionError.waitFor();
    assert.match(await regionError.innerText(), /990000.*不存在/);

    await dialog.getByLabel('行政区划代码', { exact: true }).fill('410000');
    await clickWhenIdle(dialog, '新增');
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByRole('row').filter({ hasText: name });
    await row.waitFor();
    assert.match(await row.innerText(), new RegExp(code));
    assert.match(await row.innerText(), /数源（提供单位）/);
    assert.match(await row.innerText(), /实施部门/);
    await page.context().close();
  });

  test('create an API key: shown once, usable, then revoked', { timeout: TIMEOUT }, async () => {
    const page = await harness().signIn('admin');
    await openFromMenu(page, 'API 密钥', '/console/keys');
    await page.getByRole('button', { name: '创建密钥' }).click();
    const form = page.getByRole('dialog', { name: '创建 API 密钥' });
    await form.getByLabel('名称', { exact: true }).fill('浏览器测试对接');
    await clickWhenIdle(form, '创建');

    const shown = page.getByRole('dialog', { name: 'API 密钥已创建' });
    await shown.waitFor();
    await shown.getByText('密钥只显示这一次').waitFor();
    const key = (await shown.getByTestId('new-api-key').innerText()).trim();
    assert.match(key, /^xy_[A-Za-z0-9_-]{32}$/);
    await shown.getByRole('button', { name: '复制' }).waitFor();
    const status = (k: string) => page.evaluate((bearer) => fetch('/api/v1/auth/me', {
      headers: { Authorization: `Bearer ${bearer}` }, credentials: 'omit',
    }).then((r) => r.status), k);
    assert.equal(await status(key), 200, 'the key works');

    await shown.getByRole('button', { name: '我已妥善保存' }).click();
    await shown.waitFor({ state: 'hidden' });
    const row = page.getByRole('row').filter({ hasText: '浏览器测试对接' });
    await row.waitFor();
    assert.match(await row.innerText(), new RegExp(`${key.slice(0, 9)}…`));
    assert.ok(!(await page.content()).includes(key), 'the key is not shown again');

    await row.getByRole('button', { name: '吊销' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: '吊销' }).click();
    await row.getByText('已吊销').waitFor();
    assert.equal(await status(key), 401, 'the revoked key no longer works');
    await page.context().close();
  });

  test('add a user: the password rule is checked in the form', { timeout: TIMEOUT }, async () => {
    const page = await harness().signIn('admin');
    await openFromMenu(page, '用户管理', '/console/users');
    await page.getByRole('cell', { name: 'scjg', exact: true }).waitFor();
    await page.getByRole('button', { name: '新增用户' }).click();
    const dialog = page.getByRole('dialog', { name: '新增用户' });
    await dialog.getByLabel('用户名', { exact: true }).fill('zhangsan');
    await dialog.getByLabel('姓名', { exact: true }).fill('张三');
    await dialog.getByLabel('初始密码', { exact: true }).fill('abcdefghijk');
    await dialog.getByLabel('确认密码', { exact: true }).fill('abcdefghijk');
    await clickWhenIdle(dialog, '新增');
    const passwordError = fieldError(page, '初始密码');
    await passwordError.waitFor();
    assert.match(await passwordError.innerText(), /至少三类/);
    await dialog.getByLabel('初始密码', { exact: true }).fill('Zhang-San-2026');
    await dialog.getByLabel('确认密码', { exact: true }).fill('Zhang-San-2026');
    await clickWhenIdle(dialog, '新增');
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByRole('row').filter({ hasText: 'zhangsan' });
    await row.waitFor();
    assert.match(await row.innerText(), /张三/);
    assert.match(await row.innerText(), /经办人/);
    await page.context().close();
  });

  test('find the demo organisation and open its drawer with the legal representative', { timeout: TIMEOUT }, async () => {
    const page = await harness().signIn('admin');
    await openFromMenu(page, '主体管理', '/console/subjects');
    const box = page.getByRole('textbox', { name: '统一社会信用代码、身份证号码或主体名称' });
    await box.fill('豫信科技');
    await box.press('Enter');
    await page.waitForURL('**/console/subjects?q=*');
    const row = page.getByRole('row').filter({ hasText: DEMO_ORG.name });
    await row.waitFor();
    assert.match(await row.innerText(), new RegExp(DEMO_ORG.uscc));
    assert.match(await row.innerText(), /法人和非法人组织/);
    assert.match(await row.innerText(), /名称/);

    await row.getByRole('button', { name: DEMO_ORG.name }).click();
    const drawer = page.getByRole('dialog', { name: DEMO_ORG.name });
    await drawer.getByText('基本信息').waitFor();
    const relation = drawer.getByRole('row').filter({ hasText: '法定代表人' });
    await relation.waitFor();
    const person = DEMO_PERSONS[0];
    assert.match(await relation.innerText(), new RegExp(person.name));
    assert.match(await relation.innerText(), /4101\*{10}1239/, 'the relation shows the masked ID number');

    // the credit office's admin is shown the full number (and the look is audited)
    await relation.getByRole('button', { name: person.name }).click();
    const personDrawer = page.getByRole('dialog', { name: person.name });
    await personDrawer.getByTestId('id-number').waitFor();
    assert.equal(await personDrawer.getByTestId('id-number').innerText(), person.idNumber);
    await page.context().close();
  });

  test('register, rename and relate a subject', { timeout: TIMEOUT }, async () => {
    const page = await harness().signIn('admin', '/console/subjects');
    await page.getByRole('button', { name: '登记主体' }).click();
    const dialog = page.getByRole('dialog', { name: '登记主体' });
    const uscc = makeUscc(Math.random, { authority: '9', entityType: '1', regionCode: '410105' });
    const name = `郑州测试${uscc.slice(10, 16)}有限公司`;
    await dialog.getByLabel('名称', { exact: true }).fill(name);
    await dialog.getByLabel('统一社会信用代码', { exact: true }).fill(uscc);
    await clickWhenIdle(dialog, '登记');
    const drawer = page.getByRole('dialog', { name });
    await drawer.getByText(uscc).waitFor();

    await drawer.getByRole('button', { name: '更名' }).click();
    const rename = page.getByRole('dialog', { name: '主体更名' });
    await rename.getByLabel('新名称', { exact: true }).fill(`${name}（新）`);
    await rename.getByRole('button', { name: '确认更名' }).click();
    const renamed = page.getByRole('dialog', { name: `${name}（新）` });
    await renamed.getByText(name, { exact: true }).waitFor();
    await renamed.getByText('曾用名', { exact: true }).waitFor();

    await page.getByRole('button', { name: '关联人员' }).click();
    const relate = page.getByRole('dialog', { name: /^关联人员 · / });
    await relate.getByLabel('姓名', { exact: true }).fill('赵六');
    await relate.getByLabel('身份证号码', { exact: true }).fill('410105198001011230'); // wrong check digit
    await clickWhenIdle(relate, '关联');
    const idError = fieldError(page, '身份证号码');
    await idError.waitFor();
    assert.match(await idError.innerText(), HAN, 'the server\'s `body.person.idNumber` error is on the field');
    await relate.getByLabel('身份证号码', { exact: true }).fill(DEMO_PERSONS[1].idNumber);
    await relate.getByLabel('姓名', { exact: true }).fill(DEMO_PERSONS[1].name);
    await clickWhenIdle(relate, '关联');
    await relate.waitFor({ state: 'hidden' });
    await page.getByRole('dialog', { name: `${name}（新）` }).getByRole('row').filter({ hasText: DEMO_PERSONS[1].name }).waitFor();
    await page.context().close();
  });

  test('audit log in Chinese; 校验审计链 reports the chain intact', { timeout: TIMEOUT }, async () => {
    const page = await harness().signIn('admin');
    await openFromMenu(page, '审计日志', '/console/audit');
    const login = page.getByRole('row').filter({ hasText: '登录' }).first();
    await login.waitFor();
    assert.match(await login.innerText(), /信用办管理员/, 'the actor is named');
    assert.match(await login.innerText(), /\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}/, 'the time is in zh-CN format');
    await page.getByRole('row').filter({ hasText: '新增主体' }).first().waitFor();
    await page.getByText('已封存').first().waitFor();

    await page.getByRole('button', { name: '校验审计链' }).click();
    const result = page.getByTestId('audit-verify-result');
    await result.waitFor();
    assert.match(await result.innerText(), /审计链完整/);
    assert.match(await result.innerText(), /已校验 \d+ 条/);

    // page back and forth with `before` (the demo data and the tests above make more than 20 events);
    // rows are compared by event id: their text changes when the worker seals them meanwhile (封存)
    const firstRow = () => page.locator('tbody tr.ant-table-row').first().getAttribute('data-row-key');
    const rowChanged = (from: string | null) => page.waitForFunction(
      (id) => document.querySelector('tbody tr.ant-table-row')?.getAttribute('data-row-key') !== id, from);
    const newest = await firstRow();
    await page.getByRole('button', { name: '下一页' }).click();
    await page.getByText('第 2 页').waitFor();
    await rowChanged(newest); // the second page holds older events
    await page.getByRole('button', { name: '上一页' }).click();
    await page.getByText('第 1 页').waitFor();
    await page.waitForFunction((id) => document.querySelector('tbody tr.ant-table-row')?.getAttribute('data-row-key') === id, newest);

    // filter by action
    await page.getByLabel('操作', { exact: true }).click();
    await page.getByRole('option', { name: '新增主体' }).click();
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('tbody tr.ant-table-row')];
      return rows.length > 0 && rows.every((tr) => tr.textContent?.includes('新增主体'));
    });
    await page.context().close();
  });

  test('the change feed pages with 加载更多', { timeout: TIMEOUT }, async () => {
    const page = await harness().signIn('admin');
    await openFromMenu(page, '变更流', '/console/changes');
    await page.getByRole('row').filter({ hasText: DEMO_ORG.name }).waitFor();
    const status = page.getByTestId('changes-status');
    const before = await status.innerText();
    assert.match(before, /已加载 \d+ 条/);
    await page.getByRole('button', { name: '加载更多' }).click();
    await page.waitForFunction(() => /暂无更多变更/.test(document.querySelector('[data-testid="changes-status"]')?.textContent ?? ''));
    await page.context().close();
  });
});
