import { describe, expect, it } from 'vitest';
import type { Outline } from '../outline.js';
import { flow, names, narrative, section } from './builtin/nodes.js';
import { BUILT_IN_OUTLINES, communeReport } from './index.js';
import { validateOutline } from './schema.js';

function base(overrides: Partial<Outline> = {}): Outline {
  return {
    code: 'thu-nghiem',
    version: 1,
    name: 'Đề cương thử',
    documentKind: 'report',
    subjectTemplate: 'Kết quả {period}',
    sections: [
      section('a', 'Kết quả', [
        section('a.one', 'Đoàn ra, đoàn vào', [
          flow('delegations.in.count', 'Số đoàn vào', 'đoàn', 'đoàn vào'),
        ]),
        narrative('a.text', 'Ghi chú'),
      ]),
    ],
    ...overrides,
  };
}

function errorsOf(input: unknown): { path: string; message: string }[] {
  const r = validateOutline(input);
  return r.ok ? [] : r.errors;
}

describe('outlineSchema', () => {
  it('accepts every built-in outline unchanged', () => {
    for (const outline of BUILT_IN_OUTLINES) {
      const r = validateOutline(outline);
      expect(r.ok, outline.code).toBe(true);
      if (r.ok) expect(r.outline).toEqual(outline);
    }
  });

  it('normalises labels to NFC and trims them', () => {
    const nfd = 'Đoàn  ra '.normalize('NFD');
    const r = validateOutline(base({ name: nfd }));
    expect(r.ok && r.outline.name).toBe('Đoàn ra');
  });

  it('refuses duplicate section or narrative keys, naming the place', () => {
    const outline = base();
    outline.sections.push(section('a.text', 'Kiến nghị', []));
    const errors = errorsOf(outline);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path).toBe('sections.1.key');
    expect(errors[0]?.message).toContain('Mục II (Kiến nghị)');
    expect(errors[0]?.message).toContain('"a.text" bị trùng');
  });

  it('refuses duplicate indicator codes, naming both sections', () => {
    const outline = base();
    outline.sections.push(
      section('b', 'Khác', [flow('delegations.in.count', 'Lại số đoàn vào', 'đoàn', 'đoàn vào')]),
    );
    const errors = errorsOf(outline);
    expect(errors.map((e) => e.path)).toEqual(['sections.1.children.0.code']);
    expect(errors[0]?.message).toBe(
      'Mục II (Khác): mã chỉ tiêu "delegations.in.count" bị trùng (đã dùng ở Mục I.1 (Đoàn ra, đoàn vào)).',
    );
  });

  it('refuses more than three levels of sections', () => {
    const deep = section('l1', 'Một', [
      section('l2', 'Hai', [section('l3', 'Ba', [section('l4', 'Bốn', [])])]),
    ]);
    const errors = errorsOf(base({ sections: [deep] }));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path).toBe('sections.0.children.0.children.0.children.0');
    expect(errors[0]?.message).toContain('tối đa 3 cấp');
  });

  it('refuses badly formed codes and keys, empty labels and unknown enum values', () => {
    const outline = base();
    const bad = { ...flow('Số đoàn', ' ', 'đoàn', 'đoàn vào'), valueType: 'float' };
    const errors = errorsOf({
      ...outline,
      code: 'Đề cương',
      sections: [{ ...outline.sections[0], children: [bad] }],
    });
    const paths = errors.map((e) => e.path);
    expect(paths).toContain('code');
    expect(paths).toContain('sections.0.children.0.code');
    expect(paths).toContain('sections.0.children.0.label');
    expect(paths).toContain('sections.0.children.0.valueType');
    expect(errors.find((e) => e.path.endsWith('label'))?.message).toBe('Tên chỉ tiêu không được để trống.');
    expect(errors.find((e) => e.path.endsWith('valueType'))?.message).toContain(
      'Kiểu giá trị phải là một trong',
    );
  });

  it('refuses an unknown node kind and a non-object outline with Vietnamese messages', () => {
    const outline = base();
    const errors = errorsOf({
      ...outline,
      sections: [{ ...outline.sections[0], children: [{ kind: 'table' }] }],
    });
    expect(errors[0]?.path).toBe('sections.0.children.0.kind');
    expect(errors[0]?.message).toContain('mục (section), đoạn văn (narrative) hoặc chỉ tiêu (indicator)');
    expect(errorsOf({ ...outline, sections: [] })[0]?.message).toBe('Đề cương phải có ít nhất một mục.');
  });

  it('requires {period} in the subject and refuses other placeholders', () => {
    expect(errorsOf(base({ subjectTemplate: 'Kết quả công tác đối ngoại' }))[0]?.message).toContain(
      '{period}',
    );
    expect(errorsOf(base({ subjectTemplate: 'Kết quả {period} {nam}' }))[0]?.message).toContain(
      'chỉ được dùng',
    );
    expect(errorsOf(base({ subjectTemplate: 'Kết quả {period} và {next}' }))).toEqual([]);
  });

  it('takes a list of countries, but not a number of countries', () => {
    const outline = base();
    outline.sections[0]?.children.push(names('countries', 'Các nước', 'các nước', { listOf: 'country' }));
    expect(errorsOf(outline)).toEqual([]);
    outline.sections[0]?.children.push(flow('count', 'Số nước', 'nước', 'nước', { listOf: 'country' }));
    expect(errorsOf(outline).map((e) => e.path)).toEqual(['sections.0.children.3.listOf']);
  });

  it('refuses a breakdown on a list and checks that name unknown or non-numeric indicators', () => {
    const outline = base();
    outline.sections[0]?.children.push(names('countries', 'Các nước', 'các nước', { breakdown: 'country' }));
    outline.checks = [
      {
        kind: 'balance',
        outflow: 'countries',
        inflow: 'delegations.in.count',
        stock: 'nope',
        message: 'Sai',
      },
    ];
    const errors = errorsOf(outline);
    expect(errors.map((e) => e.path)).toEqual([
      'sections.0.children.2.breakdown',
      'checks.0.outflow',
      'checks.0.stock',
    ]);
    expect(errors[2]?.message).toBe('Kiểm tra số 1: không có chỉ tiêu số mang mã "nope" trong đề cương.');
  });

  it('keeps the commune report balance check valid', () => {
    expect(communeReport.checks).toHaveLength(1);
    expect(errorsOf(communeReport)).toEqual([]);
  });
});
