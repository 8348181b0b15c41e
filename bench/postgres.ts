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
