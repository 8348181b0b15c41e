import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { dataWindow } from './periods.js';
import {
  checkExplicitDeadline,
  countdownText,
  deadlinePhrase,
  defaultRoundName,
  frequencyFits,
  letterCitation,
  nextRoundPeriod,
  requestLetterSubject,
  roundDeadline,
} from './rounds.js';

const half1 = { kind: 'half1' as const, year: 2026, index: 0 };

function fieldError(fn: () => unknown): { message: string; path: string | undefined } {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return { message: error.message, path: error.fields?.[0]?.path };
    throw error;
  }
  throw new Error('no error');
}

describe('letter citation', () => {
  it('cites a letter as the examples write it', () => {
    expect(
      letterCitation({ number: '5930/UBND-NgV', date: '2026-06-09', issuer: 'Chủ tịch UBND tỉnh Bắc Ninh' }),
    ).toBe('Công văn số 5930/UBND-NgV ngày 09/6/2026 của Chủ tịch UBND tỉnh Bắc Ninh');
    expect(letterCitation({ number: '1584/SNgV-VPTTr', date: '2026-01-05', issuer: 'Sở Ngoại vụ' })).toBe(
      'Công văn số 1584/SNgV-VPTTr ngày 05/01/2026 của Sở Ngoại vụ',
    );
  });
});

describe('deadline rules', () => {
  const window = dataWindow(half1); // 15/12/2025 – Sunday 14/6/2026

  it('counts working days after the data window closes', () => {
    expect(window.end).toBe('2026-06-14');
    expect(roundDeadline(window, 1)).toBe('2026-06-15');
    expect(roundDeadline(window, 3)).toBe('2026-06-17');
    expect(deadlinePhrase(roundDeadline(window, 3))).toBe('trước ngày 17/6/2026');
  });

  it('refuses fewer than one working day with a field message citing the decree', () => {
    const zero = fieldError(() => roundDeadline(window, 0));
    expect(zero.path).toBe('deadlineDays');
    expect(zero.message).toContain('ít nhất 01 ngày làm việc');
    expect(zero.message).toContain('09/2019');
    expect(fieldError(() => roundDeadline(window, -2)).path).toBe('deadlineDays');
    expect(fieldError(() => roundDeadline(window, 1.5)).path).toBe('deadlineDays');
  });

  it('refuses a deadline chosen by hand on or before the closing day', () => {
    expect(fieldError(() => checkExplicitDeadline(window, '2026-06-14')).message).toBe(
      'Thời hạn gửi báo cáo (14/6/2026) phải sau ngày chốt số liệu 14/6/2026.',
    );
    expect(fieldError(() => checkExplicitDeadline(window, '2026-06-01')).path).toBe('deadline');
    expect(checkExplicitDeadline(window, '2026-06-20')).toBe('2026-06-20');
  });
});

describe('recurring rounds', () => {
  it('gives the next period of each frequency', () => {
    expect(nextRoundPeriod({ kind: 'month', year: 2026, index: 12 }, 'month')).toEqual({
      kind: 'month',
      year: 2027,
      index: 1,
    });
    expect(nextRoundPeriod(half1, 'half')).toEqual({ kind: 'half2', year: 2026, index: 0 });
    expect(nextRoundPeriod({ kind: 'nine_months', year: 2026, index: 0 }, 'nine_months')).toEqual({
      kind: 'nine_months',
      year: 2027,
      index: 0,
    });
    expect(nextRoundPeriod(half1, 'once')).toBeNull();
  });

  it('matches a frequency to its period kind', () => {
    expect(frequencyFits('quarter', { kind: 'quarter' })).toBe(true);
    expect(frequencyFits('quarter', { kind: 'month' })).toBe(false);
    expect(frequencyFits('half', { kind: 'half2' })).toBe(true);
    expect(frequencyFits('once', { kind: 'week' })).toBe(true);
  });
});

describe('texts', () => {
  it('names a round and its letter after the period', () => {
    expect(defaultRoundName(half1)).toBe('Báo cáo công tác đối ngoại 6 tháng đầu năm 2026');
    expect(requestLetterSubject(half1)).toBe('báo cáo kết quả công tác đối ngoại 6 tháng đầu năm 2026');
  });

  it('counts down to the deadline', () => {
    expect(countdownText(3)).toBe('Còn 3 ngày');
    expect(countdownText(0)).toBe('Hạn chót hôm nay');
    expect(countdownText(-2)).toBe('Quá hạn 2 ngày');
  });
});
