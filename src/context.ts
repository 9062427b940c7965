// What every use case may need from the running platform, passed explicitly (no DI container).
import type { Config } from './config.js';
import type pg from 'pg';
import type { Db } from './db/database.js';
import type { CheckRuntime } from './modules/checks/runtime.js';

export interface AppContext {
  db: Db;
  config: Config;
  databaseKind: 'embedded' | 'server';
  /** The pool behind `db`, for the few statements Kysely cannot send (COPY in imports, ADR 016). */
  pool: pg.Pool;
  /** Connections for the check hot path's named prepared statements (generic plans; ADR 013). */
  checkPool: pg.Pool;
  /** Set by buildApp in a serving process: the subject index and write-behind check log (ADR 015). */
  checks?: CheckRuntime;
}
