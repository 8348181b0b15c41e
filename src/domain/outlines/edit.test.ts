import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { flow, narrative, section } from './builtin/nodes.js';
import {
  addIndicator,
  addNarrative,
  addSection,
  cloneOutline,
  moveSection,
  removeNode,
  renameSection,
} from './edit.js';
import { communeReport, findIndicator, findSection, indicatorsOf, numberOutline } from './index.js';
import { validateOutline } from './schema.js';

const snapshot = JSON.stringify(communeReport);

function topKeys(o: typeof communeReport): string[] {
  return o.sections.map((s) => s.key);
}

function expectAppError(fn: () => unknown, code: string, text: string): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe(code);
    expect((e as AppError).message).toContain(text);
    return;
  }
  throw new Error('expected an AppError');
}

describe('outline edits', () => {
  it('clones under a new code and name at version 1, deep-copied', () => {
    const clone = cloneOutline(communeReport, 'commune-report-ha-tinh', '  Đề cương   Hà Tĩnh ');
    expect(clone.code).toBe('commune-report-ha-tinh');
    expect(clone.name).toBe('Đề cương Hà Tĩnh');
    expect(clone.version).toBe(1);
    expect(clone.sections).toEqual(communeReport.sections);
    expect(clone.sections[0]).not.toBe(communeReport.sections[0]);
    expect(validateOutline(clone).ok).toBe(true);
    expectAppError(() => cloneOutline(communeReport, 'Hà Tĩnh', 'x'), 'VALIDATION', 'Mã đề cương');
    expectAppError(() => cloneOutline(communeReport, 'ok', ' '), 'VALIDATION', 'Tên đề cương');
  });

  it('renames a nested section without touching the original', () => {
    const renamed = renameSection(communeReport, 'delegations', ' Quản lý  đoàn ra, đoàn vào ');
    expect(findSection(renamed, 'delegations')?.title).toBe('Quản lý đoàn ra, đoàn vào');
    expect(findSection(communeReport, 'delegations')?.title).toBe('Công tác quản lý đoàn ra, đoàn vào');
    expectAppError(() => renameSection(communeReport, 'nope', 'X'), 'NOT_FOUND', '"nope"');
    expectAppError(() => renameSection(communeReport, 'delegations', '  '), 'VALIDATION', 'Tên mục');
    expect(JSON.stringify(communeReport)).toBe(snapshot);
  });

  it('moves sections up, down and to a position, renumbering them', () => {
    const up = moveSection(communeReport, 'direction', 'up');
    expect(topKeys(up).slice(0, 2)).toEqual(['direction', 'background']);
    expect(numberOutline(up)[0]?.key).toBe('direction');
    expect(topKeys(moveSection(communeReport, 'background', 'up'))).toEqual(topKeys(communeReport));
    const down = moveSection(communeReport, 'proposals', 'down');
    expect(topKeys(down)).toEqual(topKeys(communeReport));
    const first = moveSection(communeReport, 'proposals', 0);
    expect(topKeys(first)[0]).toBe('proposals');
    const nested = moveSection(communeReport, 'awards', 0);
    const letters = numberOutline(nested).filter((s) => s.parentKey === 'state');
    expect(letters[0]).toMatchObject({ key: 'awards', number: 'a)' });
    expect(letters[1]).toMatchObject({ key: 'delegations', number: 'b)' });
    expect(JSON.stringify(communeReport)).toBe(snapshot);
  });

  it('adds an indicator, a narrative and a section, refusing duplicates', () => {
    const ind = flow('delegations.in.vip', 'Đoàn cấp cao', 'đoàn', 'đoàn cấp cao');
    const added = addIndicator(communeReport, 'delegations', ind, 0);
    expect(findSection(added, 'delegations')?.children[0]).toEqual(ind);
    expect(findIndicator(added, 'delegations.in.vip')).toBeDefined();
    expect(indicatorsOf(added)).toHaveLength(indicatorsOf(communeReport).length + 1);
    expectAppError(() => addIndicator(added, 'awards', ind), 'VALIDATION', 'đã có');
    expectAppError(() => addIndicator(communeReport, 'nope', ind), 'NOT_FOUND', '"nope"');
    expectAppError(() => addIndicator(communeReport, 'background.text', ind), 'NOT_FOUND', 'background.text');

    const withText = addNarrative(communeReport, 'awards', narrative('awards.text', 'Ghi chú'));
    expect(findSection(withText, 'awards')?.children.at(-1)).toMatchObject({ key: 'awards.text' });
    expectAppError(
      () => addNarrative(communeReport, 'awards', narrative('party.text', 'X')),
      'VALIDATION',
      'đã có',
    );

    const top = addSection(communeReport, null, section('annex', 'Phụ lục số liệu', []), 1);
    expect(topKeys(top)[1]).toBe('annex');
    const inner = addSection(communeReport, 'results', section('results.other', 'Khác', []));
    expect(numberOutline(inner).find((s) => s.key === 'results.other')?.number).toBe('4.');
    expectAppError(() => addSection(communeReport, null, section('state', 'X', [])), 'VALIDATION', 'đã có');
    expect(JSON.stringify(communeReport)).toBe(snapshot);
  });

  it('removes a section with its content and renumbers without gaps', () => {
    const removed = removeNode(communeReport, 'direction');
    expect(findSection(removed, 'direction')).toBeUndefined();
    expect(
      numberOutline(removed)
        .filter((s) => s.level === 1)
        .map((s) => s.number),
    ).toEqual(['I.', 'II.', 'III.', 'IV.', 'V.']);
    const noDelegations = removeNode(communeReport, 'delegations');
    expect(findIndicator(noDelegations, 'delegations.in.count')).toBeUndefined();
    expect(numberOutline(noDelegations).find((s) => s.key === 'agreements')?.number).toBe('a)');
    expectAppError(() => removeNode(communeReport, 'nope'), 'NOT_FOUND', '"nope"');
    expect(JSON.stringify(communeReport)).toBe(snapshot);
  });

  it('drops the balance checks that named a removed indicator', () => {
    const removed = removeNode(communeReport, 'foreigners.resident');
    expect(findIndicator(removed, 'foreigners.resident')).toBeUndefined();
    expect(removed.checks).toEqual([]);
    expect(validateOutline(removed).ok).toBe(true);
    expect(removeNode(communeReport, 'awards').checks).toEqual(communeReport.checks);
  });
});
