import { describe, expect, it } from 'vitest';
import type { Outline } from '../outline.js';
import { dataWindow, type Period } from '../periods.js';
import type { ReportContentInput } from '../report-json.js';
import {
  type ComposeIdentity,
  closingOf,
  composeDocument,
  composeNoiNhan,
  draftFrame,
  fillSubject,
  intendedIssueDate,
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

  it("reports to the body above in the issuer's voice: a Sở to the UBND tỉnh that decides, a province to the ministry", () => {
    const subject = 'Kết quả công tác đối ngoại quý II năm 2026';
    expect(
      closingOf(undefined, 'BC', subject, 'Sở Ngoại vụ tỉnh Hà Tĩnh', 'Ủy ban nhân dân tỉnh Hà Tĩnh', 'body'),
    ).toBe(
      'Trên đây là báo cáo kết quả công tác đối ngoại quý II năm 2026 của Sở Ngoại vụ tỉnh Hà Tĩnh, kính báo cáo Ủy ban nhân dân tỉnh Hà Tĩnh xem xét, chỉ đạo./.',
    );
    expect(closingOf(undefined, 'BC', subject, 'Sở Ngoại vụ', 'Văn phòng UBND tỉnh', 'body')).toMatch(
      /, kính báo cáo Văn phòng UBND tỉnh\.\/\.$/u,
    );
    expect(closingOf(undefined, 'BC', subject, 'UBND tỉnh Hà Tĩnh', 'Bộ Ngoại giao', 'province')).toMatch(
      /của UBND tỉnh Hà Tĩnh, kính báo cáo Bộ Ngoại giao để tổng hợp\.\/\.$/u,
    );
  });
});

// ── Opening, closing and date line (issue 11, point 6) ────────────────────────────────────────────

const LETTER = {
  number: '5930/UBND-NgV',
  date: '2026-06-09',
  issuer: 'Chủ tịch UBND tỉnh',
  subject: 'báo cáo kết quả công tác đối ngoại 6 tháng đầu năm 2026',
};

function bodyTexts(doc: ReturnType<typeof compose>): string[] {
  return doc.body.flatMap((b) => ('runs' in b ? [b.runs.map((r) => r.text).join('')] : []));
}

describe('the opening and closing of a report', () => {
  it('cites the request letter of the round in the opening', () => {
    const doc = composeDocument({
      outline: FIXTURE_OUTLINE,
      content: content({ values: { 'delegations.in.count': 1 } }),
      period: HALF1,
      unit: { name: 'xã Lạc Phượng', kind: 'commune' },
      identity: IDENTITY,
      request: LETTER,
    });
    expect(bodyTexts(doc)[0]).toBe(
      'Thực hiện Công văn số 5930/UBND-NgV ngày 09/6/2026 của Chủ tịch UBND tỉnh về việc báo cáo kết quả ' +
        'công tác đối ngoại 6 tháng đầu năm 2026, UBND xã Lạc Phượng báo cáo kết quả thực hiện như sau:',
    );
  });

  it('cites a letter given in the file (its kind too), and says the subject when the letter has none', () => {
    const doc = compose({
      document: {
        request: {
          kind: 'Văn bản',
          number: '6871/VP-TC',
          date: '2026-06-11',
          issuer: 'Văn phòng UBND thành phố',
        },
      },
    });
    expect(bodyTexts(doc)[0]).toBe(
      'Thực hiện Văn bản số 6871/VP-TC ngày 11/6/2026 của Văn phòng UBND thành phố, UBND xã Lạc Phượng báo cáo ' +
        'kết quả công tác đối ngoại 6 tháng đầu năm 2026 và phương hướng, nhiệm vụ 6 tháng cuối năm 2026 như sau:',
    );
  });

  it("names the addressee in the closing: the file's, the Kính gửi, or the round's receiving unit", () => {
    const closing = (doc: ReturnType<typeof compose>) => bodyTexts(doc).at(-1);
    expect(closing(compose({ document: { addressee: 'Sở Ngoại vụ' } }))).toBe(
      'Trên đây là báo cáo kết quả công tác đối ngoại 6 tháng đầu năm 2026 và phương hướng, nhiệm vụ 6 tháng ' +
        'cuối năm 2026 của UBND xã Lạc Phượng kính gửi Sở Ngoại vụ để tổng hợp./.',
    );
    expect(closing(compose({ document: { kinhGui: ['Sở Ngoại vụ thành phố Hải Phòng'] } }))).toMatch(
      / của UBND xã Lạc Phượng kính gửi Sở Ngoại vụ thành phố Hải Phòng để tổng hợp\.\/\.$/,
    );
    const fromRound = composeDocument({
      outline: FIXTURE_OUTLINE,
      content: content(),
      period: HALF1,
      unit: { name: 'xã Lạc Phượng', kind: 'commune' },
      identity: IDENTITY,
      addressee: 'Sở Ngoại vụ',
    });
    expect(closing(fromRound)).toMatch(/ kính gửi Sở Ngoại vụ để tổng hợp\.\/\.$/);
    // Nobody to name: the closing ends with the author.
    expect(closing(compose())).toMatch(/ của UBND xã Lạc Phượng\.\/\.$/);
  });

  it('lets the officer replace or extend the drafted opening and closing like a section text', () => {
    const doc = compose({
      document: { addressee: 'Sở Ngoại vụ' },
      narratives: {
        'document.opening': {
          text: 'Thực hiện chỉ đạo của UBND thành phố, UBND xã báo cáo như sau:',
          mode: 'replace',
        },
        'document.closing': { text: 'UBND xã kính đề nghị Sở Ngoại vụ quan tâm, hướng dẫn', mode: 'append' },
      },
    });
    const texts = bodyTexts(doc);
    expect(texts[0]).toBe('Thực hiện chỉ đạo của UBND thành phố, UBND xã báo cáo như sau:');
    // The drafted closing stays, the officer's sentence follows and the document still ends "./.".
    expect(texts.at(-2)).toMatch(/kính gửi Sở Ngoại vụ để tổng hợp\.\/\.$/);
    expect(texts.at(-1)).toBe('UBND xã kính đề nghị Sở Ngoại vụ quan tâm, hướng dẫn./.');
  });

  it('notices when the drafted opening changed since the officer replaced it', () => {
    const base = { outline: FIXTURE_OUTLINE, period: HALF1, identity: IDENTITY } as const;
    const unit = { name: 'xã Lạc Phượng', kind: 'commune' } as const;
    const seen = draftFrame({ ...base, unit, content: content() }).opening.draftHash;
    const edit = { text: 'Mở đầu riêng.', mode: 'replace' as const, draftHash: seen };
    const same = draftFrame({
      ...base,
      unit,
      content: content({ narratives: { 'document.opening': edit } }),
    });
    expect(same.opening.stale).toBe(false);
    const later = draftFrame({
      ...base,
      unit,
      request: LETTER,
      content: content({ narratives: { 'document.opening': edit } }),
    });
    expect(later.opening.paragraphs).toEqual(['Mở đầu riêng.']);
    expect(later.opening.stale).toBe(true);
  });

  it('prints no opening once the officer deleted it (an empty replacement), never the draft again', () => {
    const base = { outline: FIXTURE_OUTLINE, period: HALF1, identity: IDENTITY, request: LETTER } as const;
    const unit = { name: 'xã Lạc Phượng', kind: 'commune' } as const;
    const deleted = { text: '', mode: 'replace' as const };
    const frame = draftFrame({
      ...base,
      unit,
      content: content({ narratives: { 'document.opening': deleted } }),
    });
    expect(frame.opening.drafted[0]).toMatch(/^Thực hiện Công văn số/);
    expect(frame.opening.paragraphs).toEqual([]);
    const doc = composeDocument({
      ...base,
      unit,
      content: content({ narratives: { 'document.opening': deleted } }),
    });
    const first = doc.body.find((b) => b.kind === 'paragraph');
    expect(first && 'runs' in first ? first.runs.map((r) => r.text).join('') : '').not.toMatch(/^Thực hiện/);
  });
});

describe('the date line of a draft: the month of its intended issue', () => {
  it('is today once the period has ended, else the end of the period', () => {
    // A June report drafted in December is issued in December; drafted in May, at the end of June.
    expect(intendedIssueDate(HALF1, '2026-12-03')).toBe('2026-12-03');
    expect(intendedIssueDate(HALF1, '2026-05-20')).toBe('2026-06-14');
    expect(intendedIssueDate({ kind: 'quarter', year: 2026, index: 3 })).toBe(
      dataWindowEnd({ kind: 'quarter', year: 2026, index: 3 }),
    );
  });

  it('prints the issue date on an issued report whatever today is', () => {
    const doc = composeDocument({
      outline: FIXTURE_OUTLINE,
      content: content({ document: { number: 297, issuedOn: '2026-06-12' } }),
      period: HALF1,
      unit: { name: 'xã Lạc Phượng', kind: 'commune' },
      identity: IDENTITY,
      today: '2026-12-03',
    });
    expect(doc.issuedOn).toBe('2026-06-12');
    expect(doc.draftMonth).toBeUndefined();
  });
});

function dataWindowEnd(period: Period): string {
  return dataWindow(period).end;
}
