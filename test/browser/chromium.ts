// Launches Debian's Chromium for the browser tests and scripts/screenshots.ts.
// Install it (and a CJK font) with scripts/ensure-chromium.sh.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const WEB_DIST_INDEX = fileURLToPath(new URL('../../web/dist/index.html', import.meta.url));
const WEB_DIST_CONSOLE = fileURLToPath(new URL('../../web/dist/console/index.html', import.meta.url));

// These fail early with the fix when a prerequisite is missing, instead of a timeout in the middle of a test.

export function assertWebBuilt(): void {
  if (!existsSync(WEB_DIST_INDEX) || !existsSync(WEB_DIST_CONSOLE)) {
    throw new Error('web/dist is missing: run `npm run build:web` first');
  }
}

export function assertChromiumInstalled(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing: run scripts/ensure-chromium.sh (as root)`);
  }
}

export async function launchChromium(): Promise<Browser> {
  assertWebBuilt();
  assertChromiumInstalled();
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
