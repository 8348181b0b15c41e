/** Browser tests: Debian's Chromium (never a downloaded browser) and the real server it drives. */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type Server, startServer } from './process.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SHOTS_DIR = fileURLToPath(new URL('../../test-results/', import.meta.url));

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Không thấy Chromium tại ${CHROMIUM}. Cài bằng "apt-get install -y chromium" hoặc đặt CHROMIUM_PATH.`,
    );
  }
  if (!existsSync(fileURLToPath(new URL('../../web/dist/index.html', import.meta.url)))) {
    throw new Error('Giao diện web chưa được xây dựng: chạy "npm run build:web" trước.');
  }
  mkdirSync(SHOTS_DIR, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface BrowserServer {
  /** The running `doingoai serve` (available inside tests, after `beforeAll`). */
  readonly server: Server;
  /** Debian's Chromium, launched once for the file. */
  readonly browser: Browser;
  /**
   * Stops the server and starts it again on the same data (its jobs run once at start: recurring
   * rounds, reminders). The address changes: read `server.url` again. Sessions stay signed in.
   */
  restart(): Promise<void>;
}

/**
 * Registers the `beforeAll`/`afterAll` of a browser test file: a temporary data folder, the real
 * server on it and Chromium; all closed and removed afterwards. Read `server` and `browser` inside tests.
 */
export function setUpBrowserServer(name: string, env: Record<string, string> = {}): BrowserServer {
  let dir: string;
  let server: Server | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), `doingoai-${name}-`));
    server = await startServer({ DATA_DIR: path.join(dir, 'data'), ...env });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    get server() {
      if (!server) throw new Error('The server is not started yet (read it inside a test).');
      return server;
    },
    async restart() {
      await server?.stop();
      server = undefined;
      server = await startServer({ DATA_DIR: path.join(dir, 'data'), ...env });
    },
    get browser() {
      if (!browser) throw new Error('Chromium is not launched yet (read it inside a test).');
      return browser;
    },
  };
}
