/**
 * The example report files in examples/ are valid report JSON, and everything they name exists
 * in their outline: value codes, nil sections, narrative keys; values have the indicator's shape.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Outline } from '../outline.js';
import { reportJsonSchema } from '../report-json.js';
import {
  findBuiltInOutline,
  findIndicator,
  indicatorsOf,
  narrativesOf,
  sectionsOf,
  walkOutline,
} from './index.js';
import { validateOutline } from './schema.js';

const dir = join(import.meta.dirname, '..', '..', '..', 'examples');
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.outline.json'));

/** A report's own outline beside it (`<name>.outline.json`), validated; undefined when there is none. */
function outlineBeside(file: string): Outline | undefined {
  const beside = join(dir, file.replace(/\.json$/, '.outline.json'));
  if (!existsSync(beside)) return undefined;
  const checked = validateOutline(JSON.parse(readFileSync(beside, 'utf8')));
  if (!checked.ok)
    throw new Error(`${beside}: ${checked.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return checked.outline;
}

describe('examples/*.json', () => {
  it('holds the documented examples', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        '001-duc-thinh-ke-hoach-2026.json',
        '002-lac-phuong-6-thang-2026.json',
        '004-so-ngoai-vu-tuan.json',
      ]),
    );
  });

  describe.each(files)('%s', (file) => {
    const raw: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const parsed = reportJsonSchema.safeParse(raw);

    it('parses as doingoai.report/1', () => {
      expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    });

    const report = parsed.success ? parsed.data : undefined;
    const own = outlineBeside(file);
    const outline = report && (own ?? findBuiltInOutline(report.outline.code, report.outline.version));
    if (own && report) {
      it('names the outline file beside it by code and version', () => {
        expect([own.code, own.version]).toEqual([report.outline.code, report.outline.version]);
      });
    }

    it('names a built-in outline or has its own beside it', () => {
      expect(outline, report?.outline.code).toBeDefined();
    });
    if (!report || !outline) return;

    it('gives values only for indicators of the outline, in their shape', () => {
      for (const [code, value] of Object.entries(report.values)) {
        const indicator = findIndicator(outline, code);
        expect(indicator, `value "${code}"`).toBeDefined();
        if (!indicator) continue;
        if (indicator.valueType === 'list') expect(Array.isArray(value), code).toBe(true);
        else if (indicator.valueType === 'text') expect(typeof value, code).toBe('string');
        else if (typeof value === 'object' && !Array.isArray(value)) {
          expect(indicator.breakdown, `${code} has parts but no breakdown`).toBeDefined();
          expect(
            value.parts.reduce((s, p) => s + p.value, 0),
            code,
          ).toBe(value.total);
        } else {
          expect(typeof value, code).toBe('number');
          if (indicator.valueType === 'integer') expect(Number.isInteger(value), code).toBe(true);
        }
      }
    });

    it('marks nil only sections that can be nil, and edits only known sections or narratives', () => {
      const nilable = new Set(
        sectionsOf(outline)
          .filter((s) => s.nilAllowed !== false)
          .map((s) => s.key),
      );
      for (const key of report.nil.sections) expect(nilable.has(key), `nil "${key}"`).toBe(true);
      const keys = new Set([
        ...sectionsOf(outline).map((s) => s.key),
        ...narrativesOf(outline).map((n) => n.key),
      ]);
      // "<section>#nil", "<section>#0": the officer's wording of a drafted paragraph of that section.
      const frame = new Set(['document.opening', 'document.closing']);
      for (const key of Object.keys(report.narratives))
        expect(frame.has(key) || keys.has(key.replace(/#.*$/, '')), `narrative "${key}"`).toBe(true);
    });

    it('fills every required indicator or answers its section nil', () => {
      const nil = new Set(report.nil.sections);
      walkOutline(outline, (node, ctx) => {
        if (node.kind !== 'indicator' || !node.required) return;
        const answeredNil = report.nil.all || ctx.ancestors.some((a) => nil.has(a.key));
        expect(answeredNil || report.values[node.code] !== undefined, node.code).toBe(true);
      });
    });

    it('is issued: number, date and signer present', () => {
      expect(report.document.number).toBeGreaterThan(0);
      expect(report.document.issuedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(report.document.signer?.fullName).toBeTruthy();
      if (outline.documentKind === 'plan') expect(report.document.kinhGui ?? []).toEqual([]);
    });

    it('uses indicator codes of its outline for the comparison values too', () => {
      const codes = new Set(indicatorsOf(outline).map((i) => i.code));
      for (const values of [report.comparison.previous, report.comparison.sameLastYear]) {
        for (const code of Object.keys(values ?? {})) expect(codes.has(code), code).toBe(true);
      }
    });
  });

  it('reproduce the figures of the source documents', () => {
    const read = (f: string) => reportJsonSchema.parse(JSON.parse(readFileSync(join(dir, f), 'utf8')));
    const lacPhuong = read('002-lac-phuong-6-thang-2026.json');
    expect(lacPhuong.values['foreigners.resident']).toBe(130);
    expect(lacPhuong.document.number).toBe(297);
    const department = read('004-so-ngoai-vu-tuan.json');
    const v = department.values;
    expect(v['translation.pages.total']).toBe(252);
    expect(
      [v['translation.pages.judicial'], v['translation.pages.center'], v['translation.pages.content']].reduce(
        (s: number, x) => s + (typeof x === 'number' ? x : Number.NaN),
        0,
      ),
    ).toBe(252);
    expect(v['interpreting.hours']).toBe(13.5);
    const thachHa = read('000-thach-ha-nam-2025.json').values;
    const oda = ['oda.loan', 'oda.grant', 'oda.counterpart'].map((c) => thachHa[c]);
    expect(oda).toEqual([648_587, 25_263, 238_047]);
    expect(oda.reduce((s: number, x) => s + (typeof x === 'number' ? x : Number.NaN), 0)).toBe(
      thachHa['oda.total'],
    );
    const plan = read('001-duc-thinh-ke-hoach-2026.json');
    expect(JSON.stringify(plan)).not.toContain('Tân Minh');
    expect(JSON.stringify(plan)).toContain('quảng bá hình ảnh xã Đức Thịnh');
  });
});
