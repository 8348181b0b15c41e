/**
 * The report form in a real browser: a commune officer creates the 6-month report, fills numbers,
 * answers a section "Không phát sinh", writes her own text, sees the draft follow, autosaves,
 * reloads and finds everything, meets a field error, opens the preview; then two pages on the
 * same report meet a conflict and nothing is lost.
 */
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/db/demo.js';
import { SHOTS_DIR, setUpBrowserServer } from '../support/browser.js';

const app = setUpBrowserServer('report-form');

const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
/** The first half of this year: its data window (from 15 December last year) has always started. */
const YEAR = new Date().getFullYear();

async function signIn(context: BrowserContext, username = 'demo.canbo.thachha'): Promise<Page> {
  const page = await context.newPage();
  // CI runs the browser files side by side on 2 cores: a tab switch that re-renders the report's
  // checks and its page can take more than 10 s there (the main loop allows 30 s too).
  page.setDefaultTimeout(30_000);
  await page.goto(`${app.server.url}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { name: 'Việc cần làm' }).waitFor();
  return page;
}

async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** An indicator's block on the form (its input, breakdown rows and comparison line). */
const indicator = (page: Page, code: string): Locator => page.locator(`[data-indicator="${code}"]`);

async function waitSaved(page: Page): Promise<void> {
  await page
    .locator('[data-save-status="saved"]')
    .filter({ hasText: /Đã lưu lúc \d\d:\d\d/ })
    .waitFor();
}

/** The element's box is (at least partly) inside the window. */
async function inView(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const height = locator.page().viewportSize()?.height ?? 0;
  return box !== null && box.y + box.height > 0 && box.y < height;
}

/** The id of the element that has the focus. */
const focusedId = (page: Page) => page.evaluate('document.activeElement ? document.activeElement.id : null');

/** Console errors and uncaught exceptions of a page. */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** The POST requests a page sends to a report step, counted. */
function stepRequests(page: Page, step: string): { count: number } {
  const seen = { count: 0 };
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname.endsWith(`/${step}`)) seen.count += 1;
  });
  return seen;
}

async function noHorizontalScroll(page: Page): Promise<number> {
  return Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
}

let reportUrl = '';

describe('the report form', () => {
  it('creates, fills, drafts, autosaves and keeps a 6-month report', async () => {
    const context = await app.browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
    const page = await signIn(context);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // The home page leads to the reports (its one "Lập báo cáo" is on a round's card, not here).
    expect(await page.getByRole('link', { name: 'Lập báo cáo' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Báo cáo của đơn vị' }).click();
    await page.getByRole('heading', { name: 'Báo cáo', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Lập báo cáo mới' }).click();
    const dialog = page.getByRole('dialog', { name: 'Lập báo cáo mới' });
    await dialog.waitFor();
    // The officer's commune and the commune outline are chosen for her.
    await expect
      .poll(() => dialog.getByLabel('Đơn vị báo cáo', { exact: true }).inputValue())
      .toBe('Xã Thạch Hà');
    await expect.poll(() => dialog.getByLabel('Đề cương', { exact: true }).inputValue()).toMatch(/cấp xã/);
    await choose(page, 'Kỳ báo cáo', '6 tháng đầu năm');
    await choose(page, 'Năm', String(YEAR));
    await dialog
      .getByText(`6 tháng đầu năm ${YEAR}: số liệu từ 15/12/${YEAR - 1} đến 14/06/${YEAR}`)
      .waitFor();
    await page.screenshot({ path: path.join(SHOTS_DIR, 'report-new-desktop.png') });
    await dialog.getByRole('button', { name: 'Lập báo cáo' }).click();

    await page.getByRole('heading', { name: `Báo cáo 6 tháng đầu năm ${YEAR}` }).waitFor();
    reportUrl = page.url();
    expect(reportUrl).toMatch(/\/bao-cao\/\d+$/);

    // Numbers: foreigners resident, workers abroad by market (the total is computed).
    await indicator(page, 'foreigners.resident').getByRole('textbox').first().fill('130');
    const workers = indicator(page, 'workers.abroad');
    const market = (row: number) => workers.locator(`input[aria-label="Thị trường (dòng ${row})"]`);
    await workers.getByRole('button', { name: '+ Thêm thị trường' }).click();
    // A new row starts empty and quiet: no "0" in the number box, no red error.
    await market(1).waitFor();
    expect(await workers.getByRole('textbox', { name: 'Số lao động của dòng 1' }).inputValue()).toBe('');
    expect(await workers.locator('[aria-invalid="true"]').count()).toBe(0);
    // Markets come from the catalogue, searched without diacritics.
    await market(1).click();
    await page.keyboard.type('han');
    await page.getByRole('option', { name: 'Hàn Quốc', exact: true }).click();
    const firstNumber = workers.getByRole('textbox', { name: /^Số lao động của (Hàn Quốc|dòng 1)$/ });
    await firstNumber.click();
    await page.keyboard.type('2');
    expect(await firstNumber.inputValue()).toBe('2');
    // A row left incomplete says what it lacks, once the officer has left it.
    await workers.getByRole('button', { name: '+ Thêm thị trường' }).click();
    await market(2).click();
    expect(await workers.getByText('Chọn thị trường', { exact: true }).count()).toBe(0);
    await page.getByRole('heading', { name: `Báo cáo 6 tháng đầu năm ${YEAR}` }).click();
    await workers.getByText('Chọn thị trường', { exact: true }).waitFor();
    await workers.getByText('Nhập số', { exact: true }).waitFor();
    await workers.screenshot({ path: path.join(SHOTS_DIR, 'report-form-market-incomplete.png') });
    await market(2).click();
    await page.keyboard.type('dai loan');
    await page.getByRole('option', { name: 'Đài Loan (Trung Quốc)', exact: true }).waitFor();
    await market(2).fill('');
    await page.keyboard.type('nhat');
    await page.getByRole('option', { name: 'Nhật Bản', exact: true }).click();
    await workers.getByRole('textbox', { name: /^Số lao động của (Nhật Bản|dòng 2)$/ }).fill('1');
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: `Báo cáo 6 tháng đầu năm ${YEAR}` }).click();
    await expect.poll(() => workers.getByText('Chọn thị trường', { exact: true }).count()).toBe(0);
    expect(await workers.getByText('Nhập số', { exact: true }).count()).toBe(0);
    // The countries incoming delegations came from: several, from the same catalogue.
    const visitors = indicator(page, 'delegations.in.countries');
    await visitors.locator('input:not([type="hidden"])').first().click();
    await page.keyboard.type('myanmar');
    await page.getByRole('option', { name: 'Mi-an-ma', exact: true }).click();
    await page.keyboard.type('lao');
    await page.getByRole('option', { name: 'Lào', exact: true }).click();
    await page.keyboard.press('Escape');
    await visitors.screenshot({ path: path.join(SHOTS_DIR, 'report-form-countries-list.png') });
    await page
      .locator('[data-drafted]')
      .filter({ hasText: /Mi-an-ma và Lào|Lào và Mi-an-ma/ })
      .first()
      .waitFor();
    // The total follows the parts once React has rendered them (not within the same tick).
    await expect.poll(() => workers.getByRole('textbox').first().inputValue()).toBe('3');

    // The draft follows the numbers at once.
    await page.locator('[data-drafted]').filter({ hasText: '130 người nước ngoài' }).first().waitFor();
    await page
      .locator('[data-drafted]')
      .filter({ hasText: `Trong 6 tháng đầu năm ${YEAR}` })
      .first()
      .waitFor();
    await page
      .locator('[data-drafted]')
      .filter({ hasText: /Hàn Quốc.+Nhật Bản/ })
      .first()
      .waitFor();

    // "Không phát sinh" for the foreign press section: greyed, with the nil sentence.
    const press = page.locator('section[aria-label$="Công tác quản lý phóng viên, báo chí nước ngoài"]');
    await press.getByRole('switch', { name: /^Không phát sinh/ }).check();
    await expect.poll(() => press.getAttribute('data-nil')).toBe('true');
    await press.locator('[data-drafted]').filter({ hasText: 'không phát sinh' }).waitFor();

    // The officer's own text, kept apart from the draft.
    const proposals = page.locator('section[aria-label$="Kiến nghị, đề xuất"]').first();
    await proposals
      .getByRole('textbox', { name: 'Nội dung cán bộ viết thêm — Kiến nghị, đề xuất' })
      .fill('Đề nghị hỗ trợ kinh phí tập huấn ngoại ngữ cho cán bộ xã.');

    await waitSaved(page);
    await page.screenshot({ path: path.join(SHOTS_DIR, 'report-form-desktop.png') });
    await workers.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS_DIR, 'report-form-desktop-workers.png') });

    // Reload: everything is still there.
    await page.reload();
    await page.getByRole('heading', { name: `Báo cáo 6 tháng đầu năm ${YEAR}` }).waitFor();
    expect(await indicator(page, 'foreigners.resident').getByRole('textbox').first().inputValue()).toBe(
      '130',
    );
    expect(await workers.locator('input[aria-label="Thị trường (dòng 1)"]').inputValue()).toBe('Hàn Quốc');
    expect(await workers.locator('input[aria-label="Thị trường (dòng 2)"]').inputValue()).toBe('Nhật Bản');
    // The total follows the parts once React has rendered them (not within the same tick).
    await expect.poll(() => workers.getByRole('textbox').first().inputValue()).toBe('3');
    expect(await press.getAttribute('data-nil')).toBe('true');
    expect(
      await proposals
        .getByRole('textbox', { name: 'Nội dung cán bộ viết thêm — Kiến nghị, đề xuất' })
        .inputValue(),
    ).toBe('Đề nghị hỗ trợ kinh phí tập huấn ngoại ngữ cho cán bộ xã.');
    // No offer to restore: the server had everything.
    expect(await page.getByText('Có thay đổi chưa lưu trên máy này').count()).toBe(0);

    // A negative number: the message is at the field, and submission waits.
    const violations = indicator(page, 'foreigners.violations');
    await violations.getByRole('textbox').first().fill('-2');
    await violations.getByText(/không được âm/).waitFor();
    await page.locator('[data-submit-blockers]').waitFor();
    await violations.getByRole('textbox').first().fill('0');
    await expect.poll(() => violations.getByText(/không được âm/).count()).toBe(0);
    await waitSaved(page);

    // The preview reads as the document will.
    await page.getByRole('tab', { name: /Xem trước và kiểm tra/ }).click();
    const preview = page.locator('[data-preview]');
    await preview.waitFor();
    await expect.poll(() => preview.innerText()).toMatch(/130 người nước ngoài/);
    expect(await preview.innerText()).toMatch(/Đề nghị hỗ trợ kinh phí tập huấn ngoại ngữ/);
    await page.getByRole('heading', { name: 'Kiểm tra trước khi gửi' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS_DIR, 'report-preview-desktop.png') });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('marks a figure as an estimate from the keyboard: the draft and the document say "khoảng"', async () => {
    const context = await app.browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
    const page = await signIn(context);
    await page.goto(reportUrl);
    await page.getByRole('heading', { name: `Báo cáo 6 tháng đầu năm ${YEAR}` }).waitFor();
    const resident = indicator(page, 'foreigners.resident');
    const toggle = resident.getByRole('button', { name: /^Số ước tính, in “khoảng”/ });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    // Tab from the number box reaches the switch; Space presses it.
    await resident.getByRole('textbox').first().focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate("document.activeElement?.getAttribute('aria-pressed') ?? null")).toBe('false');
    await page.keyboard.press('Space');
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    await resident.screenshot({ path: path.join(SHOTS_DIR, 'report-form-approximate.png') });
    await page.locator('[data-drafted]').filter({ hasText: 'khoảng 130 người nước ngoài' }).first().waitFor();
    await waitSaved(page);

    // The document says it as the drafting does.
    await page.getByRole('tab', { name: /Xem trước và kiểm tra/ }).click();
    const preview = page.locator('[data-preview]');
    await expect.poll(() => preview.innerText()).toMatch(/khoảng 130 người nước ngoài/);

    // Saved with the report; pressed again, the figure is exact once more.
    await page.reload();
    await page.getByRole('heading', { name: `Báo cáo 6 tháng đầu năm ${YEAR}` }).waitFor();
    await page.getByRole('tab', { name: /Nhập số liệu/ }).click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
    await waitSaved(page);
    await page.locator('[data-drafted]').filter({ hasText: '130 người nước ngoài' }).first().waitFor();
    expect(await page.locator('[data-drafted]').filter({ hasText: 'khoảng 130' }).count()).toBe(0);
    await context.close();
  });

  it('fits a phone screen (390 px) without horizontal scrolling', async () => {
    const context = await app.browser.newContext({
      viewport: PHONE,
      locale: 'vi-VN',
      isMobile: true,
      hasTouch: true,
    });
    const page = await signIn(context);
    await page.goto(reportUrl);
    await page.getByRole('heading', { name: `Báo cáo 6 tháng đầu năm ${YEAR}` }).waitFor();
    await page.screenshot({ path: path.join(SHOTS_DIR, 'report-form-phone-top.png') });
    await indicator(page, 'workers.abroad').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS_DIR, 'report-form-phone.png') });
    await page.screenshot({ path: path.join(SHOTS_DIR, 'report-form-phone-full.png'), fullPage: true });
    expect(await noHorizontalScroll(page)).toBeLessThanOrEqual(0);
    // The section list is a drawer on a phone: a section chosen there comes into view.
    await page.getByRole('button', { name: 'Các mục', exact: true }).click();
    const drawer = page.getByRole('dialog', { name: 'Các mục của báo cáo' });
    await drawer.locator('[data-nav-section="press"] [data-section-state="nil"]').waitFor();
    await page.waitForTimeout(500); // the drawer slides in
    await page.screenshot({ path: path.join(SHOTS_DIR, 'report-form-phone-sections.png') });
    await drawer.locator('[data-nav-section="proposals"]').click();
    await drawer.waitFor({ state: 'hidden' });
    const proposals = page.locator('section[aria-label$="Kiến nghị, đề xuất"]').first();
    // The list scrolls smoothly: on a loaded machine that takes more than the poll's default second.
    await expect.poll(() => inView(proposals), { timeout: 10_000 }).toBe(true);
    await page.getByRole('tab', { name: /Xem trước và kiểm tra/ }).click();
    // The page as printed (the document view is loaded with the tab).
    await page.locator('[data-preview] article').waitFor();
    await page.screenshot({ path: path.join(SHOTS_DIR, 'report-preview-phone.png') });
    await page.locator('[data-preview]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS_DIR, 'report-preview-phone-document.png') });
    expect(await noHorizontalScroll(page)).toBeLessThanOrEqual(0);
    await page.goto(`${app.server.url}/bao-cao`);
    await page.getByRole('link', { name: `6 tháng đầu năm ${YEAR}` }).waitFor();
    await page.screenshot({ path: path.join(SHOTS_DIR, 'reports-list-phone.png'), fullPage: true });
    expect(await noHorizontalScroll(page)).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('shows a conflict when two pages save the same report, and loses neither version', async () => {
    const context = await app.browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
    const first = await signIn(context);
    const second = await context.newPage();
    second.setDefaultTimeout(30_000);
    await first.goto(reportUrl);
    await second.goto(reportUrl);
    for (const page of [first, second]) {
      await page.getByRole('heading', { name: `Báo cáo 6 tháng đầu năm ${YEAR}` }).waitFor();
    }
    // The first page saves a new number.
    await indicator(first, 'foreigners.arrived').getByRole('textbox').first().fill('87');
    await waitSaved(first);
    // The second page, opened before that save, saves another number: refused, both kept.
    await indicator(second, 'foreigners.departed').getByRole('textbox').first().fill('12');
    const dialog = second.getByRole('dialog', { name: 'Báo cáo vừa được lưu bởi người khác' });
    await dialog.waitFor();
    await dialog.getByText(/Báo cáo vừa được .+ lưu lúc .+ Bản của bạn chưa được lưu\./).waitFor();
    await second.screenshot({ path: path.join(SHOTS_DIR, 'report-conflict-desktop.png') });
    await dialog.getByRole('button', { name: 'Giữ bản của tôi và ghi đè' }).click();
    await waitSaved(second);
    expect(await indicator(second, 'foreigners.departed').getByRole('textbox').first().inputValue()).toBe(
      '12',
    );

    // The first page now meets the second one's save and takes it.
    await indicator(first, 'foreigners.violations').getByRole('textbox').first().fill('1');
    const again = first.getByRole('dialog', { name: 'Báo cáo vừa được lưu bởi người khác' });
    await again.waitFor();
    await again.getByRole('button', { name: /^Lấy bản của/ }).click();
    await waitSaved(first);
    expect(await indicator(first, 'foreigners.departed').getByRole('textbox').first().inputValue()).toBe(
      '12',
    );
    await context.close();
  });
});

describe('nothing to type for nothing that happened, and no surprises', () => {
  it('the sign-in page loads without a console error', async () => {
    const context = await app.browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
    const page = await context.newPage();
    const errors = consoleErrors(page);
    await page.goto(`${app.server.url}/dang-nhap`);
    await page.getByLabel('Tên đăng nhập').waitFor();
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the section list shows each state; errors lead to the field or to "Không phát sinh"; sending asks once and can be taken back', async () => {
    const context = await app.browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
    const page = await signIn(context);
    const errors = consoleErrors(page);
    await page.goto(reportUrl);
    await page.getByRole('heading', { name: `Báo cáo 6 tháng đầu năm ${YEAR}` }).waitFor();

    // The list beside the form: filled, nil, and in error (required figures still missing).
    const nav = page.locator('[data-section-nav]');
    await nav.locator('[data-nav-section="press"] [data-section-state="nil"]').waitFor();
    await nav.locator('[data-nav-section="foreigners"] [data-section-state="filled"]').waitFor();
    await nav.locator('[data-nav-section="agreements"] [data-section-state="error"]').waitFor();
    await page.screenshot({ path: path.join(SHOTS_DIR, 'report-form-sections-desktop.png') });
    // A click in the list brings the section into view.
    await nav.locator('[data-nav-section="proposals"]').click();
    const proposals = page.locator('section[aria-label$="Kiến nghị, đề xuất"]').first();
    // The list scrolls smoothly: on a loaded machine that takes more than the poll's default second.
    await expect.poll(() => inView(proposals), { timeout: 10_000 }).toBe(true);

    // No outline codes, no English, no double brackets shown to the officer.
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/commune-report|\)\s*\(/);
    expect(text).not.toMatch(/Xuất JSON|Nhập JSON/);
    // Export and import are under "Thêm".
    await page.getByRole('button', { name: /^Thêm/ }).click();
    await page.getByRole('menuitem', { name: 'Tải báo cáo về dạng tệp JSON' }).waitFor();
    await page.keyboard.press('Escape');
    // One way to answer the whole report "không phát sinh": the step, not also a switch.
    expect(await page.getByRole('switch', { name: /Cả báo cáo/ }).count()).toBe(0);

    // Sending waits; the first error is one click away and names the switch that answers it.
    const submit = page.locator('[data-workflow-bar]').getByRole('button', { name: 'Gửi lãnh đạo duyệt' });
    expect(await submit.isDisabled()).toBe(true);
    await page.locator('[data-submit-blockers]').getByRole('button', { name: 'Đến lỗi đầu tiên' }).click();
    await expect.poll(() => focusedId(page)).toMatch(/^chi-tieu-/);
    const agreements = indicator(page, 'agreements.signed');
    await agreements
      .getByText(/bật “Không phát sinh” của mục “Công tác ký kết và thực hiện thỏa thuận quốc tế”/)
      .waitFor();
    // From the checklist, straight to the section's switch.
    await page.getByRole('tab', { name: /Xem trước và kiểm tra/ }).click();
    const item = page.getByRole('listitem').filter({ hasText: 'Số thỏa thuận quốc tế được ký kết' });
    await item.getByRole('button', { name: 'Đến nút “Không phát sinh”' }).click();
    const agreementsSwitch = page.getByRole('switch', {
      name: 'Không phát sinh — Công tác ký kết và thực hiện thỏa thuận quốc tế',
    });
    await expect.poll(() => focusedId(page)).toBe(await agreementsSwitch.getAttribute('id'));
    // Nothing happened in these sections: the switches answer their figures, no zeros to type.
    for (const title of [
      'Công tác quản lý đoàn ra, đoàn vào',
      'Công tác ký kết và thực hiện thỏa thuận quốc tế',
      'Công tác tổ chức và quản lý hội nghị, hội thảo quốc tế',
      'Công tác vận động và quản lý viện trợ phi chính phủ nước ngoài',
    ]) {
      await page.getByRole('switch', { name: `Không phát sinh — ${title}` }).check();
    }
    await expect.poll(() => submit.isDisabled()).toBe(false);
    await nav.locator('[data-nav-section="agreements"] [data-section-state="nil"]').waitFor();
    await waitSaved(page);

    // "Gửi lãnh đạo duyệt" asks once, says what happens next; a double click sends once.
    const submits = stepRequests(page, 'submit');
    await submit.dblclick();
    const confirm = page.getByRole('dialog', { name: 'Gửi báo cáo cho lãnh đạo duyệt?' });
    await confirm.getByText(/“Rút lại”/).waitFor();
    await page.screenshot({ path: path.join(SHOTS_DIR, 'report-submit-confirm-desktop.png') });
    await confirm.getByRole('button', { name: 'Gửi lãnh đạo duyệt' }).dblclick();
    const bar = page.locator('[data-workflow-bar]');
    await bar.getByText('Đã gửi lãnh đạo', { exact: true }).waitFor();
    expect(submits.count).toBe(1);

    // Taken back while the leader has not acted: a draft again, editable, sent once more later.
    const withdraws = stepRequests(page, 'withdraw');
    await bar.getByRole('button', { name: 'Rút lại' }).dblclick();
    await bar.getByText('Đang soạn', { exact: true }).waitFor();
    expect(withdraws.count).toBe(1);
    expect(await indicator(page, 'foreigners.violations').getByRole('textbox').first().isEditable()).toBe(
      true,
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a page left open overnight: the session expired, the typed text survives the sign-in again', async () => {
    const context = await app.browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
    const page = await signIn(context);
    await page.goto(reportUrl);
    await page.getByRole('heading', { name: `Báo cáo 6 tháng đầu năm ${YEAR}` }).waitFor();
    // The session ends (expired overnight) while the page stays open; the officer types on.
    await context.clearCookies();
    const text = 'Đề nghị bổ sung kinh phí cho công tác thông tin đối ngoại năm tới.';
    await page.getByRole('textbox', { name: 'Nội dung cán bộ viết thêm — Kiến nghị, đề xuất' }).fill(text);
    // The autosave is refused: the sign-in page, which leads back to the report.
    await page.getByLabel('Tên đăng nhập').waitFor({ timeout: 20_000 });
    await page.getByLabel('Tên đăng nhập').fill('demo.canbo.thachha');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: `Báo cáo 6 tháng đầu năm ${YEAR}` }).waitFor();
    await page.getByText('Có thay đổi chưa lưu trên máy này').waitFor();
    await page.getByRole('button', { name: 'Khôi phục thay đổi' }).click();
    await waitSaved(page);
    await page.reload();
    await page.getByRole('heading', { name: `Báo cáo 6 tháng đầu năm ${YEAR}` }).waitFor();
    expect(
      await page
        .getByRole('textbox', { name: 'Nội dung cán bộ viết thêm — Kiến nghị, đề xuất' })
        .inputValue(),
    ).toBe(text);
    await context.close();
  });
});

describe('the outline editor', () => {
  it('lets an administrator clone an outline, edit the copy and save a new version', async () => {
    const context = await app.browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
    const page = await signIn(context, 'demo.quantri');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.getByRole('link', { name: 'Đề cương' }).click();
    await page.getByRole('heading', { name: 'Đề cương báo cáo' }).waitFor();
    await page.getByRole('link', { name: 'Báo cáo kết quả công tác đối ngoại cấp xã' }).click();
    await page.getByText('Phiên bản 1').first().waitFor();
    await page.getByText('II. Công tác chỉ đạo, điều hành').waitFor();

    await page.getByRole('button', { name: 'Nhân bản' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nhân bản đề cương' });
    await dialog.getByLabel('Tên đề cương mới').fill('Báo cáo cấp xã của tỉnh Hà Tĩnh');
    await dialog.getByLabel('Mã đề cương mới').fill('bao-cao-xa-ha-tinh');
    await dialog.getByRole('button', { name: 'Nhân bản' }).click();
    await page.getByRole('heading', { name: 'Báo cáo cấp xã của tỉnh Hà Tĩnh' }).waitFor();

    // Move section II up: it becomes I and the numbers follow.
    await page.getByRole('button', { name: 'Chuyển lên: II. Công tác chỉ đạo, điều hành' }).click();
    await page.getByText('I. Công tác chỉ đạo, điều hành').waitFor();
    await page.getByText('II. Bối cảnh tình hình').waitFor();
    // Add an indicator to it.
    const directionRow = page.locator('[data-section="direction"]');
    await directionRow.getByRole('button', { name: '+ Chỉ tiêu' }).first().click();
    const add = page.getByRole('dialog', { name: /Thêm chỉ tiêu/ });
    await add.getByLabel('Mã chỉ tiêu').fill('direction.meetings');
    await add.getByLabel('Tên chỉ tiêu').fill('Số cuộc họp chỉ đạo công tác đối ngoại');
    await add.getByLabel('Đơn vị tính').fill('cuộc');
    await add.getByRole('button', { name: 'Thêm' }).click();
    await page.getByText(/Chỉ tiêu: Số cuộc họp chỉ đạo công tác đối ngoại \(cuộc\)/).waitFor();
    await page.screenshot({ path: path.join(SHOTS_DIR, 'outline-editor-desktop.png') });

    await page.getByRole('button', { name: 'Lưu thành phiên bản 2' }).click();
    await page.getByText('Phiên bản 2').first().waitFor();
    await page.getByText('I. Công tác chỉ đạo, điều hành').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
