/**
 * One level up, through the web app on a fresh demo: the ministry's officer (demo.canbo.bng) finds
 * the round the ministry opened to the 34 provinces, sees Nghệ An's consolidated report sent on
 * the round and on the board, receives it, consolidates the provinces (1/34 answered, said before
 * the click), and follows a figure to Nghệ An's report and from there to a commune's. Each page is
 * photographed into test-results/ at desk width and at 390 px, and must fit the phone.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/db/demo.js';
import { SHOTS_DIR, setUpBrowserServer } from '../support/browser.js';

const app = setUpBrowserServer('national');

const STEP_MS = 240_000;
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
/** Nghệ An's demo communes: Thành Vinh 3 delegations in, Trường Vinh 1, Cửa Lò none (invented). */
const NGHE_AN_DELEGATIONS_IN = 4;

/** Photographs the page at desk width and at 390 px, where it must not scroll sideways. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS_DIR, `national-${name}-desktop.png`), fullPage: true });
  await page.setViewportSize(PHONE);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SHOTS_DIR, `national-${name}-phone.png`), fullPage: true });
  const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
  expect(Number(overflow), `${name} fits 390 px`).toBeLessThanOrEqual(0);
  await page.setViewportSize(DESKTOP);
}

describe('the ministry on the demo data', () => {
  it(
    'receives a province’s consolidated report, consolidates the provinces and traces a figure two levels down',
    async () => {
      const context = await app.browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.setDefaultTimeout(30_000);
      await page.goto(`${app.server.url}/dang-nhap`);
      await page.getByLabel('Tên đăng nhập').fill('demo.canbo.bng');
      await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByRole('heading', { name: 'Việc cần làm' }).waitFor();
      await shoot(page, 'home');

      // The board: the 34 provinces, Nghệ An's report sent, Hà Tĩnh's not yet.
      await page.getByRole('link', { name: 'Tiến độ báo cáo' }).first().click();
      await page.getByRole('heading', { name: 'Tiến độ báo cáo', level: 1 }).waitFor();
      await page.getByRole('row').filter({ hasText: 'Tỉnh Nghệ An' }).first().waitFor();
      await page.getByRole('row').filter({ hasText: 'Tỉnh Hà Tĩnh' }).first().waitFor();
      await shoot(page, 'board');

      // The round: Nghệ An sent; its report received by the ministry.
      await page.goto(`${app.server.url}/dot-bao-cao`);
      await page
        .getByRole('link', { name: /Báo cáo công tác đối ngoại/u })
        .first()
        .click();
      await page.waitForURL(/\/dot-bao-cao\/\d+$/);
      const roundUrl = page.url();
      await page.getByRole('heading', { name: 'Tổng hợp báo cáo' }).waitFor();
      const row = page.getByRole('row').filter({ hasText: 'Tỉnh Nghệ An' });
      await row.getByText('Đã gửi', { exact: true }).first().waitFor();
      await shoot(page, 'round-sent');
      await row.getByRole('link', { name: 'Xem' }).first().click();
      await page.waitForURL(/\/bao-cao\/\d+$/);
      const provinceReportUrl = page.url();
      const receive = page
        .locator('[data-workflow-bar]')
        .getByRole('button', { name: 'Tiếp nhận', exact: true });
      const received = page.waitForResponse(
        (r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/receive'),
      );
      await receive.click();
      expect((await received).status()).toBeLessThan(300);
      await page.getByText('Cấp trên đã nhận').first().waitFor();

      // Coverage before the click, then the ministry's consolidation.
      await page.goto(roundUrl);
      await page
        .getByText(/^Số liệu tổng hợp từ báo cáo của 1\/34 tỉnh, thành phố/u)
        .first()
        .waitFor();
      const consolidated = page.waitForResponse(
        (r) => r.request().method() === 'POST' && /\/consolidat/.test(new URL(r.url()).pathname),
      );
      await page.getByRole('button', { name: /^Tổng hợp (báo cáo|ngay \(1\/34\))$/u }).click();
      expect((await consolidated).status()).toBeLessThan(300);
      // One click consolidates and opens the ministry's consolidated report.
      await page.waitForURL(/\/bao-cao\/\d+$/);

      // A figure of the ministry's report → Nghệ An's report → a commune's report.
      const source = page.getByRole('button', { name: 'Nguồn của số liệu Số đoàn vào' });
      await source.waitFor();
      expect((await source.locator('[data-figure-value]').textContent())?.trim()).toBe(
        String(NGHE_AN_DELEGATIONS_IN),
      );
      await shoot(page, 'consolidated-report');
      await source.click();
      await page
        .getByRole('table', { name: 'Nguồn số liệu — Số đoàn vào' })
        .getByRole('link', { name: 'Tỉnh Nghệ An' })
        .click();
      await page.waitForURL(provinceReportUrl);
      // The province's report is issued: it opens on its document; its figures are one tab away.
      await page.getByRole('tab', { name: 'Số liệu', exact: true }).click();
      const provinceSource = page.getByRole('button', { name: 'Nguồn của số liệu Số đoàn vào' });
      await provinceSource.waitFor();
      await provinceSource.click();
      const communes = page.getByRole('table', { name: 'Nguồn số liệu — Số đoàn vào' });
      await communes.getByRole('link', { name: 'Phường Thành Vinh' }).waitFor();
      await page.screenshot({ path: path.join(SHOTS_DIR, 'national-province-sources.png') });
      await communes.getByRole('link', { name: 'Phường Thành Vinh' }).click();
      await page.waitForURL((url) => /\/bao-cao\/\d+$/.test(url.pathname) && url.href !== provinceReportUrl);
      await page.getByText('Phường Thành Vinh').first().waitFor();
      await shoot(page, 'commune-report');
      expect(errors).toEqual([]);
      await context.close();
    },
    STEP_MS,
  );
});
