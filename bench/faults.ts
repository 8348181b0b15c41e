/**
 * Fault figures (`npm run bench -- faults`): writes acknowledged and lost under kill -9 on both
 * databases and the time from kill -9 to serving; errors and lost writes across PostgreSQL
 * restarts under load; the cost of the embedded database's durability on an autosave. PostgreSQL
 * figures need TEST_DATABASE_URL (the kill loop) and PostgreSQL's binaries (the restarts, on a
 * private cluster). Figures, not a test: nothing here passes or fails.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { pgliteFolderOptions } from '../src/db/pglite-durable.js';
import {
  type KillLoopResult,
  killLoop,
  PgCluster,
  postgresBin,
  restartUnderLoad,
  Workload,
} from '../test/support/faults.js';
import { run, startServer } from '../test/support/process.js';

/** A line of figures another part supplies (the fuzzer's summary), printed with these. */
export type ExtraFigures = () => Promise<string[]>;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

function printKills(label: string, r: KillLoopResult): void {
  const v = r.verdict;
  console.log(
    `  ${label}: ${r.kills} kills; saves acknowledged ${v.ackedSaves}, lost ${v.lostSaves}; ` +
      `issues acknowledged ${v.ackedIssues}, lost ${v.lostIssues}; register ${v.registerSize} numbers, ` +
      `duplicates ${v.duplicates.length}, gaps ${v.gaps.length}`,
  );
  console.log(
    `    kill -9 to serving: median ${seconds(median(r.restartMs))}, max ${seconds(Math.max(...r.restartMs))}` +
      (r.failures.length ? `; ${r.failures.length} restarts refused` : ''),
  );
}

/** Autosave-sized updates (a 30 KB report) on a PGlite folder, durable or not: ms per commit. */
async function autosaveMs(durable: boolean, saves = 100): Promise<number> {
  const dir = mkdtempSync(path.join(tmpdir(), 'doingoai-fsync-'));
  try {
    const db = new PGlite(pgliteFolderOptions(path.join(dir, 'pgdata'), durable));
    await db.waitReady;
    await db.exec('CREATE TABLE report (id int PRIMARY KEY, revision int, content jsonb)');
    await db.query(`INSERT INTO report VALUES (1, 0, '{}')`);
    const content = JSON.stringify({ text: 'Đoàn công tác '.repeat(2000) });
    const started = performance.now();
    for (let i = 1; i <= saves; i++) {
      await db.query('UPDATE report SET revision = $1, content = $2 WHERE id = 1', [i, content]);
    }
    const ms = (performance.now() - started) / saves;
    await db.close();
    return ms;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchDurability(): Promise<void> {
  // Alternated to share the machine's load fairly; the first pair warms up.
  const plain: number[] = [];
  const durable: number[] = [];
  for (let i = 0; i < 3; i++) {
    plain.push(await autosaveMs(false));
    durable.push(await autosaveMs(true));
  }
  const p = median(plain);
  const d = median(durable);
  console.log(
    `  PGlite autosave (30 KB update, median of 3×100): fsync off ${p.toFixed(1)} ms, ` +
      `fsync on ${d.toFixed(1)} ms (×${(d / p).toFixed(1)}, +${(d - p).toFixed(1)} ms per save)`,
  );
}

async function benchKillsPglite(kills: number): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'doingoai-bench-kill-'));
  try {
    printKills('PGlite', await killLoop({ DATA_DIR: path.join(dir, 'data') }, { kills, runMs: [300, 2000] }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchKillsPostgres(kills: number, adminUrl: string): Promise<void> {
  const name = `doingoai_bench_${randomBytes(5).toString('hex')}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  await admin(`CREATE DATABASE ${name}`);
  try {
    const seeded = await run(['seed', '--demo'], { DATABASE_URL: url.toString() });
    if (seeded.code !== 0) throw new Error(seeded.stderr);
    printKills('PostgreSQL', await killLoop({ DATABASE_URL: url.toString() }, { kills, runMs: [300, 2000] }));
  } finally {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

async function benchRestarts(bin: string): Promise<void> {
  const cluster = await PgCluster.create(bin);
  try {
    const seeded = await run(['seed', '--demo'], { DATABASE_URL: cluster.url });
    if (seeded.code !== 0) throw new Error(seeded.stderr);
    const server = await startServer({ DATABASE_URL: cluster.url });
    try {
      const workload = new Workload();
      await workload.setUp(server.url);
      for (const mode of ['fast', 'immediate', 'outage'] as const) {
        const r = await restartUnderLoad(cluster, server, workload, mode);
        const label = mode === 'outage' ? '10 s outage' : `${mode} restart`;
        const answers = Object.entries(r.statuses)
          .map(([status, n]) => `${status === '0' ? 'no answer' : status}: ${n}`)
          .join(', ');
        console.log(
          `  PostgreSQL ${label}: server ${r.serverAlive ? 'alive' : 'DEAD'}; answers ${answers}; ` +
            `serving ${seconds(r.recoveredMs)} after PostgreSQL is back; ` +
            `lost saves ${r.verdict.lostSaves}, lost issues ${r.verdict.lostIssues}`,
        );
      }
    } finally {
      await server.stop();
    }
  } finally {
    cluster.destroy();
  }
}

/**
 * `extra`: figures computed elsewhere and printed in this group, e.g. the fuzzer's summary line
 * (requests sent, 500s) from test/support/fuzz.ts.
 */
export async function benchFaults(options: { kills?: number; extra?: ExtraFigures } = {}): Promise<void> {
  const kills = options.kills ?? 10;
  console.log('faults:');
  await benchDurability();
  await benchKillsPglite(kills);
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) await benchKillsPostgres(kills, adminUrl);
  else console.log('  PostgreSQL kill -9: set TEST_DATABASE_URL to measure');
  const bin = postgresBin();
  if (bin) await benchRestarts(bin);
  else console.log('  PostgreSQL restarts: PostgreSQL binaries (initdb, pg_ctl) not found');
  for (const line of (await options.extra?.()) ?? []) console.log(`  ${line}`);
}
