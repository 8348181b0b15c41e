import { describe, expect, it } from 'vitest';
import { lunarToSolar } from './lunar.js';

describe('lunarToSolar', () => {
  it('finds Tết (mùng 1 tháng Giêng) of known years', () => {
    expect(lunarToSolar(1, 1, 2023)).toBe('2023-01-22');
    expect(lunarToSolar(1, 1, 2024)).toBe('2024-02-10');
    expect(lunarToSolar(1, 1, 2025)).toBe('2025-01-29');
    expect(lunarToSolar(1, 1, 2026)).toBe('2026-02-17');
  });
  it('uses Vietnam time: Tết 2030 is on 2 February, a day before the Chinese new year', () => {
    expect(lunarToSolar(1, 1, 2030)).toBe('2030-02-02');
  });
  it('finds Giỗ Tổ Hùng Vương (10/3 âm lịch), also after a leap month', () => {
    expect(lunarToSolar(10, 3, 2023)).toBe('2023-04-29');
    expect(lunarToSolar(10, 3, 2024)).toBe('2024-04-18');
    expect(lunarToSolar(10, 3, 2025)).toBe('2025-04-07');
    // 2020 had a leap fourth month, 2023 a leap second month: 10/3 of 2023 comes after it.
    expect(lunarToSolar(10, 3, 2020)).toBe('2020-04-02');
  });
  it('finds the mid-autumn day after the leap sixth month of 2025', () => {
    expect(lunarToSolar(15, 8, 2025)).toBe('2025-10-06');
  });
});
