/**
 * Sổ theo dõi in a real browser: a commune officer opens the registers from the menu, records an
 * activity (date of today, field, one sentence) and a delegation, sees both in the lists, meets a
 * field error at its field, corrects the delegation; the clicks are counted. Then the same on a
 * 390 px phone. Screenshots at both widths go to test-results/.
 */
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/db/demo.js';
import { SHOTS_DIR, setUpBrowserServer } from '../support/browser.js';

const app = setUpBrowserServer('logbook');

const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

async function signIn(context: BrowserContext, username = 'demo.canbo.thachha'): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(`${app.server.url}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { name: 'Việc cần làm' }).waitFor();
  return page;
}

/** Clicks counted: what an officer does with the mouse or a finger (typing is not counted). */
function counter() {
  let clicks = 0;
  return {
    click: async (locator: Locator) => {
      clicks += 1;
      await locator.click();
    },
    get clicks() {
      return clicks;
    },
  };
}

function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('Failed to load resource')) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

const noHorizontalScroll = async (page: Page) =>
  Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));

describe('Sổ theo dõi', () => {
  it('records an activity and a delegation, lists them, shows a field error, corrects one (desktop)', async () => {
    const context = await app.browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
    const page = await signIn(context);
    const errors = consoleErrors(page);
    const c = counter();

    await c.click(page.getByRole('link', { name: 'Sổ theo dõi' }));
    await page.getByRole('heading', { name: 'Nhật ký hoạt động đối ngoại' }).waitFor();
    // Xã Thạch Hà's registers are empty in the demo (its reports are typed by hand).
    await page.getByText('Chưa có bản ghi nào. Bấm "Thêm" để ghi việc đầu tiên.').waitFor();

    // An activity: today by default, the field, one sentence.
    const activityStart = c.clicks;
    await c.click(page.getByRole('button', { name: 'Thêm', exact: true }));
    const dialog = page.getByRole('dialog');
    await c.click(dialog.getByRole('combobox', { name: 'Lĩnh vực (mục của báo cáo)' }));
    await c.click(page.getByRole('option', { name: 'III.2.d. Công tác hợp tác quốc tế' }));
    const sentence = 'Làm việc với Đoàn công tác tổ chức Minh Họa về dự án trường học (thử nghiệm).';
    await dialog.getByLabel('Nội dung (một câu như trong báo cáo)').fill(sentence);
    await page.screenshot({ path: path.join(SHOTS_DIR, 'logbook-activity-form-desktop.png') });
    await c.click(dialog.getByRole('button', { name: 'Lưu' }));
    await dialog.waitFor({ state: 'detached' });
    const activityClicks = c.clicks - activityStart;
    const row = page.getByTestId('logbook-row').filter({ hasText: sentence });
    await row.waitFor();
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const todayVn = `${today.slice(8, 10)}/${today.slice(5, 7)}/${today.slice(0, 4)}`;
    expect(await row.textContent()).toContain(todayVn);
    expect(await row.textContent()).toContain('Công tác hợp tác quốc tế');
    expect(activityClicks).toBeLessThanOrEqual(4);

    // A delegation: first without its purpose, which the server asks for at the field.
    const delegationStart = c.clicks;
    await c.click(page.getByRole('link', { name: /Đoàn ra, đoàn vào/ }));
    await page.getByRole('heading', { name: 'Sổ theo dõi đoàn ra, đoàn vào' }).waitFor();
    await c.click(page.getByRole('button', { name: 'Thêm', exact: true }));
    await c.click(dialog.getByRole('combobox', { name: 'Loại đoàn' }));
    await c.click(page.getByRole('option', { name: 'Đoàn vào' }));
    await dialog.getByLabel('Số thành viên').fill('4');
    await c.click(dialog.getByLabel('Nước, vùng lãnh thổ', { exact: true }));
    await page.keyboard.type('han');
    await c.click(page.getByRole('option', { name: 'Hàn Quốc', exact: true }));
    await c.click(dialog.getByRole('button', { name: 'Lưu' }));
    await dialog.getByText('Chưa nhập mục đích, nội dung.').waitFor();
    await page.screenshot({ path: path.join(SHOTS_DIR, 'logbook-delegation-error-desktop.png') });
    await dialog.getByLabel('Mục đích, nội dung').fill('Trao đổi kinh nghiệm trồng lúa hữu cơ (thử nghiệm)');
    await c.click(dialog.getByRole('button', { name: 'Lưu' }));
    await dialog.waitFor({ state: 'detached' });
    const delegation = page
      .getByTestId('logbook-row')
      .filter({ hasText: 'Trao đổi kinh nghiệm trồng lúa hữu cơ' });
    await delegation.waitFor();
    expect(await delegation.textContent()).toContain('Hàn Quốc');
    const delegationClicks = c.clicks - delegationStart;

    // Correct it: five members, not four.
    const editStart = c.clicks;
    await c.click(delegation.getByRole('button', { name: /^Sửa/ }));
    await dialog.getByLabel('Số thành viên').fill('5');
    await c.click(dialog.getByRole('button', { name: 'Lưu thay đổi' }));
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('logbook-row').filter({ hasText: '5 người' }).waitFor();
    const editClicks = c.clicks - editStart;
    await page.screenshot({ path: path.join(SHOTS_DIR, 'logbook-delegations-desktop.png'), fullPage: true });

    console.log(
      `logbook clicks: activity ${activityClicks}, delegation ${delegationClicks} (with one refused save), correction ${editClicks}`,
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('records an activity on a 390 px phone without horizontal scrolling', async () => {
    const context = await app.browser.newContext({ viewport: PHONE, locale: 'vi-VN', hasTouch: true });
    const page = await signIn(context);
    await page.goto(`${app.server.url}/so-theo-doi`);
    await page.getByRole('heading', { name: 'Nhật ký hoạt động đối ngoại' }).waitFor();
    await page.getByTestId('logbook-row').first().waitFor();
    expect(await noHorizontalScroll(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SHOTS_DIR, 'logbook-phone.png'), fullPage: true });

    const started = Date.now();
    await page.getByRole('button', { name: 'Thêm', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Lĩnh vực (mục của báo cáo)' }).click();
    await page.getByRole('option', { name: 'III.2.k. Công tác quản lý người nước ngoài' }).click();
    const sentence = 'Rà soát người nước ngoài tạm trú tại thôn Minh Họa (thử nghiệm trên điện thoại).';
    await dialog.getByLabel('Nội dung (một câu như trong báo cáo)').fill(sentence);
    await dialog.getByRole('button', { name: 'Thêm chi tiết' }).click();
    await dialog.getByLabel('Số người').fill('3');
    expect(await noHorizontalScroll(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SHOTS_DIR, 'logbook-activity-form-phone.png') });
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('logbook-row').filter({ hasText: sentence }).waitFor();
    console.log(`logbook phone entry: ${Date.now() - started} ms of machine time`);
    await page.screenshot({ path: path.join(SHOTS_DIR, 'logbook-phone-after.png'), fullPage: true });
    await context.close();
  });

  it('tells the second of two officers editing one record, keeps what she typed, and lets her keep hers', async () => {
    const context = await app.browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
    const other = await app.browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
    const first = await signIn(context);
    const second = await signIn(other, 'demo.chutich.thachha');
    for (const page of [first, second]) {
      await page.goto(`${app.server.url}/so-theo-doi?so=delegation`);
      await page.getByRole('heading', { name: 'Sổ theo dõi đoàn ra, đoàn vào' }).waitFor();
    }
    // The delegation the first test recorded.
    const row = (page: Page) => page.getByTestId('logbook-row').first();
    await row(first).getByRole('button', { name: /^Sửa/ }).click();
    await row(second).getByRole('button', { name: /^Sửa/ }).click();
    await first.getByRole('dialog').getByLabel('Số thành viên').fill('21');
    await first.getByRole('dialog').getByRole('button', { name: 'Lưu thay đổi' }).click();
    await first.getByRole('dialog').waitFor({ state: 'detached' });

    const dialog = second.getByRole('dialog');
    await dialog.getByLabel('Số thành viên').fill('22');
    await dialog.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await dialog.getByText('Bản ghi vừa được người khác sửa').waitFor();
    expect(await dialog.getByLabel('Số thành viên').inputValue()).toBe('22');
    await second.screenshot({ path: path.join(SHOTS_DIR, 'logbook-conflict-desktop.png') });
    await dialog.getByRole('button', { name: /Giữ bản của tôi/ }).click();
    await dialog.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await dialog.waitFor({ state: 'detached' });
    await second.getByTestId('logbook-row').filter({ hasText: '22 người' }).waitFor();
    await context.close();
    await other.close();
  });

  it("lets the Sở read a commune's foreigners without their personal data, and not change them", async () => {
    const context = await app.browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
    const page = await signIn(context, 'demo.canbo.songv');
    await page.getByRole('link', { name: 'Sổ theo dõi' }).click();
    await page.getByRole('heading', { name: 'Nhật ký hoạt động đối ngoại' }).waitFor();
    await page.getByRole('combobox', { name: 'Xem sổ của đơn vị khác' }).fill('thanh sen');
    await page.getByRole('option', { name: 'Phường Thành Sen' }).click();
    await page.getByText('Phường Thành Sen · chỉ xem; thông tin cá nhân được ẩn').waitFor();
    await page.getByRole('link', { name: /Người nước ngoài/ }).click();
    await page.getByRole('heading', { name: 'Sổ theo dõi người nước ngoài' }).waitFor();
    await page.getByTestId('logbook-row').first().waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('Quốc tịch');
    expect(text).not.toContain('Họ và tên');
    expect(text).not.toContain('Minh Họa');
    expect(await page.getByRole('button', { name: 'Thêm', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Sửa/ }).count()).toBe(0);
    await page.screenshot({
      path: path.join(SHOTS_DIR, 'logbook-province-reads-desktop.png'),
      fullPage: true,
    });
    await context.close();
  });
});
