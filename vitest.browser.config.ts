import { defineConfig } from 'vitest/config';

// Browser tests: the real server on a temporary embedded database, driven in Debian's Chromium
// (/usr/bin/chromium, or CHROMIUM_PATH) by playwright-core. They need the built web app.
export default defineConfig({
  test: {
    name: 'browser',
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
