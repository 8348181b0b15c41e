import { describe, expect, it } from 'vitest';
import { boardCell, boardMatrix, type CellSource, ratesOf, ratio, rowMatches } from './board.js';

const DEADLINE = '2026-06-19';
const TODAY = '2026-06-25';
const cell = (over: Partial<CellSource>) =>
  boardCell({ roundId: 1, unitId: 1, reportId: null, status: null, sentOn: null, ...over }, DEADLINE, TODAY);

describe('a cell of the board', () => {
  it('is on time when sent on or before the deadline', () => {
    expect(cell({ status: 'issued', sentOn: '2026-06-19', reportId: 7 })).toMatchObject({
      state: 'issued',
      daysLate: 0,
      sent: true,
      reportId: 7,
    });
  });

  it('counts the days after the deadline of a late report, even once accepted', () => {
    expect(cell({ status: 'accepted', sentOn: '2026-06-22' })).toMatchObject({
      state: 'accepted',
      daysLate: 3,
    });
  });

  it('counts a report not sent yet as late so far, whatever its state', () => {
    expect(cell({})).toMatchObject({ state: 'not_started', daysLate: 6, sent: false });
    expect(cell({ status: 'approved' })).toMatchObject({ state: 'submitted', daysLate: 6, sent: false });
    const early = boardCell(
      { roundId: 1, unitId: 1, reportId: 1, status: 'draft', sentOn: null },
      DEADLINE,
      '2026-06-10',
    );
    expect(early.daysLate).toBe(0);
  });
});

describe('rates', () => {
  it('gives the share sent and the share sent on time of the units asked', () => {
    const cells = [
      cell({ status: 'issued', sentOn: '2026-06-18' }),
      cell({ status: 'received', sentOn: '2026-06-21' }),
      cell({ status: 'draft' }),
      cell({}),
    ];
    const rates = ratesOf(cells);
    expect(rates).toMatchObject({
      required: 4,
      sent: 2,
      sentOnTime: 1,
      late: 3,
      rate: 0.5,
      onTimeRate: 0.25,
    });
    expect(rates.counts).toMatchObject({ issued: 1, received: 1, draft: 1, not_started: 1, accepted: 0 });
  });

  it('is 0 for a round nobody must answer, and keeps four decimals', () => {
    expect(ratesOf([])).toMatchObject({ required: 0, rate: 0, onTimeRate: 0 });
    expect(ratio(2, 3)).toBe(0.6667);
  });
});

describe('the matrix and its row filters', () => {
  it('places cells by unit and round and leaves a gap where a unit was not asked', () => {
    const cells = [
      boardCell({ roundId: 1, unitId: 10, reportId: null, status: null, sentOn: null }, DEADLINE, TODAY),
      boardCell(
        { roundId: 2, unitId: 11, reportId: 3, status: 'issued', sentOn: '2026-06-01' },
        DEADLINE,
        TODAY,
      ),
    ];
    const rows = boardMatrix([{ id: 10 }, { id: 11 }], [1, 2], cells);
    expect(rows.map((r) => r.cells.map((c) => c?.state ?? null))).toEqual([
      ['not_started', null],
      [null, 'issued'],
    ]);
    expect(rowMatches(rows[0]?.cells ?? [], { lateOnly: true })).toBe(true);
    expect(rowMatches(rows[1]?.cells ?? [], { lateOnly: true })).toBe(false);
    expect(rowMatches(rows[1]?.cells ?? [], { state: 'issued' })).toBe(true);
    expect(rowMatches(rows[1]?.cells ?? [], {})).toBe(true);
  });
});
