/**
 * The spreadsheet of a round's consolidation: sheet 1 the totals per indicator (label, unit, value,
 * same period last year), sheet 2 each unit × indicator in official code order.
 */
import type { consolidationExportData } from '../../db/consolidation.js';
import { indicatorsOf, numericValue } from '../../domain/consolidation/index.js';
import { sourceValues } from '../../domain/consolidation/stored.js';
import type { IndicatorValue } from '../../domain/outline.js';
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
  totals.addRow([`SỐ LIỆU TỔNG HỢP CÔNG TÁC ĐỐI NGOẠI ${label.toLocaleUpperCase('vi-VN')}`]).font = {
    bold: true,
    size: 13,
  };
  totals.addRow([`${data.unitName} — ${data.round.name} — ${data.stored.sources.length} báo cáo`]).font = {
    italic: true,
  };
  totals.addRow([]);
  const head = totals.addRow([
    'Mã chỉ tiêu',
    'Chỉ tiêu',
    'Đơn vị tính',
    'Số liệu',
    'Cùng kỳ năm trước',
    'Chi tiết',
  ]);
  head.font = { bold: true };
  for (const i of indicators) {
    totals.addRow([
      i.code,
      i.label,
      i.unit,
      cellOf(data.totals[i.code]),
      cellOf(data.sameLastYear[i.code]),
      partsOf(data.totals[i.code]),
    ]);
  }
  totals.columns.forEach((c, n) => {
    c.width = [24, 48, 16, 14, 18, 40][n] ?? 14;
  });

  const detail = book.addWorksheet('Theo đơn vị');
  const columns = [
    'TT',
    'Mã đơn vị',
    'Đơn vị',
    ...indicators.map((i) => (i.unit ? `${i.label} (${i.unit})` : i.label)),
  ];
  const header = detail.addRow(columns);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  const values = sourceValues(data.stored);
  data.stored.sources.forEach((s, n) => {
    const v = values.get(s.reportId) ?? {};
    detail.addRow([n + 1, s.unitCode, s.unitName, ...indicators.map((i) => cellOf(v[i.code]))]);
  });
  const total = detail.addRow(['', '', 'Tổng cộng', ...indicators.map((i) => cellOf(data.totals[i.code]))]);
  total.font = { bold: true };
  detail.views = [{ state: 'frozen', xSplit: 3, ySplit: 1 }];
  detail.getColumn(3).width = 28;
  const buffer = await book.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
