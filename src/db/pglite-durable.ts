/**
 * PGlite made durable. Out of the box PGlite (0.5) starts PostgreSQL with `-F` (fsync off), and its
 * Node file system (emscripten's NODEFS) has no fsync at all: every write reaches the operating
 * system's page cache, which survives the process being killed but not a power cut or a kernel
 * crash. Here PostgreSQL runs with fsync on and `wal_sync_method=fsync` (emscripten's fdatasync is
 * a no-op, its fsync calls the stream's fsync), and NODEFS gets an fsync that calls the real one:
 * a commit returns only once its WAL is on disk, as on a PostgreSQL server.
 */
import { fsyncSync } from 'node:fs';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

type PostgresMod = Parameters<NodeFS['init']>[1];
type Init = Awaited<ReturnType<NodeFS['init']>>;

/** What NODEFS keeps on an open stream: the Node file descriptor behind it. */
interface NodeStream {
  nfd?: number;
}
interface StreamOps {
  fsync?: (stream: NodeStream) => number;
}

/** NODEFS with an fsync: PostgreSQL's fsync of a WAL segment, a data file or a folder reaches the disk. */
export class DurableNodeFS extends NodeFS {
  override async init(pg: PGlite, opts: Partial<PostgresMod>): Promise<Init> {
    const base = await super.init(pg, opts);
    const addFsync = (mod: PostgresMod) => {
      const ops = (mod.NODEFS as unknown as { stream_ops: StreamOps }).stream_ops;
      ops.fsync = (stream) => {
        if (stream.nfd !== undefined) fsyncSync(stream.nfd);
        return 0;
      };
    };
    return {
      emscriptenOpts: { ...base.emscriptenOpts, preRun: [...(base.emscriptenOpts.preRun ?? []), addFsync] },
    };
  }
}

/** PGlite's own start parameters with fsync on (no `-F`) and the WAL flushed by fsync. */
export const DURABLE_START_PARAMS = [
  ...PGlite.defaultStartParams.filter((p) => p !== '-F'),
  '-c',
  'wal_sync_method=fsync',
];

/** Options for a PGlite in `dataDir` that keeps a commit once it has answered (durable) or not. */
export function pgliteFolderOptions(dataDir: string, durable: boolean): PGliteOptions {
  return durable ? { fs: new DurableNodeFS(dataDir), startParams: DURABLE_START_PARAMS } : { dataDir };
}
