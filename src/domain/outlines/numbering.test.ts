import { describe, expect, it } from 'vitest';
import type { Outline, Section } from '../outline.js';
import { flow, narrative, section } from './builtin/nodes.js';
import {
  findIndicator,
  findNarrative,
  findSection,
  indicatorsOf,
  numberOutline,
  parentSectionOf,
  SECTION_LETTERS,
  sectionLetter,
  sectionNumber,
  toRoman,
  walkOutline,
} from './numbering.js';

function outlineOf(sections: Section[]): Outline {
  return {
    code: 'test',
    version: 1,
    name: 'Thử',
    documentKind: 'report',
    subjectTemplate: 'Thử {period}',
    sections,
  };
}

const sample = outlineOf([
  section('a', 'Bối cảnh', [narrative('a.text', 'Bối cảnh')]),
  section('b', 'Kết quả', [
    section('b1', 'Đối ngoại Đảng', []),
    section('b2', 'Ngoại giao nhà nước', [
      section('b2x', 'Đoàn ra, đoàn vào', [flow('delegations.in.count', 'Số đoàn vào', 'đoàn', 'đoàn vào')]),
      narrative('b2.note', 'Ghi chú'),
      section('b2y', 'Hội nghị', [flow('conferences.count', 'Số hội nghị', 'hội nghị', 'hội nghị')]),
    ]),
  ]),
  section('c', 'Kiến nghị', []),
]);

describe('sectionNumber', () => {
  it('prints Roman numerals at level 1, Arabic at level 2, letters at level 3', () => {
    expect(sectionNumber(1, 0)).toBe('I.');
    expect(sectionNumber(1, 3)).toBe('IV.');
    expect(sectionNumber(1, 8)).toBe('IX.');
    expect(sectionNumber(2, 0)).toBe('1.');
    expect(sectionNumber(2, 11)).toBe('12.');
    expect(sectionNumber(3, 0)).toBe('a)');
    expect(sectionNumber(3, 4)).toBe('đ)');
  });

  it('converts to Roman numerals', () => {
    expect([1, 2, 3, 4, 5, 6, 9, 10, 14, 40, 90, 1999].map(toRoman)).toEqual([
      'I',
      'II',
      'III',
      'IV',
      'V',
      'VI',
      'IX',
      'X',
      'XIV',
      'XL',
      'XC',
      'MCMXCIX',
    ]);
  });

  it('uses the Vietnamese letter sequence: đ after d, no f, j, w, z', () => {
    const letters = Array.from({ length: 23 }, (_, i) => sectionLetter(i));
    expect(letters.join(' ')).toBe('a b c d đ e g h i k l m n o p q r s t u v x y');
    for (const missing of ['f', 'j', 'w', 'z']) expect(letters).not.toContain(missing);
    expect(SECTION_LETTERS).toHaveLength(23);
  });

  it('keeps numbers distinct past the last letter', () => {
    const many = Array.from({ length: 60 }, (_, i) => sectionLetter(i));
    expect(new Set(many).size).toBe(60);
    expect(sectionLetter(23)).toBe('aa');
  });

  it('prints deeper levels as a dash', () => {
    expect(sectionNumber(4, 0)).toBe('-');
  });
});

describe('numberOutline', () => {
  it('numbers sections by depth, ignoring narratives and indicators between them', () => {
    const numbered = numberOutline(sample);
    expect(numbered.map((s) => `${s.fullNumber} ${s.number} ${s.key}`)).toEqual([
      'I I. a',
      'II II. b',
      'II.1 1. b1',
      'II.2 2. b2',
      'II.2.a a) b2x',
      'II.2.b b) b2y',
      'III III. c',
    ]);
    expect(numbered.find((s) => s.key === 'b2y')?.parentKey).toBe('b2');
    expect(numbered.find((s) => s.key === 'b2y')?.level).toBe(3);
  });

  it('leaves no gap after a section is removed', () => {
    const without: Outline = {
      ...sample,
      sections: sample.sections.filter((s) => s.key !== 'a'),
    };
    const top = numberOutline(without).filter((s) => s.level === 1);
    expect(top.map((s) => s.number)).toEqual(['I.', 'II.']);
    expect(top.map((s) => s.key)).toEqual(['b', 'c']);
  });
});

describe('walk and look-ups', () => {
  it('visits every node in reading order with its level and ancestors', () => {
    const seen: string[] = [];
    walkOutline(sample, (node, ctx) => {
      const id = node.kind === 'indicator' ? node.code : node.key;
      seen.push(`${ctx.level}:${id}:${ctx.ancestors.map((a) => a.key).join('/')}`);
    });
    expect(seen).toEqual([
      '1:a:',
      '2:a.text:a',
      '1:b:',
      '2:b1:b',
      '2:b2:b',
      '3:b2x:b/b2',
      '4:delegations.in.count:b/b2/b2x',
      '3:b2.note:b/b2',
      '3:b2y:b/b2',
      '4:conferences.count:b/b2/b2y',
      '1:c:',
    ]);
  });

  it('skips the children of a section when the visitor returns false', () => {
    const seen: string[] = [];
    walkOutline(sample, (node) => {
      if (node.kind !== 'indicator') seen.push(node.key);
      return !(node.kind === 'section' && node.key === 'b2');
    });
    expect(seen).toEqual(['a', 'a.text', 'b', 'b1', 'b2', 'c']);
  });

  it('finds indicators, sections, narratives and parents', () => {
    expect(indicatorsOf(sample).map((i) => i.code)).toEqual(['delegations.in.count', 'conferences.count']);
    const b2 = findSection(sample, 'b2');
    expect(b2?.title).toBe('Ngoại giao nhà nước');
    expect(b2 && indicatorsOf(b2)).toHaveLength(2);
    expect(findIndicator(sample, 'conferences.count')?.unit).toBe('hội nghị');
    expect(findIndicator(sample, 'nope')).toBeUndefined();
    expect(findNarrative(sample, 'b2.note')?.label).toBe('Ghi chú');
    expect(parentSectionOf(sample, 'conferences.count')?.key).toBe('b2y');
    expect(parentSectionOf(sample, 'a')).toBeNull();
    expect(parentSectionOf(sample, 'missing')).toBeUndefined();
  });
});

describe('an outline numbered in its own scheme', () => {
  const tree = (numbering: Outline['numbering']): Outline => ({
    code: 'thu',
    version: 1,
    name: 'Thử',
    documentKind: 'report',
    subjectTemplate: '{period}',
    ...(numbering ? { numbering } : {}),
    sections: [
      section('a', 'A', [section('a1', 'A1', [section('a1x', 'A1x', []), section('a1y', 'A1y', [])])]),
      section('b', 'B', [section('b1', 'B1', []), section('b2', 'B2', [])]),
    ],
  });
  const numbers = (o: Outline) => numberOutline(o).map((s) => s.number);

  it('prints each level in its style, a "2.1." level after its parent', () => {
    expect(numbers(tree(['arabic', 'dotted', 'dotted']))).toEqual([
      '1.',
      '1.1.',
      '1.1.1.',
      '1.1.2.',
      '2.',
      '2.1.',
      '2.2.',
    ]);
    expect(numbers(tree(['arabic', 'dash', 'none']))).toEqual(['1.', '-', '', '', '2.', '-', '-']);
    expect(numbers(tree(['roman', 'letter', 'dash']))).toEqual(['I.', 'a)', '-', '-', 'II.', 'a)', 'b)']);
  });

  it('keeps I./1./a) without a scheme', () => {
    expect(numbers(tree(undefined))).toEqual(['I.', '1.', 'a)', 'b)', 'II.', '1.', '2.']);
  });
});
