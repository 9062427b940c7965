// Reads and validates the environment once, at boot. Anything wrong stops the process with a
// message naming the variable — never a half-configured platform.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Config {
  databaseUrl: string | null;
  dataDir: string;
  /** Key versions for personal-data encryption; the highest version encrypts, all decrypt. */
  encryptionKeys: Map<number, Buffer>;
  blindIndexKey: Buffer;
  platform: { code: string; name: string; regionCode: string };
  siteName: string;
  operator: string;
  contact: string;
  production: boolean;
  logLevel: string;
  sessionHours: number;
  /** Where checks find subjects: an in-process index following the feed, or PostgreSQL each time (ADR 015). */
  checkIndex: 'memory' | 'database';
  /** How often the index polls the feed for other processes' writes. */
  checkIndexPollMs: number;
  /** A font with Chinese glyphs for PDF documents (credit reports, repair certificates); null: none found, PDFs are refused. */
  pdfFont: string | null;
}

// Debian's fonts-wqy-microhei (installed by scripts/ensure-chromium.sh), then other common CJK fonts
const PDF_FONTS = [
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/truetype/arphic/uming.ttc',
];

export class ConfigError extends Error {}

function parseKeyList(raw: string, variable: string): Map<number, Buffer> {
  const keys = new Map<number, Buffer>();
  for (const part of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^(\d+):(.+)$/.exec(part);
    if (!m) throw new ConfigError(`${variable}: each entry must be VERSION:BASE64KEY, got "${part.slice(0, 8)}…"`);
    const key = Buffer.from(m[2], 'base64');
    if (key.length !== 32) throw new ConfigError(`${variable}: key version ${m[1]} must be 32 bytes (base64), got ${key.length}`);
    keys.set(Number(m[1]), key);
  }
  if (keys.size === 0) throw new ConfigError(`${variable} is empty`);
  return keys;
}

interface LocalKeys {
  encryptionKeys: string;
  blindIndexKey: string;
}

/** Development convenience: keys generated once and kept beside the embedded database. */
function localKeys(dataDir: string): LocalKeys {
  const file = path.join(dataDir, 'keys.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as LocalKeys;
  mkdirSync(dataDir, { recursive: true });
  const keys: LocalKeys = {
    encryptionKeys: `1:${randomBytes(32).toString('base64')}`,
    blindIndexKey: randomBytes(32).toString('base64'),
  };
  writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600 });
  return keys;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: { dataDir?: string } = {}): Config {
  const production = env.NODE_ENV === 'production';
  const dataDir = path.resolve(overrides.dataDir ?? env.XINYONG_DATA ?? 'data');
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  let encRaw = env.XINYONG_ENCRYPTION_KEYS;
  let blindRaw = env.XINYONG_BLIND_INDEX_KEY;
  if (!encRaw || !blindRaw) {
    if (production) {
      throw new ConfigError('XINYONG_ENCRYPTION_KEYS and XINYONG_BLIND_INDEX_KEY are required when NODE_ENV=production');
    }
    const local = localKeys(dataDir);
    encRaw ??= local.encryptionKeys;
    blindRaw ??= local.blindIndexKey;
  }
  const blindIndexKey = Buffer.from(blindRaw, 'base64');
  if (blindIndexKey.length < 32) throw new ConfigError('XINYONG_BLIND_INDEX_KEY must be at least 32 bytes (base64)');
  const sessionHours = Number(env.XINYONG_SESSION_HOURS ?? 12);
  if (!Number.isFinite(sessionHours) || sessionHours <= 0) throw new ConfigError('XINYONG_SESSION_HOURS must be a positive number');
  const checkIndex = env.XINYONG_CHECK_INDEX ?? 'memory';
  if (checkIndex !== 'memory' && checkIndex !== 'database') throw new ConfigError('XINYONG_CHECK_INDEX must be memory or database');
  const checkIndexPollMs = Number(env.XINYONG_CHECK_INDEX_POLL_MS ?? 200);
  if (!Number.isInteger(checkIndexPollMs) || checkIndexPollMs < 10 || checkIndexPollMs > 60_000) throw new ConfigError('XINYONG_CHECK_INDEX_POLL_MS must be an integer between 10 and 60000');
  const pdfFont = env.XINYONG_PDF_FONT?.trim() || PDF_FONTS.find((f) => existsSync(f)) || null;
  if (env.XINYONG_PDF_FONT && !existsSync(env.XINYONG_PDF_FONT)) throw new ConfigError(`XINYONG_PDF_FONT: no font file at ${env.XINYONG_PDF_FONT}`);
  return {
    databaseUrl,
    dataDir,
    encryptionKeys: parseKeyList(encRaw, 'XINYONG_ENCRYPTION_KEYS'),
    blindIndexKey,
    platform: {
      // The credit office that runs the platform; it exists from the first start.
      code: env.XINYONG_PLATFORM_CODE ?? '11410000005000018K',
      name: env.XINYONG_PLATFORM_NAME ?? '河南省社会信用体系建设领导小组办公室',
      regionCode: env.XINYONG_PLATFORM_REGION ?? '410000',
    },
    siteName: env.XINYONG_SITE_NAME ?? '信用河南',
    operator: env.XINYONG_OPERATOR ?? '河南省发展和改革委员会',
    contact: env.XINYONG_CONTACT ?? '0371-12345678',
    production,
    logLevel: env.XINYONG_LOG_LEVEL ?? (production ? 'info' : 'warn'),
    sessionHours,
    checkIndex,
    checkIndexPollMs,
    pdfFont,
  };
}
