/**
 * Fault injection as an operator meets it: a demo workload over HTTP (an officer autosaving, a
 * leader issuing numbers) that remembers every write the server acknowledged; the server killed
 * with SIGKILL in a loop; a private PostgreSQL cluster (initdb/pg_ctl) that can be restarted
 * without touching the machine's shared server. Used by the fault tests and `npm run bench -- faults`.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD } from '../../src/db/demo.js';
import { type Server, startServer } from './process.js';

export const OFFICER = 'demo.canbo.thachha';
export const LEADER = 'demo.chutich.thachha';

interface View {
  report: { id: number; revision: number; status: string };
  content: { values: Record<string, unknown> } & Record<string, unknown>;
}

/** One HTTP answer: status and parsed body (null when not JSON or not answered at all). */
export interface Answer {
  status: number;
  body: unknown;
}

async function call(
  url: string,
  cookie: string,
  method: string,
  route: string,
  body?: unknown,
): Promise<Answer> {
  try {
    const res = await fetch(`${url}${route}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(20_000),
    });
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
    return { status: res.status, body: parsed };
  } catch {
    // No answer: the server died or the connection broke. Not acknowledged.
    return { status: 0, body: null };
  }
}

async function signInCookie(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in ${username}: ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** The marker an autosave writes, to recognise it afterwards. */
const MARK = 'delegations.in.count';

export interface Verdict {
  ackedSaves: number;
  lostSaves: number;
  ackedIssues: number;
  lostIssues: number;
  /** Numbers in the register more than once in a series, or missing between 1 and the highest. */
  duplicates: number[];
  gaps: number[];
  registerSize: number;
}

/**
 * An officer autosaving one report and a leader issuing new reports of Thạch Hà, period after
 * period, through the HTTP API as the web app does. Survives the server going away: a request
 * without an answer is simply not acknowledged.
 */
export class Workload {
  url = '';
  private officer = '';
  private leader = '';
  private unitId = 0;
  private outlineId = 0;
  private signerId = 0;
  private saveId = 0;
  /** The last autosave acknowledged: its revision and marker. */
  private lastSave: { revision: number; mark: number } | null = null;
  private mark = 0;
  private nextPeriod = 0;
  /** Issues acknowledged: report id → number. */
  readonly issued = new Map<number, number>();
  readonly statuses = new Map<number, number>();
  /** The distinct error messages answered, by status. */
  readonly messages = new Map<number, Set<string>>();

  private count(answer: Answer) {
    const { status } = answer;
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
    const message = (answer.body as { error?: { message?: string } } | null)?.error?.message;
    if (message) this.messages.set(status, (this.messages.get(status) ?? new Set()).add(message));
  }

  /** Signs in (sessions live in the database, so once is enough) and finds the unit, outline, signer. */
  async setUp(url: string): Promise<void> {
    this.url = url;
    this.officer = await signInCookie(url, OFFICER);
    this.leader = await signInCookie(url, LEADER);
    const me = (await call(url, this.officer, 'GET', '/api/auth/me')).body as {
      grants: { unit: { id: number } }[];
    };
    this.unitId = me.grants[0]?.unit.id ?? 0;
    const outlines = (await call(url, this.officer, 'GET', '/api/outlines')).body as {
      items: { id: number; code: string; current: boolean; documentKind: string }[];
    };
    const outline = outlines.items.find((o) => o.code === 'commune-report' && o.current);
    this.outlineId = outline?.id ?? 0;
    const unit = (await call(url, this.leader, 'GET', `/api/units/${this.unitId}`)).body as {
      signers: { id: number }[];
    };
    this.signerId = unit.signers[0]?.id ?? 0;
    const draft = await this.openDraft(this.officer);
    if (!draft) throw new Error('could not open the autosave report');
    this.saveId = draft.report.id;
  }

  /** Points the workload at a restarted server (the same database, a new port). */
  reconnect(url: string): void {
    this.url = url;
  }

  /** The draft of the next free period (months from 2015: older than any demo data). */
  private async openDraft(cookie: string): Promise<View | null> {
    for (let tries = 0; tries < 5; tries++) {
      const n = this.nextPeriod;
      const period = { kind: 'month', year: 2015 + Math.floor(n / 12), index: (n % 12) + 1 };
      const res = await call(this.url, cookie, 'POST', `/api/units/${this.unitId}/reports`, {
        outlineId: this.outlineId,
        period,
      });
      this.count(res);
      // Not answered (the database is away): the same period next time.
      if (res.status !== 200) return null;
      this.nextPeriod += 1;
      const view = res.body as View;
      if (view.report.status === 'draft') return view;
    }
    return null;
  }

  /** One autosave of the officer's report: a new marker, on the revision the server has. */
  async save(): Promise<void> {
    const current = await call(this.url, this.officer, 'GET', `/api/reports/${this.saveId}`);
    if (current.status !== 200) return;
    const view = current.body as View;
    this.mark += 1;
    const mark = this.mark;
    const res = await call(this.url, this.officer, 'PUT', `/api/reports/${this.saveId}`, {
      revision: view.report.revision,
      content: { ...view.content, values: { ...view.content.values, [MARK]: mark } },
    });
    this.count(res);
    if (res.status === 200) this.lastSave = { revision: (res.body as View).report.revision, mark };
  }

  /** One issue: a new report, submitted as nil, approved and issued by the leader. */
  async issue(): Promise<void> {
    const draft = await this.openDraft(this.officer);
    if (!draft) return;
    const id = draft.report.id;
    const submitted = await call(this.url, this.officer, 'POST', `/api/reports/${id}/submit-nil`, {
      revision: draft.report.revision,
    });
    this.count(submitted);
    if (submitted.status !== 200) return;
    const approved = await call(this.url, this.leader, 'POST', `/api/reports/${id}/approve`, {
      revision: (submitted.body as View).report.revision,
    });
    this.count(approved);
    if (approved.status !== 200) return;
    const issued = await call(this.url, this.leader, 'POST', `/api/reports/${id}/issue`, {
      signerId: this.signerId,
    });
    this.count(issued);
    // Issuing answers the report view: the number is the frozen document's.
    if (issued.status === 200) {
      const number = (issued.body as { document: { number: number | null } }).document.number;
      if (number !== null) this.issued.set(id, number);
    }
  }

  /** Saves and issues side by side until `stop` resolves or `untilMs` passes. */
  async run(untilMs: number, stop?: Promise<void>): Promise<void> {
    let stopped = false;
    void stop?.then(() => {
      stopped = true;
    });
    const end = Date.now() + untilMs;
    const loop = async (step: () => Promise<void>) => {
      while (!stopped && Date.now() < end) {
        await step().catch(() => undefined);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    await Promise.all([loop(() => this.save()), loop(() => this.issue())]);
  }

  /** Reads everything back from the server and compares it with what was acknowledged. */
  async verify(): Promise<Verdict> {
    let lostSaves = 0;
    if (this.lastSave) {
      const res = await call(this.url, this.officer, 'GET', `/api/reports/${this.saveId}`);
      const view = res.body as View;
      const stored = Number(view.content.values[MARK] ?? 0);
      // Later, unacknowledged saves may have landed too (killed after commit, before the answer).
      if (view.report.revision < this.lastSave.revision || stored < this.lastSave.mark) lostSaves = 1;
    }
    const year = new Date().getFullYear();
    const register = (
      await call(this.url, this.leader, 'GET', `/api/units/${this.unitId}/register?year=${year}`)
    ).body as { items: { number: number; series: string; subject: string }[] };
    const items = register.items ?? [];
    const reports = new Map<number, number>();
    for (const [id, number] of this.issued) reports.set(id, number);
    const numbers = items.map((i) => i.number);
    const lostIssues = [...this.issued.values()].filter((n) => !numbers.includes(n)).length;
    const seen = new Set<number>();
    const duplicates: number[] = [];
    for (const n of numbers) {
      if (seen.has(n)) duplicates.push(n);
      seen.add(n);
    }
    const max = Math.max(0, ...numbers);
    const gaps: number[] = [];
    for (let n = 1; n <= max; n++) if (!seen.has(n)) gaps.push(n);
    return {
      ackedSaves: this.statuses.get(200) === undefined ? 0 : this.mark,
      lostSaves,
      ackedIssues: this.issued.size,
      lostIssues,
      duplicates,
      gaps,
      registerSize: items.length,
    };
  }
}

/** Waits until the server answers its health check; the time it took, in ms. */
export async function waitHealthy(url: string, timeoutMs = 60_000): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) }).catch(() => null);
    if (res?.status === 200) return performance.now() - started;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${url} not healthy after ${timeoutMs} ms`);
}

export interface KillLoopResult {
  kills: number;
  /** From SIGKILL to the new process answering its health check, ms, one per kill. */
  restartMs: number[];
  verdict: Verdict;
  /** Start-up output of any restart that failed (the lock refused, the database broken). */
  failures: string[];
}

/**
 * Starts `doingoai serve` with `env`, runs the workload, kills the server with SIGKILL at a random
 * moment `kills` times (restarting it at once each time), then checks every acknowledged write.
 */
export async function killLoop(
  env: Record<string, string>,
  options: { kills: number; runMs: [number, number] },
): Promise<KillLoopResult> {
  let server: Server = await startServer(env);
  const workload = new Workload();
  await workload.setUp(server.url);
  const restartMs: number[] = [];
  const failures: string[] = [];
  try {
    for (let k = 0; k < options.kills; k++) {
      const [lo, hi] = options.runMs;
      const runFor = lo + Math.random() * (hi - lo);
      let release: () => void = () => undefined;
      const killed = new Promise<void>((resolve) => {
        release = resolve;
      });
      const work = workload.run(60_000, killed);
      await new Promise((r) => setTimeout(r, runFor));
      const closed = new Promise((r) => server.child.once('close', r));
      server.child.kill('SIGKILL');
      const killedAt = performance.now();
      await closed;
      release();
      await work;
      try {
        server = await startServer(env);
      } catch (error) {
        failures.push(String(error));
        server = await startServer(env);
      }
      await waitHealthy(server.url);
      restartMs.push(performance.now() - killedAt);
      workload.reconnect(server.url);
    }
    return { kills: options.kills, restartMs, verdict: await workload.verify(), failures };
  } finally {
    await server.stop();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** The folder holding initdb, pg_ctl and postgres, or null when PostgreSQL is not installed. */
export function postgresBin(): string | null {
  const candidates = ['/usr/local/bin'];
  if (existsSync('/usr/lib/postgresql')) {
    for (const v of readdirSync('/usr/lib/postgresql').sort().reverse()) {
      candidates.push(`/usr/lib/postgresql/${v}/bin`);
    }
  }
  return (
    candidates.find((dir) => ['initdb', 'pg_ctl', 'postgres'].every((b) => existsSync(path.join(dir, b)))) ??
    null
  );
}

/**
 * A PostgreSQL cluster of its own in a temporary folder on a spare loopback port, so that it can
 * be restarted without touching the machine's shared server. PostgreSQL refuses to run as root:
 * as root it runs as the `postgres` user.
 */
export class PgCluster {
  readonly dir: string;
  readonly data: string;
  port = 0;
  private readonly asRoot = process.getuid?.() === 0;

  private constructor(readonly bin: string) {
    this.dir = mkdtempSync(path.join(tmpdir(), 'doingoai-pg-'));
    this.data = path.join(this.dir, 'data');
  }

  static async create(bin: string): Promise<PgCluster> {
    const cluster = new PgCluster(bin);
    cluster.port = await freePort();
    if (cluster.asRoot) {
      chmodSync(cluster.dir, 0o777);
    }
    cluster.exec('initdb', ['-D', cluster.data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
    await cluster.start();
    return cluster;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  private exec(tool: string, args: string[]): string {
    const command = path.join(this.bin, tool);
    const [file, argv] = this.asRoot
      ? ['runuser', ['-u', 'postgres', '--', command, ...args]]
      : [command, args];
    return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  async start(): Promise<void> {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=on`;
    this.exec('pg_ctl', ['-D', this.data, '-o', options, '-l', path.join(this.dir, 'log'), '-w', 'start']);
  }

  stop(mode: 'fast' | 'immediate'): void {
    this.exec('pg_ctl', ['-D', this.data, '-m', mode, '-w', 'stop']);
  }

  destroy(): void {
    try {
      this.stop('immediate');
    } catch {
      // Already stopped.
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface RestartResult {
  mode: 'fast' | 'immediate' | 'outage';
  /** Requests answered during the restart window, by status (0: no answer). */
  statuses: Record<number, number>;
  /** The messages of the 503 answers, distinct. */
  messages: string[];
  serverAlive: boolean;
  /** From PostgreSQL being back to the first acknowledged save, ms. */
  recoveredMs: number;
  verdict: Verdict;
}

/**
 * Runs the workload against `server` while the cluster is stopped (fast or immediate) and started
 * again at once, or stopped for `outageMs` (immediate, then a wait): what the users saw, whether
 * the server lived, how soon it served again, and whether every acknowledged write is there.
 */
export async function restartUnderLoad(
  cluster: PgCluster,
  server: Server,
  workload: Workload,
  mode: 'fast' | 'immediate' | 'outage',
  outageMs = 10_000,
): Promise<RestartResult> {
  workload.statuses.clear();
  workload.messages.clear();
  const probe = () => workload.save().catch(() => undefined);
  let stop: () => void = () => undefined;
  const stopped = new Promise<void>((r) => {
    stop = r;
  });
  const work = workload.run(120_000, stopped);
  const probes = (async () => {
    let done = false;
    void stopped.then(() => {
      done = true;
    });
    while (!done) {
      await probe();
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  await new Promise((r) => setTimeout(r, 1_000));
  cluster.stop(mode === 'fast' ? 'fast' : 'immediate');
  if (mode === 'outage') await new Promise((r) => setTimeout(r, outageMs));
  else await new Promise((r) => setTimeout(r, 500));
  // A request while PostgreSQL is surely down.
  await probe();
  await cluster.start();
  const back = performance.now();
  let recoveredMs = Number.NaN;
  const before = workload.statuses.get(200) ?? 0;
  while (performance.now() - back < 30_000) {
    if ((workload.statuses.get(200) ?? 0) > before) {
      recoveredMs = performance.now() - back;
      break;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  await new Promise((r) => setTimeout(r, 1_000));
  stop();
  await Promise.all([work, probes]);
  return {
    mode,
    statuses: Object.fromEntries(workload.statuses),
    messages: [...(workload.messages.get(503) ?? [])],
    serverAlive: server.child.exitCode === null && server.child.signalCode === null,
    recoveredMs,
    verdict: await workload.verify(),
  };
}
