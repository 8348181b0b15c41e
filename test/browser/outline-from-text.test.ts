/**
 * The Sở Ngoại vụ officer pastes the province's đề cương, sees its headings with its own numbers
 * and the proposed indicators, removes one, saves, and finds the outline as written.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/db/demo.js';
import { SHOTS_DIR, setUpBrowserServer } from '../support/browser.js';

const app = setUpBrowserServer('outline-from-text');

const DE_CUONG = [
  'ĐỀ CƯƠNG BÁO CÁO CÔNG TÁC ĐỐI NGOẠI 6 THÁNG ĐẦU NĂM 2026',
  'I. KẾT QUẢ ĐẠT ĐƯỢC',
  '1. Công tác quản lý đoàn ra, đoàn vào',
  '2. Công tác quản lý người nước ngoài',
  '2.1. Người nước ngoài cư trú, làm việc',
  '2.2. Kết hôn có yếu tố nước ngoài',
  'II. THUẬN LỢI, KHÓ KHĂN',
  'Nêu rõ nguyên nhân của khó khăn.',
].join('\n');

describe('making an outline from the province’s đề cương', () => {
  it('paste → see the tree with numbers and proposals → remove one → save', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${app.server.url}/dang-nhap`);
    await page.getByLabel('Tên đăng nhập').fill('demo.canbo.songv');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('link', { name: 'Đề cương' }).first().click();
    await page.getByRole('link', { name: 'Tạo từ văn bản đề cương' }).click();

    // A skipped number first: refused with the line, nothing to save.
    await page.getByLabel('Nội dung đề cương').fill('I. KẾT QUẢ\n1. Đoàn ra\n3. Đoàn vào');
    await page.getByRole('button', { name: 'Phân tích đề cương' }).click();
    await page.getByText('Dòng 3: số thứ tự bị nhảy').waitFor();
    expect(await page.getByRole('button', { name: 'Lưu đề cương' }).count()).toBe(0);

    await page.getByLabel('Nội dung đề cương').fill(DE_CUONG);
    await page.getByRole('button', { name: 'Phân tích đề cương' }).click();
    await page
      .getByTestId('proposed-heading')
      .filter({ hasText: '2.1. Người nước ngoài cư trú, làm việc' })
      .waitFor();
    const headings = await page.getByTestId('proposed-heading').allInnerTexts();
    expect(headings).toEqual([
      'I. KẾT QUẢ ĐẠT ĐƯỢC',
      '1. Công tác quản lý đoàn ra, đoàn vào',
      '2. Công tác quản lý người nước ngoài',
      '2.1. Người nước ngoài cư trú, làm việc',
      '2.2. Kết hôn có yếu tố nước ngoài',
      'II. THUẬN LỢI, KHÓ KHĂN',
    ]);
    const departed = page.getByRole('checkbox', { name: 'Lượt người nước ngoài rời địa phương' });
    expect(await departed.isChecked()).toBe(true);
    await departed.uncheck();
    await page.screenshot({ path: path.join(SHOTS_DIR, 'outline-from-text.png'), fullPage: true });

    await page.getByLabel('Tên đề cương').fill('Đề cương 6 tháng của Sở Ngoại vụ');
    await page.getByLabel('Mã đề cương').fill('de-cuong-6-thang-songv');
    await page.getByRole('button', { name: 'Lưu đề cương' }).click();
    await page.getByRole('heading', { name: 'Đề cương 6 tháng của Sở Ngoại vụ' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS_DIR, 'outline-from-text-saved.png'), fullPage: true });
    const body = await page.locator('main').innerText();
    expect(body).toContain('2.1.');
    expect(body).toContain('Người nước ngoài cư trú, làm việc');
    expect(body).not.toContain('Lượt người nước ngoài rời địa phương');

    // Next year's đề cương of the same province: saved as version 2 of the same outline.
    await page.goto(`${app.server.url}/de-cuong/moi`);
    await page
      .getByLabel('Nội dung đề cương')
      .fill(DE_CUONG.replace('II. THUẬN LỢI, KHÓ KHĂN', 'II. KHÓ KHĂN, VƯỚNG MẮC'));
    await page.getByRole('button', { name: 'Phân tích đề cương' }).click();
    await page.getByTestId('proposed-heading').filter({ hasText: 'II. KHÓ KHĂN, VƯỚNG MẮC' }).waitFor();
    await page.getByRole('combobox', { name: 'Lưu thành', exact: true }).click();
    await page.getByRole('option', { name: /Phiên bản mới của "Đề cương 6 tháng của Sở Ngoại vụ"/ }).click();
    await page.getByText('giữ nguyên phiên bản của mình').waitFor();
    await page.getByRole('button', { name: 'Lưu đề cương' }).click();
    await page.getByText('Phiên bản 2', { exact: true }).waitFor();
    expect(await page.locator('main').innerText()).toContain('II. KHÓ KHĂN, VƯỚNG MẮC');
    expect(errors).toEqual([]);
    await context.close();
  });
});
