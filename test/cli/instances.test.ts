/**
 * Two app instances on one PostgreSQL database behind nginx (round-robin), as docs/operations.md
 * describes: real processes, a real nginx on loopback with a generated configuration, a real SMTP
 * server. Through the proxy: a session works on both instances, an autosave conflict is seen
 * across instances, the reminder e-mails go out once (the job ran in one instance only), issuing
 * spread over both instances gives distinct consecutive numbers, and the PDF converts through
 * either instance. Runs only with TEST_DATABASE_URL (the PostgreSQL step of .ci/run), which also
 * installs nginx.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { chmod } from 'node:fs/promises';
import net, { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_ACTOR } from '../../src/db/audit.js';
import { seedCatalogue } from '../../src/db/catalogue.js';
import { type Database, openDatabase } from '../../src/db/client.js';
import { findCurrentOutline } from '../../src/db/outlines.js';
import { emailOutbox, registerEntries, rounds, roundUnits, users } from '../../src/db/schema.js';
import type { ReportView } from '../../src/domain/api-reports.js';
import { communeReport } from '../../src/domain/outlines/index.js';
import { addDays, todayInVietnam } from '../../src/domain/periods.js';
import { buildUser, TEST_PASSWORD, unitId } from '../support/app.js';
import { buildSigner } from '../support/documents.js';
import { type Server, startServer } from '../support/process.js';

const adminUrl = process.env.TEST_DATABASE_URL ?? '';
const name = `doingoai_instances_${Date.now().toString(36)}`;
const databaseUrl = (() => {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
})();
const THACH_HA = '18562';
const ISSUES = 6;

const dir = mkdtempSync(path.join(tmpdir(), 'doingoai-instances-'));
let database: Database;
let smtp: SMTPServer;
const inbox: string[] = [];
let instances: Server[] = [];
let nginx: ChildProcess | null = null;
let proxy = '';
let signerId = 0;
let outlineId = 0;
let thachHa = 0;
const people = { officer: '', leader: '' };

function findNginx(): string {
  for (const candidate of ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx']) {
    if (existsSync(candidate)) return candidate;
  }
  const which = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim()) return which.stdout.trim();
  throw new Error(
    'nginx is not installed: this test runs two instances behind it. Install it with ' +
      '"apt-get install nginx-light" (bash .ci/run does).',
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** nginx in the foreground, its files in the temp folder, round-robin over the instances. */
async function startNginx(upstreams: string[]): Promise<string> {
  const binary = findNginx();
  const port = await freePort();
  const root = process.getuid?.() === 0;
  await chmod(dir, 0o755);
  const conf = path.join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `${root ? 'user root;\n' : ''}worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/nginx-body;
  proxy_temp_path ${dir}/nginx-proxy;
  fastcgi_temp_path ${dir}/nginx-fastcgi;
  uwsgi_temp_path ${dir}/nginx-uwsgi;
  scgi_temp_path ${dir}/nginx-scgi;
  upstream doingoai {
${upstreams.map((u) => `    server ${u.replace('http://', '')};`).join('\n')}
  }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 20m;
    location / {
      proxy_pass http://doingoai;
      proxy_http_version 1.1;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_read_timeout 120s;
    }
  }
}
`,
  );
  const test = spawnSync(binary, ['-t', '-c', conf, '-p', dir], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx refused the configuration: ${test.stderr}`);
  nginx = spawn(binary, ['-c', conf, '-p', dir], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return url;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('nginx did not start');
}

/** A signed-in client through the proxy (or straight to one instance). */
interface WebClient {
  cookie: string;
  call(method: string, url: string, body?: object, base?: string): Promise<Response>;
}

async function signIn(username: string): Promise<WebClient> {
  const res = await fetch(`${proxy}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: TEST_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return {
    cookie,
    call: (method, url, body, base = proxy) =>
      fetch(`${base}${url}`, {
        method,
        headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      }),
  };
}

const admin = async (sql: string) => {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(sql);
  await client.end();
};

beforeAll(async () => {
  findNginx();
  await admin(`CREATE DATABASE ${name}`);
  // The schema and the catalogue first (docs/operations.md: migrate once, then start instances).
  database = await openDatabase({ databaseUrl });
  await database.migrate();
  await database.db.transaction((tx) => seedCatalogue(tx, SEED_ACTOR));
  thachHa = await unitId(database.db, THACH_HA);
  const officer = await buildUser(database.db, [{ role: 'commune_officer', unitCode: THACH_HA }]);
  const leader = await buildUser(database.db, [{ role: 'commune_leader', unitCode: THACH_HA }]);
  const province = await buildUser(database.db, [{ role: 'province_officer', unitCode: '42' }]);
  people.officer = officer.username;
  people.leader = leader.username;
  for (const [i, u] of [officer, leader, province].entries()) {
    await database.db
      .update(users)
      .set({ email: `nguoi${i}@hatinh.gov.vn` })
      .where(eq(users.id, u.id));
  }
  signerId = await buildSigner(database.db, THACH_HA, { fullName: 'Trần Văn Ký' });
  outlineId = (await findCurrentOutline(database.db, 'commune-report'))?.id ?? 0;
  // A round due tomorrow that Thạch Hà has not answered: today's reminders for its officer and the province.
  const today = todayInVietnam();
  const [round] = await database.db
    .insert(rounds)
    .values({
      unitId: await unitId(database.db, '42'),
      name: 'Báo cáo tháng 12 năm 2025',
      outlineId,
      outlineCode: 'commune-report',
      periodKind: 'month',
      periodYear: 2025,
      periodIndex: 12,
      periodKey: 'month-2025-12',
      windowStart: '2025-12-01',
      windowEnd: '2025-12-31',
      deadlineDays: 3,
      deadline: addDays(today, 1),
    })
    .returning({ id: rounds.id });
  await database.db.insert(roundUnits).values({ roundId: round?.id ?? 0, unitId: thachHa });

  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      let raw = '';
      stream.on('data', (d: Buffer) => {
        raw += d.toString('utf8');
      });
      stream.on('end', () => {
        inbox.push(raw);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  const env = (id: string) => ({
    DATABASE_URL: databaseUrl,
    NODE_ENV: 'production',
    INSTANCE_ID: id,
    LOG_LEVEL: 'info',
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    // One run a day (a pg-boss throttle slot from midnight UTC): both instances ask at start,
    // and one only may run it.
    JOBS_INTERVAL_MINUTES: '1440',
  });
  // Started together, as after an upgrade's `doingoai migrate`.
  instances = await Promise.all([startServer(env('app1')), startServer(env('app2'))]);
  proxy = await startNginx(instances.map((s) => s.url));
}, 120_000);

afterAll(async () => {
  nginx?.kill('SIGTERM');
  await Promise.all(instances.map((s) => s.stop()));
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  await database?.close();
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

const NIL_OTHERS = communeReport.sections
  .filter((s) => s.key !== 'delegations' && s.nilPhrase)
  .map((s) => s.key);
const content = (view: ReportView, n: number) => ({
  ...view.content,
  values: {
    'agreements.signed': 0,
    'conferences.count': 0,
    'ngo.projects': 0,
    'foreigners.resident': 0,
    'delegations.in.count': n,
    'delegations.out.count': 0,
  },
  nil: { all: false, sections: NIL_OTHERS },
});

let month = 0;
async function draft(officer: WebClient): Promise<ReportView> {
  month += 1;
  const res = await officer.call('POST', `/api/units/${thachHa}/reports`, {
    outlineId,
    period: { kind: 'month', year: 2026, index: month },
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as ReportView;
}

const lines = (server: Server, pattern: RegExp) =>
  server
    .output()
    .split('\n')
    .filter((l) => pattern.test(l)).length;

describe('two instances behind nginx on one PostgreSQL', () => {
  it('share sessions: signed in through one, served by both', async () => {
    const officer = await signIn(people.officer);
    for (const base of [...instances.map((s) => s.url), proxy, proxy]) {
      const res = await officer.call('GET', '/api/auth/me', undefined, base);
      expect(res.status).toBe(200);
    }
  });

  it('see an autosave conflict across instances: same revision saved on both, one 200 and one 409', async () => {
    const officer = await signIn(people.officer);
    const view = await draft(officer);
    const save = (base: string, n: number) =>
      officer.call(
        'PUT',
        `/api/reports/${view.report.id}`,
        { revision: view.report.revision, content: content(view, n) },
        base,
      );
    const [a, b] = await Promise.all([save(instances[0]?.url ?? '', 1), save(instances[1]?.url ?? '', 2)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
  });

  it('send each reminder e-mail once: the job ran in one instance only', async () => {
    for (let i = 0; i < 300 && inbox.length < 2; i += 1) await new Promise((r) => setTimeout(r, 100));
    // Give a second run, or a second sending, the time to show.
    await new Promise((r) => setTimeout(r, 3000));
    const jobLog = instances
      .map((s) =>
        s
          .output()
          .split('\n')
          .filter((l) => /"job/.test(l))
          .join('\n'),
      )
      .join('\n---\n');
    expect(inbox, jobLog).toHaveLength(2);
    const to = inbox.map((raw) => /^To: (.*)$/m.exec(raw)?.[1]).sort();
    // The officer of the unit that has not reported, and the province's summary (its leader has
    // nothing to approve yet).
    expect(to).toEqual(['nguoi0@hatinh.gov.vn', 'nguoi2@hatinh.gov.vn']);
    const outbox = await database.db.select().from(emailOutbox);
    expect(outbox.map((r) => r.attempts)).toEqual([1, 1]);
    const runs = instances.map((s) => lines(s, /"job":"reminders"/));
    expect(runs.reduce((a, b) => a + b)).toBe(1);
  });

  it(`issue ${ISSUES} reports at once through the proxy: distinct consecutive numbers, issued by both instances`, async () => {
    const officer = await signIn(people.officer);
    const leader = await signIn(people.leader);
    const ids: number[] = [];
    for (let n = 0; n < ISSUES; n += 1) {
      let view = await draft(officer);
      const saved = await officer.call('PUT', `/api/reports/${view.report.id}`, {
        revision: view.report.revision,
        content: content(view, n + 1),
      });
      view = (await saved.json()) as ReportView;
      const submitted = await officer.call('POST', `/api/reports/${view.report.id}/submit`, {
        revision: view.report.revision,
      });
      view = (await submitted.json()) as ReportView;
      const approved = await leader.call('POST', `/api/reports/${view.report.id}/approve`, {
        revision: view.report.revision,
      });
      expect(approved.status, await approved.clone().text()).toBe(200);
      ids.push(view.report.id);
    }
    const issued = await Promise.all(
      ids.map((id) =>
        leader.call('POST', `/api/reports/${id}/issue`, { signerId, issuedOn: todayInVietnam() }),
      ),
    );
    expect(issued.map((r) => r.status)).toEqual(ids.map(() => 200));
    const numbers = await database.db
      .select({ n: registerEntries.number })
      .from(registerEntries)
      .where(inArray(registerEntries.reportId, ids));
    expect(numbers.map((r) => r.n).sort((a, b) => a - b)).toEqual(
      Array.from({ length: ISSUES }, (_, i) => i + 1),
    );
    for (const server of instances) expect(lines(server, /\/issue"/)).toBeGreaterThan(0);
  });

  const soffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).status === 0;
  it(`converts to PDF through either instance${soffice ? '' : ' (LibreOffice absent: only the clear refusal is checked)'}`, async () => {
    const leader = await signIn(people.leader);
    const [entry] = await database.db.select().from(registerEntries).limit(1);
    for (const server of instances) {
      const res = await leader.call(
        'GET',
        `/api/reports/${entry?.reportId}/document.pdf`,
        undefined,
        server.url,
      );
      if (soffice) {
        expect(res.status, await res.clone().text()).toBe(200);
        expect(
          Buffer.from(await res.arrayBuffer())
            .subarray(0, 5)
            .toString(),
        ).toBe('%PDF-');
      } else {
        expect(res.status).not.toBe(500);
      }
    }
  });
});
