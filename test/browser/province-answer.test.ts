/**
 * Hà Tĩnh answers the ministry from its Sở Ngoại vụ's consolidated report, through the web app on
 * the demo (served on a fresh PostgreSQL database, so that the Sở's side can be prepared through
 * the same use cases the app runs: two communes' reports received, the Sở's report consolidated and
 * issued). The UBND tỉnh's officer (demo.canbo.hatinh) opens the ministry's round, clicks "Lập báo
 * cáo từ báo cáo tổng hợp của Sở Ngoại vụ" and lands on the province's report. Photographed into
 * test-results/ at desk width and 390 px.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_ACTOR } from '../../src/db/audit.js';
import { type Database, openDatabase } from '../../src/db/client.js';
import { consolidateRound } from '../../src/db/consolidation.js';
import { DEMO_PASSWORD } from '../../src/db/demo.js';
import { prepareDatabase } from '../../src/db/prepare.js';
import { takeStep } from '../../src/db/reports.js';
import { reports, rounds, signers, units } from '../../src/db/schema.js';
import { todayInVietnam } from '../../src/domain/periods.js';
import { reportContentSchema } from '../../src/domain/report-json.js';
import { SHOTS_DIR, setUpBrowserServer } from '../support/browser.js';

const STEP_MS_SETUP = 180_000;
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NAME = `doingoai_browser_${randomBytes(6).toString('hex')}`;
const url = new URL(ADMIN_URL);
url.pathname = `/${NAME}`;

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${NAME}`);
  await admin.end();
  // The server seeds the demo only on PGlite: the demo is seeded here, as it would be there.
  database = await openDatabase({ databaseUrl: url.toString() });
  await prepareDatabase(database, { demo: true });
}, STEP_MS_SETUP);
const app = setUpBrowserServer('province-answer', { DATABASE_URL: url.toString() });
let database: Database | undefined;
afterAll(async () => {
  await database?.close();
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
  await admin.end();
});

const STEP_MS = 240_000;
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({
    path: path.join(SHOTS_DIR, `province-answer-${name}-desktop.png`),
    fullPage: true,
  });
  await page.setViewportSize(PHONE);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SHOTS_DIR, `province-answer-${name}-phone.png`), fullPage: true });
  const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
  expect(Number(overflow), `${name} fits 390 px`).toBeLessThanOrEqual(0);
  await page.setViewportSize(DESKTOP);
}

/** The Sở's side, as its people would do it: two communes' reports received, consolidated, issued. */
async function prepareDepartmentReport(db: Database['db']): Promise<number> {
  const [body] = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.provinceCode, '42'), eq(units.kind, 'body')));
  const [round] = await db
    .select()
    .from(rounds)
    .where(eq(rounds.unitId, body?.id ?? 0));
  if (!body || !round) throw new Error('demo Sở or its round missing');
  for (const [code, count] of [
    ['18562', 2],
    ['18073', 3],
  ] as const) {
    const [unit] = await db.select({ id: units.id }).from(units).where(eq(units.code, code));
    await db.insert(reports).values({
      unitId: unit?.id ?? 0,
      outlineId: round.outlineId,
      outlineCode: round.outlineCode,
      periodKind: round.periodKind,
      periodYear: round.periodYear,
      periodIndex: round.periodIndex,
      periodKey: round.periodKey,
      windowStart: round.windowStart,
      windowEnd: round.windowEnd,
      status: 'received',
      version: 1,
      content: reportContentSchema.parse({ values: { 'delegations.in.count': count } }),
      roundId: round.id,
    });
  }
  const { reportId } = await consolidateRound(db, SEED_ACTOR, round.id);
  const [signer] = await db.select({ id: signers.id }).from(signers).where(eq(signers.unitId, body.id));
  await takeStep(db, SEED_ACTOR, { id: reportId, step: 'submit' });
  await takeStep(db, SEED_ACTOR, { id: reportId, step: 'approve' });
  await takeStep(db, SEED_ACTOR, {
    id: reportId,
    step: 'issue',
    issue: { signerId: signer?.id ?? 0, issuedOn: todayInVietnam() },
  });
  return reportId;
}

describe("the UBND tỉnh answers the ministry from its Sở's report", () => {
  it(
    'offers the button once the Sở has issued its report and drafts the province’s report from it',
    async () => {
      const context = await app.browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.setDefaultTimeout(30_000);
      await page.goto(`${app.server.url}/dang-nhap`);
      await page.getByLabel('Tên đăng nhập').fill('demo.canbo.hatinh');
      await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByRole('heading', { name: 'Việc cần làm' }).waitFor();

      // Before the Sở has a report: only "Lập báo cáo".
      await page.goto(`${app.server.url}/dot-bao-cao`);
      await page
        .getByRole('link', { name: /Báo cáo công tác đối ngoại/u })
        .first()
        .click();
      await page.waitForURL(/\/dot-bao-cao\/\d+$/);
      const roundUrl = page.url();
      const row = page.locator('[data-round-unit="42"]');
      await row.getByRole('button', { name: 'Lập báo cáo', exact: true }).waitFor();
      expect(await row.getByRole('button', { name: /Sở Ngoại vụ/u }).count()).toBe(0);
      await shoot(page, 'before');

      if (!database) throw new Error('database not opened');
      const departmentReport = await prepareDepartmentReport(database.db);

      await page.goto(roundUrl);
      const button = row.getByRole('button', { name: 'Lập báo cáo từ báo cáo tổng hợp của Sở Ngoại vụ' });
      await button.waitFor();
      await shoot(page, 'offered');
      await button.click();
      await page.waitForURL(/\/bao-cao\/\d+$/);
      const reportId = Number(page.url().split('/').pop());
      expect(reportId).not.toBe(departmentReport);
      await page
        .getByText(/Số liệu tổng hợp từ báo cáo của 2\/\d+ xã, phường/u)
        .first()
        .waitFor();
      // The top of the long page as the officer first sees it.
      await page.screenshot({ path: path.join(SHOTS_DIR, 'province-answer-report-top-desktop.png') });
      await shoot(page, 'report');
      const [row42] = await database.db.select().from(reports).where(eq(reports.id, reportId));
      expect(row42?.outlineCode).toBe('province-report');
      expect(reportContentSchema.parse(row42?.content).values['delegations.in.count']).toBe(5);
      expect(errors).toEqual([]);
      await context.close();
    },
    STEP_MS,
  );
});
