// Following other platforms from the worker (inside `serve`): XINYONG_SYNC_FROM is a URL or a
// comma-separated list of URLs, XINYONG_SYNC_KEY the matching key(s) — each the `system` key of the
// source's credit office. XINYONG_SYNC_INTERVAL_MS: how often a caught-up follower asks again.
import { ConfigError } from '../../config.js';

export interface SyncSettings { sources: { url: string; key: string }[]; intervalMs: number }

export function syncSettings(env: NodeJS.ProcessEnv = process.env): SyncSettings {
  const urls = (env.XINYONG_SYNC_FROM ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const keys = (env.XINYONG_SYNC_KEY ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (urls.length !== keys.length) throw new ConfigError('XINYONG_SYNC_FROM and XINYONG_SYNC_KEY must list as many URLs as keys');
  for (const u of urls) if (!/^https?:\/\//.test(u)) throw new ConfigError(`XINYONG_SYNC_FROM: "${u}" is not an http(s) URL`);
  const intervalMs = Number(env.XINYONG_SYNC_INTERVAL_MS ?? 5000);
  if (!Number.isFinite(intervalMs) || intervalMs < 100) throw new ConfigError('XINYONG_SYNC_INTERVAL_MS must be a number ≥ 100');
  return { sources: urls.map((url, i) => ({ url, key: keys[i] })), intervalMs };
}
