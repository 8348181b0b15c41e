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

/** The officer of xã Thạch Hà opens a draft (quarter I of 2026) and leaves it there; returns unit and report. */
async function draftReport(context: BrowserContext): Promise<{ unitId: number; reportId: number }> {
  const api = context.request;
  await json(
    await api.post(`${app.server.url}/api/auth/sign-in`, {
      data: { username: 'demo.canbo.thachha', password: DEMO_PASSWORD },
    }),
  );
  const me = await json<{ grants: { unit: { id: number } }[] }>(
    await api.get(`${app.server.url}/api/auth/me`),
  );
  const unitId = me.grants[0]?.unit.id ?? 0;
  const outlines = await json<{ items: { id: number; code: string }[] }>(
    await api.get(`${app.server.url}/api/outlines`),
  );
  const outlineId = outlines.items.find((o) => o.code === 'commune-report')?.id;
  const created = await json<{ report: { id: number } }>(
    await api.post(`${app.server.url}/api/units/${unitId}/reports`, {
      data: { outlineId, period: { kind: 'quarter', year: 2026, index: 1 } },
    }),
  );
  return { unitId, reportId: created.report.id };
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

  it('lets a province officer reach a commune report from the unit page, read it only and download it', async () => {
    const officer = await app.browser.newContext();
    const { unitId, reportId } = await draftReport(officer);
    await officer.close();

    const context = await app.browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'vi-VN',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const writes: string[] = [];
    page.on('request', (r) => {
      if (r.method() !== 'GET' && r.url().includes(`/api/reports/${reportId}`)) writes.push(r.url());
    });
    await page.goto(`${app.server.url}/dang-nhap?next=${encodeURIComponent(`/don-vi/${unitId}`)}`);
    await page.getByLabel('Tên đăng nhập').fill('demo.canbo.songv');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();

    await page.getByRole('heading', { name: 'Xã Thạch Hà', level: 1 }).waitFor();
    const section = page.getByRole('region', { name: /^Báo cáo/ });
    // The report issued above and the draft, both listed for the province.
    await section.getByText('Đã ban hành').waitFor();
    await page.screenshot({
      path: path.join(SHOTS_DIR, 'unit-reports-province-desktop.png'),
      fullPage: true,
    });
    await section.getByRole('link', { name: 'Quý I năm 2026' }).click();

    await page.getByText('Bạn chỉ có quyền xem báo cáo này.').waitFor();
    expect(page.url()).toContain(`/bao-cao/${reportId}`);
    expect(await page.getByRole('switch').count()).toBe(0);
    expect(await page.getByText('Không phát sinh', { exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Nhập JSON' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Gửi lãnh đạo' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Ban hành' }).count()).toBe(0);
    // Who cannot change a report reads its document first; the figures are one tab away, locked.
    await page.locator('[data-preview] article').waitFor();
    await page.getByRole('tab', { name: 'Số liệu' }).click();
    const inputs = page.locator('main input:not([type=hidden]), main textarea');
    await inputs.first().waitFor();
    expect(await inputs.count()).toBeGreaterThan(0);
    expect(await page.locator('main input:not([type=hidden]):enabled, main textarea:enabled').count()).toBe(
      0,
    );
    await page.screenshot({ path: path.join(SHOTS_DIR, 'report-read-only-desktop.png') });

    await page.getByRole('tab', { name: /Xem trước và kiểm tra/ }).click();
    await page.getByRole('tab', { name: 'Số liệu' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải DOCX' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.docx$/);

    await page.getByRole('link', { name: 'Xã Thạch Hà' }).click();
    await page
      .getByRole('region', { name: /^Báo cáo/ })
      .getByRole('link', { name: /6 tháng đầu năm 2026/ })
      .click();
    await page.getByText('Báo cáo đã ban hành: không sửa được nữa.').waitFor();

    // The reports page offers the units of the province too.
    await page.getByRole('link', { name: 'Báo cáo', exact: true }).first().click();
    await page.getByRole('combobox', { name: 'Đơn vị' }).fill('thach ha');
    await page.getByRole('option', { name: 'Xã Thạch Hà' }).click();
    await page.getByRole('link', { name: 'Quý I năm 2026' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS_DIR, 'reports-province-desktop.png') });
    expect(writes).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
