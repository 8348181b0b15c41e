/**
 * Opens the database: PGlite in a data folder (the embedded default), in memory (tests), or
 * PostgreSQL when a DATABASE_URL is given. The same schema and migrations serve all three.
 */
import { mkdirSync } from 'node:fs';
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
  close(): Promise<void>;
}

export type OpenOptions = ({ databaseUrl: string } | { dataDir: string } | { memory: true }) & {
  /** Called with every SQL statement sent (tests count the statements of a request). */
  logQuery?: (query: string) => void;
};

export class DatabaseOpenError extends Error {}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  const logger = options.logQuery ? { logQuery: options.logQuery } : undefined;
  if ('databaseUrl' in options) return openPostgres(options.databaseUrl, logger);
  if ('dataDir' in options) return openPgliteFolder(options.dataDir, logger);
  return openPglite(undefined, 'bộ nhớ (không lưu)', null, logger);
}

type QueryLogger = { logQuery: (query: string) => void } | undefined;

async function openPgliteFolder(dataDir: string, logger: QueryLogger): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  const lock = await lockDataDir(dataDir);
  try {
    return await openPglite(path.join(dataDir, 'pgdata'), dataDir, lock, logger);
  } catch (error) {
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
  const client = dataPath ? new PGlite(dataPath) : new PGlite();
  await client.waitReady;
  const db = drizzlePglite(client, { schema, ...(logger ? { logger } : {}) });
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    location,
    migrate: () => migratePglite(db, { migrationsFolder: MIGRATIONS_DIR }),
    async close() {
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
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
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
    close: () => pool.end(),
  };
}
