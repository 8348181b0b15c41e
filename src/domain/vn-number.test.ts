import { describe, expect, it } from 'vitest';
import {
  formatChange,
  formatCount,
  formatMoney,
  formatNumberVi,
  formatPercent,
  joinVi,
} from './vn-number.js';

describe('formatNumberVi', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1000, '1.000'],
    [911897, '911.897'],
    [1234567, '1.234.567'],
    [180.5, '180,5'],
    [13.5, '13,5'],
    [1234567.25, '1.234.567,25'],
    [-3, '-3'],
    [-1234.5, '-1.234,5'],
    [12.0, '12'],
    [0.1 + 0.2, '0,3'],
    [100000000000, '100.000.000.000'],
  ])('%s → %s', (n, text) => {
    expect(formatNumberVi(n)).toBe(text);
  });

  it('honours a fixed number of decimals', () => {
    expect(formatNumberVi(12, { decimals: 2 })).toBe('12,00');
    expect(formatNumberVi(2.456, { decimals: 1 })).toBe('2,5');
    expect(formatNumberVi(1999.6, { decimals: 0 })).toBe('2.000');
  });

  it('does not print a negative zero', () => {
    expect(formatNumberVi(-0.001)).toBe('0');
  });
});

describe('formatCount', () => {
  it('pads counts 1 to 9 when asked, as the examples write them', () => {
    expect(formatCount(3, { padSmall: true })).toBe('03');
    expect(formatCount(9, { padSmall: true })).toBe('09');
    expect(formatCount(1, { padSmall: true })).toBe('01');
  });
  it('leaves 0, 10 and more, decimals and unpadded counts alone', () => {
    expect(formatCount(0, { padSmall: true })).toBe('0');
    expect(formatCount(10, { padSmall: true })).toBe('10');
    expect(formatCount(2.5, { padSmall: true })).toBe('2,5');
    expect(formatCount(3)).toBe('3');
    expect(formatCount(1200, { padSmall: true })).toBe('1.200');
  });
});

describe('formatPercent', () => {
  it.each([
    [2 / 3, '66,7%'],
    [0.5, '50%'],
    [1, '100%'],
    [1.2, '120%'],
    [12 / 76, '15,8%'],
    [0.0004, '0%'],
  ])('%s → %s', (r, text) => {
    expect(formatPercent(r)).toBe(text);
  });
});

describe('formatChange', () => {
  it('reports an increase with its percentage', () => {
    expect(formatChange(5, 3)).toBe('tăng 2, tương đương 66,7%');
    expect(formatChange(88, 76, 'lượt')).toBe('tăng 12 lượt, tương đương 15,8%');
  });
  it('reports a decrease with its percentage', () => {
    expect(formatChange(16, 19, 'lượt')).toBe('giảm 3 lượt, tương đương 15,8%');
    expect(formatChange(0, 4, 'đoàn')).toBe('giảm 4 đoàn, tương đương 100%');
  });
  it('says no change when equal', () => {
    expect(formatChange(87, 87, 'lượt')).toBe('không tăng, không giảm');
    expect(formatChange(0, 0)).toBe('không tăng, không giảm');
  });
  it('has no percentage when the earlier value was 0', () => {
    expect(formatChange(5, 0, 'đoàn')).toBe('tăng 5 đoàn');
  });
  it('formats large and decimal differences the Vietnamese way', () => {
    expect(formatChange(252, 200.5, 'trang')).toBe('tăng 51,5 trang, tương đương 25,7%');
    expect(formatChange(12000, 1000)).toBe('tăng 11.000, tương đương 1.100%');
  });
  it('says "khoảng" on both the amount and the percentage of an estimate', () => {
    expect(formatChange(200, 160, 'lượt', { approx: true })).toBe(
      'tăng khoảng 40 lượt, tương đương khoảng 25%',
    );
    expect(formatChange(200, 0, 'lượt', { approx: true })).toBe('tăng khoảng 200 lượt');
  });
  it('pads small differences when asked', () => {
    expect(formatChange(5, 2, 'đoàn', { padSmall: true })).toBe('tăng 03 đoàn, tương đương 150%');
  });
});

describe('joinVi', () => {
  it('joins naturally with "và"', () => {
    expect(joinVi([])).toBe('');
    expect(joinVi(['Hàn Quốc'])).toBe('Hàn Quốc');
    expect(joinVi(['Hàn Quốc', 'Nhật Bản'])).toBe('Hàn Quốc và Nhật Bản');
    expect(joinVi(['Hàn Quốc', 'Nhật Bản', 'Đài Loan (Trung Quốc)'])).toBe(
      'Hàn Quốc, Nhật Bản và Đài Loan (Trung Quốc)',
    );
  });
  it('drops blank items and accepts another conjunction', () => {
    expect(joinVi([' Lào ', '', 'Thái Lan'])).toBe('Lào và Thái Lan');
    expect(joinVi(['a', 'b', 'c'], 'hoặc')).toBe('a, b hoặc c');
  });
});

describe('formatMoney', () => {
  it('writes the amount and its unit', () => {
    expect(formatMoney(911897, 'triệu đồng')).toBe('911.897 triệu đồng');
    expect(formatMoney(12.5, 'triệu USD')).toBe('12,5 triệu USD');
    expect(formatMoney(25263, '')).toBe('25.263');
  });
});
