import { describe, expect, it } from 'vitest';
import { draftReport, flattenDrafted } from '../drafting/draft.js';
import { keepDefaults, proposalKeys, rewriteParagraph } from '../drafting/paragraphs.js';
import { communeReport, departmentConsolidatedReport } from '../outlines/index.js';
import type { Period } from '../periods.js';
import { reportContentSchema } from '../report-json.js';
import {
  consolidationDigest,
  digestKey,
  MAX_FACTS_PER_UNIT,
  namingUnit,
  type SourceTexts,
  sentencesOf,
} from './digest.js';

const thachHa = { id: 1, code: '18562', name: 'Xã Thạch Hà', kind: 'commune' };
const thanhSen = { id: 2, code: '18073', name: 'Phường Thành Sen', kind: 'commune' };
const ducThinh = { id: 3, code: '18277', name: 'Xã Đức Thịnh', kind: 'commune' };

function texts(unit: SourceTexts['unit'], narratives: Record<string, string>): SourceTexts {
  return {
    reportId: unit.id * 10,
    unit,
    narratives: Object.fromEntries(
      Object.entries(narratives).map(([k, text]) => [k, { text, mode: 'replace' }]),
    ),
  };
}

const digestOf = (sources: SourceTexts[]) =>
  consolidationDigest(communeReport, departmentConsolidatedReport, sources);

describe('the digest of what the communes wrote', () => {
  it("carries each commune's own facts into the province's section, naming the commune, in code order", () => {
    const digest = digestOf([
      texts(thachHa, {
        'delegations#0':
          'Trong Quý II năm 2026, UBND xã đón 01 đoàn của tổ chức KOICA khảo sát dự án cấp nước sạch.',
      }),
      texts(thanhSen, {
        'cooperation.text': 'Phường phối hợp tổ chức lễ ký kết hợp tác với thành phố Gimhae (Hàn Quốc).',
        delegations: '- Tiếp 02 đoàn doanh nghiệp Nhật Bản tìm hiểu đầu tư tại cụm công nghiệp.',
      }),
    ]);
    expect(digest.delegations?.map((d) => d.text)).toEqual([
      'Phường Thành Sen: Tiếp 02 đoàn doanh nghiệp Nhật Bản tìm hiểu đầu tư tại cụm công nghiệp.',
      'Trong Quý II năm 2026, UBND xã Thạch Hà đón 01 đoàn của tổ chức KOICA khảo sát dự án cấp nước sạch.',
    ]);
    expect(digest.cooperation?.map((d) => [d.unitName, d.text])).toEqual([
      [
        'Phường Thành Sen',
        'Phường Thành Sen phối hợp tổ chức lễ ký kết hợp tác với thành phố Gimhae (Hàn Quốc).',
      ],
    ]);
  });

  it('leaves out the outline boilerplate a commune kept, "không phát sinh" sentences and the opening', () => {
    const boilerplate = communeReport.sections
      .find((s) => s.key === 'direction')
      ?.children.find((c) => c.kind === 'narrative');
    const kept = boilerplate?.kind === 'narrative' ? (boilerplate.defaultText ?? '') : '';
    expect(kept).not.toBe('');
    const digest = digestOf([
      texts(ducThinh, {
        'direction.text': kept,
        'delegations#nil': 'Trong kỳ báo cáo, trên địa bàn xã không phát sinh đoàn ra, đoàn vào.',
        'foreigners#0': 'Trên địa bàn xã không có người nước ngoài cư trú.',
        'document.opening': 'Thực hiện Công văn số 12/SNgV-VP, UBND xã báo cáo như sau:',
      }),
    ]);
    expect(digest).toEqual({});
  });

  it('never invents: every fact is a sentence the commune wrote, with at most its name added', () => {
    const written =
      'Ngày 12/5/2026, tiếp nhận 01 xe cứu thương do tổ chức Good Neighbors tài trợ. Hỗ trợ 35 hộ nghèo. Tổ chức 02 buổi giao lưu văn hóa với tình nguyện viên Nhật Bản. Trao 10 suất học bổng của Quỹ Hy vọng.';
    const digest = digestOf([texts(thachHa, { 'ngo_aid#0': written })]);
    const facts = digest.ngo_aid ?? [];
    // "Hỗ trợ 35 hộ nghèo." is too short to be a fact; the rest are capped per commune.
    expect(facts).toHaveLength(MAX_FACTS_PER_UNIT);
    for (const fact of facts) {
      const sentence = fact.text.replace(/^Xã Thạch Hà: /u, '');
      expect(written).toContain(sentence);
    }
  });

  it("puts the name into the commune's subject, or before a sentence that has none", () => {
    expect(namingUnit('Trên địa bàn xã có 03 người nước ngoài đến làm việc.', thachHa)).toBe(
      'Trên địa bàn xã Thạch Hà có 03 người nước ngoài đến làm việc.',
    );
    expect(namingUnit('UBND phường phối hợp với UBND xã Thạch Lạc tổ chức hội thảo.', thanhSen)).toBe(
      'UBND phường Thành Sen phối hợp với UBND xã Thạch Lạc tổ chức hội thảo.',
    );
    expect(namingUnit('Đoàn thanh niên xã Thạch Hà giao lưu với sinh viên Lào.', thachHa)).toBe(
      'Đoàn thanh niên xã Thạch Hà giao lưu với sinh viên Lào.',
    );
    expect(namingUnit('Xã tổ chức tuyên truyền về biên giới.', ducThinh)).toBe(
      'Xã Đức Thịnh tổ chức tuyên truyền về biên giới.',
    );
    expect(namingUnit('Tiếp 01 đoàn KOICA khảo sát dự án.', ducThinh)).toBe(
      'Xã Đức Thịnh: Tiếp 01 đoàn KOICA khảo sát dự án.',
    );
  });

  it('splits sentences without cutting an abbreviation', () => {
    expect(
      sentencesOf('Làm việc tại TP. Hà Tĩnh ngày 12/5. Đoàn gồm 05 người.\n- Ký biên bản ghi nhớ.'),
    ).toEqual(['Làm việc tại TP. Hà Tĩnh ngày 12/5.', 'Đoàn gồm 05 người.', 'Ký biên bản ghi nhớ.']);
  });

  it('keys each fact by section, commune and sentence, so an edit survives a refresh with more communes', () => {
    const one = digestOf([
      texts(thachHa, { 'delegations#0': 'UBND xã đón 01 đoàn của tổ chức KOICA khảo sát.' }),
    ]);
    const two = digestOf([
      texts(thanhSen, { delegations: 'Phường tiếp 02 đoàn doanh nghiệp Nhật Bản tìm hiểu đầu tư.' }),
      texts(thachHa, { 'delegations#0': 'UBND xã đón 01 đoàn của tổ chức KOICA khảo sát.' }),
    ]);
    const key = one.delegations?.[0]?.key;
    expect(key).toBe(digestKey('delegations', '18562', 'UBND xã đón 01 đoàn của tổ chức KOICA khảo sát.'));
    expect(two.delegations?.map((d) => d.key)).toContain(key);
  });
});

describe('the digest in the consolidated report', () => {
  const period = { kind: 'quarter', year: 2026, index: 2 } as Period;
  const digest = digestOf([
    texts(thachHa, { 'delegations#0': 'UBND xã đón 01 đoàn của tổ chức KOICA khảo sát dự án cấp nước.' }),
  ]);
  const draft = (kept: string[], narratives = {}) =>
    draftReport({
      outline: departmentConsolidatedReport,
      content: reportContentSchema.parse({ kept, narratives, values: { 'delegations.in.count': 1 } }),
      period,
      unit: { name: 'Sở Ngoại vụ tỉnh Hà Tĩnh', kind: 'body', area: 'tỉnh' },
      supplements: { delegations: { digest: digest.delegations ?? [] } },
    });
  const section = (kept: string[], narratives = {}) =>
    flattenDrafted(draft(kept, narratives).sections).find((s) => s.key === 'delegations');
  const fact = 'UBND xã Thạch Hà đón 01 đoàn của tổ chức KOICA khảo sát dự án cấp nước.';

  it('proposes each fact beside the sums: not printed until the officer keeps it', () => {
    const s = section([]);
    const item = s?.items.find((i) => i.kind === 'digest');
    expect(item).toMatchObject({ proposal: true, drafted: [fact], label: 'Từ báo cáo của xã Thạch Hà' });
    expect(s?.paragraphs.join(' ')).toMatch(/^Trong Quý II năm 2026, trên địa bàn tỉnh có 01 đoàn vào/u);
    expect(s?.paragraphs).not.toContain(fact);
    expect(proposalKeys(draft([]).sections)).toContain(item?.key);
  });

  it("prints a kept fact after the figures, and the officer's rewrite instead of it", () => {
    const item = section([])?.items.find((i) => i.kind === 'digest');
    if (!item) throw new Error('no fact');
    const kept = keepDefaults(departmentConsolidatedReport, reportContentSchema.parse({ kept: [] }), [
      item.key,
    ]);
    expect(section(kept.kept ?? [])?.paragraphs.at(-1)).toBe(fact);
    const rewritten = rewriteParagraph(
      reportContentSchema.parse({ kept: [] }),
      item,
      'Xã Thạch Hà đón đoàn KOICA.',
    );
    expect(section([], rewritten.narratives)?.paragraphs.at(-1)).toBe('Xã Thạch Hà đón đoàn KOICA.');
  });
});
