import { describe, expect, it } from 'vitest';
import type { Outline } from '../outline.js';
import type { Period } from '../periods.js';
import type { ReportContentInput } from '../report-json.js';
import {
  type ComposeIdentity,
  closingOf,
  composeDocument,
  composeNoiNhan,
  fillSubject,
  nextPeriodLabel,
} from './compose.js';
import { content, FIXTURE_OUTLINE } from './fixtures.test-support.js';
import { previewText } from './preview.js';

const HALF1: Period = { kind: 'half1', year: 2026, index: 0 };
const IDENTITY: ComposeIdentity = {
  parentHeader: ['UBND THÀNH PHỐ HẢI PHÒNG'],
  issuerHeader: ['ỦY BAN NHÂN DÂN', 'XÃ LẠC PHƯỢNG'],
  placeName: 'Lạc Phượng',
  symbol: 'UBND',
  archiveCode: 'VP',
};

function compose(input: ReportContentInput = {}, outline: Outline = FIXTURE_OUTLINE, period: Period = HALF1) {
  return composeDocument({
    outline,
    content: content(input),
    period,
    unit: { name: 'xã Lạc Phượng', kind: 'commune' },
    identity: IDENTITY,
  });
}

describe('nextPeriodLabel / fillSubject', () => {
  it.each<[Period, string]>([
    [{ kind: 'half1', year: 2026, index: 0 }, '6 tháng cuối năm 2026'],
    [{ kind: 'half2', year: 2026, index: 0 }, 'năm 2027'],
    [{ kind: 'year', year: 2025, index: 0 }, 'năm 2026'],
    [{ kind: 'quarter', year: 2026, index: 1 }, 'Quý II năm 2026'],
    [{ kind: 'quarter', year: 2026, index: 4 }, 'Quý I năm 2027'],
    [{ kind: 'month', year: 2026, index: 12 }, 'tháng 1 năm 2027'],
    [{ kind: 'month', year: 2026, index: 5 }, 'tháng 6 năm 2026'],
    [{ kind: 'nine_months', year: 2026, index: 0 }, '3 tháng cuối năm 2026'],
    [{ kind: 'week', year: 2025, index: 0, start: '2025-03-28', end: '2025-04-03' }, 'tuần tới'],
  ])('%o → %s', (period, label) => {
    expect(nextPeriodLabel(period)).toBe(label);
  });

  it('fills the subject template', () => {
    expect(fillSubject(FIXTURE_OUTLINE.subjectTemplate, HALF1)).toBe(
      'Kết quả công tác đối ngoại 6 tháng đầu năm 2026 và phương hướng, nhiệm vụ 6 tháng cuối năm 2026',
    );
  });
});

describe('composeDocument', () => {
  it('makes a report: type, symbol, subject, intro, headings, closing', () => {
    const doc = compose({ values: { 'delegations.in.count': 3 } });
    expect(doc.type).toBe('BC');
    expect(doc.symbol).toBe('BC-UBND');
    expect(doc.number).toBeNull();
    expect(doc.issuedOn).toBeNull();
    expect(doc.draftMonth).toEqual({ month: 6, year: 2026 });
    expect(doc.subject).toContain('6 tháng đầu năm 2026');
    expect(doc.body[0]).toEqual({
      kind: 'paragraph',
      runs: [
        {
          text: 'UBND xã Lạc Phượng báo cáo kết quả công tác đối ngoại 6 tháng đầu năm 2026 và phương hướng, nhiệm vụ 6 tháng cuối năm 2026 như sau:',
        },
      ],
    });
    const headings = doc.body.filter((b) => b.kind === 'heading');
    expect(headings.map((h) => (h.kind === 'heading' ? `${h.number} ${h.text}` : ''))).toEqual([
      'I. BỐI CẢNH TÌNH HÌNH',
      'II. KẾT QUẢ TRIỂN KHAI CÔNG TÁC ĐỐI NGOẠI',
      '1. Công tác quản lý đoàn ra, đoàn vào',
      // The other sections have no figures and no text yet: not printed (the checks flag them).
    ]);
    const last = doc.body[doc.body.length - 1];
    expect(last?.kind === 'paragraph' && last.runs[0]?.text).toMatch(
      /^Trên đây là báo cáo .* của UBND xã Lạc Phượng\.\/\.$/,
    );
    expect(doc.noiNhan).toEqual(['Lưu: VT, VP.']);
    expect(doc.signature).toEqual({ lines: [], name: '' });
  });

  it('takes the number, date, intro, recipients and signer from the content', () => {
    const doc = compose({
      document: {
        number: 297,
        issuedOn: '2026-06-12',
        intro: 'Thực hiện Văn bản số 6871/VP-TC ngày 11/6/2026, UBND xã Lạc Phượng báo cáo như sau:',
        kinhGui: ['Sở Ngoại vụ thành phố Hải Phòng'],
        noiNhan: ['- Sở Ngoại vụ (B/c);', 'TT Đảng ủy;', '- Lưu: VT, VP'],
        signer: {
          fullName: 'Nguyễn Phú Trung',
          title: 'Phó Chủ tịch',
          authority: 'KT',
          authorityOf: 'Chủ tịch',
        },
      },
    });
    expect(doc.number).toBe(297);
    expect(doc.issuedOn).toBe('2026-06-12');
    expect(doc.draftMonth).toBeUndefined();
    expect(doc.kinhGui).toEqual(['Sở Ngoại vụ thành phố Hải Phòng']);
    expect(doc.noiNhan).toEqual(['Sở Ngoại vụ (B/c)', 'TT Đảng ủy', 'Lưu: VT, VP.']);
    expect(doc.signature).toEqual({ lines: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Nguyễn Phú Trung' });
    expect(doc.body[0]).toMatchObject({
      kind: 'paragraph',
      runs: [{ text: expect.stringMatching(/^Thực hiện/) }],
    });
  });

  it('makes a plan without Kính gửi, with KH symbol', () => {
    const plan: Outline = {
      ...FIXTURE_OUTLINE,
      documentKind: 'plan',
      subjectTemplate: 'Hoạt động đối ngoại {period}',
    };
    const doc = compose({ document: { kinhGui: ['Ai đó'] } }, plan, { kind: 'year', year: 2026, index: 0 });
    expect(doc.type).toBe('KH');
    expect(doc.symbol).toBe('KH-UBND');
    expect(doc.kinhGui).toEqual([]);
    expect(doc.subject).toBe('Hoạt động đối ngoại năm 2026');
    expect(doc.body[0]).toMatchObject({
      runs: [
        { text: 'UBND xã Lạc Phượng ban hành Kế hoạch hoạt động đối ngoại năm 2026 với các nội dung sau:' },
      ],
    });
  });

  it('prints the draft month from today when given', () => {
    const doc = composeDocument({
      outline: FIXTURE_OUTLINE,
      content: content(),
      period: HALF1,
      unit: { name: 'xã Lạc Phượng', kind: 'commune' },
      identity: IDENTITY,
      today: '2026-07-02',
      defaults: { kinhGui: ['Sở Ngoại vụ'] },
    });
    expect(doc.draftMonth).toEqual({ month: 7, year: 2026 });
    expect(doc.noiNhan).toEqual(['Như trên', 'Lưu: VT, VP.']);
  });
});

describe('composeNoiNhan', () => {
  it('cleans entries and ends with the archive line', () => {
    expect(composeNoiNhan(['- A;', '', 'B,'], 'VPTTr4', false)).toEqual(['A', 'B', 'Lưu: VT, VPTTr4.']);
    expect(composeNoiNhan(['Lưu: VT, VP.', 'A'], 'X', false)).toEqual(['A', 'Lưu: VT, VP.']);
  });
});

describe('previewText', () => {
  it('prints the whole document in reading order', () => {
    const text = previewText(
      compose({
        values: { 'foreigners.resident': 130 },
        document: {
          kinhGui: ['Sở Ngoại vụ'],
          signer: {
            fullName: 'Nguyễn Phú Trung',
            title: 'Phó Chủ tịch',
            authority: 'KT',
            authorityOf: 'Chủ tịch',
          },
        },
      }),
    );
    const order = [
      'UBND THÀNH PHỐ HẢI PHÒNG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'XÃ LẠC PHƯỢNG',
      'Số:      /BC-UBND',
      `Lạc Phượng, ngày${' '.repeat(6)}tháng 6 năm 2026`,
      'BÁO CÁO',
      'Kết quả công tác đối ngoại 6 tháng đầu năm 2026',
      'Kính gửi: Sở Ngoại vụ',
      'I. BỐI CẢNH TÌNH HÌNH',
      'Hiện nay, trên địa bàn xã có 130 người nước ngoài đang sinh sống và làm việc.',
      'Nơi nhận:',
      'KT. CHỦ TỊCH',
      '- Như trên;',
      'PHÓ CHỦ TỊCH',
      '- Lưu: VT, VP.',
      'Nguyễn Phú Trung',
    ];
    let at = -1;
    for (const piece of order) {
      const next = text.indexOf(piece, at + 1);
      expect(next, piece).toBeGreaterThan(at);
      at = next;
    }
    expect(text).not.toContain('undefined');
  });
});

describe('composeDocument: empty sections', () => {
  it('leaves out sections with nothing to say and numbers the rest without gaps', () => {
    // "delegations" (1. in the outline) is left blank: "foreigners" prints as 1.
    const doc = compose({
      values: { 'foreigners.resident': 130 },
      nil: { sections: ['labour'] },
      narratives: { 'directions.text': { text: 'Tiếp tục quản lý tốt người nước ngoài.' } },
    });
    const headings = doc.body.flatMap((b) => (b.kind === 'heading' ? [`${b.number} ${b.text}`] : []));
    expect(headings).toContain('1. Công tác quản lý người nước ngoài');
    expect(headings).toContain('2. Lao động đi làm việc ở nước ngoài');
    expect(headings.some((h) => h.includes('đoàn ra, đoàn vào'))).toBe(false);
    expect(headings.some((h) => h.includes('dịch thuật'))).toBe(false);
    expect(headings.filter((h) => /^I+\. /.test(h))).toEqual([
      'I. BỐI CẢNH TÌNH HÌNH',
      'II. KẾT QUẢ TRIỂN KHAI CÔNG TÁC ĐỐI NGOẠI',
      'III. PHƯƠNG HƯỚNG, NHIỆM VỤ',
    ]);
  });
});

describe('closingOf', () => {
  it('closes a plan and a report with "./.", the officer closing first', () => {
    expect(closingOf(undefined, 'KH', 'Hoạt động đối ngoại năm 2026', 'UBND xã Đức Thịnh')).toMatch(
      /^Trên đây là Kế hoạch hoạt động đối ngoại năm 2026 của UBND xã Đức Thịnh\. .*\.\/\.$/,
    );
    expect(closingOf(undefined, 'BC', 'Kết quả công tác đối ngoại năm 2025', 'UBND xã A')).toBe(
      'Trên đây là báo cáo kết quả công tác đối ngoại năm 2025 của UBND xã A./.',
    );
    expect(closingOf('Trên đây là kế hoạch của xã.', 'KH', 'x', 'y')).toBe('Trên đây là kế hoạch của xã./.');
    expect(closingOf('Kết thúc./.', 'BC', 'x', 'y')).toBe('Kết thúc./.');
  });
});
