import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { logbookKind } from './kinds.js';
import {
  cellToFieldValue,
  cellToIsoDate,
  checkMapping,
  exportColumns,
  parseVietnameseNumber,
  proposeMapping,
  rowToEntry,
  type SheetMapping,
  sheetColumns,
} from './sheet.js';
import { readSheet } from './sheet-read.js';
import { registerCsv, registerXlsx } from './sheet-write.js';

const delegation =
  logbookKind('delegation') ??
  (() => {
    throw new Error('no kind');
  })();
const foreigner =
  logbookKind('foreigner') ??
  (() => {
    throw new Error('no kind');
  })();
const service =
  logbookKind('service') ??
  (() => {
    throw new Error('no kind');
  })();
const field = (kind: typeof delegation, key: string) => {
  const f = kind.fields.find((x) => x.key === key);
  if (!f) throw new Error(key);
  return f;
};

describe('dates in cells', () => {
  it('reads dd/mm/yyyy, d/m/yyyy, dots and dashes, ISO, Excel date cells and serials', () => {
    expect(cellToIsoDate('14/06/2026')).toBe('2026-06-14');
    expect(cellToIsoDate('4/6/2026')).toBe('2026-06-04');
    expect(cellToIsoDate('04.06.2026')).toBe('2026-06-04');
    expect(cellToIsoDate('4-6-2026')).toBe('2026-06-04');
    expect(cellToIsoDate('2026-06-14')).toBe('2026-06-14');
    expect(cellToIsoDate({ date: '2026-01-31' })).toBe('2026-01-31');
    // 46187 is 14/06/2026 in Excel's 1900 system.
    expect(cellToIsoDate(46187)).toBe('2026-06-14');
    expect(cellToIsoDate(null)).toBeUndefined();
  });

  it('refuses a day that does not exist and a text that is not a date, in Vietnamese', () => {
    expect(cellToIsoDate('31/02/2026')).toEqual({ error: 'Không có ngày “31/02/2026” (ngày/tháng/năm).' });
    const wrong = cellToIsoDate('tháng 6 năm 2026');
    expect(wrong).toHaveProperty('error');
    expect((wrong as { error: string }).error).toContain('không đúng dạng');
    // Month first (American) is not a Vietnamese date: 06/14/2026 has no month 14.
    expect(cellToIsoDate('06/14/2026')).toHaveProperty('error');
  });
});

describe('numbers written the Vietnamese way', () => {
  it('reads thousands dots and decimal commas', () => {
    expect(parseVietnameseNumber('1.234')).toBe(1234);
    expect(parseVietnameseNumber('12,5')).toBe(12.5);
    expect(parseVietnameseNumber('1.234.567,25')).toBe(1234567.25);
    expect(parseVietnameseNumber('1 234')).toBe(1234);
    expect(parseVietnameseNumber('12.5')).toBe(12.5);
    expect(parseVietnameseNumber('1,234,567')).toBe(1234567);
    expect(parseVietnameseNumber('abc')).toBeNull();
  });

  it('strips the unit of the field and money suffixes; refuses words and negatives', () => {
    expect(cellToFieldValue(field(delegation, 'size'), '12 người')).toBe(12);
    expect(cellToFieldValue(field(service, 'fees'), '1.500.000 đồng')).toBe(1500000);
    expect(cellToFieldValue(field(delegation, 'size'), 'mười hai')).toHaveProperty('error');
    expect(cellToFieldValue(field(delegation, 'size'), '-3')).toHaveProperty('error');
  });
});

describe('countries, choices, documents', () => {
  it('splits a list of countries (the catalogue names them when checked)', () => {
    expect(cellToFieldValue(field(delegation, 'countries'), 'Hàn Quốc; nhat ban')).toEqual([
      'Hàn Quốc',
      'nhat ban',
    ]);
    const row = rowToEntry(
      delegation,
      ['startsOn', 'data.direction', 'data.purpose', 'data.size', 'data.countries'],
      {
        row: 2,
        cells: ['01/03/2026', 'Đoàn vào', 'Khảo sát', 3, 'han quoc, Nhật'],
      },
    );
    expect(row.ok).toBe(false);
    // "han quoc" is known under its official name; "Nhật" alone is only a suggestion: refused with its reason.
    const one = rowToEntry(
      delegation,
      ['startsOn', 'data.direction', 'data.purpose', 'data.size', 'data.countries'],
      {
        row: 2,
        cells: ['01/03/2026', 'Đoàn vào', 'Khảo sát', 3, 'han quoc; Nhật Bản'],
      },
    );
    expect(one.ok && one.entry.data.countries).toEqual(['Hàn Quốc', 'Nhật Bản']);
  });

  it('takes a choice by its label (any case or diacritics) or by its value', () => {
    const direction = field(delegation, 'direction');
    expect(cellToFieldValue(direction, 'Đoàn ra')).toBe('out');
    expect(cellToFieldValue(direction, 'doan vao')).toBe('in');
    expect(cellToFieldValue(direction, 'in')).toBe('in');
    expect(cellToFieldValue(field(service, 'service'), 'Phiên dịch')).toBe('interpreting');
  });

  it('reads a document as notation and date', () => {
    const approval = field(delegation, 'approval');
    expect(cellToFieldValue(approval, '12/QĐ-UBND ngày 03/3/2026')).toEqual({
      notation: '12/QĐ-UBND',
      date: '2026-03-03',
    });
    expect(cellToFieldValue(approval, '12/QĐ-UBND')).toEqual({ notation: '12/QĐ-UBND' });
  });

  it('reads nationalities with their counts', () => {
    expect(cellToFieldValue(field(delegation, 'members'), 'Hàn Quốc: 3; Nhật Bản (2)')).toEqual([
      { country: 'Hàn Quốc', count: 3 },
      { country: 'Nhật Bản', count: 2 },
    ]);
    expect(cellToFieldValue(field(delegation, 'members'), 'Hàn Quốc')).toHaveProperty('error');
  });
});

describe('mapping', () => {
  it('proposes columns from Vietnamese headers without diacritics, case or remarks', () => {
    const mapping = proposeMapping(delegation, [
      'STT',
      'ngay bat dau',
      'LOẠI ĐOÀN',
      'Mục đích, nội dung',
      'Số thành viên (người)',
      'Ghi chú',
    ]);
    expect(mapping).toEqual([null, 'startsOn', 'data.direction', 'data.purpose', 'data.size', null]);
    expect(checkMapping(delegation, mapping)).toEqual([]);
  });

  it('names the required columns not mapped and a column chosen twice', () => {
    const problems = checkMapping(delegation, ['startsOn', 'startsOn'] as SheetMapping);
    expect(problems).toContain('Cột "Ngày bắt đầu" được chọn cho hai cột của tệp.');
    expect(problems).toContain('Chưa chọn cột của tệp cho "Loại đoàn" (bắt buộc).');
  });

  it('a refused row gives every reason with the field label, once per field', () => {
    const r = rowToEntry(delegation, ['startsOn', 'endsOn', 'data.direction', 'data.purpose', 'data.size'], {
      row: 7,
      cells: ['32/01/2026', '2026-01-01', 'Đoàn lạ', '', 'nhiều'],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.row).toBe(7);
    const messages = r.reasons.map((x) => x.message);
    expect(messages.some((m) => m.startsWith('Ngày bắt đầu: Không có ngày “32/01/2026”'))).toBe(true);
    expect(messages.filter((m) => m.includes('Ngày bắt đầu'))).toHaveLength(1);
    expect(messages.some((m) => m.startsWith('Loại đoàn: Chọn một trong'))).toBe(true);
    expect(messages).toContain('Chưa nhập mục đích, nội dung.');
    expect(messages.some((m) => m.startsWith('Số thành viên: “nhiều” không phải là số'))).toBe(true);
  });
});

async function xlsxBytes(build: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  build(book.addWorksheet('Sổ'));
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('reading XLSX', () => {
  it('skips a title, reads formulas by their result, merged cells by their first cell, date cells', async () => {
    const bytes = await xlsxBytes((ws) => {
      ws.addRow(['SỔ THEO DÕI ĐOÀN RA, ĐOÀN VÀO NĂM 2026']);
      ws.mergeCells('A1:E1');
      ws.addRow(['Ngày bắt đầu', 'Loại đoàn', 'Mục đích, nội dung', 'Số thành viên', 'Nước, vùng lãnh thổ']);
      ws.addRow([
        new Date(Date.UTC(2026, 2, 1)),
        'Đoàn vào',
        'Khảo sát dự án',
        { formula: '2+3', result: 5 },
        'Hàn Quốc',
      ]);
      ws.addRow([new Date(Date.UTC(2026, 2, 5)), null, 'Làm việc với tỉnh', { formula: 'B9*2' }, 'Nhật Bản']);
      ws.mergeCells('B3:B4');
      ws.addRow(['05/03/2026', 'Đoàn ra', 'Xúc tiến', { error: '#N/A' }, 'Lào']);
    });
    const table = await readSheet(delegation, bytes);
    expect(table.headerRow).toBe(2);
    expect(table.rows.map((r) => r.row)).toEqual([3, 4, 5]);
    const mapping = proposeMapping(delegation, table.headers);
    const [first, second, third] = table.rows.map((r) => rowToEntry(delegation, mapping, r));
    expect(first).toMatchObject({
      ok: true,
      entry: { startsOn: '2026-03-01', data: { direction: 'in', size: 5, countries: ['Hàn Quốc'] } },
    });
    // Row 4: "Đoàn vào" from the merged range B3:B4; its formula has no cached result: refused.
    expect(second?.ok).toBe(false);
    if (second && !second.ok) {
      expect(second.reasons.map((r) => r.message)).toEqual([
        'Số thành viên: Ô có công thức nhưng chưa có kết quả tính (hãy mở tệp bằng Excel, lưu lại rồi nhập lại).',
      ]);
    }
    expect(third?.ok === false && third.reasons[0]?.message).toBe('Số thành viên: Ô có lỗi #N/A.');
  });

  it('refuses an old .xls and a broken file in Vietnamese', async () => {
    await expect(readSheet(delegation, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).rejects.toThrow(
      /\.xls/,
    );
    const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    await expect(readSheet(delegation, broken)).rejects.toBeInstanceOf(AppError);
  });
});

describe('CSV', () => {
  it('reads semicolons, a BOM and quoted cells; Windows-1258 text is decoded', async () => {
    const text =
      '\uFEFFNgày bắt đầu;Loại đoàn;Mục đích, nội dung;Số thành viên\r\n14/6/2026;Đoàn ra;"Xúc tiến; đầu tư";1.234\r\n\r\n';
    const table = await readSheet(delegation, new TextEncoder().encode(text));
    expect(table.rows).toHaveLength(1);
    const r = rowToEntry(delegation, proposeMapping(delegation, table.headers), table.rows[0] as never);
    expect(r).toMatchObject({
      ok: true,
      entry: { startsOn: '2026-06-14', data: { purpose: 'Xúc tiến; đầu tư', size: 1234 } },
    });
  });
});

describe('export re-imports', () => {
  const records = [
    {
      startsOn: '2026-03-01',
      endsOn: '2026-03-04',
      sectionKey: null,
      data: {
        direction: 'in',
        purpose: 'Khảo sát, "dự án" cấp nước',
        size: 12,
        countries: ['Hàn Quốc', 'Nhật Bản'],
        members: [{ country: 'Hàn Quốc', count: 10 }],
        approval: { notation: '12/QĐ-UBND', date: '2026-02-20' },
      },
    },
  ];

  it('CSV and XLSX give back the same records', async () => {
    const columns = exportColumns(delegation, true);
    for (const bytes of [
      registerCsv(columns, records),
      await registerXlsx(delegation, columns, records, 'Sổ'),
    ]) {
      const table = await readSheet(delegation, bytes);
      const mapping = proposeMapping(delegation, table.headers);
      expect(mapping).toEqual(sheetColumns(delegation).map((c) => c.target));
      const r = rowToEntry(delegation, mapping, table.rows[0] as never);
      expect(r).toEqual({ ok: true, row: 2, entry: records[0] });
    }
  });

  it('leaves the personal columns out for another unit', () => {
    const labels = exportColumns(foreigner, false).map((c) => c.label);
    expect(labels).toContain('Quốc tịch');
    expect(labels).not.toContain('Họ và tên');
    expect(labels).not.toContain('Số hộ chiếu');
  });
});
