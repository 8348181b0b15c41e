/**
 * Runs the day's reminders: reads the open rounds, their units' reports and the people concerned,
 * builds the digests (src/domain/reminders.ts) and stores one notification per person per day. The
 * unique (user, day, kind) key makes a second run on the same day a no-op. When e-mail is enabled,
 * each new digest of a person with an address also gets an outbox row, in the same transaction;
 * sending happens later (src/jobs/mailer.ts), so a down SMTP server delays only the e-mail.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Role } from '../domain/authz.js';
import type { IsoDate } from '../domain/periods.js';
import {
  buildDigests,
  type Digest,
  digestEmail,
  inReminderDays,
  type ReminderGrant,
  type ReminderRound,
} from '../domain/reminders.js';
import type { ReportStatus } from '../domain/workflow.js';
import type { Db, Queryable } from './client.js';
import {
  emailOutbox,
  notifications,
  reports,
  rounds,
  roundUnits,
  units,
  userRoles,
  users,
} from './schema.js';

export const DIGEST_KIND = 'digest';

/** The country unit is the ministry (Bộ Ngoại giao): its rounds ask the provinces. */
const MINISTRY_NAME = 'Bộ Ngoại giao';

const REMINDED_ROLES: Role[] = [
  'commune_officer',
  'commune_leader',
  'province_officer',
  'province_leader',
  'national_officer',
  'national_leader',
];

export interface RunRemindersOptions {
  /** Queue an e-mail for each new digest of a person with an address (SMTP configured). */
  email: boolean;
  /** The site's address, for absolute links in e-mails. */
  siteUrl?: string | undefined;
}

export interface RunRemindersResult {
  /** Digests built for the day. */
  digests: number;
  /** Notifications stored by this run (0 on a second run the same day). */
  created: number;
  /** E-mails queued by this run. */
  queued: number;
}

/** Everything buildDigests needs for `today`, read from the database. */
export async function loadReminderInput(q: Queryable, today: IsoDate) {
  const open = await q
    .select({
      id: rounds.id,
      name: rounds.name,
      deadline: rounds.deadline,
      remindDays: rounds.remindDays,
      receivingUnitId: rounds.unitId,
    })
    .from(rounds)
    .where(eq(rounds.status, 'open'));
  const due = open.filter((r) => inReminderDays(r, today));
  if (due.length === 0)
    return { today, rounds: [], units: [], reports: [], grants: [], askers: new Map<number, string>() };
  const roundIds = due.map((r) => r.id);

  const members = await q
    .select({ roundId: roundUnits.roundId, unitId: units.id, name: units.name, code: units.code })
    .from(roundUnits)
    .innerJoin(units, eq(units.id, roundUnits.unitId))
    .where(inArray(roundUnits.roundId, roundIds))
    .orderBy(units.code);
  const reportRows = await q
    .select({
      roundId: reports.roundId,
      unitId: reports.unitId,
      reportId: reports.id,
      status: reports.status,
    })
    .from(reports)
    .where(inArray(reports.roundId, roundIds));

  const unitIds = new Set<number>(due.map((r) => r.receivingUnitId));
  for (const m of members) unitIds.add(m.unitId);
  const receivingUnits = await q
    .select({ id: units.id, name: units.name, kind: units.kind })
    .from(units)
    .where(inArray(units.id, [...unitIds]));
  // The ministry's rounds (received by the country unit): the provinces asked are told it is its round.
  const country = new Set(receivingUnits.filter((u) => u.kind === 'country').map((u) => u.id));
  const askers = new Map(
    due.flatMap((r) => (country.has(r.receivingUnitId) ? [[r.id, MINISTRY_NAME] as const] : [])),
  );
  const grants: ReminderGrant[] = await q
    .select({ userId: userRoles.userId, role: userRoles.role, unitId: userRoles.unitId })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(
      and(
        inArray(userRoles.unitId, [...unitIds]),
        inArray(userRoles.role, REMINDED_ROLES),
        eq(users.active, true),
      ),
    );

  const roundsIn: ReminderRound[] = due.map((r) => ({
    ...r,
    memberUnitIds: members.filter((m) => m.roundId === r.id).map((m) => m.unitId),
  }));
  return {
    today,
    rounds: roundsIn,
    units: receivingUnits.map((u) => ({ id: u.id, name: u.name })),
    askers,
    reports: reportRows.flatMap((r) =>
      r.roundId === null ? [] : [{ ...r, roundId: r.roundId, status: r.status as ReportStatus }],
    ),
    grants,
  };
}

/** Builds and stores the digests of `today` (Vietnam's calendar). Idempotent per day. */
export async function runReminders(
  db: Db,
  today: IsoDate,
  options: RunRemindersOptions,
): Promise<RunRemindersResult> {
  const digests = buildDigests(await loadReminderInput(db, today));
  if (digests.length === 0) return { digests: 0, created: 0, queued: 0 };
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(notifications)
      .values(
        digests.map((d) => ({
          userId: d.userId,
          day: d.day,
          kind: DIGEST_KIND,
          title: d.title,
          items: d.items,
        })),
      )
      .onConflictDoNothing({ target: [notifications.userId, notifications.day, notifications.kind] })
      .returning({ id: notifications.id, userId: notifications.userId });
    const queued = options.email ? await queueEmails(tx, digests, inserted, options.siteUrl) : 0;
    return { digests: digests.length, created: inserted.length, queued };
  });
}

async function queueEmails(
  q: Queryable,
  digests: Digest[],
  inserted: { id: number; userId: number }[],
  siteUrl: string | undefined,
): Promise<number> {
  if (inserted.length === 0) return 0;
  const people = await q
    .select({ id: users.id, fullName: users.fullName, email: users.email })
    .from(users)
    .where(
      inArray(
        users.id,
        inserted.map((n) => n.userId),
      ),
    );
  const byId = new Map(people.map((p) => [p.id, p]));
  const byUser = new Map(digests.map((d) => [d.userId, d]));
  const rows = inserted.flatMap((n) => {
    const person = byId.get(n.userId);
    const digest = byUser.get(n.userId);
    if (!person?.email || !digest) return [];
    const mail = digestEmail(digest, person.fullName, siteUrl);
    return [{ notificationId: n.id, toAddress: person.email, subject: mail.subject, body: mail.body }];
  });
  if (rows.length === 0) return 0;
  await q.insert(emailOutbox).values(rows).onConflictDoNothing();
  return rows.length;
}
