/**
 * The completeness board as a spreadsheet: sheet "Tiến độ" (units × rounds, each cell the state in
 * Vietnamese and the days late) and sheet "Tỷ lệ" (the reporting and on-time rates of each round).
 */
import type { BoardCellOut, BoardResponse } from '../../domain/api-board.js';
import { formatDateShort } from '../../domain/periods.js';
import { BOARD_STATE_LABELS, type BoardState } from '../../domain/workflow.js';

/** "Đã gửi, trễ 3 ngày"; "Chưa bắt đầu, quá hạn 5 ngày" for a report not sent yet. */
export function cellText(cell: BoardCellOut | null): string {
  if (!cell) return '';
  const label = BOARD_STATE_LABELS[cell.state];
  if (cell.daysLate === 0) return label;
  const sent = cell.state === 'issued' || cell.state === 'received' || cell.state === 'accepted';
  return `${label}, ${sent ? 'trễ' : 'quá hạn'} ${cell.daysLate} ngày`;
}

/** Pale fills (ARGB) that print well in black and white too. */
const FILLS: Record<BoardState, string> = {
  not_started: 'FFF1F3F5',
  draft: 'FFFFF9DB',
  submitted: 'FFE7F5FF',
  returned: 'FFFFE3E3',
  issued: 'FFD3F9D8',
  received: 'FFB2F2BB',
  accepted: 'FF8CE99A',
};

export async function boardXlsx(board: BoardResponse): Promise<Uint8Array> {
  // exceljs is large: loaded on the first export, not at server start.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'doingoai';

  const progress = book.addWorksheet('Tiến độ', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }],
  });
  const header = progress.addRow([
    'Mã',
    'Đơn vị',
    ...board.rounds.map((r) => `${r.name}\n(hạn ${formatDateShort(r.deadline)})`),
  ]);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.height = 45;
  for (const row of board.rows) {
    const line = progress.addRow([row.unit.code, row.unit.name, ...row.cells.map(cellText)]);
    line.alignment = { vertical: 'top', wrapText: true };
    row.cells.forEach((cell, i) => {
      if (!cell) return;
      line.getCell(i + 3).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILLS[cell.state] } };
      if (cell.daysLate > 0) line.getCell(i + 3).font = { color: { argb: 'FFC92A2A' } };
    });
  }
  const rateRow = progress.addRow(['', 'Tỷ lệ đã gửi', ...board.rounds.map((r) => r.rate)]);
  const onTimeRow = progress.addRow(['', 'Tỷ lệ gửi đúng hạn', ...board.rounds.map((r) => r.onTimeRate)]);
  for (const r of [rateRow, onTimeRow]) {
    r.font = { bold: true };
    board.rounds.forEach((_, i) => {
      r.getCell(i + 3).numFmt = '0.0%';
    });
  }
  progress.getColumn(1).width = 10;
  progress.getColumn(2).width = 30;
  board.rounds.forEach((_, i) => {
    progress.getColumn(i + 3).width = 22;
  });

  const rates = book.addWorksheet('Tỷ lệ', { views: [{ state: 'frozen', ySplit: 1 }] });
  const head = rates.addRow([
    'Đợt báo cáo',
    'Kỳ báo cáo',
    'Hạn gửi',
    'Phải báo cáo',
    'Đã gửi',
    'Gửi đúng hạn',
    'Trễ hạn',
    'Tỷ lệ đã gửi',
    'Tỷ lệ đúng hạn',
  ]);
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  for (const r of board.rounds) {
    const row = rates.addRow([
      r.name,
      r.periodLabel,
      formatDateShort(r.deadline),
      r.required,
      r.sent,
      r.sentOnTime,
      r.late,
      r.rate,
      r.onTimeRate,
    ]);
    row.getCell(8).numFmt = '0.0%';
    row.getCell(9).numFmt = '0.0%';
  }
  [36, 26, 12, 12, 10, 12, 10, 12, 14].forEach((w, i) => {
    rates.getColumn(i + 1).width = w;
  });

  const buffer = await book.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
