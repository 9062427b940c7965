/// <reference lib="dom" />
// 推送订阅 in the console: the credit office's admin subscribes a receiver that is down, watches its
// deliveries fail and go dead, and replays the dead one once the receiver is back — with the same
// delivery id, so the receiver can tell it is the same change.
// Needs: `npm run build:web` (web/dist) and Chromium (scripts/ensure-chromium.sh).
// Run: node scripts/test.mjs test/browser/push.test.ts
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { uscc } from '../support/factories.js';
import { openFromMenu, startConsoleHarness, type ConsoleHarness } from './console-support.js';

// short clocks, read when the platform starts: a failing delivery is dead after 1.5 s of retries
Object.assign(process.env, {
  XINYONG_WEBHOOK_BACKOFF_MS: '100', XINYONG_WEBHOOK_BACKOFF_MAX_MS: '300', XINYONG_WEBHOOK_TIMEOUT_MS: '1000',
  XINYONG_WEBHOOK_POLL_MS: '50', XINYONG_WEBHOOK_RETRY_MS: '1500',
});

const TIMEOUT = 120_000;
let harness: ConsoleHarness;
let server: Server;
const receiver = { up: false, attempts: [] as { id: string; ok: boolean }[] };

before(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      receiver.attempts.push({ id: String(req.headers['x-xinyong-delivery']), ok: receiver.up });
      res.writeHead(receiver.up ? 204 : 500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  harness = await startConsoleHarness();
}, { timeout: 180_000 });

after(async () => {
  await harness?.close();
  server?.close();
  assert.deepEqual(harness?.pageErrors ?? [], [], 'no uncaught errors in the pages');
});

/** Clicks 刷新 until `target` shows `text`, as a clerk watching a queue does. */
async function refreshUntil(page: Page, scope: Page | Locator, target: Locator, text: RegExp, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    if ((await target.count()) && text.test(await target.first().innerText())) return;
    if (Date.now() > until) throw new Error(`not shown within ${ms} ms: ${text}`);
    await page.waitForTimeout(300);
    await scope.getByRole('button', { name: /^(?:loading )?刷新$/ }).click();
  }
}

test('a dead delivery is shown with its failures and replayed once the receiver is back', { timeout: TIMEOUT }, async () => {
  const { port } = server.address() as { port: number };
  const url = `http://127.0.0.1:${port}/hook`;
  const page = await harness.signIn('admin');
  await openFromMenu(page, '推送订阅', '/console/subscriptions');
  await page.getByText('暂无订阅').waitFor();

  await page.getByRole('button', { name: '新增订阅' }).click();
  const form = page.getByRole('dialog', { name: '新增订阅' });
  await form.getByLabel('接收地址', { exact: true }).fill(url);
  await form.getByLabel('事件', { exact: true }).click();
  await page.locator('.ant-select-item-option').filter({ hasText: '主体变更（subject.*）' }).click();
  await form.getByLabel('接收地址', { exact: true }).click(); // closes the (multiple) select's list
  await page.locator('.ant-select-dropdown').waitFor({ state: 'hidden' });
  await form.getByRole('button', { name: '订阅', exact: true }).click();
  const secret = page.getByRole('dialog', { name: '订阅已创建' });
  assert.match(await secret.innerText(), /whsec_/);
  // a click while the dialog is still opening can be lost under load: the dialog must be gone before
  // anything else on the page is clicked (its mask would take those clicks)
  await secret.getByRole('button', { name: '我已妥善保存' }).click();
  for (let i = 0; i < 3 && !(await secret.waitFor({ state: 'hidden', timeout: 5000 }).then(() => true, () => false)); i++) {
    await secret.getByRole('button', { name: '我已妥善保存' }).click({ timeout: 2000 }).catch(() => undefined);
  }
  await secret.waitFor({ state: 'hidden' });
  const row = page.getByRole('row').filter({ hasText: url });
  await row.waitFor();

  // a change the credit office may see: a new subject registered
  const status = await page.evaluate((code) => fetch('/api/v1/subjects', {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Xinyong-Client': 'console' },
    body: JSON.stringify({ kind: 'organization', uscc: code, name: '河南推送测试有限公司' }),
  }).then((r) => r.status), uscc());
  assert.equal(status, 201);

  await refreshUntil(page, page, row, /死信 1/);
  assert.match(await row.innerText(), /有死信/);
  await row.getByRole('button', { name: '投递记录' }).click();
  const drawer = page.getByRole('dialog', { name: `投递记录 · ${url}` });
  const dead = drawer.getByRole('row').filter({ hasText: '新增主体' });
  await dead.waitFor();
  assert.match(await dead.innerText(), /死信[\s\S]*HTTP 500/);
  const tries = Number((await dead.locator('td').nth(3).innerText()).trim());
  assert.ok(tries >= 2, `retried before giving up (${tries} attempts)`);

  receiver.up = true;
  await dead.getByRole('button', { name: '重新投递' }).click();
  await page.getByText(/已重新排队投递：第 \d+ 号变更/).waitFor();
  await drawer.locator('label').filter({ hasText: /^已送达/ }).click();
  await refreshUntil(page, drawer, drawer.getByRole('row').filter({ hasText: '新增主体' }), /已送达/);
  const ids = new Set(receiver.attempts.map((a) => a.id));
  assert.equal(ids.size, 1, 'every attempt and the replay carry the same delivery id');
  assert.ok(receiver.attempts.at(-1)!.ok, 'the replay reached the receiver');
  await page.context().close();
});
