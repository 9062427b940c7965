/// <reference lib="dom" />
// The joint-action loop in the console (发起—响应—反馈) on the demo data: the finance clerk checks the
// demo tax violator and gives feedback; the tax clerk lists a company by form and finds it.
// Needs: `npm run build:web` (web/dist) and Chromium (scripts/ensure-chromium.sh).
// Run: node scripts/test.mjs test/browser/joint-action.test.ts
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { makeUscc } from '../../src/domain/identifiers/generate.js';
import { DEMO_ORGS } from '../../src/modules/demo/fixtures.js';
import { clickWhenIdle, dialogShows, pickOption, fieldError, menuLabels, openFromMenu, useConsoleHarness } from './console-support.js';

const TIMEOUT = 90_000;
const VIOLATOR = DEMO_ORGS[1];
const harness = useConsoleHarness();


describe('joint action in the console', () => {
  test('the finance clerk checks the tax violator: 限制, the measure and its legal basis; then gives feedback', { timeout: TIMEOUT }, async () => {
    const page = await harness().signIn('czt');
    assert.deepEqual(await menuLabels(page), [
      '工作台', '主体管理', '变更流', '跟踪问效', '名单类型', '措施清单', '业务事项', '合作备忘录', '响应任务', '核查', '待反馈', '信用承诺', '失信举报', '部门管理', '推送订阅',
    ]);

    // the listing was pushed to finance as a response task
    await openFromMenu(page, '响应任务', '/console/tasks');
    const task = page.getByRole('row').filter({ hasText: VIOLATOR.name });
    await task.waitFor();
    await task.getByRole('button', { name: '确认' }).click();
    await page.getByText(`已确认：${VIOLATOR.name}`).waitFor();
    await page.getByRole('row').filter({ hasText: VIOLATOR.name }).waitFor({ state: 'detached' });

    await openFromMenu(page, '核查', '/console/checks');
    await page.getByLabel('业务事项', { exact: true }).waitFor();
    await page.getByText('政府采购供应商资格审查（政府采购）').waitFor(); // the department's matter is preselected
    await page.getByRole('textbox', { name: '统一社会信用代码' }).fill(VIOLATOR.uscc);
    await page.getByRole('button', { name: '核查', exact: true }).click();

    const result = page.getByTestId('check-result');
    await result.waitFor();
    assert.equal(await result.getByTestId('check-outcome').innerText(), '限制');
    const measures = result.getByRole('region', { name: '适用措施' });
    const measure = measures.getByRole('row').filter({ hasText: '限制参加政府采购活动' });
    await measure.waitFor();
    assert.match(await measure.innerText(), /强制性/);
    assert.match(await measure.innerText(), /《中华人民共和国政府采购法》第二十二条/);
    assert.match(await measure.innerText(), /重大税收违法失信主体/, 'the measure names the entry causing it');
    assert.match(await result.getByRole('region', { name: '名单记录' }).innerText(), /本主体直接列入/);

    // feedback from the result
    await result.getByRole('button', { name: '填写反馈' }).click();
    const dialog = page.getByRole('dialog', { name: '执行反馈' });
    const applied = dialog.getByRole('radiogroup', { name: '限制参加政府采购活动的执行情况' });
    await applied.getByRole('radio', { name: '未执行' }).check();
    await clickWhenIdle(dialog, '提交反馈');
    await fieldError(page, '未执行“限制参加政府采购活动”的理由').waitFor();
    await fieldError(page, '执行情况说明').waitFor();
    await applied.getByRole('radio', { name: '已执行' }).check();
    await dialog.getByLabel('涉及金额（元）').fill('1200000');
    await dialog.getByLabel('执行情况说明', { exact: true }).fill('已在供应商资格审查中否决其投标资格');
    await clickWhenIdle(dialog, '提交反馈');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('已提交执行反馈').waitFor();
    assert.equal(await result.getByRole('button', { name: '填写反馈' }).count(), 0, 'no second feedback offered');

    await openFromMenu(page, '待反馈', '/console/feedback');
    await page.getByRole('radiogroup').getByText('已反馈', { exact: true }).click();
    const closed = page.getByRole('row').filter({ hasText: VIOLATOR.name });
    await closed.waitFor();
    assert.match(await closed.innerText(), /已反馈/);
    await page.context().close();
  });

  test('the tax clerk lists a company by form, with a responsible person, and finds it in 名单记录', { timeout: TIMEOUT }, async () => {
    const page = await harness().signIn('swj');
    const menu = await menuLabels(page);
    for (const label of ['名单类型', '名单记录', '响应任务', '核查', '异议处理', '信用修复']) assert.ok(menu.includes(label), `swj sees ${label}`);
    await openFromMenu(page, '名单记录', '/console/list-entries');
    await page.getByRole('row').filter({ hasText: VIOLATOR.name }).waitFor();

    await page.getByRole('button', { name: '认定列入' }).click();
    const dialog = page.getByRole('dialog', { name: '认定列入' });
    await pickOption(page, dialog.getByLabel('名单类型', { exact: true }), '重大税收违法失信主体（黑名单）');
    const uscc = makeUscc(Math.random, { authority: '9', entityType: '1', regionCode: '410105' });
    const name = `河南测试商贸有限公司${uscc.slice(12, 16)}`;
    await dialog.getByLabel('主体名称', { exact: true }).fill(name);
    const usccInput = dialog.getByLabel('统一社会信用代码', { exact: true });
    await usccInput.fill(`${uscc.slice(0, 17)}${uscc[17] === '0' ? '1' : '0'}`);
    await usccInput.blur();
    await fieldError(page, '统一社会信用代码').waitFor(); // checked with the API before submitting
    await usccInput.fill(uscc);
    await dialog.getByLabel('认定理由', { exact: true }).fill('逃避缴纳税款，数额较大');
    await dialog.getByLabel('认定文书号', { exact: true }).fill(`豫税稽罚〔2026〕${uscc.slice(14, 17)}号`);
    for (const [label, date] of [['认定日期', '2026-01-10'], ['列入日期', '2026-01-15']]) {
      const input = dialog.getByLabel(label, { exact: true });
      await input.click();
      await input.fill(date);
      await input.press('Tab'); // Enter would also submit the form
      assert.equal(await input.inputValue(), date);
    }
    await dialog.getByRole('button', { name: '添加责任人' }).click();
    await dialog.getByLabel('第 1 位责任人姓名').fill('赵测试');
    await dialog.getByLabel('第 1 位责任人身份证号码').fill('410105198001011230'); // wrong check digit
    await clickWhenIdle(dialog, '认定列入');
    const idError = dialog.locator('.ant-form-item-explain-error').filter({ hasText: /校验|身份证/ });
    await dialogShows(dialog, idError); // the server's error sits under the person's ID number
    await dialog.getByLabel('第 1 位责任人身份证号码').fill('410105198001011239');
    await dialog.getByLabel('第 1 位责任人姓名').fill('王建国');
    await clickWhenIdle(dialog, '认定列入');
    await dialog.waitFor({ state: 'hidden' });

    const drawer = page.getByRole('dialog', { name: `${name} · 重大税收违法失信主体` });
    await drawer.getByText('豫税稽罚〔2026〕').first().waitFor();
    assert.match(await drawer.getByRole('region', { name: '相关责任人' }).innerText(), /法定代表人[\s\S]*王建国/);
    assert.match(await drawer.getByRole('region', { name: '状态历史' }).innerText(), /认定列入[\s\S]*生效中/);
    await page.locator('.ant-drawer-close').click();
    const row = page.getByRole('row').filter({ hasText: name });
    await row.waitFor();
    assert.match(await row.innerText(), /生效中/);
    assert.match(await row.innerText(), /2026-01-15 至 2029-01-14/, 'the list type\'s 36-month term applies');
    await page.context().close();
  });

  test('batch listing by pasted CSV keeps the good rows and lists the rejected ones', { timeout: TIMEOUT }, async () => {
    const page = await harness().signIn('swj', '/console/list-entries');
    await page.getByRole('button', { name: '批量认定' }).click();
    const dialog = page.getByRole('dialog', { name: '批量认定列入' });
    const good = makeUscc(Math.random, { authority: '9', entityType: '1', regionCode: '410102' });
    const name = `河南批量测试有限公司${good.slice(12, 16)}`;
    const csv = [
      '名单类型,主体类别,名称,统一社会信用代码,身份证号码,认定理由,认定文书号,认定日期,列入日期,移出日期',
      `major_tax_violation,法人和非法人组织,${name},${good},,偷税,豫税稽罚〔2026〕B${good.slice(14, 17)}号,2026-02-01,2026-02-01,`,
      `,法人和非法人组织,河南错误代码有限公司,91410100MA3X5K7Q10,,偷税,豫税稽罚〔2026〕B999号,2026-02-01,2026-02-01,长期`,
    ].join('\n');
    await dialog.getByLabel('要导入的名单记录').fill(csv);
    await dialog.getByRole('button', { name: '导入 2 条' }).click();
    await dialog.getByText('已列入 1 条，1 行未通过').waitFor();
    const rejected = dialog.getByRole('row').filter({ hasText: 'uscc' });
    assert.match(await rejected.innerText(), /^\s*2\b/, 'the second row is named');
    await dialog.getByRole('button', { name: '完成' }).click();
    await page.getByRole('row').filter({ hasText: name }).waitFor();
    await page.context().close();
  });
});
