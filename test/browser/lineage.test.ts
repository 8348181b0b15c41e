/**
 * Units across the 2025 reform in a real browser, on the demo's INVENTED lineage: Phường Thành Sen's
 * page lists its former units and the date; a former unit's page names the ward it became part of;
 * the ward's report of the first half of 2026 says its "cùng kỳ năm trước" is the total of its
 * former units, on the form and in the drafted text. Screenshots at desktop width and 390 px.
 */
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/db/demo.js';
import { SHOTS_DIR, setUpBrowserServer } from '../support/browser.js';

const app = setUpBrowserServer('lineage');

const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

async function signIn(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(`${app.server.url}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill('demo.canbo.thanhsen');
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { name: 'Việc cần làm' }).waitFor();
  return page;
}

async function unitIdOf(page: Page): Promise<number> {
  return Number(
    await page.evaluate(async () => {
      const me = (await (await fetch('/api/auth/me')).json()) as { grants: { unit: { id: number } }[] };
      return me.grants[0]?.unit.id;
    }),
  );
}

const noHorizontalScroll = (page: Page) =>
  page.evaluate('document.documentElement.scrollWidth - window.innerWidth').then(Number);

describe('units before and after the 2025 reform', () => {
  for (const [name, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`shows the former units on the unit page and the total of last year on the report (${name})`, async () => {
      const context = await app.browser.newContext({ viewport, locale: 'vi-VN' });
      const page = await signIn(context);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const id = await unitIdOf(page);

      await page.goto(`${app.server.url}/don-vi/${id}`);
      const lineage = page.locator('section[aria-labelledby="lineage-heading"]');
      await lineage.getByRole('heading', { name: 'Đơn vị trước sắp xếp' }).waitFor();
      await expect.poll(() => lineage.textContent()).toContain('Phường Nam Hà');
      const text = (await lineage.textContent()) ?? '';
      expect(text).toContain('Phường Bắc Hà');
      expect(text).toContain('Xã Thạch Trung');
      expect(text).toContain('01/07/2025');
      expect(await noHorizontalScroll(page)).toBeLessThanOrEqual(0);
      await lineage.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SHOTS_DIR, `lineage-unit-${name}.png`), fullPage: false });

      // A former unit's page names the ward it became part of.
      await lineage.getByRole('link', { name: 'Phường Nam Hà' }).click();
      await page.getByRole('heading', { name: 'Phường Nam Hà', level: 1 }).waitFor();
      await page.getByText('Phường Nam Hà đã được sắp xếp vào').waitFor();
      await page.getByText('Ngừng hoạt động', { exact: false }).first().waitFor();

      // The ward's report of the first half of 2026: last year is the total of its former units.
      await page.goto(`${app.server.url}/don-vi/${id}`);
      await page
        .getByRole('link', { name: /6 tháng đầu năm 2026/ })
        .first()
        .click();
      await page.getByRole('heading', { name: 'Báo cáo 6 tháng đầu năm 2026' }).waitFor();
      const note = page.locator('[data-former-units]');
      await note.waitFor();
      expect(await note.textContent()).toContain(
        'Cùng kỳ năm trước là tổng số liệu của các đơn vị cũ: phường Bắc Hà, phường Nam Hà và xã Thạch Trung',
      );
      const field = page.locator('[data-indicator="delegations.in.count"]');
      await expect.poll(() => field.textContent()).toContain('tổng các đơn vị cũ');
      await page.screenshot({ path: path.join(SHOTS_DIR, `lineage-report-form-${name}.png`) });
      await page
        .locator('[data-drafted]')
        .filter({ hasText: 'so với cùng kỳ năm 2025 (tổng số liệu của các đơn vị cũ: phường Bắc Hà' })
        .first()
        .waitFor();
      await page
        .locator('[data-drafted]')
        .filter({ hasText: 'so với cùng kỳ năm 2025 (tổng số liệu của các đơn vị cũ: phường Bắc Hà' })
        .first()
        .scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SHOTS_DIR, `lineage-report-draft-${name}.png`) });
      expect(await noHorizontalScroll(page)).toBeLessThanOrEqual(0);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
