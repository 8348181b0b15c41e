import { describe, expect, it } from 'vitest';
import type { OfficialDocument } from './document.js';
import {
  appendixNote,
  dayText,
  documentDateLine,
  documentNumberText,
  issuerInSentence,
  kinhGuiLines,
  monthText,
  noiNhanLines,
  padDocNumber,
  shortDate,
} from './document-format.js';
import { AppError } from './errors.js';

const NUMBER_RE = /^Số: (\d{2,}|\s+)\/[A-ZĐ][A-Za-zĐđ]*(-[A-ZĐa-z]+)*$/u;

describe('padDocNumber', () => {
  it.each([
    [1, '01'],
    [5, '05'],
    [9, '09'],
    [10, '10'],
    [99, '99'],
    [297, '297'],
    [12345, '12345'],
  ])('%i → %s', (n, expected) => {
    expect(padDocNumber(n)).toBe(expected);
  });

  it.each([0, -3, 2.5, Number.NaN])('refuses %s with a Vietnamese message naming the field', (n) => {
    try {
      padDocNumber(n);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).fields?.[0]?.path).toBe('number');
      expect((error as AppError).message).toMatch(/Số văn bản/);
    }
  });
});

describe('documentNumberText', () => {
  it('prints issued numbers with a leading zero below 10', () => {
    expect(documentNumberText(297, 'BC-UBND')).toBe('Số: 297/BC-UBND');
    expect(documentNumberText(5, 'KH-UBND')).toBe('Số: 05/KH-UBND');
    expect(documentNumberText(10, 'UBND-VP')).toBe('Số: 10/UBND-VP');
  });

  it('leaves a blank for a draft', () => {
    const text = documentNumberText(null, 'BC-UBND');
    expect(text).toMatch(/^Số:\s{3,}\/BC-UBND$/);
  });

  it('matches the checker pattern for issued and draft numbers', () => {
    for (const text of [
      documentNumberText(1, 'BC-UBND'),
      documentNumberText(42, 'BC-SNgV'),
      documentNumberText(null, 'KH-UBND'),
      documentNumberText(7, 'ĐA-UBND'),
    ]) {
      expect(text).toMatch(NUMBER_RE);
    }
    expect('Số: 5/KH-UBND').not.toMatch(NUMBER_RE);
  });

  it('trims the symbol and refuses an empty or spaced one', () => {
    expect(documentNumberText(3, ' BC-UBND ')).toBe('Số: 03/BC-UBND');
    expect(() => documentNumberText(3, '  ')).toThrow(/ký hiệu/);
    expect(() => documentNumberText(3, 'BC UBND')).toThrow(/khoảng trắng/);
    expect(() => documentNumberText(3, 'BC/UBND')).toThrow(AppError);
  });
});

describe('dayText and monthText', () => {
  it('pads days below 10 and only months 1 and 2', () => {
    expect([1, 9, 10, 31].map(dayText)).toEqual(['01', '09', '10', '31']);
    expect(Array.from({ length: 12 }, (_, i) => monthText(i + 1))).toEqual([
      '01',
      '02',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
      '11',
      '12',
    ]);
  });
});

describe('documentDateLine', () => {
  it.each([
    ['Lạc Phượng', '2026-06-12', 'Lạc Phượng, ngày 12 tháng 6 năm 2026'],
    ['Hà Nội', '2026-01-05', 'Hà Nội, ngày 05 tháng 01 năm 2026'],
    ['Hà Tĩnh', '2025-02-28', 'Hà Tĩnh, ngày 28 tháng 02 năm 2025'],
    ['Đức Thịnh', '2026-03-01', 'Đức Thịnh, ngày 01 tháng 3 năm 2026'],
    ['Thạch Hà', '2025-12-31', 'Thạch Hà, ngày 31 tháng 12 năm 2025'],
    ['Thạch Hà', '2026-01-01', 'Thạch Hà, ngày 01 tháng 01 năm 2026'],
    ['Thành phố Hồ Chí Minh', '2019-06-29', 'Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019'],
    ['Cô Tô', '2024-02-29', 'Cô Tô, ngày 29 tháng 02 năm 2024'],
    ['Vân Đồn', '2026-10-09', 'Vân Đồn, ngày 09 tháng 10 năm 2026'],
  ])('%s %s', (place, date, expected) => {
    expect(documentDateLine(place, date)).toBe(expected);
  });

  it('leaves the day blank on a draft and keeps the month rule', () => {
    const june = documentDateLine('Lạc Phượng', null, { month: 6, year: 2026 });
    expect(june).toMatch(/^Lạc Phượng, ngày\s{3,}tháng 6 năm 2026$/);
    const january = documentDateLine('Hà Nội', null, { month: 1, year: 2027 });
    expect(january).toMatch(/ngày\s+tháng 01 năm 2027$/);
  });

  it('leaves day, month and year blank when the draft month is unknown', () => {
    expect(documentDateLine('Lạc Phượng', null)).toMatch(/^Lạc Phượng, ngày\s+tháng\s+năm\s+$/);
  });

  it('refuses impossible dates, naming the field', () => {
    for (const bad of ['2026-02-30', '2025-02-29', '2026-13-01', '12/6/2026', '2026-6-1']) {
      try {
        documentDateLine('Hà Nội', bad);
        expect.unreachable(bad);
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).fields?.[0]?.path).toBe('issuedOn');
        expect((error as AppError).message).toContain(bad);
      }
    }
    expect(() => documentDateLine('Hà Nội', null, { month: 13, year: 2026 })).toThrow(/Tháng/);
    expect(() => documentDateLine('  ', '2026-01-05')).toThrow(/địa danh/);
  });

  it('shortDate follows the same zero rules', () => {
    expect(shortDate('2026-06-12')).toBe('12/6/2026');
    expect(shortDate('2026-01-05')).toBe('05/01/2026');
    expect(shortDate('2018-08-08')).toBe('08/8/2018');
    expect(shortDate('2025-02-10')).toBe('10/02/2025');
  });
});

describe('noiNhanLines and kinhGuiLines', () => {
  it('adds dashes, semicolons and the final stop', () => {
    expect(noiNhanLines(['Như trên', 'Sở Ngoại vụ (B/c)', 'Lưu: VT, VP'])).toEqual([
      '- Như trên;',
      '- Sở Ngoại vụ (B/c);',
      '- Lưu: VT, VP.',
    ]);
  });

  it('does not double punctuation that was typed already, and drops empty entries', () => {
    expect(noiNhanLines(['- Như trên;', '', '  TT Đảng ủy;  TT HĐND xã; ', 'Lưu: VT, VP.'])).toEqual([
      '- Như trên;',
      '- TT Đảng ủy; TT HĐND xã;',
      '- Lưu: VT, VP.',
    ]);
  });

  it('a single entry ends with a stop', () => {
    expect(noiNhanLines(['Lưu: VT'])).toEqual(['- Lưu: VT.']);
    expect(noiNhanLines([])).toEqual([]);
  });

  it('one addressee stays on the Kính gửi line; several go one per line', () => {
    expect(kinhGuiLines(['Sở Ngoại vụ thành phố Hải Phòng'])).toEqual({
      first: 'Kính gửi: Sở Ngoại vụ thành phố Hải Phòng',
      rest: [],
    });
    expect(kinhGuiLines(['Ủy ban nhân dân tỉnh', 'Sở Ngoại vụ'])).toEqual({
      first: 'Kính gửi:',
      rest: ['- Ủy ban nhân dân tỉnh;', '- Sở Ngoại vụ.'],
    });
    expect(kinhGuiLines([])).toEqual({ first: '', rest: [] });
  });
});

describe('appendix note', () => {
  const base: OfficialDocument = {
    type: 'BC',
    parentHeader: [],
    issuerHeader: ['ỦY BAN NHÂN DÂN', 'XÃ LẠC PHƯỢNG'],
    number: 297,
    symbol: 'BC-UBND',
    place: 'Lạc Phượng',
    issuedOn: '2026-06-12',
    subject: 'Kết quả công tác đối ngoại 6 tháng đầu năm 2026',
    kinhGui: [],
    body: [],
    noiNhan: [],
    signature: { lines: ['CHỦ TỊCH'], name: '' },
    appendices: [],
  };

  it('names the document and the issuer in a sentence', () => {
    expect(appendixNote(base)).toBe(
      '(Kèm theo Báo cáo số 297/BC-UBND ngày 12/6/2026 của UBND xã Lạc Phượng)',
    );
  });

  it('keeps blanks on a draft and prefers an explicit issuer name', () => {
    const draft = { ...base, number: null, issuedOn: null, draftMonth: { month: 1, year: 2026 } };
    expect(appendixNote(draft)).toMatch(
      /^\(Kèm theo Báo cáo số\s+\/BC-UBND ngày\s+\/01\/2026 của UBND xã Lạc Phượng\)$/,
    );
    expect(
      appendixNote({
        ...base,
        type: 'KH',
        number: 5,
        symbol: 'KH-UBND',
        issuerName: 'Ủy ban nhân dân xã Đức Thịnh',
      }),
    ).toBe('(Kèm theo Kế hoạch số 05/KH-UBND ngày 12/6/2026 của Ủy ban nhân dân xã Đức Thịnh)');
  });

  it('writes agency names in sentence case', () => {
    expect(issuerInSentence(['SỞ NGOẠI VỤ'])).toBe('Sở Ngoại vụ');
    expect(issuerInSentence(['ỦY BAN NHÂN DÂN', 'TỈNH HÀ TĨNH'])).toBe('UBND tỉnh Hà Tĩnh');
    expect(issuerInSentence(['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ HẢI PHÒNG'])).toBe('UBND thành phố Hải Phòng');
    expect(issuerInSentence(['ỦY BAN NHÂN DÂN', 'ĐẶC KHU CÔ TÔ'])).toBe('UBND đặc khu Cô Tô');
  });
});
