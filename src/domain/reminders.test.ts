import { describe, expect, it } from 'vitest';
import {
  buildDigests,
  deadlinePhrase,
  digestEmail,
  type ReminderGrant,
  type ReminderInput,
  type ReminderRound,
  shortDate,
} from './reminders.js';

const PROVINCE = 1;
const A = 10; // Xã An
const B = 11; // Xã Bình
const C = 12; // Xã Cẩm

const round = (over: Partial<ReminderRound> = {}): ReminderRound => ({
  id: 100,
  name: 'Báo cáo 6 tháng đầu năm 2026',
  deadline: '2026-06-17',
  remindDays: 3,
  receivingUnitId: PROVINCE,
  memberUnitIds: [A, B, C],
  ...over,
});

const grants: ReminderGrant[] = [
  { userId: 1, role: 'commune_officer', unitId: A },
  { userId: 2, role: 'commune_leader', unitId: A },
  { userId: 3, role: 'commune_officer', unitId: B },
  { userId: 4, role: 'commune_officer', unitId: C },
  { userId: 5, role: 'province_officer', unitId: PROVINCE },
  { userId: 6, role: 'province_leader', unitId: PROVINCE },
  { userId: 7, role: 'admin', unitId: PROVINCE },
];

const input = (over: Partial<ReminderInput> = {}): ReminderInput => ({
  today: '2026-06-15',
  rounds: [round()],
  units: [
    { id: PROVINCE, name: 'Sở Ngoại vụ' },
    { id: A, name: 'Xã An' },
    { id: B, name: 'Xã Bình' },
    { id: C, name: 'Xã Cẩm' },
  ],
  reports: [],
  grants,
  ...over,
});

const digestOf = (digests: ReturnType<typeof buildDigests>, userId: number) =>
  digests.find((d) => d.userId === userId);

describe('dates and deadlines as the reminders read them', () => {
  it('writes the day without leading zeros and counts the days', () => {
    expect(shortDate('2026-06-07')).toBe('7/6/2026');
    expect(deadlinePhrase('2026-06-17', '2026-06-15')).toBe('còn 2 ngày (hạn 17/6/2026)');
    expect(deadlinePhrase('2026-06-17', '2026-06-17')).toBe('hạn là hôm nay (17/6/2026)');
    expect(deadlinePhrase('2026-06-17', '2026-06-20')).toBe('đã quá hạn 3 ngày (hạn 17/6/2026)');
  });
});

describe('who is reminded', () => {
  it('nobody before the reminder days start', () => {
    expect(buildDigests(input({ today: '2026-06-13' }))).toEqual([]);
    expect(buildDigests(input({ today: '2026-06-14' })).length).toBeGreaterThan(0);
  });

  it('officers of units that have not sent, not those that have; leaders only when it waits for them', () => {
    const digests = buildDigests(
      input({
        reports: [
          { roundId: 100, unitId: A, reportId: 501, status: 'submitted' },
          { roundId: 100, unitId: B, reportId: 502, status: 'issued' },
        ],
      }),
    );
    expect(digestOf(digests, 1)?.items[0]).toMatchObject({
      roundId: 100,
      reportId: 501,
      href: '/bao-cao/501',
      daysLeft: 2,
      text: 'Đợt “Báo cáo 6 tháng đầu năm 2026” – Xã An: còn 2 ngày (hạn 17/6/2026); báo cáo đang chờ lãnh đạo duyệt.',
    });
    expect(digestOf(digests, 2)?.items).toHaveLength(1); // the leader: the report waits for him
    expect(digestOf(digests, 3)).toBeUndefined(); // Xã Bình has issued
    expect(digestOf(digests, 4)?.items[0]?.text).toContain('chưa lập báo cáo');
    expect(digestOf(digests, 4)?.items[0]?.href).toBe('/dot-bao-cao/100');
    expect(digestOf(digests, 7)).toBeUndefined(); // administrators are not reminded
  });

  it('a leader whose report is still a draft is reminded only once it is late', () => {
    const reports = [{ roundId: 100, unitId: A, reportId: 501, status: 'draft' as const }];
    expect(digestOf(buildDigests(input({ reports })), 2)).toBeUndefined();
    const late = digestOf(buildDigests(input({ reports, today: '2026-06-19' })), 2);
    expect(late?.items[0]?.text).toContain('đã quá hạn 2 ngày (hạn 17/6/2026)');
  });

  it('the receiving unit gets one line per round: sent, late units by name, awaiting receipt', () => {
    const reports = [
      { roundId: 100, unitId: A, reportId: 501, status: 'issued' as const },
      { roundId: 100, unitId: B, reportId: 502, status: 'draft' as const },
    ];
    const before = digestOf(buildDigests(input({ reports })), 5);
    expect(before?.items).toHaveLength(1);
    expect(before?.items[0]?.text).toBe(
      'Đợt “Báo cáo 6 tháng đầu năm 2026”: còn 2 ngày (hạn 17/6/2026); 1/3 đơn vị đã gửi; 1 báo cáo chờ tiếp nhận.',
    );
    const after = digestOf(buildDigests(input({ reports, today: '2026-06-18' })), 6);
    expect(after?.items[0]?.text).toContain('2 đơn vị quá hạn: Xã Bình, Xã Cẩm');
  });

  it('says nothing to the province once every unit has sent and been received', () => {
    const reports = [A, B, C].map((unitId, i) => ({
      roundId: 100,
      unitId,
      reportId: 600 + i,
      status: 'received' as const,
    }));
    expect(buildDigests(input({ reports }))).toEqual([]);
  });

  it('gathers everything of one person on one day into one digest, most urgent first', () => {
    const digests = buildDigests(
      input({
        rounds: [
          round(),
          round({ id: 101, name: 'Báo cáo tháng 5 năm 2026', deadline: '2026-06-10', memberUnitIds: [A] }),
        ],
      }),
    );
    const officer = digests.filter((d) => d.userId === 1);
    expect(officer).toHaveLength(1);
    expect(officer[0]?.items.map((i) => i.roundId)).toEqual([101, 100]);
    expect(officer[0]?.title).toBe('Nhắc việc ngày 15/6/2026: 2 việc cần làm');
  });

  it('reminds a person holding two roles at a unit once per round', () => {
    const both: ReminderGrant[] = [
      { userId: 9, role: 'commune_officer', unitId: A },
      { userId: 9, role: 'commune_leader', unitId: A },
    ];
    const digests = buildDigests(input({ grants: both, today: '2026-06-20' }));
    expect(digests).toHaveLength(1);
    expect(digests[0]?.items).toHaveLength(1);
  });

  it('names at most five late units and counts the rest', () => {
    const many = Array.from({ length: 8 }, (_, i) => 20 + i);
    const digests = buildDigests(
      input({
        today: '2026-06-18',
        rounds: [round({ memberUnitIds: many })],
        units: many.map((id) => ({ id, name: `Xã ${id}` })),
      }),
    );
    expect(digestOf(digests, 5)?.items[0]?.text).toContain(
      '8 đơn vị quá hạn: Xã 20, Xã 21, Xã 22, Xã 23, Xã 24 và 3 đơn vị khác',
    );
  });
});

describe('the e-mail of a digest', () => {
  it('greets the person, lists the items and links them when the site address is known', () => {
    const [digest] = buildDigests(input());
    if (!digest) throw new Error('no digest');
    const mail = digestEmail(digest, 'Nguyễn Văn An', 'https://doingoai.hatinh.gov.vn/');
    expect(mail.subject).toBe('[doingoai] Nhắc việc ngày 15/6/2026: 1 việc cần làm');
    expect(mail.body).toContain('Kính gửi Nguyễn Văn An,');
    expect(mail.body).toContain('https://doingoai.hatinh.gov.vn/dot-bao-cao/100');
    expect(digestEmail(digest, 'A').body).toContain('mục "Thông báo"');
  });
});
