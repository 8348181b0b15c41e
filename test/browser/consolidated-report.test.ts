/**
 * The consolidated report's page, played as the Sở Ngoại vụ officer of the demo province: two
 * communes have sent their reports of the demo round (set up through the API as their officers
 * and leaders would); from the round page one click consolidates and opens the report, which is
 * the province's (its title, its coverage, no commune-only controls); a click on a figure opens its
 * sources right there; a figure is overridden only with a reason, shown beside the sum; and the
 * report stays one click from the round page. Photographed at desk width and at 390 px.
 */
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/db/demo.js';
import { SHOTS_DIR, setUpBrowserServer } from '../support/browser.js';

const app = setUpBrowserServer('consolidated-report');
const STEP_MS = 180_000;
const WAIT_MS = 30_000;
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const CODE = 'delegations.in.count';
/** What the two communes report as delegations in: the province's sum is 17. */
const COMMUNES = [
  {
    code: '18562',
    name: 'Xã Thạch Hà',
    officer: 'demo.canbo.thachha',
    leader: 'demo.chutich.thachha',
    value: 12,
  },
  {
    code: '18277',
    name: 'Xã Đức Thịnh',
    officer: 'demo.canbo.ducthinh',
    leader: 'demo.chutich.ducthinh',
    value: 5,
  },
];
const REASON = 'Xã Đức Thịnh báo cáo thiếu 3 đoàn, đã xác minh qua điện thoại';

const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
});

/** A signed-in browser context of its own (no shared cookies). */
async function session(username: string): Promise<BrowserContext> {
  const context = await app.browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
  contexts.push(context);
  const res = await context.request.post(`${app.server.url}/api/auth/sign-in`, {
    data: { username, password: DEMO_PASSWORD },
  });
  expect(res.status(), await res.text()).toBe(200);
  return context;
}

async function call<T>(context: BrowserContext, method: string, url: string, data?: unknown): Promise<T> {
  const res = await context.request.fetch(`${app.server.url}${url}`, {
    method,
    ...(data === undefined ? {} : { data }),
  });
  expect(res.status(), `${method} ${url}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}

interface View {
  report: { id: number; revision: number };
  content: { values: Record<string, unknown> };
}

/** The page at desk width, then at a phone's: it must fit without scrolling sideways. */
async function shoot(page: Page, name: string, at?: Locator): Promise<void> {
  await at?.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS_DIR, `consolidated-${name}-desktop.png`), fullPage: !at });
  await page.setViewportSize(PHONE);
  await page.waitForTimeout(400);
  await at?.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS_DIR, `consolidated-${name}-phone.png`), fullPage: !at });
  const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
  await page.setViewportSize(DESKTOP);
  expect(overflow, `${name}: wider than a 390 px phone`).toBeLessThanOrEqual(0);
}

let province: Page;
let provinceContext: BrowserContext;
let roundUrl = '';
let reportUrl = '';

describe('the consolidated report is the province’s page', () => {
  it(
    'a) two communes of the demo round send their reports and the Sở receives them',
    async () => {
      provinceContext = await session('demo.canbo.songv');
      const rounds = await call<{ items: { id: number }[] }>(provinceContext, 'GET', '/api/rounds');
      const roundId = rounds.items[0]?.id ?? 0;
      roundUrl = `${app.server.url}/dot-bao-cao/${roundId}`;
      const round = await call<{ units: { unit: { id: number; code: string } }[] }>(
        provinceContext,
        'GET',
        `/api/rounds/${roundId}`,
      );
      for (const commune of COMMUNES) {
        const unitId = round.units.find((u) => u.unit.code === commune.code)?.unit.id;
        const officer = await session(commune.officer);
        const { reportId } = await call<{ reportId: number }>(
          officer,
          'POST',
          `/api/rounds/${roundId}/report`,
          {
            unitId,
          },
        );
        const view = await call<View>(officer, 'GET', `/api/reports/${reportId}`);
        const values = {
          ...view.content.values,
          [CODE]: commune.value,
          'delegations.out.count': 1,
          'agreements.signed': 0,
          'conferences.count': 0,
          'ngo.projects': 0,
          'foreigners.resident': 4,
        };
        const saved = await call<{ report: { revision: number } }>(
          officer,
          'PUT',
          `/api/reports/${reportId}`,
          {
            revision: view.report.revision,
            content: { ...view.content, values },
          },
        );
        await call(officer, 'POST', `/api/reports/${reportId}/submit`, { revision: saved.report.revision });
        const leader = await session(commune.leader);
        const unit = await call<{ signers: { id: number }[] }>(leader, 'GET', `/api/units/${unitId}`);
        await call(leader, 'POST', `/api/reports/${reportId}/issue`, { signerId: unit.signers[0]?.id });
        await call(provinceContext, 'POST', `/api/reports/${reportId}/receive`, {});
      }
    },
    STEP_MS,
  );

  it(
    'b) from the round page, one click consolidates and opens the province’s report',
    async () => {
      province = await provinceContext.newPage();
      province.setDefaultTimeout(WAIT_MS);
      province.on('pageerror', (e) => pageErrors.push(e.message));
      await province.goto(roundUrl);
      const make = province.getByRole('button', { name: /^Tổng hợp ngay \(2\/\d+\)$/u });
      await make.waitFor();
      await shoot(province, 'round-before');
      await make.click();
      await province.waitForURL(/\/bao-cao\/\d+$/);
      reportUrl = province.url();
      // The province's title and coverage, not a commune's draft.
      await province.getByRole('heading', { level: 1, name: /^Báo cáo tổng hợp /u }).waitFor();
      const coverage = province.locator('[data-coverage]');
      await coverage.getByText(/^2\/\d+ xã, phường đã gửi báo cáo$/u).waitFor();
      await coverage.getByText('Số liệu chưa đầy đủ', { exact: true }).waitFor();
      expect(await province.getByText(/phiên bản \d/u).count()).toBe(0);
      // No commune-only controls: no whole-report "không phát sinh", no switch where figures are,
      // no figure typed in.
      await province.locator('[data-workflow-bar]').getByRole('button').first().waitFor();
      expect(await province.getByRole('button', { name: 'Cả báo cáo không phát sinh' }).count()).toBe(0);
      const delegations = province
        .locator('section')
        .filter({ has: province.locator(`[data-indicator="${CODE}"]`) });
      expect(
        await delegations
          .last()
          .getByRole('switch', { name: /^Không phát sinh/u })
          .count(),
      ).toBe(0);
      const figure = province.locator(`[data-indicator="${CODE}"]`);
      expect(await figure.getByRole('textbox').count()).toBe(0);
      await shoot(province, 'report-top', province.getByRole('heading', { level: 1 }));
    },
    STEP_MS,
  );

  it(
    'c) a click on a figure opens its sources right at the figure',
    async () => {
      const source = province.getByRole('button', { name: 'Nguồn của số liệu Số đoàn vào' });
      await source.scrollIntoViewIfNeeded();
      await expect.poll(() => source.locator('[data-figure-value]').textContent()).toBe('17');
      await source.click();
      const list = province.getByRole('table', { name: 'Nguồn số liệu — Số đoàn vào' });
      await list.waitFor();
      for (const c of COMMUNES) {
        const row = list.getByRole('row').filter({ hasText: c.name });
        await row.getByRole('cell', { name: String(c.value), exact: true }).waitFor();
      }
      // Right below the figure, not at the bottom of the page.
      const figureBox = await source.boundingBox();
      const listBox = await list.boundingBox();
      expect(figureBox && listBox && listBox.y - (figureBox.y + figureBox.height)).toBeLessThan(150);
      await shoot(province, 'sources', source);
      // Back at desk width the popover may be hidden with its figure: a click shows it again.
      await source.scrollIntoViewIfNeeded();
      await expect
        .poll(
          async () => {
            if (!(await list.isVisible())) await source.click();
            return list.isVisible();
          },
          {
            timeout: WAIT_MS,
            interval: 500,
          },
        )
        .toBe(true);
      await list.getByRole('link', { name: 'Xã Thạch Hà' }).click();
      await province.waitForURL((url) => url.href !== reportUrl);
      await province.goBack();
      await province.waitForURL(reportUrl);
    },
    STEP_MS,
  );

  it(
    'd) a figure is overridden only with a reason, shown beside the sum, and printed',
    async () => {
      const figure = province.locator(`[data-indicator="${CODE}"]`);
      await figure.getByRole('button', { name: 'Sửa số liệu' }).click();
      const dialog = province.getByRole('dialog', { name: 'Sửa số liệu: Số đoàn vào' });
      await dialog.getByRole('textbox', { name: /^Số liệu ghi vào báo cáo/u }).fill('20');
      await dialog.getByRole('button', { name: 'Lưu số liệu đã sửa' }).click();
      await dialog.getByText(/^Hãy ghi lý do sửa số liệu/u).waitFor();
      await shoot(province, 'override-no-reason', dialog);
      await dialog.getByRole('textbox', { name: /^Lý do sửa/u }).fill(REASON);
      const saved = province.waitForResponse((r) => r.url().endsWith('/overrides'));
      await dialog.getByRole('button', { name: 'Lưu số liệu đã sửa' }).click();
      expect((await saved).status()).toBe(200);
      await dialog.waitFor({ state: 'hidden' });
      const line = figure.locator('[data-override]');
      await expect
        .poll(async () => (await line.textContent()) ?? '')
        .toMatch(new RegExp(`^Tổng các xã, phường: 17 · Sở Ngoại vụ sửa thành 20 — lý do: ${REASON}`, 'u'));
      expect(await figure.locator('[data-figure-value]').textContent()).toBe('20');
      await shoot(province, 'overridden', figure);
      // Kept: the page read again shows it, and the document prints the province's figure.
      await province.reload();
      await figure.locator('[data-override]').waitFor();
      const id = Number(reportUrl.split('/').pop());
      const preview = await call<{ text: string }>(
        provinceContext,
        'GET',
        `/api/reports/${id}/document/preview`,
      );
      expect(preview.text).toContain('20 đoàn vào');
    },
    STEP_MS,
  );

  it(
    'e) the round page opens the consolidated report in one click after consolidating too',
    async () => {
      await province.goto(roundUrl);
      const open = province.getByRole('link', { name: 'Mở báo cáo tổng hợp' });
      await open.waitFor();
      await shoot(province, 'round-after');
      await open.click();
      await province.waitForURL(reportUrl);
      await province.getByRole('heading', { level: 1, name: /^Báo cáo tổng hợp /u }).waitFor();
      expect(pageErrors).toEqual([]);
    },
    STEP_MS,
  );
});
