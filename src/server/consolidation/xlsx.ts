/**
 * The spreadsheet of a round's consolidation: sheet 1 the totals per indicator (label, unit, value,
 * same period last year), sheet 2 each unit × indicator in official code order.
 */
import type { consolidationExportData } from '../../db/consolidation.js';
import {
  ANSWER_STATE_LABELS,
  coverageRatio,
  isAnswered,
  partialMark,
} from '../../domain/consolidation/coverage.js';
import { combineAcrossUnits, indicatorsOf, numericValue } from '../../domain/consolidation/index.js';
import { overrideNotes, sourceValues } from '../../domain/consolidation/stored.js';
import type { IndicatorValue, ReportValues } from '../../domain/outline.js';
import { parsePeriodKey, periodLabel } from '../../domain/periods.js';

type ExportData = Awaited<ReturnType<typeof consolidationExportData>>;

/** A number stays a number (Excel adds it up); lists and texts become text; a breakdown adds its parts. */
function cellOf(value: IndicatorValue | undefined): number | string | null {
  if (value === undefined) return null;
  const n = numericValue(value);
  if (n !== undefined) return n;
  if (Array.isArray(value)) return value.join(', ');
  return typeof value === 'string' ? value : null;
}

function partsOf(value: IndicatorValue | undefined): string {
  if (value && typeof value === 'object' && !Array.isArray(value))
    return value.parts.map((p) => `${p.key}: ${p.value}`).join('; ');
  return '';
}

export async function consolidationXlsx(data: ExportData): Promise<Uint8Array> {
  // exceljs is large: loaded on the first export, not at server start.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'doingoai';
  const indicators = indicatorsOf(data.outline.sections);
  const label = periodLabel(parsePeriodKey(data.round.periodKey));

  const totals = book.addWorksheet('Tổng hợp');
  totals.addRow([`SỐ LIỆU TỔNG HỢP CÔNG TÁC ĐỐI NGOẠI ${label.toUpperCase()}`]).font = {
    bold: true,
    size: 13,
  };
  const coverage = data.stored.coverage;
  const made = coverage
    ? `số liệu của ${coverageRatio(coverage)}${partialMark(coverage) ? ' (chưa đầy đủ)' : ''}`
    : `${data.stored.sources.length} báo cáo`;
  totals.addRow([`${data.unitName} — ${data.round.name} — ${made}`]).font = { italic: true };
  totals.addRow([]);
  const head = totals.addRow([
    'Mã chỉ tiêu',
    'Chỉ tiêu',
    'Đơn vị tính',
    'Số liệu',
    'Cùng kỳ năm trước',
    'Chi tiết',
    'Tổng các đơn vị (trước điều chỉnh)',
    'Lý do điều chỉnh',
  ]);
  head.font = { bold: true };
  const overrides = data.stored.overrides ?? {};
  for (const i of indicators) {
    const o = overrides[i.code];
    const row = totals.addRow([
      i.code,
      i.label,
      i.unit,
      cellOf(data.totals[i.code]),
      cellOf(data.sameLastYear[i.code]),
      partsOf(data.totals[i.code]),
      // An overridden figure: the value used above, the sum and the reason beside it.
      o ? cellOf(data.stored.sums?.[i.code]) : null,
      o ? `${o.reason} (${o.userName})` : null,
    ]);
    if (o) {
      row.getCell(4).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
      row.getCell(4).note =
        `Số liệu đã điều chỉnh. Tổng các đơn vị: ${cellOf(data.stored.sums?.[i.code]) ?? 'chưa có'}. Lý do: ${o.reason}`;
    }
  }
  totals.columns.forEach((c, n) => {
    c.width = [24, 48, 16, 14, 18, 40, 22, 48][n] ?? 14;
  });

  const detail = book.addWorksheet('Theo đơn vị');
  const columns = [
    'TT',
    'Mã đơn vị',
    'Đơn vị',
    'Tình trạng',
    ...indicators.map((i) => (i.unit ? `${i.label} (${i.unit})` : i.label)),
  ];
  const header = detail.addRow(columns);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  const values = sourceValues(data.stored);
  // Every unit asked (its figures only if it answered: blank, never 0, otherwise); older
  // consolidations without coverage list their sources.
  const rows: { code: string; name: string; state: string; values: ReportValues | undefined }[] = coverage
    ? coverage.units.map((u) => ({
        code: u.code,
        name: u.name,
        state: ANSWER_STATE_LABELS[u.state],
        values: isAnswered(u) && u.reportId !== null ? values.get(u.reportId) : undefined,
      }))
    : data.stored.sources.map((s) => ({
        code: s.unitCode,
        name: s.unitName,
        state: ANSWER_STATE_LABELS.answered,
        values: values.get(s.reportId),
      }));
  rows.forEach((r, n) => {
    detail.addRow([n + 1, r.code, r.name, r.state, ...indicators.map((i) => cellOf(r.values?.[i.code]))]);
  });
  // The total of each column is the combination of the column (the sum for counts): equal to what
  // Excel would add up, blank where nobody gave the figure.
  const mark = partialMark(coverage);
  const total = detail.addRow([
    '',
    '',
    mark ? `Tổng cộng ${mark}` : 'Tổng cộng',
    '',
    ...indicators.map((i) =>
      cellOf(
        combineAcrossUnits(
          i,
          rows.map((r) => r.values?.[i.code]),
        ),
      ),
    ),
  ]);
  total.font = { bold: true };
  // The total row is the column's sum; where the report uses another figure, said under it.
  const notes = overrideNotes(data.outline, data.stored, 'đơn vị');
  if (notes.length) detail.addRow([]);
  for (const note of notes) detail.addRow(['', '', note]).font = { italic: true };
  detail.views = [{ state: 'frozen', xSplit: 3, ySplit: 1 }];
  detail.getColumn(3).width = 28;
  const buffer = await book.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
