/**
 * Reminders on a real database: who gets a digest and what it says, one digest per person per day
 * (running twice changes nothing), the notification routes, users' e-mail addresses, and e-mail
 * through a real SMTP server on loopback, down and back up again (the reminder waits and retries).
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { and, eq, like } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReminders } from '../../src/db/reminders.js';
import {
  auditLog,
  emailOutbox,
  notifications,
  outlines,
  reports,
  rounds,
  roundUnits,
  units,
  users,
} from '../../src/db/schema.js';
import type { NotificationListResponse } from '../../src/domain/api-notifications.js';
import type { ReportStatus } from '../../src/domain/workflow.js';
import { createMailTransport, type MailTransport, sendPendingEmails } from '../../src/jobs/mailer.js';
import { startScheduler } from '../../src/jobs/scheduler.js';
import type { App } from '../../src/server/context.js';
import { buildTestApp, buildUser, type Client, signIn, unitId } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let database: TestDatabase;
let app: App;
let outlineId = 0;
let province = 0;
const communes: { id: number; name: string }[] = [];
const people = {
  officerA: 0,
  leaderA: 0,
  officerB: 0,
  provinceOfficer: 0,
  provinceLeader: 0,
};
let officerA: Client;
let officerB: Client;
let periodCounter = 0;

async function buildRound(deadline: string, memberIds: number[], remindDays = 3): Promise<number> {
  periodCounter += 1;
  const [row] = await database.db
    .insert(rounds)
    .values({
      unitId: province,
      name: `Báo cáo tháng ${periodCounter} năm 2026`,
      outlineId,
      outlineCode: 'commune-report',
      periodKind: 'month',
      periodYear: 2026,
      periodIndex: periodCounter,
      periodKey: `month-2026-${String(periodCounter).padStart(2, '0')}`,
      windowStart: '2026-01-01',
      windowEnd: '2026-01-31',
      deadlineDays: 3,
      deadline,
      remindDays,
    })
    .returning({ id: rounds.id });
  if (!row) throw new Error('no round');
  await database.db.insert(roundUnits).values(memberIds.map((unitId) => ({ roundId: row.id, unitId })));
  return row.id;
}

async function buildRoundReport(roundId: number, unit: number, status: ReportStatus): Promise<number> {
  const [round] = await database.db.select().from(rounds).where(eq(rounds.id, roundId));
  if (!round) throw new Error('no round');
  const [row] = await database.db
    .insert(reports)
    .values({
      unitId: unit,
      outlineId,
      outlineCode: 'commune-report',
      periodKind: round.periodKind,
      periodYear: round.periodYear,
      periodIndex: round.periodIndex,
      periodKey: round.periodKey,
      windowStart: round.windowStart,
      windowEnd: round.windowEnd,
      status,
      content: {},
      roundId,
    })
    .returning({ id: reports.id });
  if (!row) throw new Error('no report');
  return row.id;
}

const digestsOf = (userId: number, day?: string) =>
  database.db
    .select()
    .from(notifications)
    .where(
      day
        ? and(eq(notifications.userId, userId), eq(notifications.day, day))
        : eq(notifications.userId, userId),
    );

const itemsOf = (row: { items: unknown } | undefined) =>
  (row?.items ?? []) as { text: string; roundId: number }[];

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestApp(database.db);
  province = await unitId(database.db, '42');
  const [outline] = await database.db
    .select({ id: outlines.id })
    .from(outlines)
    .where(eq(outlines.code, 'commune-report'))
    .limit(1);
  outlineId = outline?.id ?? 0;
  const rows = await database.db
    .select({ id: units.id, name: units.name, code: units.code })
    .from(units)
    .where(and(eq(units.provinceCode, '42'), eq(units.kind, 'commune')))
    .orderBy(units.code)
    .limit(3);
  communes.push(...rows);
  const [a, b] = rows;
  if (!a || !b || !outlineId) throw new Error('catalogue or outline missing');
  const user = async (role: Parameters<typeof buildUser>[1][0]['role'], code: string) =>
    buildUser(database.db, [{ role, unitCode: code }]);
  const oa = await user('commune_officer', a.code);
  people.officerA = oa.id;
  people.leaderA = (await user('commune_leader', a.code)).id;
  const ob = await user('commune_officer', b.code);
  people.officerB = ob.id;
  people.provinceOfficer = (await user('province_officer', '42')).id;
  people.provinceLeader = (await user('province_leader', '42')).id;
  officerA = await signIn(app, oa.username);
  officerB = await signIn(app, ob.username);
});
afterAll(async () => {
  await app.close();
  await database.destroy();
});

describe("a user's e-mail address", () => {
  it('is set on the own account, checked with a clear message, and audited', async () => {
    const bad = await officerA.request('PATCH', '/api/account', { email: 'canbo@thachha' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0]).toMatchObject({
      path: 'email',
      message: 'Địa chỉ thư điện tử không hợp lệ (ví dụ: canbo@thachha.hatinh.gov.vn).',
    });
    const ok = await officerA.request('PATCH', '/api/account', { email: ' CanBo.A@ThachHa.HaTinh.gov.vn ' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ email: 'canbo.a@thachha.hatinh.gov.vn' });
    expect((await officerA.request('GET', '/api/account')).json()).toEqual({
      email: 'canbo.a@thachha.hatinh.gov.vn',
    });
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'user.email.change'), eq(auditLog.entityId, String(people.officerA))));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toEqual({ email: 'canbo.a@thachha.hatinh.gov.vn' });
  });

  it('is set by an administrator in the user form, and cleared with an empty field', async () => {
    const admin = await buildUser(database.db, [{ role: 'admin', unitCode: '42' }]);
    const client = await signIn(app, admin.username);
    const set = await client.request('PATCH', `/api/users/${people.provinceOfficer}`, {
      email: 'songv@hatinh.gov.vn',
    });
    expect(set.statusCode).toBe(200);
    expect(set.json().email).toBe('songv@hatinh.gov.vn');
    const cleared = await client.request('PATCH', `/api/users/${people.officerB}`, { email: '' });
    expect(cleared.json().email).toBeNull();
  });
});

describe('the reminders of a round', () => {
  let round1 = 0;
  let reportB = 0;

  beforeAll(async () => {
    const [a, b] = communes;
    if (!a || !b) throw new Error('no communes');
    // Deadline in two days, reminders from three days before: today is a reminder day.
    round1 = await buildRound('2026-06-17', [a.id, b.id], 3);
    reportB = await buildRoundReport(round1, b.id, 'issued');
  });

  it('reminds the officer of a unit without a report, not the unit that issued; the province gets the summary', async () => {
    const result = await runReminders(database.db, '2026-06-15', { email: false });
    expect(result.created).toBeGreaterThanOrEqual(2);
    const [a] = communes;
    const [mine] = await digestsOf(people.officerA, '2026-06-15');
    expect(mine?.title).toBe('Nhắc việc ngày 15/6/2026: 1 việc cần làm');
    expect(itemsOf(mine)[0]?.text).toBe(
      `Đợt “Báo cáo tháng 1 năm 2026” – ${a?.name}: còn 2 ngày (hạn 17/6/2026); chưa lập báo cáo.`,
    );
    expect(await digestsOf(people.officerB)).toHaveLength(0);
    expect(await digestsOf(people.leaderA)).toHaveLength(0); // nothing waits for him yet, not late
    const [summary] = await digestsOf(people.provinceOfficer, '2026-06-15');
    expect(itemsOf(summary)[0]?.text).toBe(
      'Đợt “Báo cáo tháng 1 năm 2026”: còn 2 ngày (hạn 17/6/2026); 1/2 đơn vị đã gửi; 1 báo cáo chờ tiếp nhận.',
    );
    expect(await digestsOf(people.provinceLeader, '2026-06-15')).toHaveLength(1);
    expect(reportB).toBeGreaterThan(0);
  });

  it('shows the digests to their owner only, newest first, with the unread count; marks them read', async () => {
    const list = (await officerA.request('GET', '/api/notifications')).json() as NotificationListResponse;
    expect(list.unread).toBe(1);
    expect(list.items[0]).toMatchObject({ day: '2026-06-15', readAt: null });
    expect(list.items[0]?.items[0]?.href).toBe(`/dot-bao-cao/${round1}`);
    const id = list.items[0]?.id ?? 0;
    // Someone else's notification is not found, and stays unread.
    expect((await officerB.request('POST', `/api/notifications/${id}/read`)).statusCode).toBe(404);
    expect((await officerA.request('GET', '/api/notifications/unread-count')).json()).toEqual({ unread: 1 });
    expect((await officerA.request('POST', `/api/notifications/${id}/read`)).statusCode).toBe(200);
    expect((await officerA.request('GET', '/api/notifications/unread-count')).json()).toEqual({ unread: 0 });
    expect((await officerA.request('POST', '/api/notifications/read-all')).json()).toEqual({
      ok: true,
      marked: 0,
    });
    expect((await app.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
  });

  it('gathers two rounds of the same officer into ONE digest, and a second run changes nothing', async () => {
    const [a] = communes;
    if (!a) throw new Error('no commune');
    await buildRound('2026-06-18', [a.id], 5);
    const first = await runReminders(database.db, '2026-06-16', { email: false });
    const again = await runReminders(database.db, '2026-06-16', { email: false });
    expect(first.created).toBeGreaterThan(0);
    expect(again.created).toBe(0);
    const digests = await digestsOf(people.officerA, '2026-06-16');
    expect(digests).toHaveLength(1);
    expect(itemsOf(digests[0]).map((i) => i.roundId)).toEqual([round1, round1 + 1]);
    expect(digests[0]?.title).toBe('Nhắc việc ngày 16/6/2026: 2 việc cần làm');
  });

  it('after the deadline says "quá hạn" to the officer, the leader and the province', async () => {
    await runReminders(database.db, '2026-06-19', { email: false });
    const [officer] = await digestsOf(people.officerA, '2026-06-19');
    expect(itemsOf(officer)[0]?.text).toContain('đã quá hạn 2 ngày (hạn 17/6/2026)');
    const [leader] = await digestsOf(people.leaderA, '2026-06-19');
    expect(itemsOf(leader).map((i) => i.text)).toEqual(
      expect.arrayContaining([expect.stringContaining('đã quá hạn 2 ngày')]),
    );
    const [summary] = await digestsOf(people.provinceOfficer, '2026-06-19');
    expect(itemsOf(summary)[0]?.text).toContain(`1 đơn vị quá hạn: ${communes[0]?.name}`);
  });
});

// ---------- e-mail through a real SMTP server on loopback ----------

interface Received {
  to: string[];
  raw: string;
}

async function startSmtp(inbox: Received[]): Promise<{ server: SMTPServer; port: number }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        inbox.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  return { server, port: (server.server.address() as AddressInfo).port };
}

const stopSmtp = (server: SMTPServer) => new Promise<void>((resolve) => server.close(() => resolve()));

/** Decodes a single-part message: unfolded headers with encoded words, and the body. */
function decodeMessage(raw: string): { headers: Map<string, string>; body: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const words = (v: string) =>
    v
      .replace(/\?=\s+=\?/g, '?==?')
      .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
        enc.toLowerCase() === 'b'
          ? Buffer.from(text, 'base64').toString('utf8')
          : qp(text.replace(/_/g, ' ')),
      );
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const i = line.indexOf(':');
    headers.set(line.slice(0, i).toLowerCase(), words(line.slice(i + 1).trim()));
  }
  const rawBody = raw.slice(split + 4);
  const cte = headers.get('content-transfer-encoding')?.toLowerCase();
  const body =
    cte === 'base64'
      ? Buffer.from(rawBody.replace(/\s+/g, ''), 'base64').toString('utf8')
      : cte === 'quoted-printable'
        ? qp(rawBody.replace(/=\r\n/g, ''))
        : rawBody;
  return { headers, body: body.replace(/\r\n/g, '\n') };
}

function qp(text: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(text[i] ?? '', 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

const outboxFor = (address: string) =>
  database.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, address));

describe('reminders by e-mail', () => {
  const inbox: Received[] = [];
  let smtp: { server: SMTPServer; port: number };
  let transport: MailTransport;
  const FROM = 'doingoai Hà Tĩnh <no-reply@hatinh.gov.vn>';

  beforeAll(async () => {
    smtp = await startSmtp(inbox);
    transport = createMailTransport(`smtp://127.0.0.1:${smtp.port}`);
  });
  afterAll(async () => {
    transport.close?.();
    await stopSmtp(smtp.server).catch(() => undefined);
  });

  it('queues the digest in the outbox and a real SMTP server receives it', async () => {
    const run = await runReminders(database.db, '2026-06-20', {
      email: true,
      siteUrl: 'https://doingoai.hatinh.gov.vn',
    });
    expect(run.queued).toBe(2); // the commune officer and the province officer have an address
    const sent = await sendPendingEmails(database.db, transport, new Date(), { from: FROM });
    expect(sent).toEqual({ sent: 2, failed: 0 });
    const mail = inbox.find((m) => m.to.includes('canbo.a@thachha.hatinh.gov.vn'));
    expect(mail).toBeDefined();
    const { headers, body } = decodeMessage(mail?.raw ?? '');
    expect(headers.get('subject')).toBe('[doingoai] Nhắc việc ngày 20/6/2026: 2 việc cần làm');
    expect(headers.get('from')).toContain('no-reply@hatinh.gov.vn');
    expect(body).toContain('Kính gửi Người thử');
    expect(body).toContain('đã quá hạn 3 ngày (hạn 17/6/2026); chưa lập báo cáo.');
    expect(body).toContain('https://doingoai.hatinh.gov.vn/dot-bao-cao/');
    const [row] = await outboxFor('canbo.a@thachha.hatinh.gov.vn');
    expect(row).toMatchObject({ attempts: 1, lastError: null });
    expect(row?.sentAt).not.toBeNull();
    // Nothing is sent twice.
    expect(await sendPendingEmails(database.db, transport, new Date())).toEqual({ sent: 0, failed: 0 });
  });

  it('with the SMTP server down the e-mail waits (attempts, error, later try) and nothing else fails; it is delivered once the server is back', async () => {
    await stopSmtp(smtp.server);
    transport.close?.();
    const run = await runReminders(database.db, '2026-06-21', { email: true });
    expect(run.created).toBeGreaterThan(0);
    const now = new Date();
    const result = await sendPendingEmails(database.db, transport, now);
    expect(result).toEqual({ sent: 0, failed: 2 });
    const pending = await database.db
      .select()
      .from(emailOutbox)
      .where(like(emailOutbox.subject, '%21/6/2026%'));
    expect(pending).toHaveLength(2);
    for (const row of pending) {
      expect(row.sentAt).toBeNull();
      expect(row.attempts).toBe(1);
      expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
      expect(row.nextAttemptAt.getTime()).toBe(now.getTime() + 5 * 60_000);
    }
    // The app goes on: the digest is there, the routes answer.
    const list = await officerA.request('GET', '/api/notifications');
    expect(list.statusCode).toBe(200);
    expect((list.json() as NotificationListResponse).items[0]?.day).toBe('2026-06-21');
    // Not due again before its time.
    expect(await sendPendingEmails(database.db, transport, new Date(now.getTime() + 60_000))).toEqual({
      sent: 0,
      failed: 0,
    });

    // The server is back (on a new port: a new transport); the retry delivers.
    inbox.length = 0;
    smtp = await startSmtp(inbox);
    transport = createMailTransport(`smtp://127.0.0.1:${smtp.port}`);
    const retry = await sendPendingEmails(database.db, transport, new Date(now.getTime() + 6 * 60_000));
    expect(retry).toEqual({ sent: 2, failed: 0 });
    expect(inbox.flatMap((m) => m.to).sort()).toEqual([
      'canbo.a@thachha.hatinh.gov.vn',
      'songv@hatinh.gov.vn',
    ]);
    const [delivered] = await database.db
      .select()
      .from(emailOutbox)
      .where(and(like(emailOutbox.subject, '%21/6/2026%'), eq(emailOutbox.toAddress, 'songv@hatinh.gov.vn')));
    expect(delivered).toMatchObject({ attempts: 2 });
    expect(delivered?.sentAt).not.toBeNull();
  });

  it('a user without an address gets the digest in the app only', async () => {
    const [b] = await database.db.select().from(users).where(eq(users.id, people.leaderA));
    expect(b?.email).toBeNull();
    expect((await digestsOf(people.leaderA, '2026-06-21')).length).toBe(1);
    const rows = await database.db.select().from(emailOutbox);
    expect(rows.every((r) => r.toAddress !== '')).toBe(true);
    expect(rows.map((r) => r.toAddress)).not.toContain(null);
  });
});

describe('the scheduler', () => {
  it('runs the jobs at start, each guarded (the next occurrence of a monthly round too), and stops cleanly', async () => {
    const [a] = communes;
    if (!a) throw new Error('no commune');
    const monthly = await buildRound('2026-05-20', [a.id]);
    await database.db
      .update(rounds)
      .set({ frequency: 'month', seriesId: monthly, status: 'open' })
      .where(eq(rounds.id, monthly));
    const logged: { level: string; msg: string; job?: string; result?: unknown }[] = [];
    const log = {
      info: (obj: { job?: string; result?: unknown }, msg: string) =>
        logged.push({ level: 'info', msg, ...obj }),
      warn: (obj: { job?: string }, msg: string) => logged.push({ level: 'warn', msg, ...obj }),
      error: (obj: { job?: string }, msg: string) => logged.push({ level: 'error', msg, ...obj }),
    };
    const failing: MailTransport = {
      sendMail: async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:1');
      },
    };
    const scheduler = startScheduler({
      db: database.db,
      config: { jobsIntervalMinutes: 15 },
      log,
      transport: failing,
      now: () => new Date('2026-06-22T02:00:00Z'),
    });
    await scheduler.runOnce();
    await scheduler.stop();
    expect(await digestsOf(people.officerA, '2026-06-22')).toHaveLength(1);
    expect(logged.filter((l) => l.level === 'error')).toEqual([]);
    const occurrences = logged.find((l) => l.job === 'rounds.occurrences');
    expect(occurrences?.result).toBeGreaterThan(0);
    expect(await database.db.select().from(rounds).where(eq(rounds.seriesId, monthly))).toHaveLength(
      1 + Number(occurrences?.result),
    );
    expect(logged.map((l) => l.job).filter(Boolean)).toEqual(
      expect.arrayContaining(['rounds.occurrences', 'reminders', 'emails']),
    );
  });
});

describe("the ministry's round to the provinces", () => {
  it("reminds a province's officer like a commune's, naming the ministry's round and its deadline; the ministry gets the summary", async () => {
    const country = await unitId(database.db, 'VN');
    const ngheAn = await unitId(database.db, '40');
    const [hàTĩnh] = await database.db.select({ name: units.name }).from(units).where(eq(units.id, province));
    const officer = (await buildUser(database.db, [{ role: 'province_officer', unitCode: '42' }])).id;
    const leader = (await buildUser(database.db, [{ role: 'province_leader', unitCode: '42' }])).id;
    const national = (await buildUser(database.db, [{ role: 'national_officer', unitCode: 'VN' }])).id;
    const [round] = await database.db
      .insert(rounds)
      .values({
        unitId: country,
        name: 'Báo cáo công tác đối ngoại Quý III năm 2026',
        outlineId,
        outlineCode: 'commune-report',
        periodKind: 'quarter',
        periodYear: 2026,
        periodIndex: 3,
        periodKey: 'quarter-2026-3',
        windowStart: '2026-06-15',
        windowEnd: '2026-09-14',
        deadlineDays: 10,
        deadline: '2026-09-24',
        remindDays: 3,
      })
      .returning({ id: rounds.id });
    const roundId = round?.id ?? 0;
    await database.db.insert(roundUnits).values([
      { roundId, unitId: province },
      { roundId, unitId: ngheAn },
    ]);
    await runReminders(database.db, '2026-09-22', { email: false });
    const ofRound = async (userId: number) =>
      itemsOf((await digestsOf(userId, '2026-09-22'))[0]).filter((i) => i.roundId === roundId);
    expect((await ofRound(officer)).map((i) => i.text)).toEqual([
      `Đợt “Báo cáo công tác đối ngoại Quý III năm 2026” của Bộ Ngoại giao – ${hàTĩnh?.name}: còn 2 ngày (hạn 24/9/2026); chưa lập báo cáo.`,
    ]);
    // Nothing waits for the leader yet and the deadline has not passed.
    expect(await ofRound(leader)).toEqual([]);
    expect((await ofRound(national)).map((i) => i.text)).toEqual([
      'Đợt “Báo cáo công tác đối ngoại Quý III năm 2026”: còn 2 ngày (hạn 24/9/2026); 0/2 đơn vị đã gửi.',
    ]);
    // Once past the deadline, the province's leader is reminded too.
    await runReminders(database.db, '2026-09-25', { email: false });
    const late = itemsOf((await digestsOf(leader, '2026-09-25'))[0]).filter((i) => i.roundId === roundId);
    expect(late.map((i) => i.text)).toEqual([
      `Đợt “Báo cáo công tác đối ngoại Quý III năm 2026” của Bộ Ngoại giao – ${hàTĩnh?.name}: đã quá hạn 1 ngày (hạn 24/9/2026); chưa lập báo cáo.`,
    ]);
  });
});
