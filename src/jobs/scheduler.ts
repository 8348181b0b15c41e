/**
 * The background jobs of a running server: once at start and then every JOBS_INTERVAL_MINUTES,
 * in sequence: the next occurrences of recurring rounds, the day's reminders, the e-mail outbox,
 * the PDFs of issued reports not stored yet (issued-pdfs.ts).
 * Each job is guarded on its own (a failing one is logged and the others still run), two runs
 * never overlap, and stop() waits for a run in progress.
 *
 * On the embedded database the timer runs here, in the process. On PostgreSQL, where several
 * instances may share the database, src/jobs/queue.ts hands each run to pg-boss instead, so that
 * one instance only runs it. The jobs are idempotent anyway: one digest per person per day (a
 * unique key), an outbox row is claimed (leased) before it is sent, a round's next occurrence is
 * unique per series and period.
 */
import type { Db } from '../db/client.js';
import { runReminders } from '../db/reminders.js';
import { createDueOccurrences } from '../db/rounds.js';
import type { PdfConverter } from '../documents/pdf.js';
import { type IsoDate, todayInVietnam } from '../domain/periods.js';
import type { Config } from '../server/config.js';
import { enableIssuedPdfs, storeMissingPdfs } from './issued-pdfs.js';
import { resumeStaleImports } from './logbook-import.js';
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
  /** Tests: the PDF converter of the issued reports' PDFs (default: the process-wide one). */
  pdfConverter?: PdfConverter;
}

export interface Scheduler {
  /** Runs the jobs now (waits for a run in progress instead of starting a second one). */
  runOnce(): Promise<void>;
  stop(): Promise<void>;
}

/** The jobs of one run, in sequence, each guarded on its own; and the mail transport to close. */
export interface JobRunner {
  run(): Promise<void>;
  close(): void;
}

export function createJobRunner(options: SchedulerOptions): JobRunner {
  const { db, config, log } = options;
  const now = options.now ?? (() => new Date());
  const transport = options.transport ?? (config.smtpUrl ? createMailTransport(config.smtpUrl) : undefined);
  const pdf = options.pdfConverter ? { converter: options.pdfConverter } : {};
  const disableIssuedPdfs = enableIssuedPdfs(pdf);
  const guarded = async (job: string, run: () => Promise<unknown>) => {
    try {
      const result = await run();
      log.info({ job, result }, 'job done');
    } catch (error) {
      log.error({ job, err: error }, 'job failed');
    }
  };
  return {
    async run() {
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
      await guarded('pdfs.issued', () => storeMissingPdfs(db, pdf));
      await guarded('logbook.imports', () => resumeStaleImports(db, now(), log));
    },
    close() {
      disableIssuedPdfs();
      transport?.close?.();
    },
  };
}

/** The jobs in this process, on a timer (the embedded database, and the tests). */
export function startScheduler(options: SchedulerOptions): Scheduler {
  const { config } = options;
  const runner = createJobRunner(options);

  let running: Promise<void> | null = null;
  let stopped = false;
  const runOnce = (): Promise<void> => {
    if (running) return running;
    running = runner.run().finally(() => {
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
      runner.close();
    },
  };
}
