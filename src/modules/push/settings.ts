// Tunables of the push duties, read once from the environment (tests shorten the clocks). Defaults
// follow DESIGN §5: retries with exponential backoff for 24 hours, then dead-lettered.
import { ConfigError } from '../../config.js';

export interface PushSettings {
  /** XINYONG_FEED_RETENTION_DAYS: sequenced changes older than this are swept; 0 keeps them forever. */
  feedRetentionDays: number;
  /** XINYONG_WEBHOOK_BACKOFF_MS: the first retry delay; doubles on every failed attempt. */
  backoffMs: number;
  /** XINYONG_WEBHOOK_BACKOFF_MAX_MS: the longest delay between two attempts. */
  backoffMaxMs: number;
  /** XINYONG_WEBHOOK_RETRY_MS: how long after a change was queued it is still retried; then dead. */
  retryForMs: number;
  /** XINYONG_WEBHOOK_TIMEOUT_MS: a receiver that has not answered by then has failed this attempt. */
  timeoutMs: number;
  /** XINYONG_WEBHOOK_CONCURRENCY: deliveries in flight in this process, all receivers together. */
  concurrency: number;
  /** XINYONG_WEBHOOK_PER_SUBSCRIPTION: deliveries in flight to one receiver (a slow one takes no more). */
  perSubscription: number;
  /** XINYONG_WEBHOOK_POLL_MS: how often an idle dispatcher looks for due deliveries. */
  pollMs: number;
}

function num(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const v = Number(raw);
  if (!Number.isFinite(v) || v < min) throw new ConfigError(`${name} must be a number ≥ ${min}, got "${raw}"`);
  return v;
}

export function pushSettings(env: NodeJS.ProcessEnv = process.env): PushSettings {
  return {
    feedRetentionDays: num(env, 'XINYONG_FEED_RETENTION_DAYS', 90, 0),
    backoffMs: num(env, 'XINYONG_WEBHOOK_BACKOFF_MS', 10_000, 1),
    backoffMaxMs: num(env, 'XINYONG_WEBHOOK_BACKOFF_MAX_MS', 900_000, 1),
    retryForMs: num(env, 'XINYONG_WEBHOOK_RETRY_MS', 24 * 3_600_000, 0),
    timeoutMs: num(env, 'XINYONG_WEBHOOK_TIMEOUT_MS', 10_000, 10),
    concurrency: Math.floor(num(env, 'XINYONG_WEBHOOK_CONCURRENCY', 16, 1)),
    perSubscription: Math.floor(num(env, 'XINYONG_WEBHOOK_PER_SUBSCRIPTION', 4, 1)),
    pollMs: num(env, 'XINYONG_WEBHOOK_POLL_MS', 500, 10),
  };
}
