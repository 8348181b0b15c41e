/**
 * PostgreSQL restarted under load (fast, immediate, and a 10 s outage) on a cluster of the test's
 * own (initdb + pg_ctl from the machine's binaries, a temporary folder, a spare loopback port), so
 * that the machine's shared server is never restarted: the server process lives on, requests
 * during the outage get 503 with a Vietnamese message, it reconnects by itself, and every
 * acknowledged write is there afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/domain/errors.js';
import { PgCluster, postgresBin, restartUnderLoad, Workload } from '../support/faults.js';
import { run, type Server, startServer } from '../support/process.js';

const bin = postgresBin();
if (!bin) {
  throw new Error(
    'PostgreSQL binaries (initdb, pg_ctl, postgres) not found in /usr/local/bin or /usr/lib/postgresql/*/bin: install the postgresql package.',
  );
}
let cluster: PgCluster;
let server: Server;
const workload = new Workload();

beforeAll(async () => {
  cluster = await PgCluster.create(bin);
  const seeded = await run(['seed', '--demo'], { DATABASE_URL: cluster.url });
  if (seeded.code !== 0) throw new Error(seeded.stderr);
  server = await startServer({ DATABASE_URL: cluster.url });
  await workload.setUp(server.url);
}, 180_000);
afterAll(async () => {
  await server?.stop();
  cluster?.destroy();
});

describe('a PostgreSQL restart under load', () => {
  for (const mode of ['fast', 'immediate', 'outage'] as const) {
    it(`${mode === 'outage' ? 'a 10 s outage' : `a ${mode} restart`}: the server lives, answers 503 in Vietnamese meanwhile, reconnects, loses nothing`, async () => {
      const result = await restartUnderLoad(cluster, server, workload, mode);
      console.log(
        mode,
        result.statuses,
        `recovered in ${result.recoveredMs.toFixed(0)} ms`,
        workload.messages,
      );
      expect(result.serverAlive).toBe(true);
      expect(server.output()).not.toMatch(
        /Unhandled|terminating connection due to administrator command\n\s+at /,
      );
      // Never a 500: an outage is not a fault of the user's request.
      expect(result.statuses[500] ?? 0).toBe(0);
      if (mode === 'outage') {
        expect(result.statuses[503] ?? 0).toBeGreaterThan(0);
        expect(result.messages).toEqual([ERROR_CODES.DATABASE_UNAVAILABLE.message]);
      }
      expect(result.recoveredMs).toBeLessThan(15_000);
      expect(result.verdict.lostSaves).toBe(0);
      expect(result.verdict.lostIssues).toBe(0);
      expect(result.verdict.duplicates).toEqual([]);
      expect(result.verdict.gaps).toEqual([]);
    }, 120_000);
  }
});
