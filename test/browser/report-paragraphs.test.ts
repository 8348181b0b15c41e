/**
 * Every printed sentence is the unit's, in a real browser: a commune officer deletes a paragraph
 * drafted from her figures and keeps one default paragraph of the outline; the preview prints
 * the kept default and no longer the deleted sentences, and the other defaults stay proposals.
 */
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/db/demo.js';
import { SHOTS_DIR, setUpBrowserServer } from '../support/browser.js';

const app = setUpBrowserServer('report-paragraphs');
const YEAR = new Date().getFullYear();

async function signIn(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${app.server.url}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill('demo.canbo.thachha');
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { name: 'Việc cần làm' }).waitFor();
  return page;
}

async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function waitSaved(page: Page): Promise<void> {
  await page
    .locator('[data-save-status="saved"]')
    .filter({ hasText: /Đã lưu lúc \d\d:\d\d/ })
    .waitFor();
}

/** Opens the preview tab (it reads the saved report again). */
async function previewText(page: Page): Promise<void> {
  await page.getByRole('tab', { name: /Xem trước và kiểm tra/ }).click();
  await page.locator('[data-preview] article').waitFor();
}

describe('the paragraphs of the report form', () => {
  it('deletes a drafted paragraph and keeps a default one, and the preview follows', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
    const page = await signIn(context);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${app.server.url}/bao-cao`);
    await page.getByRole('button', { name: 'Lập báo cáo mới' }).click();
    const dialog = page.getByRole('dialog', { name: 'Lập báo cáo mới' });
    await dialog.waitFor();
    await expect.poll(() => dialog.getByLabel('Đề cương', { exact: true }).inputValue()).toMatch(/cấp xã/);
    await choose(page, 'Kỳ báo cáo', '6 tháng đầu năm');
    await choose(page, 'Năm', String(YEAR));
    await dialog.getByRole('button', { name: 'Lập báo cáo' }).click();
    await page.getByRole('heading', { name: `Báo cáo 6 tháng đầu năm ${YEAR}` }).waitFor();

    // A new report keeps no default paragraph: each is a proposal, none prints.
    const proposals = page.locator('[data-paragraph][data-state="proposal"]');
    await proposals.first().waitFor();
    const proposalCount = await proposals.count();
    expect(proposalCount).toBeGreaterThan(1);
    await page.getByRole('button', { name: 'Giữ tất cả đoạn đề xuất', exact: true }).waitFor();

    // Figures drafted into a paragraph.
    await page.locator('[data-indicator="foreigners.resident"]').getByRole('textbox').first().fill('130');
    const figures = page
      .locator('[data-paragraph][data-state="drafted"]')
      .filter({ hasText: '130 người nước ngoài' });
    await figures.waitFor();
    const figuresKey = await figures.getAttribute('data-paragraph');
    expect(figuresKey).toMatch(/#\d+$/);

    // Keep the first proposed default; remember its text.
    const first = proposals.first();
    const keptKey = await first.getAttribute('data-paragraph');
    const defaultText = (await first.locator('[data-text]').first().innerText()).trim();
    expect(defaultText.length).toBeGreaterThan(20);
    await first.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS_DIR, 'report-paragraphs-proposal.png') });
    await first.getByRole('button', { name: 'Giữ đoạn đề xuất' }).click();
    const kept = page.locator(`[data-paragraph="${keptKey}"]`);
    await expect.poll(() => kept.getAttribute('data-state')).toBe('drafted');
    await expect.poll(() => proposals.count()).toBe(proposalCount - 1);
    await waitSaved(page);

    await previewText(page);
    await expect.poll(() => page.locator('[data-preview] article').innerText()).toContain(defaultText);
    expect(await page.locator('[data-preview] article').innerText()).toContain('130 người nước ngoài');

    // Delete the drafted paragraph of figures: it no longer prints, and stays deleted.
    await page.getByRole('tab', { name: /Nhập số liệu/ }).click();
    const deleted = page.locator(`[data-paragraph="${figuresKey}"]`);
    await deleted.getByRole('button', { name: 'Xóa' }).click();
    await expect.poll(() => deleted.getAttribute('data-state')).toBe('deleted');
    await deleted.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS_DIR, 'report-paragraphs-deleted.png') });
    await waitSaved(page);
    await previewText(page);
    // The preview shows the page it had until the saved report is read again.
    const article = page.locator('[data-preview] article');
    await expect.poll(() => article.innerText()).not.toContain('130 người nước ngoài');
    expect(await article.innerText()).toContain(defaultText);

    // After a reload, both choices are still there.
    await page.reload();
    await page.getByRole('heading', { name: `Báo cáo 6 tháng đầu năm ${YEAR}` }).waitFor();
    await expect
      .poll(() => page.locator(`[data-paragraph="${figuresKey}"]`).getAttribute('data-state'))
      .toBe('deleted');
    await expect
      .poll(() => page.locator(`[data-paragraph="${keptKey}"]`).getAttribute('data-state'))
      .toBe('drafted');

    // The opening is on the form too, as it prints: the officer rewrites it in place.
    const opening = page.locator('[data-paragraph="document.opening"]');
    expect(await opening.locator('[data-text]').first().innerText()).toMatch(/báo cáo/);
    await opening.getByRole('button', { name: 'Sửa' }).click();
    const own = 'Căn cứ kế hoạch công tác đối ngoại năm nay, đơn vị báo cáo kết quả như sau:';
    await opening.getByRole('textbox').fill(own);
    await opening.getByRole('button', { name: 'Lưu đoạn' }).click();
    await expect.poll(() => opening.getAttribute('data-state')).toBe('edited');
    await waitSaved(page);
    await previewText(page);
    await expect.poll(() => page.locator('[data-preview] article').innerText()).toContain(own);
    expect(errors).toEqual([]);
    await context.close();
  });
});
