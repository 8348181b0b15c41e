/**
 * Units' lineage across a reorganisation (the 2025 reform: on 1 July 2025 about 10,000 communes
 * became 3,321) and what it means for comparisons: a merged commune's "same period last year",
 * when that period ended before the merger, is the total of its former communes' figures, combined
 * by the one rule for totals across units (consolidation/combine.ts), and it says so.
 *
 * A former unit split between several successors is linked to each of them, without a share: the
 * resolutions divide land and population, not delegations or visitors, so a share of its figures
 * would be an invented number. Its whole figures count in each successor's comparison, and the
 * comparison says the unit was split. Pure: no I/O.
 */
import { combineAcrossUnits } from './consolidation/combine.js';
import type { FieldError } from './errors.js';
import type { Indicator, IndicatorValue, ReportValues } from './outline.js';
import { type DataWindow, formatDateVn, isIsoDate } from './periods.js';
import { foldForSearch, nfc } from './text.js';
import { joinVi } from './vn-number.js';

/** The day the two-level local government began (Luật 72/2025/QH15). */
export const REFORM_2025_DATE = '2025-07-01';

/** Kinds of the former commune-level units (the "thị trấn" disappeared with the districts). */
export const FORMER_KINDS = ['xã', 'phường', 'thị trấn'] as const;
export type FormerKind = (typeof FORMER_KINDS)[number];

/** Most lines one import file may hold (the whole country is about 10,000 former communes). */
export const MAX_LINEAGE_ROWS = 20_000;

/** One line of a lineage file, checked for its form (the units it names are checked in the database). */
export interface LineageRowInput {
  /** The line of the file (1 = the first line). */
  line: number;
  successorCode: string;
  formerCode: string;
  formerName: string;
  formerKind: FormerKind;
  effectiveOn: string;
}

/** A former unit of a successor, as stored (unit_lineage joined with the former unit). */
export interface LineageLink {
  formerId: number;
  formerCode: string;
  formerName: string;
  formerKind: string;
  effectiveOn: string;
  /** How many successors the former unit was divided between (1 when it went whole into one). */
  successorCount: number;
}

/** The former units behind a comparison: who reported for that period and who did not. */
export interface FormerSum {
  effectiveOn: string;
  units: {
    code: string;
    name: string;
    kind: string;
    reported: boolean;
    split: boolean;
    /** Its figures come from its logbook records (it sent no report of that period). */
    fromRecords?: boolean;
  }[];
}

const HEADER_WORDS = /^(ma|successor|don vi moi|ma don vi moi|ma xa moi)/;

/** "2025-07-01" or "01/07/2025" (and "1/7/2025") → ISO; undefined when it is not a real date. */
export function parseLineageDate(text: string): string | undefined {
  const t = text.trim();
  if (isIsoDate(t)) return t;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (!m) return undefined;
  const iso = `${m[3]}-${(m[2] ?? '').padStart(2, '0')}-${(m[1] ?? '').padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

function kindOf(text: string): FormerKind | undefined {
  const folded = nfc(text).trim().toLowerCase();
  return FORMER_KINDS.find((k) => k === folded);
}

/**
 * The rows of a lineage file (columns: successor code, former code, former name, former kind,
 * effective date; a first line of column titles is skipped), each checked for its form. Errors
 * name the line and the column in Vietnamese; the caller imports nothing when there is one.
 */
export function checkLineageRows(records: readonly (readonly string[])[]): {
  rows: LineageRowInput[];
  errors: FieldError[];
} {
  const rows: LineageRowInput[] = [];
  const errors: FieldError[] = [];
  const seen = new Map<string, LineageRowInput>();
  const names = new Map<string, { name: string; line: number }>();
  records.forEach((cells, i) => {
    const line = i + 1;
    const cell = (k: number) => nfc(cells[k] ?? '').trim();
    if (cells.every((c) => c.trim() === '')) return;
    if (i === 0 && HEADER_WORDS.test(foldForSearch(cell(0)))) return;
    const path = `dòng ${line}`;
    const problems: string[] = [];
    if (cells.length < 4) {
      errors.push({
        path,
        message: `Dòng ${line}: cần 5 cột (mã đơn vị mới, mã đơn vị cũ, tên đơn vị cũ, loại đơn vị cũ, ngày hiệu lực), dòng này có ${cells.length} cột.`,
      });
      return;
    }
    const successorCode = cell(0);
    const formerCode = cell(1);
    const formerName = cell(2);
    const kindText = cell(3);
    const dateText = cell(4);
    if (!/^\d{5}$/.test(successorCode))
      problems.push(`mã đơn vị mới "${successorCode}" phải là mã xã gồm 5 chữ số (ví dụ 18562)`);
    if (!/^\d{5}$/.test(formerCode)) problems.push(`mã đơn vị cũ "${formerCode}" phải là mã xã gồm 5 chữ số`);
    if (!formerName) problems.push('thiếu tên đơn vị cũ');
    else if (formerName.length > 200) problems.push('tên đơn vị cũ dài quá 200 ký tự');
    const formerKind = kindOf(kindText);
    if (!formerKind)
      problems.push(`loại đơn vị cũ "${kindText}" không hợp lệ (chỉ nhận: ${FORMER_KINDS.join(', ')})`);
    const effectiveOn = dateText === '' ? REFORM_2025_DATE : parseLineageDate(dateText);
    if (!effectiveOn)
      problems.push(`ngày hiệu lực "${dateText}" không phải là ngày (ghi dạng 01/07/2025 hoặc 2025-07-01)`);
    if (problems.length === 0 && formerKind && effectiveOn) {
      const row = { line, successorCode, formerCode, formerName, formerKind, effectiveOn };
      const key = `${successorCode}>${formerCode}`;
      const before = seen.get(key);
      const named = names.get(formerCode);
      if (before && (before.formerName !== formerName || before.effectiveOn !== effectiveOn))
        problems.push(
          `trùng cặp đơn vị mới ${successorCode} – đơn vị cũ ${formerCode} với dòng ${before.line}`,
        );
      else if (named && named.name !== formerName)
        problems.push(`mã đơn vị cũ ${formerCode} đã mang tên "${named.name}" ở dòng ${named.line}`);
      else if (!before) {
        seen.set(key, row);
        names.set(formerCode, { name: formerName, line });
        rows.push(row);
      }
    }
    if (problems.length) errors.push({ path, message: `Dòng ${line}: ${problems.join('; ')}.` });
  });
  if (rows.length + errors.length > MAX_LINEAGE_ROWS)
    errors.unshift({ path: 'tệp', message: `Tệp có quá ${MAX_LINEAGE_ROWS.toLocaleString('vi-VN')} dòng.` });
  return { rows, errors };
}

/**
 * The former units whose figures may stand for a successor in a period: those merged after the
 * period's data window began. `straddles` is true when the window also reaches the merger date
 * (6 months to 14/12/2025): the successor's own report of that period, when there is one, wins.
 */
export function formersBefore(
  links: readonly LineageLink[],
  window: DataWindow,
): { links: LineageLink[]; straddles: boolean } {
  const before = links.filter((l) => window.start < l.effectiveOn);
  return { links: before, straddles: before.some((l) => window.end >= l.effectiveOn) };
}

/**
 * The total of the former units' values for one period, indicator by indicator with the rule for
 * totals across units (stocks and flows add, `max` keeps the largest, lists unite). Units without a
 * report are named as missing; when none reported the values are empty (no comparison is drafted).
 */
export function sumOfFormers(
  indicators: readonly Indicator[],
  formers: readonly { link: LineageLink; values: ReportValues | undefined; fromRecords?: boolean }[],
): { values: ReportValues; basis: FormerSum } {
  const reported = formers.filter((f) => f.values !== undefined && Object.keys(f.values).length > 0);
  const values: ReportValues = {};
  if (reported.length > 0) {
    for (const indicator of indicators) {
      const combined = combineAcrossUnits(
        indicator,
        reported.map((f) => f.values?.[indicator.code] as IndicatorValue | undefined),
      );
      if (combined !== undefined) values[indicator.code] = combined;
    }
  }
  const dates = formers.map((f) => f.link.effectiveOn).sort();
  return {
    values,
    basis: {
      effectiveOn: dates[0] ?? REFORM_2025_DATE,
      units: formers.map((f) => ({
        code: f.link.formerCode,
        name: f.link.formerName,
        kind: f.link.formerKind,
        reported: reported.includes(f),
        split: f.link.successorCount > 1,
        ...(f.fromRecords && reported.includes(f) ? { fromRecords: true } : {}),
      })),
    },
  };
}

/** "Xã Thạch Long" of kind "xã" → "Thạch Long"; a name that does not start with its kind stays whole. */
export function bareName(name: string, kind: string): string {
  const prefix = `${kind} `;
  return name.toLowerCase().startsWith(prefix) ? name.slice(prefix.length).trim() : name;
}

/** "các xã cũ: Thạch Hà, Thạch Long", "xã Thạch Hà cũ", "các đơn vị cũ: thị trấn Thạch Hà, xã Thạch Long". */
export function namesOfFormers(units: readonly { name: string; kind: string }[]): string {
  const kinds = new Set(units.map((u) => u.kind));
  const [only] = units;
  if (units.length === 1 && only) return `${only.kind} ${bareName(only.name, only.kind)} cũ`;
  if (kinds.size === 1 && only)
    return `các ${only.kind} cũ: ${joinVi(units.map((u) => bareName(u.name, u.kind)))}`;
  return `các đơn vị cũ: ${joinVi(units.map((u) => `${u.kind} ${bareName(u.name, u.kind)}`))}`;
}

/**
 * What a comparison drawn from former units says, in a sentence's brackets: "tổng số liệu của các
 * xã cũ: Thạch Hà và Thạch Long"; a partial total adds "chưa có số liệu của xã Thạch Sơn cũ".
 * Undefined when no former unit reported (there is then no comparison to explain).
 */
export function formerSumNote(basis: FormerSum): string | undefined {
  const reported = basis.units.filter((u) => u.reported);
  const missing = basis.units.filter((u) => !u.reported);
  if (reported.length === 0) return undefined;
  const head =
    reported.length === 1
      ? `số liệu của ${namesOfFormers(reported)}`
      : `tổng số liệu của ${namesOfFormers(reported)}`;
  const recorded = reported.filter((u) => u.fromRecords);
  // Figures computed from a former unit's logbook, where it sent no report, say so.
  const sourced = recorded.length
    ? `${head}, ${recorded.length === reported.length ? 'tính' : `số liệu của ${namesOfFormers(recorded)} tính`} từ sổ theo dõi`
    : head;
  return missing.length ? `${sourced}; chưa có số liệu của ${namesOfFormers(missing)}` : sourced;
}

/** The form's note under "cùng kỳ năm trước": the sum, what is missing, the split units, the date. */
export function formerSumDetails(basis: FormerSum): string[] {
  const lines: string[] = [];
  const note = formerSumNote(basis);
  const date = formatDateVn(basis.effectiveOn);
  if (note) lines.push(`Cùng kỳ năm trước là ${note} (trước khi sắp xếp, ngày ${date}).`);
  else
    lines.push(
      `Chưa có số liệu cùng kỳ năm trước: ${namesOfFormers(basis.units)} (trước khi sắp xếp, ngày ${date}) chưa có báo cáo kỳ này.`,
    );
  const split = basis.units.filter((u) => u.split && u.reported);
  if (split.length)
    lines.push(
      `${namesOfFormers(split).replace(/^./u, (c) => c.toUpperCase())} được chia cho nhiều đơn vị mới; số liệu được tính toàn bộ, không chia theo tỷ lệ.`,
    );
  return lines;
}
