/**
 * The main loop of the product, through the web app, with three demo users in three browsers:
 * the province officer opens a reporting round; the commune officer finds it on her home page,
 * fills in figures and sends the report to her leader; the leader returns it once with a comment,
 * then approves and issues it; the province officer receives it, consolidates the round, follows a
 * figure back to the commune's report and downloads the consolidated DOCX.
 *
 * The steps run in order and share the round and the reports; each has its own time limit. Every
 * page of the loop is photographed into test-results/ at desk width and at 390 px (a phone), and
 * must fit the phone without horizontal scrolling.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/db/demo.js';
import { checkDocx } from '../../src/documents/check.js';
import { flatten, readDocx } from '../../src/documents/docx-read.js';
import { type Period, periodsContaining, todayInVietnam } from '../../src/domain/periods.js';
import { SHOTS_DIR, setUpBrowserServer } from '../support/browser.js';

// Reminders start 30 days before a round's deadline: the month's round is already in reach.
const app = setUpBrowserServer('main-loop', { REMIND_DAYS: '30' });

/** Each step may take this long on a slow CI machine; one wait inside a step, this one. */
const STEP_MS = 180_000;
const WAIT_MS = 30_000;
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

/** The month whose data window is open today (from the 15th of the month before to the 14th). */
const MONTH = periodsContaining(todayInVietnam()).find((p) => p.kind === 'month') as Period;
const PERIOD_TEXT = `tháng ${MONTH.index} năm ${MONTH.year}`;
/** What the commune reports: delegations in (a flow, summed) and foreign visitors. */
const DELEGATIONS_IN = 12;
const VISITORS_IN = 37;

interface Shared {
  roundUrl: string;
  reportUrl: string;
  notation: string;
  consolidatedUrl: string;
}
const shared: Shared = { roundUrl: '', reportUrl: '', notation: '', consolidatedUrl: '' };
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
});

/**
 * What the user does in a tab, counted in the page and kept across reloads: clicks (a click, or
 * focusing a text field without one, as Playwright's fill does where a person clicks into the
 * field) and characters typed. Issue 12's targets are read off it.
 */
const COUNT_EFFORT = `(() => {
  const key = 'doingoai-effort';
  const read = () => JSON.parse(sessionStorage.getItem(key) || '{"clicks":0,"chars":0}');
  const add = (field, n) => { const v = read(); v[field] += n; sessionStorage.setItem(key, JSON.stringify(v)); };
  let pointer = 0;
  addEventListener('pointerdown', (e) => { if (e.isTrusted) pointer = Date.now(); }, true);
  addEventListener('click', (e) => { if (e.isTrusted) add('clicks', 1); }, true);
  addEventListener('focusin', (e) => {
    const t = e.target;
    const text = t instanceof HTMLTextAreaElement || (t instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(t.type));
    if (text && Date.now() - pointer > 500) add('clicks', 1);
  }, true);
  addEventListener('beforeinput', (e) => { if (e.isTrusted && e.data) add('chars', e.data.length); }, true);
})()`;

interface Effort {
  clicks: number;
  chars: number;
}

async function effort(page: Page): Promise<Effort> {
  return (await page.evaluate(
    `JSON.parse(sessionStorage.getItem('doingoai-effort') || '{"clicks":0,"chars":0}')`,
  )) as Effort;
}

async function resetEffort(page: Page): Promise<void> {
  await page.evaluate(`sessionStorage.removeItem('doingoai-effort')`);
}

/** A browser of its own for one user (no shared cookies), signed in through the sign-in page. */
async function signIn(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN', acceptDownloads: true });
  await context.addInitScript(COUNT_EFFORT);
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  page.setDefaultNavigationTimeout(WAIT_MS);
  page.on('pageerror', (e) => pageErrors.push(`${username}: ${e.message}`));
  await page.goto(`${app.server.url}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { name: 'Việc cần làm' }).waitFor();
  return page;
}

/** The page the user is on, at desk width then at a phone's; it must fit the phone. */
async function shoot(
  page: Page,
  name: string,
  options: { ready?: () => Promise<unknown>; at?: Locator } = {},
): Promise<void> {
  // A long page (a report) is photographed where the action is, a short one whole.
  const fullPage = options.at === undefined;
  await options.at?.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS_DIR, `loop-${name}-desktop.png`), fullPage });
  await page.setViewportSize(PHONE);
  // The menu slides away on a phone: photograph the page once it is gone.
  const menu = page.locator('nav[aria-label="Menu chính"]');
  await expect
    .poll(async () => {
      const box = await menu.boundingBox();
      return box === null || box.x + box.width <= 0;
    })
    .toBe(true);
  await options.ready?.();
  await options.at?.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS_DIR, `loop-${name}-phone.png`), fullPage });
  const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
  // Every button and tab a finger can reach is at least 40 px tall (links inside a sentence aside).
  const small =
    (await page.evaluate(`[...document.querySelectorAll('button:not(.mantine-Anchor-root), [role="tab"]')]
    .filter((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && e.checkVisibility(); })
    .filter((e) => e.getBoundingClientRect().height < 39.5)
    .map((e) => (e.getAttribute('aria-label') || e.textContent || e.className).trim().slice(0, 60))`)) as string[];
  await page.setViewportSize(DESKTOP);
  expect(overflow, `${name}: wider than a 390 px phone`).toBeLessThanOrEqual(0);
  expect(small, `${name}: controls under 40 px on a phone`).toEqual([]);
}

/** A Mantine select: open it by its label and click the option. */
async function choose(scope: Page | Locator, page: Page, label: string, option: string): Promise<void> {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

const indicator = (page: Page, code: string): Locator => page.locator(`[data-indicator="${code}"]`);

async function waitSaved(page: Page): Promise<void> {
  await page
    .locator('[data-save-status="saved"]')
    .filter({ hasText: /Đã lưu lúc \d\d:\d\d/ })
    .waitFor();
}

/** Clicks a workflow button and waits for the server's answer to that step. */
async function step(page: Page, label: string, route: string): Promise<void> {
  const button = page.locator('[data-workflow-bar]').getByRole('button', { name: label, exact: true });
  await button.waitFor();
  if (await button.isDisabled()) {
    const blockers = await page
      .locator('[data-submit-blockers]')
      .textContent()
      .catch(() => '');
    throw new Error(`"${label}" is disabled: ${blockers}`);
  }
  const answered = page.waitForResponse(
    (r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith(`/${route}`),
  );
  await button.click();
  // Sending to the leader asks once before it acts.
  if (route === 'submit') {
    await page
      .getByRole('dialog', { name: 'Gửi báo cáo cho lãnh đạo duyệt?' })
      .getByRole('button', { name: label, exact: true })
      .click();
  }
  const response = await answered;
  expect(response.status(), `${label}: ${await response.text()}`).toBeLessThan(300);
}

const statusBadge = (page: Page, status: string): Locator =>
  page.locator('[data-workflow-bar]').getByText(status, { exact: true });

let province: Page;
let officer: Page;
let leader: Page;

describe('the main loop: a round, a commune report through its leader, the consolidated report', () => {
  it(
    'a) the province officer opens a round for the current month',
    async () => {
      province = await signIn(app.browser, 'demo.canbo.songv');
      await province.getByRole('link', { name: 'Đợt báo cáo' }).first().click();
      await province.getByRole('heading', { name: 'Đợt báo cáo', level: 1 }).waitFor();
      // The demo holds a quarterly round already; hers is the month's.

      await province.getByRole('button', { name: 'Mở đợt báo cáo' }).click();
      const form = province.getByRole('dialog', { name: 'Mở đợt báo cáo' });
      await form.waitFor();
      // The commune outline is chosen for the officer.
      await expect
        .poll(() => form.getByRole('combobox', { name: 'Đề cương', exact: true }).inputValue(), {
          timeout: WAIT_MS,
        })
        .toMatch(/cấp xã/);
      await choose(form, province, 'Kỳ báo cáo', 'Tháng');
      await choose(form, province, 'Năm', String(MONTH.year));
      await choose(form, province, 'Tháng', `Tháng ${MONTH.index}`);
      await form
        .locator('[data-period-label]')
        .filter({ hasText: new RegExp(`^Tháng ${MONTH.index} năm ${MONTH.year}: số liệu từ`) })
        .waitFor();
      await expect
        .poll(() => form.getByRole('textbox', { name: 'Tên đợt báo cáo' }).inputValue())
        .toContain(PERIOD_TEXT);
      // Every commune by default, Thạch Hà among them.
      await form.getByText(/^Đơn vị phải báo cáo: \d+\/\d+$/).waitFor();
      await form.getByRole('textbox', { name: 'Tìm đơn vị' }).fill('thach ha');
      const thachHa = form.getByRole('checkbox', { name: 'Xã Thạch Hà (18562)' });
      expect(await thachHa.isChecked()).toBe(true);
      await form.getByText(/Hạn gửi báo cáo: \d\d\/\d\d\/\d{4}/).waitFor();
      await form.getByRole('textbox', { name: 'Hướng dẫn cho đơn vị báo cáo' }).fill('Gửi báo cáo đúng hạn.');
      await shoot(province, 'round-form');

      const created = province.waitForResponse(
        (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/rounds',
      );
      await form.getByRole('button', { name: 'Mở đợt báo cáo' }).click();
      expect((await created).status()).toBeLessThan(300);
      await province.waitForURL(/\/dot-bao-cao\/\d+$/);
      shared.roundUrl = province.url();
      await province.getByRole('heading', { level: 1, name: new RegExp(PERIOD_TEXT, 'i') }).waitFor();
      await province
        .getByText(/^Còn \d+ ngày$/)
        .first()
        .waitFor();
      await province.getByRole('heading', { name: 'Tổng hợp báo cáo' }).waitFor();
      await shoot(province, 'round-opened');

      // The list shows it too.
      await province.getByRole('link', { name: 'Đợt báo cáo', exact: true }).first().click();
      await province.getByRole('link', { name: new RegExp(PERIOD_TEXT, 'i') }).waitFor();
      await shoot(province, 'rounds-list');
    },
    STEP_MS,
  );

  it(
    'b) the commune officer sees the round on her home page, fills in figures and sends the report to her leader',
    async () => {
      officer = await signIn(app.browser, 'demo.canbo.thachha');
      const due = officer.locator('[data-due-item]').filter({ hasText: new RegExp(PERIOD_TEXT, 'i') });
      await due.waitFor();
      await due.getByText(/^(Còn \d+ ngày|Hạn chót hôm nay)$/).waitFor();
      await due.getByText(/Hạn gửi: \d\d\/\d\d\/\d{4}/).waitFor();
      await shoot(officer, 'home-commune');

      // Issue 12's reference report: nine figures, three sections "không phát sinh", one paragraph,
      // counted from the home page to "sent to the leader".
      await resetEffort(officer);
      await due.getByRole('button', { name: 'Lập báo cáo' }).click();
      await officer.waitForURL(/\/bao-cao\/\d+$/);
      shared.reportUrl = officer.url();
      await officer.getByRole('heading', { level: 1, name: new RegExp(PERIOD_TEXT, 'i') }).waitFor();

      // A wrong figure first (the leader will ask for the right one), the visitors and the rest.
      const figures: [string, string][] = [
        ['delegations.in.count', '10'],
        ['delegations.in.people', String(VISITORS_IN)],
        ['delegations.out.count', '4'],
        ['delegations.out.people', '9'],
        ['foreigners.arrived', '6'],
        ['foreigners.departed', '3'],
        ['foreigners.resident', '25'],
        ['foreigners.violations', '0'],
        ['tourists.foreign', '120'],
      ];
      for (const [code, value] of figures) {
        await indicator(officer, code).getByRole('textbox').first().fill(value);
      }
      await officer
        .getByRole('textbox', { name: 'Nội dung cán bộ viết thêm — Công tác quản lý đoàn ra, đoàn vào' })
        .fill('Các đoàn vào đều làm việc theo đúng chương trình đã được phê duyệt.');
      // Nothing happened in these sections this month: "Không phát sinh".
      for (const title of [
        'Công tác ký kết và thực hiện thỏa thuận quốc tế',
        'Công tác tổ chức và quản lý hội nghị, hội thảo quốc tế',
        'Công tác vận động và quản lý viện trợ phi chính phủ nước ngoài',
      ]) {
        const section = officer.locator(`section[aria-label$="${title}"]`);
        await section.getByRole('switch', { name: /^Không phát sinh/ }).check();
        await expect.poll(() => section.getAttribute('data-nil')).toBe('true');
      }
      await waitSaved(officer);
      await shoot(officer, 'report-draft', { at: officer.locator('[data-workflow-bar]') });

      await step(officer, 'Gửi lãnh đạo duyệt', 'submit');
      await statusBadge(officer, 'Đã gửi lãnh đạo').waitFor();
      const officerEffort = await effort(officer);
      console.log(
        `effort: commune officer, home page → sent to the leader (9 figures, 3 nil sections, 1 paragraph): ` +
          `${officerEffort.clicks} clicks, ${officerEffort.chars} characters typed`,
      );
      expect(officerEffort.clicks, 'clicks of the commune officer').toBeLessThanOrEqual(20);
    },
    STEP_MS,
  );

  it(
    'c) the commune leader returns it with a comment on a figure, then approves and issues the corrected report',
    async () => {
      leader = await signIn(app.browser, 'demo.chutich.thachha');
      await leader.goto(shared.reportUrl);
      await leader.getByRole('heading', { level: 1, name: new RegExp(PERIOD_TEXT, 'i') }).waitFor();
      await leader
        .locator('[data-workflow-bar]')
        .getByRole('button', { name: 'Trả lại', exact: true })
        .click();
      const back = leader.getByRole('dialog', { name: 'Trả lại báo cáo để sửa' });
      await back.getByRole('textbox', { name: 'Ý kiến chung' }).fill('Đề nghị rà soát lại số đoàn vào.');
      await back.getByRole('button', { name: 'Thêm ý kiến tại một mục / chỉ tiêu' }).click();
      await back.getByRole('combobox', { name: /^Ý kiến 1/ }).fill('Số đoàn vào');
      await leader
        .getByRole('option', { name: /Số đoàn vào/ })
        .first()
        .click();
      await back
        .getByRole('textbox', { name: 'Nội dung ý kiến 1' })
        .fill(`Theo sổ theo dõi, trong kỳ có ${DELEGATIONS_IN} đoàn vào.`);
      const returned = leader.waitForResponse(
        (r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/return'),
      );
      await back.getByRole('button', { name: 'Trả lại', exact: true }).click();
      expect((await returned).status()).toBeLessThan(300);
      await statusBadge(leader, 'Bị trả lại').waitFor();

      // The officer sees the comment at the figure, corrects it and sends it again.
      await officer.reload();
      await statusBadge(officer, 'Bị trả lại').waitFor();
      await officer.getByText(`Theo sổ theo dõi, trong kỳ có ${DELEGATIONS_IN} đoàn vào.`).first().waitFor();
      await officer.getByText('Đề nghị rà soát lại số đoàn vào.').first().waitFor();
      await shoot(officer, 'report-returned', { at: officer.locator('[data-workflow-bar]') });
      await indicator(officer, 'delegations.in.count')
        .getByRole('textbox')
        .first()
        .fill(String(DELEGATIONS_IN));
      await waitSaved(officer);
      await step(officer, 'Gửi lãnh đạo duyệt', 'submit');
      await statusBadge(officer, 'Đã gửi lãnh đạo').waitFor();

      // The leader approves and issues from his home page (counted): signer and date, and the number.
      await leader.goto(`${app.server.url}/`);
      await leader.getByRole('heading', { name: 'Việc cần làm' }).waitFor();
      await resetEffort(leader);
      await leader
        .locator('[data-due-item]')
        .filter({ hasText: new RegExp(PERIOD_TEXT, 'i') })
        .getByRole('button', { name: /^(Mở|Xem) báo cáo$/ })
        .click();
      await leader.waitForURL(/\/bao-cao\/\d+$/);
      await statusBadge(leader, 'Đã gửi lãnh đạo').waitFor();
      // The leader reads the document first, and each step says what it does.
      await leader.locator('[data-preview] article').waitFor();
      await leader
        .locator('[data-step-help]')
        .getByText(/đồng ý nội dung/)
        .waitFor();
      await step(leader, 'Duyệt', 'approve');
      await statusBadge(leader, 'Đã duyệt').waitFor();
      await leader
        .locator('[data-workflow-bar]')
        .getByRole('button', { name: 'Ban hành', exact: true })
        .click();
      const issue = leader.getByRole('dialog', { name: 'Ban hành văn bản' });
      await expect
        .poll(() => issue.getByRole('combobox', { name: 'Người ký' }).inputValue(), { timeout: WAIT_MS })
        .toMatch(/Nguyễn Văn Hòa/);
      // Where the report goes, and the signature block whole, before the leader confirms.
      await issue.getByText(/Báo cáo được gửi ngay đến .+\./).waitFor();
      expect(await issue.locator('[data-signer-block]').innerText()).toMatch(/CHỦ TỊCH.*Nguyễn Văn Hòa/);
      // Dates read day first, whatever the browser's language: 06/12/2026.
      expect(await issue.getByLabel('Ngày ban hành').inputValue()).toBe(
        todayInVietnam().split('-').reverse().join('/'),
      );
      await issue.getByRole('button', { name: 'Xác nhận ban hành' }).click();
      const done = issue.getByText(/Văn bản được cấp số/);
      await done.waitFor();
      shared.notation = /cấp số (\S+\/BC-UBND)/.exec((await done.textContent()) ?? '')?.[1] ?? '';
      expect(shared.notation).toMatch(/^\d+\/BC-UBND$/);
      await leader.screenshot({ path: path.join(SHOTS_DIR, 'loop-report-issued-desktop.png') });
      await issue.getByRole('button', { name: 'Đóng' }).click();
      await statusBadge(leader, 'Đã ban hành').waitFor();
      const leaderEffort = await effort(leader);
      console.log(
        `effort: commune leader, home page → issued: ${leaderEffort.clicks} clicks, ` +
          `${leaderEffort.chars} characters typed`,
      );
      expect(leaderEffort.clicks, 'clicks of the leader').toBeLessThanOrEqual(6);
      await shoot(leader, 'report-issued', { at: leader.locator('[data-workflow-bar]') });
    },
    STEP_MS,
  );

  it(
    'd) the province officer receives it, consolidates the round, traces a figure and downloads the DOCX',
    async () => {
      await province.goto(shared.roundUrl);
      await province.getByRole('heading', { name: 'Tổng hợp báo cáo' }).waitFor();
      // The unit is sent (issued) in the round's progress.
      const row = province.getByRole('row').filter({ hasText: 'Xã Thạch Hà' });
      await row.getByText('Đã gửi', { exact: true }).first().waitFor();
      await province.getByText(/^Đã gửi, chưa nhận: 1$/).waitFor();
      await shoot(province, 'round-sent');

      await row.getByRole('link', { name: 'Xem' }).first().click();
      await province.waitForURL(shared.reportUrl);
      await statusBadge(province, 'Đã ban hành').waitFor();
      await step(province, 'Tiếp nhận', 'receive');
      await statusBadge(province, 'Cấp trên đã nhận').waitFor();
      await shoot(province, 'report-received', { at: province.locator('[data-workflow-bar]') });

      await province.getByRole('link', { name: 'Xem đợt báo cáo' }).click();
      await province.waitForURL(shared.roundUrl);
      await province.getByText(/^Đã nhận: 1$/).waitFor();
      const consolidated = province.waitForResponse(
        (r) => r.request().method() === 'POST' && /\/consolidat/.test(new URL(r.url()).pathname),
      );
      // Before the click the page says how many units answered and which did not.
      await province.getByText(/^Số liệu tổng hợp từ báo cáo của 1\/\d+ /u).waitFor();
      await shoot(province, 'round-coverage', {
        at: province.getByRole('heading', { name: 'Tổng hợp báo cáo' }),
      });
      // The round page's header: one click consolidates and opens the province's report.
      await province.getByRole('button', { name: /^Tổng hợp (báo cáo|ngay \(1\/\d+\))$/u }).click();
      expect((await consolidated).status()).toBeLessThan(300);
      await province.waitForURL(/\/bao-cao\/\d+$/);
      shared.consolidatedUrl = province.url();
      expect(shared.consolidatedUrl).not.toBe(shared.reportUrl);
      await province.getByRole('heading', { level: 1, name: /^Báo cáo tổng hợp /u }).waitFor();
      // The figure equals what the commune entered, and its source is the commune's report.
      const source = province.getByRole('button', { name: 'Nguồn của số liệu Số đoàn vào' });
      await source.waitFor();
      expect(await source.locator('[data-figure-value]').textContent()).toBe(String(DELEGATIONS_IN));
      await shoot(province, 'consolidated-report', { at: source });
      await source.click();
      const sources = province.getByRole('table', { name: 'Nguồn số liệu — Số đoàn vào' });
      await sources.getByRole('cell', { name: String(DELEGATIONS_IN) }).waitFor();
      await sources.getByRole('link', { name: 'Xã Thạch Hà' }).click();
      await province.waitForURL(shared.reportUrl);
      await statusBadge(province, 'Cấp trên đã nhận').waitFor();
      await province.goBack();
      await province.waitForURL(shared.consolidatedUrl);

      // The consolidated DOCX: a real DOCX, laid out by the rules, with the figure in it.
      await province.getByRole('button', { name: 'Nguồn của số liệu Số đoàn vào' }).waitFor();
      const download = province.waitForEvent('download', { timeout: WAIT_MS * 2 });
      await province.getByRole('button', { name: 'Tải DOCX' }).click();
      const file = await (await download).path();
      const bytes = new Uint8Array(readFileSync(file));
      expect(Buffer.from(bytes.subarray(0, 2)).toString('latin1')).toBe('PK');
      expect(await checkDocx(bytes, { allowUnsigned: true })).toEqual([]);
      const text = flatten(readDocx(bytes).body)
        .map((p) => p.text)
        .join('\n');
      expect(text).toContain(`${DELEGATIONS_IN} đoàn`);
      expect(text).toContain('Thạch Hà');
      expect(pageErrors).toEqual([]);
    },
    STEP_MS,
  );

  it(
    'e) the board, the charts and the reminders show the round',
    async () => {
      await province.getByRole('link', { name: 'Tiến độ báo cáo' }).first().click();
      await province.getByRole('heading', { name: 'Tiến độ báo cáo', level: 1 }).waitFor();
      await province.getByRole('row').filter({ hasText: 'Xã Thạch Hà' }).first().waitFor();
      await shoot(province, 'board');

      await province.getByRole('link', { name: 'Thống kê' }).first().click();
      await province.getByRole('heading', { name: 'Thống kê', level: 1 }).waitFor();
      await province.locator('.recharts-surface').first().waitFor();
      await shoot(province, 'dashboard', {
        ready: () => province.locator('.recharts-surface').first().waitFor(),
      });

      // The jobs run when the server starts (in the background): today's reminder digests are made.
      await app.restart();
      const ducThinh = await signIn(app.browser, 'demo.canbo.ducthinh');
      for (const [who, page] of [
        ['province', province],
        ['commune', ducThinh],
      ] as const) {
        await page.goto(`${app.server.url}/thong-bao`);
        await page.getByRole('heading', { name: 'Thông báo', level: 1 }).waitFor();
        // Until the start-up run has stored the digests, the page says there are none yet.
        await expect
          .poll(
            async () => {
              if ((await page.getByRole('article').count()) > 0) return true;
              await page.reload();
              await page.getByRole('heading', { name: 'Thông báo', level: 1 }).waitFor();
              return (await page.getByRole('article').count()) > 0;
            },
            { timeout: WAIT_MS, interval: 500 },
          )
          .toBe(true);
        await page.getByRole('article').first().getByText(new RegExp(PERIOD_TEXT, 'i')).first().waitFor();
        await shoot(page, `notifications-${who}`);
      }
      expect(pageErrors).toEqual([]);
    },
    STEP_MS,
  );
});
