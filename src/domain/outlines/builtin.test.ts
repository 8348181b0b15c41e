import { describe, expect, it } from 'vitest';
import type { Indicator, Outline } from '../outline.js';
import {
  BUILT_IN_OUTLINES,
  COMMUNE_REPORT_CODE,
  consolidatedOutlineCode,
  DEPARTMENT_CONSOLIDATED_REPORT_CODE,
  findBuiltInOutline,
  findIndicator,
  findSection,
  indicatorsOf,
  narrativesOf,
  numberOutline,
  PROVINCE_REPORT_CODE,
  walkOutline,
} from './index.js';

describe('built-in outlines', () => {
  it('are the five documented codes at version 1, found by code and version', () => {
    expect(BUILT_IN_OUTLINES.map((o) => `${o.code}@${o.version}`)).toEqual([
      'commune-report@1',
      'department-report@1',
      'annual-plan@1',
      'department-consolidated-report@1',
      'province-report@1',
    ]);
    expect(findBuiltInOutline('commune-report')?.name).toBe('Báo cáo kết quả công tác đối ngoại cấp xã');
    expect(findBuiltInOutline('annual-plan', 1)?.documentKind).toBe('plan');
    expect(findBuiltInOutline('annual-plan', 2)).toBeUndefined();
    expect(findBuiltInOutline('nope')).toBeUndefined();
  });

  it('keep the indicator codes the examples and registers rely on', () => {
    const commune = findBuiltInOutline('commune-report');
    const department = findBuiltInOutline('department-report');
    if (!commune || !department) throw new Error('missing outline');
    for (const code of [
      'delegations.in.count',
      'delegations.in.people',
      'delegations.out.count',
      'delegations.out.people',
      'foreigners.arrived',
      'foreigners.departed',
      'foreigners.resident',
      'workers.abroad',
      'oda.loan',
      'oda.grant',
      'oda.counterpart',
      'trade.export',
      'trade.import',
      'ngo.projects',
      'civil.marriage',
    ]) {
      expect(findIndicator(commune, code), code).toBeDefined();
    }
    for (const code of [
      'translation.pages.total',
      'interpreting.hours',
      'legalisation.files',
      'procedures.received',
    ]) {
      expect(findIndicator(department, code), code).toBeDefined();
    }
    expect(findIndicator(commune, 'foreigners.resident')).toMatchObject({
      measure: 'stock',
      aggregation: 'latest',
      breakdown: 'country',
    });
    expect(findIndicator(commune, 'workers.abroad')?.breakdown).toBe('market');
    expect(findIndicator(commune, 'oda.loan')?.unit).toBe('triệu đồng');
  });

  it('give a shared code the same meaning in every outline', () => {
    const byCode = new Map<string, Indicator>();
    for (const outline of BUILT_IN_OUTLINES) {
      for (const ind of indicatorsOf(outline)) {
        const first = byCode.get(ind.code);
        if (!first) byCode.set(ind.code, ind);
        else {
          expect({ code: ind.code, unit: ind.unit, measure: ind.measure, valueType: ind.valueType }).toEqual({
            code: first.code,
            unit: first.unit,
            measure: first.measure,
            valueType: first.valueType,
          });
        }
      }
    }
  });

  it('aggregate flows by sum and stocks by their latest value', () => {
    for (const outline of BUILT_IN_OUTLINES) {
      for (const ind of indicatorsOf(outline)) {
        if (ind.valueType === 'list' || ind.valueType === 'text') continue;
        expect(ind.aggregation, ind.code).toBe(ind.measure === 'stock' ? 'latest' : 'sum');
        expect(ind.unit, ind.code).not.toBe('');
      }
    }
  });

  it('write counting phrases that start with their unit, so "03 đoàn vào" reads right', () => {
    for (const outline of BUILT_IN_OUTLINES) {
      for (const ind of indicatorsOf(outline)) {
        if (ind.valueType !== 'integer' && ind.valueType !== 'decimal') continue;
        const reads = ind.phrase === ind.unit || ind.phrase.startsWith(`${ind.unit} `);
        expect(reads, `${ind.code}: "${ind.phrase}" / "${ind.unit}"`).toBe(true);
      }
    }
  });

  it('word nil phrases to follow "không phát sinh" in one sentence', () => {
    for (const outline of BUILT_IN_OUTLINES) {
      walkOutline(outline, (node) => {
        if (node.kind !== 'section' || !node.nilPhrase) return;
        const sentence = `Trong kỳ báo cáo, trên địa bàn xã không phát sinh ${node.nilPhrase}.`;
        expect(node.nilPhrase, node.key).toMatch(/^[a-zà-ỹđ]/u);
        expect(sentence, node.key).not.toMatch(/\.\.$|không phát sinh không/);
      });
    }
  });

  it('never name a unit or a date in their boilerplate, and keep all text NFC', () => {
    for (const outline of BUILT_IN_OUTLINES) {
      for (const block of narrativesOf(outline)) {
        const text = block.defaultText ?? '';
        expect(text, block.key).not.toMatch(/\b(xã|phường|tỉnh|huyện) [A-ZĐ][a-zà-ỹ]/u);
        expect(text, block.key).not.toMatch(/Thạch Hà|Lạc Phượng|Đức Thịnh|Tân Minh|Hà Tĩnh|Hải Phòng/);
        expect(text, block.key).not.toMatch(/năm 20\d\d(?! của)|tháng (đầu|cuối) năm/);
        expect(text.normalize('NFC'), block.key).toBe(text);
      }
      expect(JSON.stringify(outline).normalize('NFC')).toBe(JSON.stringify(outline));
    }
  });

  it('stay within three levels and number the commune report as the examples do', () => {
    const commune = findBuiltInOutline('commune-report');
    if (!commune) throw new Error('missing outline');
    const numbered = numberOutline(commune);
    expect(Math.max(...numbered.map((s) => s.level))).toBe(3);
    const byKey = new Map(numbered.map((s) => [s.key, s.fullNumber]));
    expect(byKey.get('results')).toBe('III');
    expect(byKey.get('party')).toBe('III.1');
    expect(byKey.get('delegations')).toBe('III.2.a');
    expect(byKey.get('economic')).toBe('III.2.đ');
    expect(byKey.get('people')).toBe('III.3');
  });
});

describe('the province-level outlines', () => {
  const commune = findBuiltInOutline(COMMUNE_REPORT_CODE);
  const levels = [
    findBuiltInOutline(DEPARTMENT_CONSOLIDATED_REPORT_CODE),
    findBuiltInOutline(PROVINCE_REPORT_CODE),
  ];
  const texts = (o: Outline) =>
    [
      o.name,
      o.subjectTemplate,
      ...numberOutline(o).flatMap((s) => [s.title, s.section.nilPhrase ?? '']),
      ...narrativesOf(o).map((n) => n.defaultText ?? ''),
    ].join('\n');

  it('carry every commune figure with the same code, kind and section, so the communes sum into them', () => {
    if (!commune) throw new Error('no commune outline');
    for (const outline of levels) {
      if (!outline) throw new Error('missing province outline');
      for (const indicator of indicatorsOf(commune)) {
        expect(findIndicator(outline, indicator.code), `${outline.code} ${indicator.code}`).toEqual(
          indicator,
        );
      }
      const sectionOf = (o: Outline, code: string) =>
        numberOutline(o).find((s) =>
          s.section.children.some((c) => c.kind === 'indicator' && c.code === code),
        )?.key;
      for (const indicator of indicatorsOf(commune))
        expect(sectionOf(outline, indicator.code)).toBe(sectionOf(commune, indicator.code));
    }
  });

  it("speak of the province, never of a commune, each in its issuing body's voice", () => {
    const [department, province] = levels;
    if (!department || !province) throw new Error('missing province outline');
    // The communes are spoken of ("UBND các xã, phường", "cấp xã"), never spoken as.
    const communeVoice =
      /(UBND|Ủy ban nhân dân|Đảng ủy|trên địa bàn|Ủy ban MTTQ Việt Nam|điện tử) xã(?!\p{L})/u;
    for (const outline of [department, province]) expect(texts(outline)).not.toMatch(communeVoice);
    expect(texts(commune ?? department)).toMatch(communeVoice);
    expect(texts(department)).toContain('Sở Ngoại vụ đã tham mưu UBND tỉnh');
    expect(texts(department)).toMatch(/Đề nghị UBND tỉnh/u);
    expect(texts(province)).toMatch(/Đề nghị Bộ Ngoại giao/u);
    expect(texts(province)).not.toMatch(/Đề nghị UBND tỉnh/u);
  });

  it("open their results with a section for the province's own activities, with no boilerplate in it", () => {
    for (const outline of levels) {
      if (!outline) throw new Error('missing province outline');
      const own = findSection(outline, 'own');
      expect(own?.title).toMatch(/Sở Ngoại vụ|cấp tỉnh/u);
      expect(findSection(outline, 'results')?.children[0]).toBe(own);
      expect(narrativesOf(outline).filter((n) => n.key.startsWith('own.') && n.defaultText)).toEqual([]);
    }
  });

  it("are where a round of the communes consolidates: the Sở's or the UBND tỉnh's, by who receives it", () => {
    expect(consolidatedOutlineCode(COMMUNE_REPORT_CODE, 'body')).toBe(DEPARTMENT_CONSOLIDATED_REPORT_CODE);
    expect(consolidatedOutlineCode(COMMUNE_REPORT_CODE, 'province')).toBe(PROVINCE_REPORT_CODE);
    // A province's own đề cương, or the ministry's round of provinces, consolidates on itself.
    expect(consolidatedOutlineCode('commune-report-ha-tinh', 'body')).toBe('commune-report-ha-tinh');
    expect(consolidatedOutlineCode(PROVINCE_REPORT_CODE, 'country')).toBe(PROVINCE_REPORT_CODE);
  });
});
