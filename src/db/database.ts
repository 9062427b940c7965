// Opens the system of record: a PostgreSQL server at DATABASE_URL, or the embedded one under the
// data folder. Refuses databases whose collation is not UTF-8 aware and applies migrations.
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import { attachUrl, startEmbedded, type EmbeddedServer } from './embedded.js';
import { migrate } from './migrate.js';
import type { DB } from './schema.js';

// bigint (int8) comes back as a string by default; numeric stays a string (exact decimals).
pg.types.setTypeParser(20, (v) => v);
// dates (not timestamps) as plain YYYY-MM-DD strings: no time-zone shifts.
pg.types.setTypeParser(1082, (v) => v);

export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;

export interface Database {
  db: Db;
  pool: pg.Pool;
  /** see createCheckPool */
  checkPool: pg.Pool;
  kind: 'embedded' | 'server';
  close(): Promise<void>;
}

export const APP_DATABASE = 'xinyong';

export async function assertUtf8(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query(`SELECT datctype, pg_encoding_to_char(encoding) AS enc
    FROM pg_database WHERE datname = current_database()`);
  const { datctype, enc } = rows[0];
  if (enc !== 'UTF8' || datctype === 'C' || datctype === 'POSIX') {
    throw new AppError('DATABASE_LOCALE', 503,
      `数据库编码/区域设置为 ${enc}/${datctype}，中文检索将无法正常工作。请使用 UTF8 编码、C.UTF-8 或 zh_CN.UTF-8 区域设置的数据库。`);
  }
}

export async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`)
        .catch((e) => { if (e.code !== '42P04') throw e; }); // created meanwhile by another process
    }
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export function createPool(url: string, max = 10, options?: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'xinyong', ...(options ? { options } : {}) });
  pool.on('error', () => {}); // an idle client lost its server: the next query reports it
  // pg-pool listens for errors only on idle clients: a checked-out client whose server goes away (a
  // database restart mid-transaction) would emit an unhandled 'error' and kill the process, instead
  // of failing its query. Every client gets a listener when it connects.
  pool.on('connect', (client) => { client.on('error', () => {}); });
  return pool;
}

/**
 * Connections for the check hot path (ADR 013). Its named statements take arrays of identifiers,
 * for which PostgreSQL would otherwise re-plan every execution (≈ 2 ms, three times the execution):
 * a generic plan is right for them (index lookups whatever the values). And they commit without
 * waiting for the WAL flush: only the log of clear answers is written here (a crash of the database
 * server may lose the last ≈ 0.6 s of it, never corrupt it); answers that open a feedback duty or
 * look at a person are committed durably through the main pool.
 */
export function createCheckPool(url: string): pg.Pool {
  return createPool(url, 4, '-c plan_cache_mode=force_generic_plan -c synchronous_commit=off');
}

/**
 * A Kysely transaction on a client of `pool` that the callback may also use directly — for what
 * Kysely cannot send, such as `COPY … FROM STDIN` (collection imports, ADR 016). The client is
 * the transaction's own, so a COPY on it commits or rolls back with everything else.
 */
export async function transactionWithClient<T>(pool: pg.Pool, fn: (tx: Tx, client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let discard = false;
  try {
    // Kysely leases this one client and hands it back through release(), which must not return it to the pool yet
    const lease = { query: client.query.bind(client), release: (broken?: boolean) => { discard ||= !!broken; } };
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: { connect: async () => lease, end: async () => {} } as unknown as pg.Pool }) });
    return await db.transaction().execute((tx) => fn(tx, client));
  } finally {
    client.release(discard || undefined);
  }
}

export { copyIn } from './copy-in.js';

export interface OpenOptions {
  /** May attach to the embedded server of another live process (short CLI commands). */
  attach?: boolean;
  poolSize?: number;
  log?: (msg: string) => void;
}

export async function openDatabase(config: Config, opts: OpenOptions = {}): Promise<Database> {
  let embedded: EmbeddedServer | null = null;
  let url = config.databaseUrl;
  if (!url) {
    const attached = opts.attach ? attachUrl(config.dataDir) : null;
    if (attached) url = await ensureDatabase(attached, APP_DATABASE);
    else {
      embedded = await startEmbedded(config.dataDir, opts.log);
      url = await ensureDatabase(embedded.url, APP_DATABASE);
    }
  }
  const pool = createPool(url, opts.poolSize);
  try {
    await assertUtf8(pool);
    await migrate(pool);
  } catch (e) {
    await pool.end();
    await embedded?.stop();
    throw e;
  }
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const checkPool = createCheckPool(url);
  return {
    db,
    pool,
    checkPool,
    kind: config.databaseUrl ? 'server' : 'embedded',
    async close() {
      await db.destroy(); // ends the pool
      await checkPool.end();
      await embedded?.stop();
    },
  };
}
