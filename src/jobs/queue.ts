/**
 * The background jobs on PostgreSQL, through pg-boss (a job queue kept in PostgreSQL, schema
 * `pgboss`), so that several instances on one database never run them twice at once:
 *
 * - every instance asks, once a minute, for a run of the queue `doingoai-jobs` with a throttle
 *   slot of JOBS_INTERVAL_MINUTES (pg-boss `singletonSeconds`): pg-boss keeps ONE job per slot
 *   whichever instance asks, so the jobs run once per interval across all instances;
 * - the queue's policy is `stately`: at most one run queued and one running;
 * - any instance's worker takes the job; a run that dies with its instance expires and the next
 *   slot runs again (the jobs are idempotent: see scheduler.ts).
 *
 * On the embedded database there is one process only, and scheduler.ts runs the jobs itself.
 */
import PgBoss from 'pg-boss';
import { createJobRunner, type Scheduler, type SchedulerOptions, startScheduler } from './scheduler.js';

export const JOBS_QUEUE = 'doingoai-jobs';
const ASK_EVERY_MS = 60_000;
/** How often an instance looks for a queued run. */
const POLL_MS = 2_000;

export interface QueuedSchedulerOptions extends SchedulerOptions {
  databaseUrl: string;
  /** How often instances ask pg-boss for a job (tests: shorter). */
  askEveryMs?: number;
}

export async function startQueuedScheduler(options: QueuedSchedulerOptions): Promise<Scheduler> {
  const { log } = options;
  const minutes = options.config.jobsIntervalMinutes ?? 15;
  const runner = createJobRunner(options);
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    application_name: 'doingoai-jobs',
    max: 2,
    // No cron schedules are used: the throttle slot below gives the rhythm.
    schedule: false,
    // A finished run must stay in the job table for its whole slot, or the slot could run again.
    archiveCompletedAfterSeconds: Math.max(12 * 3600, minutes * 60 * 2),
  });
  boss.on('error', (error) => log.warn({ err: error }, 'job queue error'));
  await boss.start();
  await boss.createQueue(JOBS_QUEUE, {
    name: JOBS_QUEUE,
    policy: 'stately',
    retryLimit: 0,
    expireInSeconds: 3600,
  });

  let running: Promise<void> | null = null;
  const runOnce = (): Promise<void> => {
    if (running) return running;
    running = runner.run().finally(() => {
      running = null;
    });
    return running;
  };

  // The worker loop is ours, not boss.work(): pg-boss 10 marks a job done without awaiting or
  // catching it, so a job that finished while PostgreSQL restarted rejected unhandled and ended
  // the process. Here every call to the queue is caught, logged, and tried again at the next poll.
  let stopped = false;
  let poll: NodeJS.Timeout | undefined;
  const takeJob = async () => {
    let id: string | undefined;
    try {
      const [job] = await boss.fetch(JOBS_QUEUE, { batchSize: 1 });
      if (!job) return;
      id = job.id;
      await runOnce();
      await boss.complete(JOBS_QUEUE, id);
    } catch (error) {
      log.warn({ err: error }, 'job queue: a run did not complete');
      if (id) await boss.fail(JOBS_QUEUE, id, { message: String(error) }).catch(() => undefined);
    }
  };
  const loop = () => {
    if (stopped) return;
    poll = setTimeout(() => void takeJob().finally(loop), POLL_MS);
    poll.unref();
  };
  loop();
  const ask = async () => {
    try {
      await boss.send(JOBS_QUEUE, {}, { singletonKey: 'run', singletonSeconds: minutes * 60 });
    } catch (error) {
      log.warn({ err: error }, 'job queue: cannot ask for a run');
    }
  };
  const timer = setInterval(() => void ask(), options.askEveryMs ?? ASK_EVERY_MS);
  timer.unref();
  await ask();

  return {
    runOnce,
    async stop() {
      stopped = true;
      clearTimeout(poll);
      clearInterval(timer);
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 }).catch(() => undefined);
      if (running) await running;
      runner.close();
    },
  };
}

/**
 * The server's jobs: none with JOBS=off; through pg-boss on PostgreSQL; in the process on the
 * embedded database. A queue that cannot start is logged and the server serves on without jobs
 * (requests matter more; the next start tries again).
 */
export async function startJobs(
  options: SchedulerOptions & { config: { jobs?: boolean; databaseUrl?: string | undefined } },
): Promise<Scheduler | null> {
  if (options.config.jobs === false) return null;
  const databaseUrl = options.config.databaseUrl;
  if (!databaseUrl) return startScheduler(options);
  try {
    return await startQueuedScheduler({ ...options, databaseUrl });
  } catch (error) {
    options.log.error({ err: error }, 'job queue did not start: no background jobs in this instance');
    return null;
  }
}
