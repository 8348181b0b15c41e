/** `doingoai serve`: open the database, prepare it, and serve the API and the web app. */

import { hostname } from 'node:os';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../db/demo.js';
import { prepareDatabase } from '../db/prepare.js';
import { pruneExpired } from '../db/sessions.js';
import { findUserByUsername } from '../db/users.js';
import { startJobs } from '../jobs/queue.js';
import { buildApp } from '../server/app.js';
import type { Config } from '../server/config.js';
import { startBackupSocket } from './backup.js';
import { explainStartupError, openConfiguredDatabase } from './database.js';
import { CliError } from './errors.js';

export async function serve(config: Config, options: { demo: boolean }): Promise<void> {
  const started = Date.now();
  // Listen for the stop signals first: a signal that arrives while starting must still close the
  // database cleanly and release the data-folder lock, not kill the process with the lock held.
  // A second signal during shutdown is ignored too: dying then would leave the lock behind.
  let stopping = false;
  const stopRequested = new Promise<void>((resolve) => {
    const onSignal = () => {
      if (stopping) console.log('Đang dừng, vui lòng chờ để đóng cơ sở dữ liệu an toàn…');
      stopping = true;
      resolve();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  const database = await openConfiguredDatabase(config);
  try {
    // Demo accounts have a known password: only on the embedded database, unless asked for.
    const demo = options.demo && database.kind === 'pglite';
    const prepared = await prepareDatabase(database, { demo }).catch((error: unknown) => {
      throw explainStartupError(error, config, database) ?? error;
    });
    // The first start loads thousands of units: on disk now, not replayed after a crash.
    await database.checkpoint();
    const app = await buildApp({
      db: database.db,
      config,
      logger: {
        level: config.logLevel,
        ...(config.instanceId
          ? { base: { pid: process.pid, hostname: hostname(), instance: config.instanceId } }
          : {}),
      },
    });
    try {
      await app.listen({ port: config.port, host: config.host });
    } catch (error) {
      await app.close();
      if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
        throw new CliError(
          `Cổng ${config.port} đang được chương trình khác dùng. Hãy dừng nó hoặc đặt PORT khác.`,
          4,
        );
      }
      throw error;
    }
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const hasDemo = demo && (await findUserByUsername(database.db, DEMO_ACCOUNTS[0]?.username ?? ''));
    const lines = [
      `doingoai đang chạy tại http://localhost:${port} (khởi động ${((Date.now() - started) / 1000).toFixed(1)} giây)`,
      `Cơ sở dữ liệu: ${database.kind === 'pglite' ? `PGlite nhúng, thư mục ${database.location}` : `PostgreSQL ${database.location}`}`,
    ];
    if (prepared.unitsAdded > 0) lines.push(`Đã nạp ${prepared.unitsAdded} đơn vị vào danh mục.`);
    if (hasDemo) {
      lines.push(
        `Tài khoản demo (mật khẩu ${DEMO_PASSWORD}): ${DEMO_ACCOUNTS.map((a) => a.username).join(', ')}`,
      );
    }
    console.log(lines.join('\n'));

    const prune = setInterval(() => void pruneExpired(database.db).catch(() => undefined), 3600_000);
    prune.unref();
    // Recurring rounds, reminders and e-mails: in the background, never in the way of requests;
    // through a PostgreSQL job queue when several instances may share the database.
    const scheduler = await startJobs({ db: database.db, config, log: app.log });
    // Online backups of the embedded database (`doingoai backup` while this server holds the lock).
    const backups =
      database.kind === 'pglite' ? await startBackupSocket(config.dataDir, database, app.log) : null;
    await stopRequested;
    clearInterval(prune);
    console.log('Đang dừng doingoai…');
    await backups?.close();
    await scheduler?.stop();
    await app.close();
  } finally {
    await database.close();
  }
}
