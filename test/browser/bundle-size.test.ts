// Budget of the public portal's first load, read from the built web/dist (run `npm run build:web` first).
// The portal is plain React + CSS; the console (antd) must never be part of its first load.
// Run: node --import tsx --test test/browser/bundle-size.test.ts
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { test } from 'node:test';
import { assertWebBuilt } from './chromium.js';

const DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));
const PORTAL_JS_BUDGET = 300_000; // bytes gzipped, all JS loaded by / before any interaction

/** The JS files a page loads up front: its module entry and the chunks it preloads. */
function firstLoadScripts(htmlFile: string): string[] {
  const html = readFileSync(`${DIST}${htmlFile}`, 'utf8');
  const refs = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="\/([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g),
  ].map((match) => match[1] as string);
  return [...new Set(refs)];
}

test('the portal loads < 300 KB of gzipped JS and no console/antd code', (t) => {
  assertWebBuilt();
  const portal = firstLoadScripts('index.html');
  const consoleFiles = firstLoadScripts('console/index.html');
  assert.ok(portal.length > 0, 'index.html references its scripts');

  let total = 0;
  for (const file of portal) {
    const source = readFileSync(`${DIST}${file}`);
    total += gzipSync(source).length;
    assert.doesNotMatch(source.toString('utf8'), /ant-design|antd/, `${file} holds no antd code`);
  }
  const consoleEntry = consoleFiles[0];
  assert.ok(consoleEntry && !portal.includes(consoleEntry), 'the console entry chunk is not loaded by the portal');
  t.diagnostic(`portal first-load JS: ${total} bytes gzipped in ${portal.length} files`);
  assert.ok(total < PORTAL_JS_BUDGET, `portal first-load JS ${total} B gzipped exceeds ${PORTAL_JS_BUDGET} B`);
});
