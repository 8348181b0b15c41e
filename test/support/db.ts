/**
 * A fresh database for one test file: PGlite in memory by default, or a new PostgreSQL database
 * on the server of TEST_DATABASE_URL (created here, dropped afterwards).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { SEED_ACTOR } from '../../src/db/audit.js';
import { seedCatalogue } from '../../src/db/catalogue.js';
import { type Database, openDatabase } from '../../src/db/client.js';

export interface TestDatabase extends Database {
  /** Drops the database (PostgreSQL) and closes it. */
  destroy(): Promise<void>;
}

export const usingPostgres = Boolean(process.env.TEST_DATABASE_URL);

export async function createTestDatabase(
  options: { catalogue?: boolean; logQuery?: (query: string) => void } = {},
): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  let database: Database;
  let drop: () => Promise<void> = async () => undefined;
  if (adminUrl) {
    const name = `doingoai_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    database = await openDatabase({
      databaseUrl: url.toString(),
      ...(options.logQuery ? { logQuery: options.logQuery } : {}),
    });
    drop = async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      // pg's Pool.end() resolves before its sockets have closed: a forced drop at once would kill
      // connections still saying goodbye (an uncaught "terminating connection" error). Wait first.
      for (let i = 0; i < 40; i += 1) {
        const open = await c.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [
          name,
        ]);
        if (open.rows[0]?.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    database = await openDatabase({
      memory: true,
      ...(options.logQuery ? { logQuery: options.logQuery } : {}),
    });
  }
  await database.migrate();
  if (options.catalogue !== false) {
    await database.db.transaction((tx) => seedCatalogue(tx, SEED_ACTOR));
  }
  return {
    ...database,
    async destroy() {
      await database.close();
      await drop();
    },
  };
}
