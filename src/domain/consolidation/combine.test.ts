import { describe, expect, it } from 'vitest';
import type { Indicator } from '../outline.js';
import { combineAcrossPeriods, combineAcrossUnits } from './combine.js';

const base = { kind: 'indicator', unit: 'người', phrase: 'người', label: 'x' } as const;
const flow: Indicator = { ...base, code: 'f', valueType: 'integer', measure: 'flow', aggregation: 'sum' };
const stock: Indicator = {
  ...base,
  code: 's',
  valueType: 'integer',
  measure: 'stock',
  aggregation: 'latest',
};
const money: Indicator = { ...base, code: 'm', valueType: 'money', measure: 'flow', aggregation: 'sum' };
const list: Indicator = { ...base, code: 'l', valueType: 'list', measure: 'flow', aggregation: 'sum' };

describe('combining values', () => {
  it('adds flows and stocks across units, ignoring units that did not fill the figure', () => {
    expect(combineAcrossUnits(flow, [3, undefined, 4])).toBe(7);
    expect(combineAcrossUnits(stock, [130, 12])).toBe(142);
    expect(combineAcrossUnits(flow, [undefined, undefined])).toBeUndefined();
    expect(combineAcrossUnits(flow, [0, 0])).toBe(0);
  });

  it('keeps a stock at the end of the last period but adds flows over periods', () => {
    expect(combineAcrossPeriods(stock, [120, 125, 130])).toBe(130);
    expect(combineAcrossPeriods(flow, [1, 2, 3])).toBe(6);
  });

  it('merges breakdowns by country, largest first, and adds money without binary noise', () => {
    const merged = combineAcrossUnits(flow, [
      {
        total: 3,
        parts: [
          { key: 'Hàn Quốc', value: 2 },
          { key: 'Nhật Bản', value: 1 },
        ],
      },
      { total: 4, parts: [{ key: 'Nhật Bản', value: 4 }] },
      2,
    ]);
    expect(merged).toEqual({
      total: 9,
      parts: [
        { key: 'Nhật Bản', value: 5 },
        { key: 'Hàn Quốc', value: 2 },
      ],
    });
    expect(combineAcrossUnits(money, [0.1, 0.2])).toBe(0.3);
  });

  it('adds the same country up whether a report wrote its official name or another spelling', () => {
    const byCountry: Indicator = { ...flow, breakdown: 'country' };
    const merged = combineAcrossUnits(byCountry, [
      { total: 2, parts: [{ key: 'Hàn Quốc', value: 2 }] },
      {
        total: 4,
        parts: [
          { key: 'Han Quoc', value: 1 },
          { key: 'Myanmar', value: 3 },
        ],
      },
      { total: 1, parts: [{ key: 'Mi-an-ma', value: 1 }] },
    ]);
    expect(merged).toEqual({
      total: 7,
      parts: [
        { key: 'Mi-an-ma', value: 4 },
        { key: 'Hàn Quốc', value: 3 },
      ],
    });
    const overPeriods = combineAcrossPeriods({ ...byCountry, breakdown: 'market' }, [
      { total: 1, parts: [{ key: 'Korea', value: 1 }] },
      { total: 1, parts: [{ key: 'Hàn Quốc', value: 1 }] },
    ]);
    expect(overPeriods).toEqual({ total: 2, parts: [{ key: 'Hàn Quốc', value: 2 }] });
  });

  it('unites lists of countries by country, under the official name', () => {
    const visited: Indicator = { ...list, listOf: 'country' };
    expect(
      combineAcrossUnits(visited, [
        ['Lào', 'Myanmar'],
        ['Mi-an-ma', 'Korea', 'Lào'],
      ]),
    ).toEqual(['Lào', 'Mi-an-ma', 'Hàn Quốc']);
  });

  it('unites lists without repeating a name', () => {
    expect(
      combineAcrossUnits(list, [
        ['Lào', 'Nhật Bản'],
        ['Nhật Bản', 'Hàn Quốc'],
      ]),
    ).toEqual(['Lào', 'Nhật Bản', 'Hàn Quốc']);
  });
});
