/**
 * Opens the database: PGlite in a data folder (the embedded default), in memory (tests), or
 * PostgreSQL when a DATABASE_URL is given. The same schema and migrations serve all three.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { MIGRATIONS_DIR } from '../paths.js';
import { type DataDirLock, lockDataDir } from './lock.js';
import { pgliteFolderOptions } from './pglite-durable.js';
import { schema } from './schema.js';

export type Schema = typeof schema;
/**
 * The database as the rest of the code sees it: the query builder common to drizzle's PGlite and
 * node-postgres drivers. Each driver's own type differs only in its result type (HKT), which no
 * query here depends on, hence the one cast per driver below.
 */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or a transaction: query functions take this. */
export type Queryable = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Where the data lives, for messages: a folder, "bộ nhớ" or a URL without its password. */
  location: string;
  migrate(): Promise<void>;
  /**
   * Writes everything to the data files so that a restart after a crash has little WAL to replay
   * (PGlite runs PostgreSQL in single-user mode: no background checkpoints). Nothing on PostgreSQL.
   */
  checkpoint(): Promise<void>;
  close(): Promise<void>;
}

/** How often the embedded database checkpoints while serving. */
export const PGLITE_CHECKPOINT_MS = 60_000;

export type OpenOptions = ({ databaseUrl: string } | { dataDir: string } | { memory: true }) & {
  /** Called with every SQL statement sent (tests count the statements of a request). */
  logQuery?: (query: string) => void;
};

export class DatabaseOpenError extends Error {}

/**
 * PostgreSQL error codes that mean "the server is not there right now", not "this query is wrong":
 * class 08 (connection exception), 57P01 admin_shutdown (a fast or immediate restart), 57P02
 * crash_shutdown, 57P03 cannot_connect_now (starting up or shutting down).
 */
const UNAVAILABLE_SQLSTATE = /^(08...|57P01|57P02|57P03)$/;
/** Node socket errors when the server is down, restarting or out of reach. */
const UNAVAILABLE_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** node-postgres reports a lost connection or a connect timeout as a plain Error with these texts. */
const UNAVAILABLE_TEXT =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Client was closed and is not queryable|Cannot use a pool after calling end/;

/**
 * Whether an error means the database cannot be reached at the moment (a restart, an outage), as
 * opposed to a fault in the query. Looks through wrappers (drizzle's DrizzleQueryError keeps the
 * driver's error as its cause).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_ERRNO.has(code))) {
      return true;
    }
    if (UNAVAILABLE_TEXT.test(e.message)) return true;
  }
  return false;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  const logger = options.logQuery ? { logQuery: options.logQuery } : undefined;
  if ('databaseUrl' in options) return openPostgres(options.databaseUrl, logger);
  if ('dataDir' in options) return openPgliteFolder(options.dataDir, logger);
  return openPglite(undefined, 'bộ nhớ (không lưu)', null, logger);
}

type QueryLogger = { logQuery: (query: string) => void } | undefined;

/**
 * Creates the data folder and its parents. Node's recursive mkdir reports ENOENT for any failure
 * on the way (a read-only disk, no permission): the folders are made one by one to get the real
 * reason for the operator's message.
 */
function makeDataDir(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const missing: string[] = [];
    for (let dir = path.resolve(dataDir); !existsSync(dir); dir = path.dirname(dir)) missing.unshift(dir);
    for (const dir of missing) mkdirSync(dir);
    throw error;
  }
}

async function openPgliteFolder(dataDir: string, logger: QueryLogger): Promise<Database> {
  makeDataDir(dataDir);
  const lock = await lockDataDir(dataDir);
  const pgdata = path.join(dataDir, 'pgdata');
  const fresh = !existsSync(pgdata);
  try {
    return await openPglite(pgdata, dataDir, lock, logger);
  } catch (error) {
    // A first start that failed half way (a full disk) must not leave a half-made database that
    // the next start would take for a real one.
    if (fresh) rmSync(pgdata, { recursive: true, force: true });
    await lock.release();
    throw error;
  }
}

async function openPglite(
  dataPath: string | undefined,
  location: string,
  lock: DataDirLock | null,
  logger?: QueryLogger,
): Promise<Database> {
  // A folder is durable (fsync on, see pglite-durable.ts); memory is for tests and previews.
  const client = dataPath ? new PGlite(pgliteFolderOptions(dataPath, true)) : new PGlite();
  await client.waitReady;
  const db = drizzlePglite(client, { schema, ...(logger ? { logger } : {}) });
  const checkpoint = async () => {
    if (dataPath) await client.exec('CHECKPOINT');
  };
  // Bounds the WAL a restart after kill -9 replays: without it, everything since the last clean
  // stop (up to max_wal_size, 1 GB) is replayed before the server serves again.
  const timer = dataPath
    ? setInterval(() => void checkpoint().catch(() => undefined), PGLITE_CHECKPOINT_MS)
    : null;
  timer?.unref();
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    location,
    migrate: () => migratePglite(db, { migrationsFolder: MIGRATIONS_DIR }),
    checkpoint,
    async close() {
      if (timer) clearInterval(timer);
      await client.close();
      await lock?.release();
    },
  };
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

async function openPostgres(databaseUrl: string, logger?: QueryLogger): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 10,
    // A server out of reach answers a request with 503 after this long instead of hanging it.
    connectionTimeoutMillis: 5_000,
  });
  // A restart of PostgreSQL closes every connection: an idle one emits 'error' on the pool, a
  // checked-out one between two queries of a transaction emits it on the client. Unhandled, either
  // ends the process. The pool drops a broken connection and opens a new one on the next request;
  // the request that met the error answers 503 (see isDatabaseUnavailable).
  let lastWarned = 0;
  const warn = (error: Error) => {
    if (Date.now() - lastWarned < 10_000) return;
    lastWarned = Date.now();
    console.error(`Mất kết nối tới PostgreSQL (${redact(databaseUrl)}): ${error.message}. Đang kết nối lại…`);
  };
  pool.on('error', warn);
  pool.on('connect', (client) => client.on('error', warn));
  try {
    const probe = await pool.connect();
    probe.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseOpenError(
      `Không kết nối được tới PostgreSQL tại ${redact(databaseUrl)}: ${reason}. ` +
        'Hãy kiểm tra máy chủ đang chạy và DATABASE_URL đúng.',
    );
  }
  const db = drizzleNodePg(pool, { schema, ...(logger ? { logger } : {}) });
  return {
    db: db as unknown as Db,
    kind: 'postgres',
    location: redact(databaseUrl),
    migrate: () => migrateNodePg(db, { migrationsFolder: MIGRATIONS_DIR }),
    checkpoint: async () => undefined,
    close: () => pool.end(),
  };
}
