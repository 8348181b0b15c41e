/**
 * The queue in front of the PDF converter. Three rules, from a loop played on a loaded machine
 * (ten abandoned PDF requests made the next one wait 68 s):
 *
 * - bounded: at most `maxWaiting` conversions wait; one more is refused at once (PDF_BUSY, 503)
 *   instead of waiting behind work nobody may still want;
 * - shared: requests with the same key (the same document) wait for one conversion;
 * - dropped: a waiter whose signal aborts (the client went away) leaves the queue; a conversion
 *   nobody waits for any more is removed before it starts. One already running finishes (stopping
 *   LibreOffice mid-document would cost a restart), and its result is simply not sent.
 */
import { AppError } from '../domain/errors.js';

export interface PdfQueueOptions {
  /** Conversions running at once (default 1). */
  concurrency?: number;
  /** Conversions waiting for a free converter before new ones are refused (default 8). */
  maxWaiting?: number;
}

export interface PdfQueueStats {
  /** Conversions started. */
  started: number;
  /** Requests that joined a conversion already queued or running. */
  shared: number;
  /** Queued conversions removed because every requester went away. */
  dropped: number;
  /** Requests refused because the queue was full. */
  refused: number;
}

export interface PdfQueue {
  /** Runs `work` for `key`, or joins the run already queued or running for it. */
  run(key: string, work: () => Promise<Uint8Array>, signal?: AbortSignal): Promise<Uint8Array>;
  /** Conversions waiting (not yet started). */
  readonly waiting: number;
  readonly running: number;
  readonly stats: Readonly<PdfQueueStats>;
}

interface Waiter {
  resolve(pdf: Uint8Array): void;
  reject(error: unknown): void;
}

interface Job {
  key: string;
  work: () => Promise<Uint8Array>;
  waiters: Set<Waiter>;
  started: boolean;
}

/** The error of a request that went away: nobody reads it, but it must not look like a failure. */
export function abandoned(): AppError {
  return new AppError('PDF_BUSY', 'Yêu cầu đã bị hủy trước khi chuyển xong sang PDF.');
}

export function createPdfQueue(options: PdfQueueOptions = {}): PdfQueue {
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const maxWaiting = Math.max(0, options.maxWaiting ?? 8);
  const jobs = new Map<string, Job>();
  const queue: Job[] = [];
  let running = 0;
  const stats: PdfQueueStats = { started: 0, shared: 0, dropped: 0, refused: 0 };

  const pump = () => {
    while (running < concurrency) {
      const job = queue.shift();
      if (!job) return;
      job.started = true;
      running++;
      stats.started++;
      job
        .work()
        .then(
          (pdf) => {
            for (const w of job.waiters) w.resolve(pdf);
          },
          (error: unknown) => {
            for (const w of job.waiters) w.reject(error);
          },
        )
        .finally(() => {
          jobs.delete(job.key);
          running--;
          pump();
        });
    }
  };

  const leave = (job: Job, waiter: Waiter) => {
    job.waiters.delete(waiter);
    if (job.waiters.size > 0 || job.started) return;
    const at = queue.indexOf(job);
    if (at >= 0) queue.splice(at, 1);
    jobs.delete(job.key);
    stats.dropped++;
  };

  return {
    run(key, work, signal) {
      if (signal?.aborted) return Promise.reject(abandoned());
      let job = jobs.get(key);
      if (job) {
        stats.shared++;
      } else {
        if (queue.length >= maxWaiting && running >= concurrency) {
          stats.refused++;
          return Promise.reject(new AppError('PDF_BUSY'));
        }
        job = { key, work, waiters: new Set(), started: false };
        jobs.set(key, job);
        queue.push(job);
      }
      const joined = job;
      return new Promise<Uint8Array>((resolve, reject) => {
        const onAbort = () => {
          leave(joined, waiter);
          reject(abandoned());
        };
        const waiter: Waiter = {
          resolve: (pdf) => {
            signal?.removeEventListener('abort', onAbort);
            resolve(pdf);
          },
          reject: (error) => {
            signal?.removeEventListener('abort', onAbort);
            reject(error);
          },
        };
        joined.waiters.add(waiter);
        signal?.addEventListener('abort', onAbort, { once: true });
        pump();
      });
    },
    get waiting() {
      return queue.length;
    },
    get running() {
      return running;
    },
    stats,
  };
}
