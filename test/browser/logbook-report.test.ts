/**
 * A report's figures from the logbook, in a real browser: records of the commune's logbook (put in
 * the data folder while the server is stopped: the records' own pages are another part of the work)
 * fill the new draft's figures; "Tính từ sổ: … bản ghi ▾" opens the records behind a figure with a
 * link to the logbook; a figure typed over asks for a reason, and both values and the reason show.
 * Screenshots at desktop width and at 390 px.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { DEMO_PASSWORD } from '../../src/db/demo.js';
import { reports } from '../../src/db/schema.js';
import { unitId } from '../support/app.js';
import { launchBrowser, SHOTS_DIR } from '../support/browser.js';
import { changeRecord, insertRecords } from '../support/logbook.js';
import { type Server, startServer } from '../support/process.js';

let dir = '';
let server: Server | undefined;
let browser: Browser | undefined;
let activityId = 0;
let delegationIds: number[] = [];
let env: { DATA_DIR: string } = { DATA_DIR: '' };
const YEAR = new Date().getFullYear();

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'doingoai-logbook-report-'));
  env = { DATA_DIR: path.join(dir, 'data') };
  // The first start migrates and seeds the demo; the records go in while the server is stopped.
  await (await startServer(env)).stop();
  const database = await openDatabase({ dataDir: env.DATA_DIR });
  try {
    const unit = await unitId(database.db, '18562');
    const delegation = (startsOn: string, purpose: string, size: number) => ({
      kind: 'delegation' as const,
      startsOn,
      data: { direction: 'out', purpose, size, countries: ['Nhật Bản'] },
    });
    const ids = await insertRecords(database.db, unit, [
      delegation(`${YEAR}-01-12`, 'Khảo sát mô hình nông nghiệp công nghệ cao tại Nhật Bản', 4),
      delegation(`${YEAR}-03-20`, 'Dự Hội chợ nông sản quốc tế tại Nhật Bản', 3),
      delegation(`${YEAR}-05-06`, 'Học tập kinh nghiệm xây dựng nông thôn mới tại Nhật Bản', 5),
      {
        kind: 'activity',
        startsOn: `${YEAR}-02-03`,
        sectionKey: 'delegations',
        data: {
          text: 'Tiếp và làm việc với Đoàn công tác của tỉnh Gunma (Nhật Bản) về hợp tác nông nghiệp.',
        },
      },
    ]);
    activityId = ids[3] ?? 0;
    delegationIds = ids.slice(0, 3);
  } finally {
    await database.close();
  }
  server = await startServer(env);
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function signIn(page: Page): Promise<void> {
  await page.goto(`${server?.url}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill('demo.canbo.thachha');
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { name: 'Việc cần làm' }).waitFor();
}

async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('figures from the logbook on the report form', () => {
  it('shows the computed figure, the records behind it, and an override with its reason', async () => {
    if (!browser) throw new Error('no browser');
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page);
    await page.goto(`${server?.url}/bao-cao`);
    await page.getByRole('button', { name: 'Lập báo cáo mới' }).click();
    const dialog = page.getByRole('dialog', { name: 'Lập báo cáo mới' });
    await dialog.waitFor();
    await expect.poll(() => dialog.getByLabel('Đề cương', { exact: true }).inputValue()).toMatch(/cấp xã/);
    await choose(page, 'Kỳ báo cáo', '6 tháng đầu năm');
    await choose(page, 'Năm', String(YEAR));
    await dialog.getByRole('button', { name: 'Lập báo cáo' }).click();
    await page.getByRole('heading', { name: `Báo cáo 6 tháng đầu năm ${YEAR}` }).waitFor();

    // The figure filled from the three records, and the line under it.
    const field = page.locator('[data-indicator="delegations.out.count"]').getByRole('textbox').first();
    await expect.poll(() => field.inputValue()).toBe('3');
    const note = page.locator('[data-logbook="delegations.out.count"]');
    await expect.poll(() => note.innerText()).toContain('Tính từ sổ: 3 · 3 bản ghi');
    // The activity log's entry leads the section's paragraphs.
    await page.locator(`[data-paragraph="delegations#log-${activityId}"]`).waitFor();

    // The records behind it, one click away, with the link to the logbook.
    await note.getByRole('button', { name: /Các bản ghi sổ theo dõi/ }).click();
    const popover = page.locator('.mantine-Popover-dropdown').filter({ hasText: 'Mở sổ theo dõi' });
    await popover.getByRole('table').waitFor();
    const rows = popover.locator('[data-record]');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.first().innerText()).toContain(`12/01/${YEAR}`);
    expect(await rows.first().innerText()).toContain('Khảo sát mô hình nông nghiệp công nghệ cao');
    expect(await popover.getByRole('link', { name: 'Mở sổ theo dõi' }).getAttribute('href')).toBe(
      '/so-theo-doi',
    );
    await page.screenshot({ path: path.join(SHOTS_DIR, 'logbook-report-records.png') });
    await page.keyboard.press('Escape');

    // Typed over: the reason is asked for, and both values and the reason show.
    await field.fill('4');
    await expect.poll(() => note.innerText()).toContain('chưa ghi lý do');
    await note.getByRole('button', { name: 'Ghi lý do' }).click();
    const modal = page.getByRole('dialog', { name: /Số liệu khác số tính từ sổ/ });
    await modal.getByRole('button', { name: 'Lưu lý do' }).click();
    await modal.getByText('Hãy ghi lý do').waitFor();
    await modal.getByLabel('Lý do').fill('Một đoàn đi ngày 10/6 chưa kịp ghi vào sổ.');
    await modal.getByRole('button', { name: 'Lưu lý do' }).click();
    await modal.waitFor({ state: 'detached' });
    await expect.poll(() => note.innerText()).toContain('lý do: Một đoàn đi ngày 10/6 chưa kịp ghi vào sổ.');
    expect(await note.innerText()).toContain('báo cáo ghi: 4');
    expect(await field.inputValue()).toBe('4');
    await note.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS_DIR, 'logbook-report-override.png') });

    // At 390 px the line and its records still fit.
    await page.setViewportSize({ width: 390, height: 844 });
    await note.scrollIntoViewIfNeeded();
    await note.getByRole('button', { name: /Các bản ghi sổ theo dõi/ }).click();
    await popover.getByRole('table').waitFor();
    await page.waitForTimeout(300); // the popover's fade-in
    await page.screenshot({ path: path.join(SHOTS_DIR, 'logbook-report-records-390.png') });
    const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);

    // Issued, then a record changes: the page says "đã ban hành … ≠ hiện nay …" with the record.
    // (Issuing itself, with its signer and number, is tested through HTTP in
    // test/db/logbook-reports.test.ts; here the row is marked issued while the server is stopped.)
    const reportUrl = page.url();
    await server?.stop();
    const database = await openDatabase({ dataDir: env.DATA_DIR });
    try {
      const unit = await unitId(database.db, '18562');
      await database.db
        .update(reports)
        .set({ status: 'issued' })
        .where(and(eq(reports.unitId, unit), eq(reports.periodKey, `half1-${YEAR}`)));
      await changeRecord(database.db, delegationIds[1] as number, { size: 6 });
    } finally {
      await database.close();
    }
    server = await startServer(env);
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${server.url}${new URL(reportUrl).pathname}`);
    const alert = page.locator('[data-logbook-differences]');
    await alert.waitFor().catch(async (e) => {
      await page.screenshot({ path: path.join(SHOTS_DIR, 'logbook-report-debug.png') });
      throw e;
    });
    const people = alert.locator('[data-difference="delegations.out.people"]');
    await expect.poll(() => people.innerText()).toContain('đã ban hành 12 ≠ hiện nay 15');
    expect(await people.innerText()).toContain('Dự Hội chợ nông sản quốc tế tại Nhật Bản — đã sửa');
    await page.screenshot({ path: path.join(SHOTS_DIR, 'logbook-report-issued-differences.png') });
    await context.close();
  });
});
