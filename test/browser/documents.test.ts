/**
 * A commune leader previews a submitted report as a page, issues it (the number is shown), finds it
 * in the register of outgoing documents and downloads the DOCX — in a real browser.
 */
import path from 'node:path';
import type { APIRequestContext, BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/db/demo.js';
import { SHOTS_DIR, setUpBrowserServer } from '../support/browser.js';

const app = setUpBrowserServer('documents');

async function json<T>(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  if (!response.ok()) throw new Error(`${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The officer of xã Thạch Hà writes a report answered "không phát sinh" and sends it to the leader. */
async function submittedReport(context: BrowserContext): Promise<number> {
  const api = context.request;
  await json(
    await api.post(`${app.server.url}/api/auth/sign-in`, {
      data: { username: 'demo.canbo.thachha', password: DEMO_PASSWORD },
    }),
  );
  const me = await json<{ grants: { unit: { id: number } }[] }>(
    await api.get(`${app.server.url}/api/auth/me`),
  );
  const unitId = me.grants[0]?.unit.id;
  const outlines = await json<{ items: { id: number; code: string }[] }>(
    await api.get(`${app.server.url}/api/outlines`),
  );
  const outlineId = outlines.items.find((o) => o.code === 'commune-report')?.id;
  const created = await json<{ report: { id: number; revision: number } }>(
    await api.post(`${app.server.url}/api/units/${unitId}/reports`, {
      data: { outlineId, period: { kind: 'half1', year: 2026, index: 0 } },
    }),
  );
  const id = created.report.id;
  const nil = await json<{ report: { revision: number } }>(
    await api.post(`${app.server.url}/api/reports/${id}/nil`, {
      data: { revision: created.report.revision, all: true },
    }),
  );
  await json(
    await api.post(`${app.server.url}/api/reports/${id}/submit`, { data: { revision: nil.report.revision } }),
  );
  return id;
}

describe('issuing a report in the browser', () => {
  it('previews the page, issues with the next number, lists it in the register and downloads the DOCX', async () => {
    const officer = await app.browser.newContext();
    const reportId = await submittedReport(officer);
    await officer.close();

    const context = await app.browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'vi-VN',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${app.server.url}/dang-nhap?next=${encodeURIComponent(`/bao-cao/${reportId}`)}`);
    await page.getByLabel('Tên đăng nhập').fill('demo.chutich.thachha');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();

    await page.getByRole('button', { name: 'Xem trước văn bản' }).click();
    const sheet = page.getByRole('article', { name: 'Xem trước văn bản' });
    await sheet.getByText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM').waitFor();
    await sheet.getByText('Độc lập - Tự do - Hạnh phúc').waitFor();
    expect(await sheet.textContent()).toMatch(/Số:\s+\/BC-UBND/);
    expect(await sheet.textContent()).toContain('Nơi nhận:');
    await page.screenshot({ path: path.join(SHOTS_DIR, 'document-preview-desktop.png') });
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Ban hành' }).click();
    await page.getByRole('button', { name: 'Xác nhận ban hành' }).click();
    const done = page.getByText(/Văn bản được cấp số/);
    await done.waitFor();
    const notation = /cấp số (\d{2,}\/BC-UBND)/.exec((await done.textContent()) ?? '')?.[1];
    expect(notation).toMatch(/^\d{2,}\/BC-UBND$/);
    await page.screenshot({ path: path.join(SHOTS_DIR, 'document-issued-desktop.png') });
    await page.getByRole('button', { name: 'Đóng' }).first().click();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải DOCX' }).click();
    expect((await download).suggestedFilename()).toBe(`BC-${notation?.split('/')[0]}-UBND-2026.docx`);

    await page.getByRole('link', { name: 'Sổ văn bản đi' }).click();
    await page.getByRole('heading', { name: 'Sổ văn bản đi' }).waitFor();
    await page.getByRole('cell', { name: notation ?? '' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS_DIR, 'register-desktop.png'), fullPage: true });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByRole('cell', { name: notation ?? '' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS_DIR, 'register-phone.png'), fullPage: true });
    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(Number(overflow)).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
