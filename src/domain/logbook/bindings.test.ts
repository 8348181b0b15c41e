import { describe, expect, it } from 'vitest';
import type { Indicator } from '../outline.js';
import { builtInIndicatorIndex } from '../outlines/catalogue.js';
import { findBuiltInOutline } from '../outlines/index.js';
import { reportContentSchema } from '../report-json.js';
import {
  type BindingAggregate,
  bindingFor,
  boundIndicators,
  figureOf,
  fits,
  LOGBOOK_BINDINGS,
} from './bindings.js';
import { logbookKind } from './kinds.js';
import { applyLogbook, logbookDifferences, logbookIssues, overrideFigure } from './report-figures.js';

const catalogue = new Map(builtInIndicatorIndex().entries.map((e) => [e.indicator.code, e.indicator]));
const indicator = (code: string) => catalogue.get(code) as Indicator;

describe('bindings of the indicator catalogue', () => {
  it('binds only catalogue indicators, each to fields its register has, with the right shape', () => {
    for (const b of LOGBOOK_BINDINGS) {
      const ind = catalogue.get(b.code);
      expect(ind, b.code).toBeDefined();
      expect(fits(b, ind as Indicator), b.code).toBe(true);
      const kind = logbookKind(b.kind);
      const field = (key: string) => kind?.fields.find((f) => f.key === key);
      for (const [key, values] of Object.entries(b.where ?? {})) {
        expect(field(key)?.type, `${b.code} ${key}`).toBe('choice');
        for (const v of values)
          expect(
            field(key)?.options?.some((o) => o.value === v),
            `${b.code} ${v}`,
          ).toBe(true);
      }
      for (const key of b.sum ?? []) expect(['integer', 'decimal', 'money']).toContain(field(key)?.type);
      for (const source of [b.by, b.list]) if (source) expect(field(source.field)?.type).toBe(source.type);
      // A breakdown binding serves an indicator broken down; a list one, a list.
      if (b.by) expect(ind?.breakdown, b.code).toBeDefined();
    }
  });

  it('binds what a register can compute and leaves the rest to the officer', () => {
    for (const code of [
      'delegations.in.count',
      'foreigners.resident',
      'workers.abroad',
      'oda.loan',
      'services.fees',
    ])
      expect(bindingFor(code)).toBeDefined();
    for (const code of ['trade.export', 'tourists.foreign', 'overseas.donations', 'delegations.out.planned'])
      expect(bindingFor(code)).toBeUndefined();
    const commune = findBuiltInOutline('commune-report');
    expect(commune && boundIndicators(commune).length).toBeGreaterThan(25);
  });

  it('does not serve a reused code of another unit or currency', () => {
    const oda = bindingFor('oda.total');
    expect(oda && fits(oda, { ...indicator('oda.total'), unit: 'USD' })).toBe(false);
    expect(oda && fits(oda, { ...indicator('oda.total'), unit: 'tỷ đồng' })).toBe(false);
    const count = bindingFor('delegations.out.count');
    expect(count && fits(count, { ...indicator('delegations.out.count'), valueType: 'text' })).toBe(false);
  });
});

const refs = (...ids: number[]) => ids.map((id) => ({ id, revision: 1 }));

describe('a figure from its aggregate', () => {
  it('scales money into the outline unit, and refuses records in another currency', () => {
    const b = bindingFor('oda.loan');
    if (!b) throw new Error('no binding');
    const agg: BindingAggregate = { records: refs(1, 2), total: 1_500_000_000 };
    expect(figureOf(b, indicator('oda.loan'), agg)).toEqual({ ok: true, value: 1500, records: refs(1, 2) });
    const mixed = figureOf(b, indicator('oda.loan'), {
      ...agg,
      otherCurrencies: new Map([['USD', refs(3)]]),
    });
    expect(mixed?.ok).toBe(false);
    expect(mixed && !mixed.ok && mixed.reason).toContain('1 dự án ghi bằng USD');
    expect(mixed?.records.map((r) => r.id)).toEqual([1, 2, 3]);
  });

  it('sorts a list in Vietnamese order and a breakdown largest first', () => {
    const list = bindingFor('delegations.out.countries');
    const by = bindingFor('workers.abroad');
    if (!list || !by) throw new Error('no binding');
    const names = new Map([
      ['Đức', 1],
      ['Ai Cập', 2],
      ['Nhật Bản', 1],
    ]);
    expect(
      figureOf(list, indicator('delegations.out.countries'), { records: refs(1), total: 0, names }),
    ).toMatchObject({
      value: ['Ai Cập', 'Đức', 'Nhật Bản'],
    });
    expect(figureOf(by, indicator('workers.abroad'), { records: refs(1), total: 4, names })).toMatchObject({
      value: {
        total: 4,
        parts: [
          { key: 'Ai Cập', value: 2 },
          { key: 'Đức', value: 1 },
          { key: 'Nhật Bản', value: 1 },
        ],
      },
    });
  });

  it('computes nothing without records', () => {
    const b = bindingFor('conferences.count');
    expect(b && figureOf(b, indicator('conferences.count'), { records: [], total: 0 })).toBeUndefined();
  });
});

describe('the report content from the logbook', () => {
  const outline = findBuiltInOutline('commune-report');
  if (!outline) throw new Error('no outline');
  const window = { start: '2025-12-15', end: '2026-03-14' };
  const computation = (value: number, ids: number[]) => ({
    window,
    figures: new Map([['delegations.out.count', { ok: true as const, value, records: refs(...ids) }]]),
    lines: {
      delegations: [{ id: 9, revision: 1, date: '2026-01-08', text: 'Cử đoàn đi khảo sát.' }],
      nowhere: [{ id: 10, revision: 1, date: '2026-01-09', text: 'Không có mục này.' }],
    },
  });

  it('fills a figure that follows the records, keeps an override and its reason, drops a figure with no records left', () => {
    const empty = reportContentSchema.parse({});
    const first = applyLogbook(outline, empty, computation(2, [1, 2]), 'now');
    expect(first.values['delegations.out.count']).toBe(2);
    expect(first.logbook?.lines).toEqual({ delegations: computation(0, []).lines.delegations });

    expect(() => overrideFigure(first, 'delegations.out.count', 3, ' ')).toThrow(/lý do/);
    const overridden = overrideFigure(first, 'delegations.out.count', 3, 'Một đoàn chưa ghi sổ.');
    expect(logbookIssues(outline, overridden)).toEqual([]);
    const moved = applyLogbook(outline, overridden, computation(4, [1, 2, 5, 6]), 'later');
    expect(moved.values['delegations.out.count']).toBe(3);
    expect(moved.logbook?.figures['delegations.out.count']).toMatchObject({
      computed: 4,
      reason: 'Một đoàn chưa ghi sổ.',
    });

    // Typed over without a reason (the autosave): an error until explained.
    const typed = { ...first, values: { ...first.values, 'delegations.out.count': 7 } };
    expect(logbookIssues(outline, typed)[0]?.message).toContain('chưa ghi lý do');

    const gone = applyLogbook(outline, first, { window, figures: new Map(), lines: {} }, 'after');
    expect(gone.values['delegations.out.count']).toBeUndefined();
  });

  it('tells an issued figure from the records now: changed, deleted, left, added', () => {
    const issued = applyLogbook(
      outline,
      reportContentSchema.parse({}),
      computation(3, [1, 2, 3]),
      'at issue',
    );
    if (!issued.logbook) throw new Error('no logbook part');
    const now = {
      window,
      figures: new Map([
        [
          'delegations.out.count',
          { ok: true as const, value: 3, records: [{ id: 1, revision: 2 }, ...refs(4, 3)] },
        ],
      ]),
      lines: {},
    };
    const diff = logbookDifferences(issued.logbook, now, new Set([2]));
    expect(diff).toEqual([
      {
        code: 'delegations.out.count',
        issued: 3,
        now: 3,
        records: [
          { id: 1, change: 'changed' },
          { id: 2, change: 'deleted' },
          { id: 4, change: 'added' },
        ],
      },
    ]);
    expect(
      logbookDifferences(issued.logbook, { window, figures: new Map(), lines: {} }, new Set())[0]?.records,
    ).toEqual([
      { id: 1, change: 'left' },
      { id: 2, change: 'left' },
      { id: 3, change: 'left' },
    ]);
  });
});
