/**
 * The background jobs of a running server: once at start and then every JOBS_INTERVAL_MINUTES,
 * in sequence: the next occurrences of recurring rounds, the day's reminders, the e-mail outbox.
 * Each job is guarded on its own (a failing one is logged and the others still run), two runs
 * never overlap, and stop() waits for a run in progress.
 */
import type { Db } from '../db/client.js';
import { runReminders } from '../db/reminders.js';
import { createDueOccurrences } from '../db/rounds.js';
import { type IsoDate, todayInVietnam } from '../domain/periods.js';
import type { Config } from '../server/config.js';
import { createMailTransport, type MailTransport, sendPendingEmails } from './mailer.js';

export interface SchedulerLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface SchedulerOptions {
  db: Db;
  config: Pick<Config, 'smtpUrl' | 'smtpFrom' | 'jobsIntervalMinutes' | 'publicUrl'> &
    Partial<Pick<Config, 'holidays'>>;
  log: SchedulerLog;
  /** Tests: a transport instead of one made from SMTP_URL, and a clock. */
  transport?: MailTransport;
  now?: () => Date;
}

export interface Scheduler {
  /** Runs the jobs now (waits for a run in progress instead of starting a second one). */
  runOnce(): Promise<void>;
  stop(): Promise<void>;
}

export function startScheduler(options: SchedulerOptions): Scheduler {
  const { db, config, log } = options;
  const now = options.now ?? (() => new Date());
  const transport = options.transport ?? (config.smtpUrl ? createMailTransport(config.smtpUrl) : undefined);
  const guarded = async (job: string, run: () => Promise<unknown>) => {
    try {
      const result = await run();
      log.info({ job, result }, 'job done');
    } catch (error) {
      log.error({ job, err: error }, 'job failed');
    }
  };

  const jobs = async () => {
    const today: IsoDate = todayInVietnam(now());
    await guarded('rounds.occurrences', () => createDueOccurrences(db, today, config.holidays));
    await guarded('reminders', () =>
      runReminders(db, today, { email: transport !== undefined, siteUrl: config.publicUrl }),
    );
    if (transport) {
      await guarded('emails', () =>
        sendPendingEmails(db, transport, now(), {
          ...(config.smtpFrom ? { from: config.smtpFrom } : {}),
          log,
        }),
      );
    }
  };

  let running: Promise<void> | null = null;
  let stopped = false;
  const runOnce = (): Promise<void> => {
    if (running) return running;
    running = jobs().finally(() => {
      running = null;
    });
    return running;
  };

  const minutes = config.jobsIntervalMinutes ?? 15;
  const timer = setInterval(() => {
    if (!stopped && !running) void runOnce();
  }, minutes * 60_000);
  timer.unref();
  void runOnce();

  return {
    runOnce,
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (running) await running;
      transport?.close?.();
    },
  };
}
