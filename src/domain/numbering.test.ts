import { describe, expect, it } from 'vitest';
import {
  documentFileName,
  documentSymbol,
  notation,
  numberTakenMessage,
  padNumber,
  parseNotation,
  registerYear,
  seriesFor,
} from './numbering.js';

describe('numbering', () => {
  it('takes one series for all types or one per type', () => {
    expect(seriesFor('single', 'BC')).toBe('all');
    expect(seriesFor('single', 'KH')).toBe('all');
    expect(seriesFor('per_type', 'BC')).toBe('BC');
    expect(seriesFor('per_type', 'KH')).toBe('KH');
  });

  it('uses the calendar year of the date of issue, so 31/12 and 01/01 are different years', () => {
    expect(registerYear('2025-12-31')).toBe(2025);
    expect(registerYear('2026-01-01')).toBe(2026);
    expect(() => registerYear('31/12/2025')).toThrow(RangeError);
  });

  it('pads numbers below 10 with a zero and writes the notation without spaces', () => {
    expect(padNumber(1)).toBe('01');
    expect(padNumber(9)).toBe('09');
    expect(padNumber(10)).toBe('10');
    expect(padNumber(297)).toBe('297');
    expect(notation(5, 'KH-UBND')).toBe('05/KH-UBND');
    expect(notation(297, 'BC-UBND')).toBe('297/BC-UBND');
  });

  it('builds the symbol from type and issuer; a công văn has no type abbreviation', () => {
    expect(documentSymbol('BC', 'UBND')).toBe('BC-UBND');
    expect(documentSymbol('KH', 'SNgV')).toBe('KH-SNgV');
    expect(documentSymbol('CV', 'SNgV', 'VPTTr')).toBe('SNgV-VPTTr');
  });

  it('parses notations and refuses what is not one', () => {
    expect(parseNotation('297/BC-UBND')).toEqual({ number: 297, symbol: 'BC-UBND' });
    expect(parseNotation(' 05 / KH-UBND ')).toEqual({ number: 5, symbol: 'KH-UBND' });
    expect(parseNotation('1584/SNgV-VPTTr')).toEqual({ number: 1584, symbol: 'SNgV-VPTTr' });
    expect(parseNotation('0/BC-UBND')).toBeNull();
    expect(parseNotation('/BC-UBND')).toBeNull();
    expect(parseNotation('BC-UBND')).toBeNull();
  });

  it('names download files in ASCII with the type first', () => {
    expect(documentFileName(297, 'BC-UBND', 2026, 'docx')).toBe('BC-297-UBND-2026.docx');
    expect(documentFileName(5, 'KH-UBND', 2026, 'pdf')).toBe('KH-05-UBND-2026.pdf');
    expect(documentFileName(null, 'BC-UBND', 2026, 'docx')).toBe('BC-UBND-du-thao-2026.docx');
    expect(documentFileName(12, 'BC-SNgV', 2025, 'docx')).toBe('BC-12-SNgV-2025.docx');
    const odd = documentFileName(3, 'BC-ĐỒNG Ý/"x"', 2026, 'docx');
    expect(odd).toMatch(/^[A-Za-z0-9.-]+$/);
    expect(odd).toBe('BC-03-DONG-Y-x-2026.docx');
  });

  it('explains a number already used, with the padded notation and the year', () => {
    const message = numberTakenMessage(5, 'BC-UBND', 2026);
    expect(message).toContain('05/BC-UBND');
    expect(message).toContain('2026');
    expect(message).toContain('đã được dùng');
  });
});
