/** The PostgreSQL server the benchmarks make their temporary databases on. */
import pg from 'pg';

export function adminUrl(): string {
  return (
    process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
  );
}

export function redacted(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

export const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** An admin connection to the server, or null (with a line saying why) when it is out of reach. */
export async function connectAdmin(url: string = adminUrl()): Promise<pg.Client | null> {
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
    return admin;
  } catch (error) {
    console.log(`PostgreSQL: skipped, ${redacted(url)} is not reachable (${reasonOf(error)}).`);
    await admin.end().catch(() => undefined);
    return null;
  }
}

/** A fresh temporary database on the admin connection's server, or false (with a line saying why). */
export async function createTempDatabase(admin: pg.Client, name: string, url: string): Promise<boolean> {
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    return true;
  } catch (error) {
    console.log(
      `PostgreSQL: skipped, no temporary database ${name} on ${redacted(url)} (${reasonOf(error)}).`,
    );
    return false;
  }
}

/**
 * Runs a benchmark on a fresh PGlite folder, then on a temporary PostgreSQL database (dropped
 * after), as `BENCH_DATABASE` (pglite or postgres) allows; each with a line naming where it runs.
 */
export async function onEachDatabase(
  prefix: string,
  run: (database: import('../src/db/client.js').Database) => Promise<void>,
): Promise<void> {
  const { openDatabase } = await import('../src/db/client.js');
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const only = process.env.BENCH_DATABASE;
  if (only !== 'postgres') {
    const dir = mkdtempSync(path.join(tmpdir(), `doingoai-bench-${prefix}-`));
    console.log(`PGlite (fresh data folder in ${dir}):`);
    const database = await openDatabase({ dataDir: dir });
    try {
      await run(database);
    } finally {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (only === 'pglite') return;
  const url = adminUrl();
  const name = `doingoai_bench_${prefix.replace(/\W/g, '_')}_${process.pid}`;
  const admin = await connectAdmin(url);
  if (!admin) return;
  if (!(await createTempDatabase(admin, name, url))) {
    await admin.end().catch(() => undefined);
    return;
  }
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const [version] = (await admin.query<{ v: string }>('SELECT current_setting($1) AS v', ['server_version']))
    .rows;
  console.log(`PostgreSQL ${version?.v ?? ''} (temporary database ${name} on ${redacted(url)}):`);
  const database = await openDatabase({ databaseUrl: dbUrl.toString() });
  try {
    await run(database);
  } finally {
    await database.close();
    // pg's Pool.end() resolves before its sockets close: wait for them before the forced drop.
    for (let i = 0; i < 40; i++) {
      const open = await admin.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [
        name,
      ]);
      if (open.rows[0]?.n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
