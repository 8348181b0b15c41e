/** A demo commune officer signs in in a real browser and sees the home page, at desk and phone width. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/db/demo.js';
import { SHOTS_DIR, setUpBrowserServer } from '../support/browser.js';

const app = setUpBrowserServer('home');

const VIEWPORTS = [
  { name: 'desktop', width: 1366, height: 768 },
  { name: 'phone', width: 390, height: 844 },
];

describe('signing in', () => {
  for (const viewport of VIEWPORTS) {
    it(`shows a commune officer what is due (${viewport.name})`, async () => {
      const context = await app.browser.newContext({ viewport, locale: 'vi-VN' });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${app.server.url}/`);
      // Not signed in: the app sends us to the sign-in page.
      await page.getByLabel('Tên đăng nhập').waitFor();
      await page.screenshot({ path: path.join(SHOTS_DIR, `sign-in-${viewport.name}.png`) });

      await page.getByLabel('Tên đăng nhập').fill('demo.canbo.thachha');
      await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByText('Tên đăng nhập hoặc mật khẩu không đúng.').first().waitFor();
      // What was typed is still there.
      expect(await page.getByLabel('Tên đăng nhập').inputValue()).toBe('demo.canbo.thachha');

      await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByRole('heading', { name: 'Việc cần làm' }).waitFor();
      await page.getByText('Xã Thạch Hà').first().waitFor();
      await page.screenshot({ path: path.join(SHOTS_DIR, `home-${viewport.name}.png`), fullPage: true });

      // The page fits the screen: no horizontal scrolling at this width.
      const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
      expect(Number(overflow)).toBeLessThanOrEqual(0);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('finds "Xã Thạch Hà" in the unit catalogue by typing "thach ha"', async () => {
    const context = await app.browser.newContext({ viewport: VIEWPORTS[0], locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/dang-nhap`);
    await page.getByLabel('Tên đăng nhập').fill('demo.canbo.thachha');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Việc cần làm' }).waitFor();
    await page.goto(`${app.server.url}/don-vi`);
    await page.getByPlaceholder(/Tìm/).fill('thach ha');
    await page.getByRole('cell', { name: 'Xã Thạch Hà' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS_DIR, 'units-search.png'), fullPage: true });
    await context.close();
  });
});
