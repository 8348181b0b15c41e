import { defineConfig } from 'vitest/config';

// `npm test`: pure unit tests beside the code, database tests (PGlite, or PostgreSQL when
// TEST_DATABASE_URL is set), and command-line tests that start real processes.
// Browser tests have their own config (vitest.browser.config.ts): they need Chromium.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'db', include: ['test/db/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000 } },
      // DOCX rendering, the layout checker, PDF conversion and PNG pages (LibreOffice, poppler).
      { test: { name: 'documents', include: ['test/documents/**/*.test.ts'], testTimeout: 120_000 } },
      // The example reports: golden preview texts, and their pages as DOCX, PDF and PNG.
      { test: { name: 'examples', include: ['test/examples/**/*.test.ts'], testTimeout: 120_000 } },
      {
        test: {
          name: 'cli',
          include: ['test/cli/**/*.test.ts'],
          // The PostgreSQL half of the command-line tests (test/cli/postgres*.test.ts) needs a server
          // and PostgreSQL's binaries: `npm run test:db` (CI's PostgreSQL step) runs it.
          // instances.test.ts also needs nginx (.ci/run installs it).
          exclude: process.env.TEST_DATABASE_URL
            ? []
            : ['test/cli/postgres*.test.ts', 'test/cli/instances.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
