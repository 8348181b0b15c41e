/**
 * The commune officer imports an Excel sheet of delegations: the dialog proposes the columns, he
 * maps the one it did not recognise, reads the preview and the refused rows with their reasons,
 * confirms, follows the progress to the end; then exports the register as CSV and finds his
 * records, on the register's page (/so-theo-doi); screenshots at desktop width and at 390 px.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/db/demo.js';
import { SHOTS_DIR, setUpBrowserServer } from '../support/browser.js';

const app = setUpBrowserServer('logbook-sheets');

async function sheetFile(): Promise<string> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Đoàn 2026');
  ws.addRow(['SỔ THEO DÕI ĐOÀN RA, ĐOÀN VÀO NĂM 2026 (dữ liệu thử nghiệm)']);
  ws.mergeCells('A1:F1');
  ws.addRow(['STT', 'Ngày đi', 'Loại đoàn', 'Mục đích, nội dung', 'Số thành viên', 'Nước đến']);
  ws.addRow([1, new Date(Date.UTC(2026, 1, 3)), 'Đoàn ra', 'Xúc tiến đầu tư tại Hàn Quốc', 6, 'Hàn Quốc']);
  ws.addRow([2, '12/3/2026', 'Đoàn vào', 'Khảo sát dự án cấp nước', '1.234', 'Nhat Ban']);
  ws.addRow([3, '31/02/2026', 'Đoàn vào', 'Thăm hỏi', 4, 'Lào']);
  ws.addRow([4, '20/04/2026', 'Đoàn khác', '', 'nhiều', 'Lào']);
  const file = path.join(SHOTS_DIR, 'so-doan-thu-nghiem.xlsx');
  writeFileSync(file, Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer));
  return file;
}

async function signIn(page: Page, username = 'demo.canbo.thachha'): Promise<number> {
  await page.goto(`${app.server.url}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'));
  const response = await page.request.get(`${app.server.url}/api/auth/me`);
  const me = (await response.json()) as { grants: { unit: { id: number } }[] };
  return me.grants[0]?.unit.id ?? 0;
}

describe('importing a sheet into a register and exporting it', () => {
  it('file → mapping → preview with refused rows → progress → export', async () => {
    const file = await sheetFile();
    const context = await app.browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'vi-VN',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const unitId = await signIn(page);
    expect(unitId).toBeGreaterThan(0);
    await page.goto(`${app.server.url}/so-theo-doi?don-vi=${unitId}&so=delegation`);
    await page.getByRole('button', { name: 'Nhập từ Excel/CSV' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type=file]').setInputFiles(file);
    await dialog.getByText('dòng tiêu đề cột là dòng 2; 4 dòng dữ liệu').waitFor();

    // "Ngày đi" is not a column of this register: the officer maps it to "Ngày bắt đầu".
    await dialog.getByText('Chưa chọn cột của tệp cho "Ngày bắt đầu" (bắt buộc).').waitFor();
    await dialog.getByLabel('Cột của sổ cho cột “Ngày đi” của tệp').click();
    await page.getByRole('option', { name: 'Ngày bắt đầu (bắt buộc)' }).click();
    await dialog.getByLabel('Cột của sổ cho cột “Nước đến” của tệp').click();
    await page.getByRole('option', { name: 'Nước, vùng lãnh thổ', exact: true }).click();
    await dialog.getByText('Sẽ tạo 2 bản ghi').waitFor();
    await dialog.getByText('2 dòng bị từ chối').waitFor();
    const refused = await dialog.getByRole('listitem').allInnerTexts();
    expect(refused.some((t) => t.startsWith('Dòng 5:') && t.includes('Không có ngày “31/02/2026”'))).toBe(
      true,
    );
    const row6 = refused.find((t) => t.startsWith('Dòng 6:')) ?? '';
    expect(row6).toContain('Loại đoàn: Chọn một trong: Đoàn ra; Đoàn vào.');
    expect(row6).toContain('Chưa nhập mục đích, nội dung.');
    expect(row6).toContain('Số thành viên: “nhiều” không phải là số');
    const sample = await dialog.locator('table').nth(1).innerText();
    expect(sample).toContain('03/02/2026');
    expect(sample).toContain('Nhật Bản');
    expect(sample).toContain('1234');
    await page.screenshot({ path: path.join(SHOTS_DIR, 'logbook-import-preview.png'), fullPage: true });

    await dialog.getByRole('button', { name: 'Nhập 2 bản ghi' }).click();
    await dialog.getByText('Đã nhập 2 bản ghi vào sổ').waitFor({ timeout: 30_000 });
    await dialog.getByText('Đã đọc 4 dòng · đã kiểm tra 4 dòng · đã ghi 2 bản ghi').waitFor();
    await page.screenshot({ path: path.join(SHOTS_DIR, 'logbook-import-done.png'), fullPage: true });
    await dialog.getByRole('button', { name: 'Đóng' }).click();

    // The same file again: told before anything is written.
    await page.getByRole('button', { name: 'Nhập từ Excel/CSV' }).click();
    await dialog.locator('input[type=file]').setInputFiles(file);
    await dialog.getByText('Tệp này đã được nhập vào sổ').waitFor();
    await dialog.getByRole('button', { name: 'Hủy' }).click();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Xuất CSV' }).click(),
    ]);
    const saved = await download.path();
    const csv = readFileSync(saved, 'utf8');
    expect(csv.split('\r\n')[0]).toContain('Ngày bắt đầu');
    expect(csv).toContain('03/02/2026');
    expect(csv).toContain('Khảo sát dự án cấp nước');
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the dialog on a 390 px phone', async () => {
    const file = path.join(SHOTS_DIR, 'so-doan-thu-nghiem.xlsx');
    const context = await app.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
    const page = await context.newPage();
    const unitId = await signIn(page);
    await page.goto(`${app.server.url}/so-theo-doi?don-vi=${unitId}&so=delegation`);
    await page.getByRole('button', { name: 'Nhập từ Excel/CSV' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type=file]').setInputFiles(file);
    await dialog.getByText('Tệp này đã được nhập vào sổ').waitFor();
    // The same headers as the sheet imported before: the officer's own mapping is proposed again.
    await dialog.getByText('Sẽ tạo 2 bản ghi').waitFor();
    expect(await dialog.getByRole('button', { name: 'Nhập 2 bản ghi' }).isDisabled()).toBe(true);
    await page.screenshot({ path: path.join(SHOTS_DIR, 'logbook-import-phone.png'), fullPage: true });
    const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('a province reader sees the export buttons only, and his file has no personal column', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
    const commune = await signIn(await context.newPage());
    await context.close();
    const reader = await app.browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'vi-VN',
      acceptDownloads: true,
    });
    const page = await reader.newPage();
    await signIn(page, 'demo.canbo.songv');
    await page.goto(`${app.server.url}/so-theo-doi?don-vi=${commune}&so=foreigner`);
    await page.getByRole('button', { name: 'Xuất Excel' }).waitFor();
    expect(await page.getByRole('button', { name: 'Nhập từ Excel/CSV' }).count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS_DIR, 'logbook-export-reader.png') });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Xuất CSV' }).click(),
    ]);
    const header = readFileSync(await download.path(), 'utf8').split('\r\n')[0] ?? '';
    expect(header).toContain('Quốc tịch');
    expect(header).not.toContain('Họ và tên');
    expect(header).not.toContain('Số hộ chiếu');
    await reader.close();
  });
});
