/**
 * Sends the e-mails waiting in the outbox. A failure (SMTP server down, refused address) only
 * postpones that row: attempts + 1, the error kept, the next try later (5 min, 10, 20… at most
 * 6 h). Nothing is thrown out of here: a broken mail server must never stop the other jobs.
 */
import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import { createTransport } from 'nodemailer';
import type { Db } from '../db/client.js';
import { emailOutbox } from '../db/schema.js';

/** What the mailer needs of a transport (nodemailer's, or a fake in tests). */
export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
  close?(): void;
}

export const RETRY_BASE_MS = 5 * 60_000;
export const RETRY_MAX_MS = 6 * 3600_000;
/** While a row is being sent it is leased: another process will not send it at the same time. */
const LEASE_MS = 10 * 60_000;
const BATCH = 50;

/** The delay before the next try after `attempts` failed ones (1 → 5 min, 2 → 10 min, … ≤ 6 h). */
export function retryDelayMs(attempts: number): number {
  return Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

/**
 * An SMTP transport from SMTP_URL (smtp://user:pass@host:587, smtps://host:465). Short timeouts:
 * a server that does not answer fails the try quickly instead of holding the job for minutes.
 */
export function createMailTransport(smtpUrl: string): MailTransport {
  const url = new URL(smtpUrl);
  return createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
    secure: url.protocol === 'smtps:',
    ...(url.username
      ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
      : {}),
    // A loopback or LAN relay often has no certificate matching its name; STARTTLS is still tried.
    tls: { rejectUnauthorized: url.searchParams.get('tls_reject_unauthorized') !== 'false' },
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
}

export interface SendResult {
  sent: number;
  failed: number;
}

interface Logger {
  warn(obj: object, msg: string): void;
}

/** Sends the outbox rows due at `now`. Never throws; returns what it did. */
export async function sendPendingEmails(
  db: Db,
  transport: MailTransport,
  now: Date = new Date(),
  options: { from?: string; log?: Logger } = {},
): Promise<SendResult> {
  const from = options.from ?? 'doingoai <no-reply@localhost>';
  const result: SendResult = { sent: 0, failed: 0 };
  let due: (typeof emailOutbox.$inferSelect)[];
  try {
    due = await db
      .select()
      .from(emailOutbox)
      .where(and(isNull(emailOutbox.sentAt), lte(emailOutbox.nextAttemptAt, now)))
      .orderBy(asc(emailOutbox.nextAttemptAt), asc(emailOutbox.id))
      .limit(BATCH);
  } catch (error) {
    options.log?.warn({ err: error }, 'email outbox: cannot read');
    return result;
  }
  for (const row of due) {
    try {
      // Claim the row (a lease): two servers on one PostgreSQL never send the same e-mail twice.
      const claimed = await db
        .update(emailOutbox)
        .set({ nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
        .where(
          and(
            eq(emailOutbox.id, row.id),
            isNull(emailOutbox.sentAt),
            // Not `= row.nextAttemptAt`: PostgreSQL keeps microseconds, a JS Date only milliseconds.
            lte(emailOutbox.nextAttemptAt, now),
          ),
        )
        .returning({ id: emailOutbox.id });
      if (claimed.length === 0) continue;
      try {
        await transport.sendMail({ from, to: row.toAddress, subject: row.subject, text: row.body });
      } catch (error) {
        const attempts = row.attempts + 1;
        const message = error instanceof Error ? error.message : String(error);
        await db
          .update(emailOutbox)
          .set({
            attempts,
            lastError: message.slice(0, 1000),
            nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
          })
          .where(eq(emailOutbox.id, row.id));
        result.failed += 1;
        options.log?.warn({ outboxId: row.id, attempts, err: message }, 'email not sent, will retry');
        continue;
      }
      await db
        .update(emailOutbox)
        .set({ sentAt: now, attempts: sql`${emailOutbox.attempts} + 1`, lastError: null })
        .where(eq(emailOutbox.id, row.id));
      result.sent += 1;
    } catch (error) {
      options.log?.warn({ outboxId: row.id, err: error }, 'email outbox: cannot update');
    }
  }
  return result;
}
