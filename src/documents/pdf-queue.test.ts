import { describe, expect, it } from 'vitest';
import { AppError } from '../domain/errors.js';
import { createPdfQueue } from './pdf-queue.js';

/** Work that finishes when `finish` is called, counting how many times it started. */
function gated() {
  const started: string[] = [];
  const gates = new Map<string, () => void>();
  const work = (name: string) => () => {
    started.push(name);
    return new Promise<Uint8Array>((resolve) =>
      gates.set(name, () => resolve(new TextEncoder().encode(name))),
    );
  };
  const finish = async (name: string) => {
    for (let i = 0; i < 50 && !gates.has(name); i++) await Promise.resolve();
    gates.get(name)?.();
  };
  return { started, work, finish };
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('the PDF queue', () => {
  it('runs identical requests once and gives every requester the result', async () => {
    const queue = createPdfQueue();
    const g = gated();
    const all = [1, 2, 3].map(() => queue.run('same', g.work('same')));
    await g.finish('same');
    expect((await Promise.all(all)).map(text)).toEqual(['same', 'same', 'same']);
    expect(g.started).toEqual(['same']);
    expect(queue.stats).toMatchObject({ started: 1, shared: 2 });
  });

  it('refuses a new conversion when the waiting line is full, with PDF_BUSY (503)', async () => {
    const queue = createPdfQueue({ concurrency: 1, maxWaiting: 2 });
    const g = gated();
    const accepted = ['a', 'b', 'c'].map((k) => queue.run(k, g.work(k)));
    const refused = await queue.run('d', g.work('d')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'PDF_BUSY', status: 503 });
    // A request for a document already waiting still joins it: nothing done twice, nothing refused.
    const joined = queue.run('c', g.work('c'));
    for (const k of ['a', 'b', 'c']) await g.finish(k);
    expect((await Promise.all([...accepted, joined])).map(text)).toEqual(['a', 'b', 'c', 'c']);
    expect(g.started).toEqual(['a', 'b', 'c']);
  });

  it('drops a waiting conversion whose every requester went away; keeps one someone still waits for', async () => {
    const queue = createPdfQueue({ concurrency: 1 });
    const g = gated();
    const running = queue.run('a', g.work('a'));
    const gone = new AbortController();
    const abandoned = queue.run('b', g.work('b'), gone.signal).catch((e: unknown) => e);
    const halfGone = new AbortController();
    const shared1 = queue.run('c', g.work('c'), halfGone.signal).catch((e: unknown) => e);
    const shared2 = queue.run('c', g.work('c'));
    gone.abort();
    halfGone.abort();
    expect(queue.waiting).toBe(1);
    await g.finish('a');
    await g.finish('c');
    expect(text(await running)).toBe('a');
    expect(await abandoned).toMatchObject({ code: 'PDF_BUSY' });
    expect(await shared1).toMatchObject({ code: 'PDF_BUSY' });
    expect(text(await shared2)).toBe('c');
    expect(g.started).toEqual(['a', 'c']);
    expect(queue.stats.dropped).toBe(1);
  });

  it('passes a failure to every requester and takes the next conversion', async () => {
    const queue = createPdfQueue();
    const failing = () => Promise.reject(new AppError('PDF_FAILED'));
    const both = await Promise.all(
      [queue.run('x', failing), queue.run('x', failing)].map((p) => p.catch((e) => e)),
    );
    expect(both.map((e) => (e as AppError).code)).toEqual(['PDF_FAILED', 'PDF_FAILED']);
    expect(text(await queue.run('x', async () => new TextEncoder().encode('ok')))).toBe('ok');
  });
});
