/**
 * The demo province: Hà Tĩnh with its Sở Ngoại vụ and a few of its real communes, and invented
 * people. Every demo account's name says it is a demo account; every signer's name is invented.
 * Created only on the embedded database or when asked (`doingoai seed --demo`).
 *
 * One level up (`seedDemoNation`): the ministry (Bộ Ngoại giao, the country unit) asks the 34
 * provinces for the same quarter; a second demo province, Nghệ An, has asked four of its real
 * communes, received three reports (INVENTED figures) and issued its consolidated report to the
 * ministry, so that the two levels show on a fresh start.
 */
import { eq, inArray } from 'drizzle-orm';
import type { GrantIn } from '../domain/api.js';
import type { Role } from '../domain/authz.js';
import { type FormerKind, REFORM_2025_DATE } from '../domain/lineage.js';
import type { LogbookKindCode } from '../domain/logbook/kinds.js';
import { checkLogbookEntry } from '../domain/logbook/record.js';
import type { OutlineNode } from '../domain/outline.js';
import {
  addDays,
  daysBetween,
  type Period,
  periodsContaining,
  previousPeriod,
  todayInVietnam,
  windowFor,
} from '../domain/periods.js';
import { type ReportContent, reportContentSchema } from '../domain/report-json.js';
import { NATIONAL_ROUND_OUTLINE_CODE } from '../domain/rounds.js';
import { COUNTRY_CODE, defaultBodyIdentity } from '../domain/units.js';
import { type AuditActor, writeAudit } from './audit.js';
import type { Queryable } from './client.js';
import { consolidateRound } from './consolidation.js';
import { importLineage, loadFormers } from './lineage.js';
import { findCurrentOutline, getOutlineRow } from './outlines.js';
import { hashPassword } from './password-hash.js';
import { comparisonFor, createReport, saveReportContent, takeStep } from './reports.js';
import { createRound } from './rounds.js';
import { logbookRecords, reports, units } from './schema.js';
import { addSigner, createBodyUnit, setRecipients, updateIdentity } from './units.js';
import { createUser, findUserByUsername } from './users.js';

/** Printed in the README and on the sign-in page of a demo installation. */
export const DEMO_PASSWORD = 'demo-doingoai';
export const DEMO_PROVINCE_CODE = '42';
/** The second demo province (the ministry's demo): Nghệ An. */
export const DEMO_SECOND_PROVINCE_CODE = '40';

/** Real communes of Nghệ An asked by its demo round: three answer, Vinh Phú does not. */
export const DEMO_SECOND_COMMUNES = {
  thanhVinh: '16681',
  truongVinh: '16690',
  vinhPhu: '16702',
  cuaLo: '16732',
} as const;

/** Real communes of Hà Tĩnh (codes from the official list). */
export const DEMO_COMMUNES = {
  thachHa: '18562',
  ducThinh: '18277',
  thanhSen: '18073',
  tranPhu: '18100',
} as const;

/**
 * The communes whose registers hold invented records (their reports open with figures and first
 * lines drafted from them: sign in as demo.canbo.thanhsen). Thạch Hà and Đức Thịnh keep empty
 * registers: their reports are typed by hand, as the tests of the form and the main loop play them.
 */
export const DEMO_LOGBOOK_COMMUNES = [DEMO_COMMUNES.thanhSen, DEMO_COMMUNES.tranPhu] as const;

interface DemoAccount {
  username: string;
  fullName: string;
  role: Role;
  /** Unit code, or "body" for the demo Sở Ngoại vụ. */
  unit: string;
}

/** The ministry's and the second province's accounts (created by `seedDemoNation`). */
export const DEMO_NATION_ACCOUNTS: DemoAccount[] = [
  {
    username: 'demo.canbo.bng',
    fullName: 'Cán bộ Demo Bộ Ngoại giao',
    role: 'national_officer',
    unit: COUNTRY_CODE,
  },
  {
    username: 'demo.lanhdao.bng',
    fullName: 'Lãnh đạo Demo Bộ Ngoại giao',
    role: 'national_leader',
    unit: COUNTRY_CODE,
  },
  {
    username: 'demo.canbo.nghean',
    fullName: 'Cán bộ Demo UBND tỉnh Nghệ An',
    role: 'province_officer',
    unit: DEMO_SECOND_PROVINCE_CODE,
  },
  {
    username: 'demo.chutich.nghean',
    fullName: 'Chủ tịch Demo UBND tỉnh Nghệ An',
    role: 'province_leader',
    unit: DEMO_SECOND_PROVINCE_CODE,
  },
];

/**
 * The UBND tỉnh Hà Tĩnh's officer and chair: they answer the ministry's round from the Sở Ngoại
 * vụ's consolidated report (created by `seedDemoProvinceAnswer`, also on a demo made before).
 */
export const DEMO_PROVINCE_ACCOUNTS: DemoAccount[] = [
  {
    username: 'demo.canbo.hatinh',
    fullName: 'Cán bộ Demo UBND tỉnh Hà Tĩnh',
    role: 'province_officer',
    unit: DEMO_PROVINCE_CODE,
  },
  {
    username: 'demo.chutich.hatinh',
    fullName: 'Chủ tịch Demo UBND tỉnh Hà Tĩnh',
    role: 'province_leader',
    unit: DEMO_PROVINCE_CODE,
  },
];

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    username: 'demo.canbo.thachha',
    fullName: 'Cán bộ Demo Thạch Hà',
    role: 'commune_officer',
    unit: DEMO_COMMUNES.thachHa,
  },
  {
    username: 'demo.chutich.thachha',
    fullName: 'Chủ tịch Demo Thạch Hà',
    role: 'commune_leader',
    unit: DEMO_COMMUNES.thachHa,
  },
  {
    username: 'demo.canbo.ducthinh',
    fullName: 'Cán bộ Demo Đức Thịnh',
    role: 'commune_officer',
    unit: DEMO_COMMUNES.ducThinh,
  },
  {
    username: 'demo.chutich.ducthinh',
    fullName: 'Chủ tịch Demo Đức Thịnh',
    role: 'commune_leader',
    unit: DEMO_COMMUNES.ducThinh,
  },
  {
    username: 'demo.canbo.thanhsen',
    fullName: 'Cán bộ Demo Thành Sen',
    role: 'commune_officer',
    unit: DEMO_COMMUNES.thanhSen,
  },
  {
    username: 'demo.canbo.songv',
    fullName: 'Cán bộ Demo Sở Ngoại vụ',
    role: 'province_officer',
    unit: 'body',
  },
  {
    username: 'demo.giamdoc.songv',
    fullName: 'Giám đốc Demo Sở Ngoại vụ',
    role: 'province_leader',
    unit: 'body',
  },
  { username: 'demo.quantri', fullName: 'Quản trị Demo Hà Tĩnh', role: 'admin', unit: DEMO_PROVINCE_CODE },
  ...DEMO_NATION_ACCOUNTS,
  ...DEMO_PROVINCE_ACCOUNTS,
];

async function idOfCode(q: Queryable, code: string): Promise<number> {
  const rows = await q.select({ id: units.id }).from(units).where(eq(units.code, code)).limit(1);
  if (!rows[0]) throw new Error(`Không có đơn vị mã ${code} trong danh mục: hãy nạp danh mục trước.`);
  return rows[0].id;
}

/** Creates the accounts (units by code; "body" is the demo Sở Ngoại vụ). */
async function createAccounts(
  q: Queryable,
  actor: AuditActor,
  accounts: readonly DemoAccount[],
  bodyId: number | null,
): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const unitIds = new Map<string, number>();
  const codes = [...new Set(accounts.map((a) => a.unit))].filter((c) => c !== 'body');
  for (const row of await q
    .select({ id: units.id, code: units.code })
    .from(units)
    .where(inArray(units.code, codes))) {
    unitIds.set(row.code, row.id);
  }
  for (const account of accounts) {
    const unitId = account.unit === 'body' ? bodyId : unitIds.get(account.unit);
    if (!unitId) throw new Error(`Không có đơn vị ${account.unit}`);
    const grants: GrantIn[] = [{ role: account.role, unitId }];
    await createUser(q, actor, {
      username: account.username,
      fullName: account.fullName,
      passwordHash,
      grants,
    });
  }
}

/**
 * Returns false when the demo data is already there. A demo made before the ministry's level
 * existed gets it now (`seedDemoNation`), once.
 */
export async function seedDemo(q: Queryable, actor: AuditActor): Promise<boolean> {
  if (await findUserByUsername(q, DEMO_ACCOUNTS[0]?.username ?? '')) {
    // A demo made before the ministry's level or the lineage existed gets them now, once.
    let added = false;
    if (!(await findUserByUsername(q, DEMO_NATION_ACCOUNTS[0]?.username ?? ''))) {
      await seedDemoNation(q, actor);
      added = true;
    }
    added = (await seedDemoProvinceAnswer(q, actor)) || added;
    return (await seedDemoLineage(q, actor)) || added;
  }
  const provinceId = await idOfCode(q, DEMO_PROVINCE_CODE);

  const bodyId = await createBodyUnit(q, actor, {
    provinceId,
    name: 'Sở Ngoại vụ tỉnh Hà Tĩnh',
    ...defaultBodyIdentity('Sở Ngoại vụ', 'Tỉnh Hà Tĩnh', 'SNgV'),
  });
  await addSigner(q, actor, bodyId, {
    fullName: 'Phạm Thị Minh Thư',
    title: 'Giám đốc',
    authority: 'NONE',
    authorityOf: null,
    collective: null,
    isDefault: false,
  });
  // A deputy signs the Sở's reports to the UBND tỉnh ("KT. GIÁM ĐỐC"); the Chánh Văn phòng its
  // routine ones to the Văn phòng UBND tỉnh ("TL. GIÁM ĐỐC"), as example 004.
  await addSigner(q, actor, bodyId, {
    fullName: 'Nguyễn Hữu Tài',
    title: 'Phó Giám đốc',
    authority: 'KT',
    authorityOf: 'Giám đốc',
    collective: null,
    isDefault: false,
  });
  await addSigner(q, actor, bodyId, {
    fullName: 'Võ Đình Khải',
    title: 'Chánh Văn phòng',
    authority: 'TL',
    authorityOf: 'Giám đốc',
    collective: null,
    isDefault: true,
  });
  await setRecipients(q, actor, bodyId, {
    kinhGui: ['Ủy ban nhân dân tỉnh Hà Tĩnh'],
    noiNhan: ['Như trên', 'Bộ Ngoại giao (để báo cáo)', 'Giám đốc, các Phó Giám đốc Sở'],
  });

  const communeSigners: Record<string, [string, string]> = {
    [DEMO_COMMUNES.thachHa]: ['Nguyễn Văn Hòa', 'Lê Thị Thanh Tâm'],
    [DEMO_COMMUNES.ducThinh]: ['Trần Quốc Bảo', 'Hoàng Thị Lan Anh'],
    [DEMO_COMMUNES.thanhSen]: ['Đặng Minh Tuấn', 'Bùi Thị Hồng Nhung'],
    [DEMO_COMMUNES.tranPhu]: ['Phan Văn Lực', 'Ngô Thị Mai'],
  };
  for (const [code, [chair, deputy]] of Object.entries(communeSigners)) {
    const unitId = await idOfCode(q, code);
    await addSigner(q, actor, unitId, {
      fullName: chair,
      title: 'Chủ tịch',
      authority: 'TM',
      authorityOf: 'Ủy ban nhân dân',
      collective: null,
      isDefault: true,
    });
    await addSigner(q, actor, unitId, {
      fullName: deputy,
      title: 'Phó Chủ tịch',
      authority: 'KT',
      authorityOf: 'Chủ tịch',
      collective: 'Ủy ban nhân dân',
      isDefault: false,
    });
    await setRecipients(q, actor, unitId, {
      kinhGui: ['Sở Ngoại vụ tỉnh Hà Tĩnh'],
      noiNhan: [
        'Như trên',
        'Thường trực Đảng ủy xã',
        'Thường trực HĐND xã',
        'Chủ tịch, các Phó Chủ tịch UBND xã',
      ],
    });
  }

  await createAccounts(
    q,
    actor,
    DEMO_ACCOUNTS.filter((a) => !DEMO_NATION_ACCOUNTS.includes(a) && !DEMO_PROVINCE_ACCOUNTS.includes(a)),
    bodyId,
  );
  await seedDemoRound(q, actor, bodyId);
  await seedDemoLogbook(q, actor, bodyId);
  await seedDemoNation(q, actor);
  await seedDemoProvinceAnswer(q, actor);
  await seedDemoLineage(q, actor);
  return true;
}

/**
 * The UBND tỉnh Hà Tĩnh's people (invented): its officer and chair, its signers (the chair "TM. ỦY
 * BAN NHÂN DÂN", a deputy "KT. CHỦ TỊCH") and its recipients (Bộ Ngoại giao), so that the province
 * can answer the ministry's round from its Sở Ngoại vụ's consolidated report. Once.
 */
async function seedDemoProvinceAnswer(q: Queryable, actor: AuditActor): Promise<boolean> {
  if (await findUserByUsername(q, DEMO_PROVINCE_ACCOUNTS[0]?.username ?? '')) return false;
  const provinceId = await idOfCode(q, DEMO_PROVINCE_CODE);
  await demoCommitteeSigners(q, actor, provinceId, ['Trần Quang Minh', 'Đặng Thị Thu Hương']);
  await setRecipients(q, actor, provinceId, {
    kinhGui: ['Bộ Ngoại giao'],
    noiNhan: ['Như trên', 'Thường trực Tỉnh ủy', 'Thường trực HĐND tỉnh', 'Chủ tịch, các PCT UBND tỉnh'],
  });
  await createAccounts(q, actor, DEMO_PROVINCE_ACCOUNTS, null);
  return true;
}

/**
 * An INVENTED lineage of two demo wards across the 2025 reform (the real resolutions were not used:
 * the mapping is made up for the demo, and codes 18076, 18079, 18103, 18106 are not communes of
 * today's list), with the former units' reports of 2025 before the reform (invented figures), so
 * that a report of 2026 opens with "cùng kỳ năm trước" summed from them: Phường Thành Sen from all
 * three of its former units, Phường Trần Phú from two of three (Xã Thạch Hạ cũ has no report: the
 * comparison says it is missing). Phường Thành Sen's report for the first half of 2026 is opened as
 * a draft to show it. (Xã Thạch Hà and Xã Đức Thịnh, which the browser tests drive, keep no lineage.)
 */
export const DEMO_LINEAGE: readonly (readonly [string, string, string, string])[] = [
  [DEMO_COMMUNES.thanhSen, DEMO_COMMUNES.thanhSen, 'Phường Bắc Hà', 'phường'],
  [DEMO_COMMUNES.thanhSen, '18076', 'Phường Nam Hà', 'phường'],
  [DEMO_COMMUNES.thanhSen, '18079', 'Xã Thạch Trung', 'xã'],
  [DEMO_COMMUNES.tranPhu, DEMO_COMMUNES.tranPhu, 'Phường Trần Phú', 'phường'],
  [DEMO_COMMUNES.tranPhu, '18103', 'Phường Đại Nài', 'phường'],
  [DEMO_COMMUNES.tranPhu, '18106', 'Xã Thạch Hạ', 'xã'],
];

/** Invented figures of the former units, by code: [half1-2025, quarter 1, quarter 2 of 2025]. */
const DEMO_FORMER_FIGURES: Record<string, [number, number, number][]> = {
  // delegations in, people in delegations, resident foreigners
  [DEMO_COMMUNES.thanhSen]: [
    [3, 21, 14],
    [1, 6, 13],
    [2, 15, 14],
  ],
  '18076': [
    [1, 4, 6],
    [0, 0, 5],
    [1, 4, 6],
  ],
  '18079': [
    [2, 9, 3],
    [1, 5, 3],
    [1, 4, 3],
  ],
  [DEMO_COMMUNES.tranPhu]: [
    [1, 8, 9],
    [1, 8, 8],
    [0, 0, 9],
  ],
  '18103': [
    [2, 11, 4],
    [1, 5, 4],
    [1, 6, 4],
  ],
};

async function seedDemoLineage(q: Queryable, actor: AuditActor): Promise<boolean> {
  const thanhSen = await idOfCode(q, DEMO_COMMUNES.thanhSen);
  if ((await loadFormers(q, thanhSen)).length > 0) return false;
  const outline = await findCurrentOutline(q, 'commune-report');
  if (!outline) return false;
  await importLineage(
    q,
    actor,
    DEMO_LINEAGE.map(([successorCode, formerCode, formerName, formerKind], i) => ({
      line: i + 1,
      successorCode,
      formerCode,
      formerName,
      formerKind: formerKind as FormerKind,
      effectiveOn: REFORM_2025_DATE,
    })),
  );
  const periods: Period[] = [
    { kind: 'half1', year: 2025, index: 0 },
    { kind: 'quarter', year: 2025, index: 1 },
    { kind: 'quarter', year: 2025, index: 2 },
  ];
  for (const [code, figures] of Object.entries(DEMO_FORMER_FIGURES)) {
    const unitId = await idOfCode(q, code);
    for (const [i, period] of periods.entries()) {
      const [inCount, people, resident] = figures[i] ?? [0, 0, 0];
      await createReport(q, actor, {
        unitId,
        outline,
        period,
        window: windowFor(period),
        content: reportContentSchema.parse({
          values: {
            'delegations.in.count': inCount,
            'delegations.in.people': people,
            'foreigners.resident': resident,
          },
          narratives: {
            background: {
              text: `Báo cáo của đơn vị trước sắp xếp (ngày 01/07/2025). ${DEMO_NOTE}`,
              mode: 'append' as const,
            },
          },
        }),
      });
    }
  }
  // The new ward's report of the first half of 2026: last year is the total of its former units.
  const half1: Period = { kind: 'half1', year: 2026, index: 0 };
  const window = windowFor(half1);
  if (todayInVietnam() >= window.start) {
    const comparison = await comparisonFor(q, thanhSen, outline, half1);
    await createReport(q, actor, {
      unitId: thanhSen,
      outline,
      period: half1,
      window,
      content: reportContentSchema.parse({
        values: { 'delegations.in.count': 7, 'delegations.in.people': 38, 'foreigners.resident': 26 },
        comparison,
      }),
    });
  }
  return true;
}

/** The quarter whose data window is open on the day the demo is made: the demo rounds' period. */
function demoQuarter() {
  return periodsContaining(todayInVietnam()).find((p) => p.kind === 'quarter');
}

/**
 * An open round, so that the demo shows the main loop at once: the Sở Ngoại vụ asks every commune of
 * the province for the quarter whose data window is open on the day the demo is made (invented data).
 */
async function seedDemoRound(q: Queryable, actor: AuditActor, bodyId: number): Promise<void> {
  const outline = await findCurrentOutline(q, 'commune-report');
  const quarter = demoQuarter();
  if (!outline || !quarter) return;
  await createRound(q, actor, {
    unitId: bodyId,
    outline,
    period: quarter,
    window: windowFor(quarter),
    deadlineDays: 3,
    frequency: 'quarter',
    guidance:
      'Đề nghị UBND các xã, phường báo cáo kết quả công tác đối ngoại trong kỳ theo đề cương; ' +
      'kỳ nào không có hoạt động thì chọn "Không phát sinh". (Dữ liệu minh họa.)',
    remindDays: 3,
  });
}

const DEMO_NOTE = '(Dữ liệu minh họa: số liệu do chương trình tạo ra, không phải số liệu thật.)';

/** The INVENTED reports of Nghệ An's communes: figures, a nil answer, an officer's sentence. */
function demoCommuneContent(code: string): ReportContent | null {
  const nilSections = (keep: string[]) =>
    [
      'delegations',
      'agreements',
      'conferences',
      'cooperation',
      'economic',
      'ngo_aid',
      'culture',
      'information',
      'press',
      'foreigners',
      'consular',
      'overseas',
      'border',
      'awards',
    ].filter((k) => !keep.includes(k));
  const text = (t: string) => ({ background: { text: `${t} ${DEMO_NOTE}`, mode: 'append' as const } });
  switch (code) {
    case DEMO_SECOND_COMMUNES.thanhVinh:
      return reportContentSchema.parse({
        values: {
          'delegations.in.count': 3,
          'delegations.in.people': 24,
          'delegations.in.countries': ['Nhật Bản', 'Hàn Quốc'],
          'delegations.out.count': 1,
          'delegations.out.people': 4,
          'conferences.count': 1,
          'conferences.foreign_delegates': 12,
          'ngo.projects': 1,
          'ngo.value': 35000,
          'ngo.donors': ['Tổ chức KOICA'],
          'foreigners.resident': {
            total: 12,
            parts: [
              { key: 'Hàn Quốc', value: 7 },
              { key: 'Nhật Bản', value: 5 },
            ],
          },
        },
        nil: { all: false, sections: nilSections(['delegations', 'conferences', 'ngo_aid', 'foreigners']) },
        narratives: text(
          'Phường đón 03 đoàn khách quốc tế đến tìm hiểu cơ hội đầu tư tại khu đô thị ven sông Lam.',
        ),
      });
    case DEMO_SECOND_COMMUNES.truongVinh:
      return reportContentSchema.parse({
        values: {
          'delegations.in.count': 1,
          'delegations.in.people': 6,
          'delegations.out.count': 0,
          'ngo.projects': 0,
          'foreigners.resident': { total: 4, parts: [{ key: 'Lào', value: 4 }] },
        },
        nil: { all: false, sections: nilSections(['delegations', 'ngo_aid', 'foreigners']) },
        narratives: text('Phường phối hợp quản lý 04 lưu học sinh Lào cư trú trên địa bàn.'),
      });
    case DEMO_SECOND_COMMUNES.cuaLo:
      return reportContentSchema.parse({ nil: { all: true, sections: [] }, narratives: text('') });
    default:
      return null;
  }
}

/** Two invented signers of a unit: the chair (TM. Ủy ban nhân dân) and a deputy (KT. Chủ tịch). */
async function demoCommitteeSigners(
  q: Queryable,
  actor: AuditActor,
  unitId: number,
  [chair, deputy]: [string, string],
): Promise<number> {
  const signer = await addSigner(q, actor, unitId, {
    fullName: chair,
    title: 'Chủ tịch',
    authority: 'TM',
    authorityOf: 'Ủy ban nhân dân',
    collective: null,
    isDefault: true,
  });
  await addSigner(q, actor, unitId, {
    fullName: deputy,
    title: 'Phó Chủ tịch',
    authority: 'KT',
    authorityOf: 'Chủ tịch',
    collective: 'Ủy ban nhân dân',
    isDefault: false,
  });
  return signer.id;
}

/** Submitted, approved and issued by its unit today (the demo actor takes every step). */
async function issueDemoReport(q: Queryable, actor: AuditActor, reportId: number, signerId: number) {
  await takeStep(q, actor, { id: reportId, step: 'submit' });
  await takeStep(q, actor, { id: reportId, step: 'approve' });
  await takeStep(q, actor, {
    id: reportId,
    step: 'issue',
    issue: { signerId, issuedOn: todayInVietnam() },
  });
}

/**
 * The ministry's level of the demo: Bộ Ngoại giao's identity and signer on the country unit, its
 * round to the 34 provinces for the demo quarter, and Nghệ An answering it: its round to four
 * communes, three reports received (invented figures), its consolidated report issued to the
 * ministry. Hà Tĩnh's round is received by its Sở Ngoại vụ (the Sở's report goes to the UBND tỉnh),
 * so Hà Tĩnh shows at the ministry as not yet answered.
 */
export async function seedDemoNation(q: Queryable, actor: AuditActor): Promise<void> {
  const countryId = await idOfCode(q, COUNTRY_CODE);
  const provinceId = await idOfCode(q, DEMO_SECOND_PROVINCE_CODE);
  await updateIdentity(q, actor, countryId, {
    parentHeader: null,
    issuerHeader: 'BỘ NGOẠI GIAO',
    placeName: 'Hà Nội',
    symbol: 'BNG',
    archiveCode: 'VP',
  });
  await addSigner(q, actor, countryId, {
    fullName: 'Đỗ Quang Vinh',
    title: 'Thứ trưởng',
    authority: 'KT',
    authorityOf: 'Bộ trưởng',
    collective: null,
    isDefault: true,
  });
  await setRecipients(q, actor, countryId, {
    kinhGui: ['Thủ tướng Chính phủ'],
    noiNhan: ['Như trên', 'Bộ trưởng (để báo cáo)', 'Lưu: VT, VP'],
  });
  const provinceSigner = await demoCommitteeSigners(q, actor, provinceId, [
    'Lê Minh Phong',
    'Nguyễn Thị Thu Hà',
  ]);
  await setRecipients(q, actor, provinceId, {
    kinhGui: ['Bộ Ngoại giao'],
    noiNhan: ['Như trên', 'Thường trực Tỉnh ủy', 'Thường trực HĐND tỉnh', 'Chủ tịch, các PCT UBND tỉnh'],
  });
  await createAccounts(q, actor, DEMO_NATION_ACCOUNTS, null);

  const outline = await findCurrentOutline(q, 'commune-report');
  const nationalOutline = await findCurrentOutline(q, NATIONAL_ROUND_OUTLINE_CODE);
  const quarter = demoQuarter();
  if (!outline || !nationalOutline || !quarter) return;
  const window = windowFor(quarter);
  await createRound(q, actor, {
    unitId: countryId,
    outline: nationalOutline,
    period: quarter,
    window,
    deadlineDays: 10,
    frequency: 'quarter',
    guidance:
      'Đề nghị UBND các tỉnh, thành phố tổng hợp báo cáo của các xã, phường và gửi báo cáo công tác ' +
      'đối ngoại của địa phương trong kỳ theo đề cương. (Dữ liệu minh họa.)',
    remindDays: 3,
  });

  const communeIds = await Promise.all(Object.values(DEMO_SECOND_COMMUNES).map((c) => idOfCode(q, c)));
  const roundId = await createRound(q, actor, {
    unitId: provinceId,
    outline,
    period: quarter,
    window,
    deadlineDays: 3,
    frequency: 'quarter',
    guidance:
      'Đề nghị UBND các phường báo cáo kết quả công tác đối ngoại trong kỳ theo đề cương. (Dữ liệu minh họa.)',
    remindDays: 3,
    unitIds: communeIds,
  });
  const names: Record<string, [string, string]> = {
    [DEMO_SECOND_COMMUNES.thanhVinh]: ['Hồ Văn Tâm', 'Trần Thị Minh Châu'],
    [DEMO_SECOND_COMMUNES.truongVinh]: ['Nguyễn Đình Khoa', 'Phạm Thị Hương'],
    [DEMO_SECOND_COMMUNES.vinhPhu]: ['Võ Văn Hùng', 'Lê Thị Hồng'],
    [DEMO_SECOND_COMMUNES.cuaLo]: ['Thái Văn Sơn', 'Hoàng Thị Nga'],
  };
  for (const [code, people] of Object.entries(names)) {
    const unitId = await idOfCode(q, code);
    const signerId = await demoCommitteeSigners(q, actor, unitId, people);
    await setRecipients(q, actor, unitId, {
      kinhGui: ['Ủy ban nhân dân tỉnh Nghệ An'],
      noiNhan: ['Như trên', 'Thường trực Đảng ủy phường', 'Thường trực HĐND phường'],
    });
    const content = demoCommuneContent(code);
    if (!content) continue;
    const { id } = await createReport(q, actor, {
      unitId,
      outline,
      period: quarter,
      window,
      content,
      roundId,
    });
    await issueDemoReport(q, actor, id, signerId);
    await takeStep(q, actor, { id, step: 'receive' });
  }
  const { reportId } = await consolidateRound(q, actor, roundId);
  await keepProposedParagraphs(q, actor, reportId, provinceId);
  await issueDemoReport(q, actor, reportId, provinceSigner);
}

/**
 * The province's officer keeps the outline's proposed paragraphs (background, direction,
 * difficulties, directions, proposals) before sending it up, as a report whose subject promises
 * "phương hướng, nhiệm vụ" must carry them; the sections of figures stay as consolidated.
 */
async function keepProposedParagraphs(q: Queryable, actor: AuditActor, reportId: number, unitId: number) {
  const [row] = await q
    .select({ content: reports.content, revision: reports.revision, outlineId: reports.outlineId })
    .from(reports)
    .where(eq(reports.id, reportId));
  if (!row) return;
  const outline = (await getOutlineRow(q, row.outlineId)).definition;
  const kept: string[] = [];
  const walk = (nodes: readonly OutlineNode[]) => {
    for (const node of nodes) {
      if (node.kind === 'section') walk(node.children);
      else if (node.kind === 'narrative' && node.defaultText) kept.push(node.key);
    }
  };
  walk(outline.sections);
  const content = reportContentSchema.parse(row.content);
  await saveReportContent(q, actor, {
    id: reportId,
    units: [unitId],
    revision: row.revision,
    content: { ...content, kept: [...new Set([...(content.kept ?? []), ...kept])] },
  });
}

// ---------------------------------------------------------------------------------------------
// The demo's registers (sổ theo dõi, issue 15). EVERY record below is INVENTED: the events, the
// partners' activities, the counts; the persons are fictitious ("… Minh Họa", passports "DEMO…").
// They fall in the previous quarter's data window and the current one, relative to the day the
// demo is made, so that a new round's report can be computed from them.

type DemoRecord = {
  kind: LogbookKindCode;
  startsOn: string;
  endsOn?: string;
  sectionKey?: string;
  data: object;
};

/** A small deterministic generator: the same demo on every fresh start of the same day. */
function demoRandom(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  return {
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}

// The activities' sentences print in the reports drafted from them, as an officer writes them;
// like every record here they are invented (the demo says so on its sign-in page and README).
const DEMO_ACTIVITIES_COMMUNE: readonly [string, string][] = [
  [
    'delegations',
    'Phối hợp đón tiếp đoàn công tác của tổ chức phi chính phủ nước ngoài đến khảo sát mô hình sinh kế tại địa phương.',
  ],
  ['cooperation', 'Làm việc với đối tác nước ngoài về dự án hỗ trợ nước sạch cho các thôn vùng khó khăn.'],
  ['foreigners', 'Phối hợp Công an xã rà soát, nắm tình hình người nước ngoài tạm trú trên địa bàn.'],
  ['consular', 'Tiếp nhận, hướng dẫn gia đình có con đi làm việc ở nước ngoài làm thủ tục cần thiết.'],
  ['information', 'Đăng tải tin, bài về hoạt động đối ngoại của xã trên trang thông tin điện tử.'],
  ['culture', 'Giới thiệu sản phẩm làng nghề truyền thống tới đoàn khách quốc tế.'],
  ['overseas', 'Thăm hỏi, tặng quà gia đình người Việt Nam ở nước ngoài về quê đón Tết.'],
  ['people', 'Phối hợp Mặt trận Tổ quốc xã tổ chức giao lưu hữu nghị với thanh niên nước bạn.'],
];

const DEMO_ACTIVITIES_BODY: readonly [string, string][] = [
  [
    'cooperation',
    'Tham mưu UBND tỉnh cho phép đón tiếp đoàn công tác của tổ chức quốc tế khảo sát dự án cấp nước.',
  ],
  [
    'cooperation',
    'Phối hợp tổ chức buổi làm việc giữa lãnh đạo tỉnh và Đại sứ quán nước ngoài về hợp tác giáo dục.',
  ],
  ['delegations_consular', 'Thẩm định hồ sơ đoàn ra của các sở, ngành theo quy định.'],
  ['delegations_consular', 'Hướng dẫn thủ tục xác minh nhân thân công dân gặp khó khăn ở nước ngoài.'],
  ['office', 'Tổ chức giao ban công tác đối ngoại tháng của Sở.'],
  ['services', 'Biên dịch tài liệu phục vụ các đoàn công tác của tỉnh.'],
];

const DEMO_FOREIGNERS = [
  'Tanaka Minh Họa',
  'Park Minh Họa',
  'Somchai Minh Họa',
  'John Minh Họa',
  'Li Minh Họa',
];

/** The registers of a commune over the window `[start, end]` (invented). */
function demoCommuneRecords(seed: number, start: string, end: string): DemoRecord[] {
  const r = demoRandom(seed);
  const span = Math.max(daysBetween(start, end), 1);
  const day = () => addDays(start, r.int(0, span));
  const out: DemoRecord[] = [];
  for (let i = 0; i < 10; i++) {
    const [sectionKey, text] = r.pick(DEMO_ACTIVITIES_COMMUNE);
    out.push({ kind: 'activity', startsOn: day(), sectionKey, data: { text } });
  }
  for (let i = 0; i < r.int(2, 4); i++) {
    const inbound = r.int(0, 1) === 1;
    const country = r.pick(['Lào', 'Hàn Quốc', 'Nhật Bản']);
    const startsOn = day();
    const size = r.int(3, 8);
    out.push({
      kind: 'delegation',
      startsOn,
      endsOn: addDays(startsOn, r.int(0, 3)),
      data: {
        direction: inbound ? 'in' : 'out',
        purpose: inbound
          ? 'Khảo sát, trao đổi kinh nghiệm phát triển nông nghiệp (dữ liệu minh họa)'
          : 'Học tập mô hình quản lý chính quyền cơ sở (dữ liệu minh họa)',
        countries: [country],
        size,
        ...(inbound ? { members: [{ country, count: size }] } : {}),
        headLevel: inbound ? 'organisation' : 'commune',
      },
    });
  }
  for (let i = 0; i < r.int(3, 5); i++) {
    const startsOn = day();
    out.push({
      kind: 'foreigner',
      startsOn,
      ...(r.int(0, 2) === 0 ? { endsOn: addDays(startsOn, r.int(5, 40)) } : {}),
      data: {
        fullName: `${r.pick(DEMO_FOREIGNERS)} ${i + 1}`,
        nationality: r.pick(['Nhật Bản', 'Hàn Quốc', 'Thái Lan', 'Hoa Kỳ']),
        passport: `DEMO${String(seed % 1000).padStart(3, '0')}${i}`,
        purpose: r.pick(['work', 'family', 'investment']),
      },
    });
  }
  // Workers sent abroad: one row per market and month (the first day of the month).
  for (let m = start.slice(0, 8); m <= end.slice(0, 8); ) {
    const month = `${m}01`;
    for (const market of ['Nhật Bản', 'Hàn Quốc', 'Đài Loan (Trung Quốc)']) {
      const n = r.int(0, 4);
      if (n > 0) out.push({ kind: 'worker', startsOn: month, data: { market, count: n } });
    }
    const [y, mo] = [Number(m.slice(0, 4)), Number(m.slice(5, 7))];
    m = mo === 12 ? `${y + 1}-01-` : `${y}-${String(mo + 1).padStart(2, '0')}-`;
  }
  for (let i = 0; i < r.int(1, 3); i++)
    out.push({
      kind: 'civil_registration',
      startsOn: day(),
      data: {
        type: r.pick(['marriage', 'birth']),
        country: r.pick(['Hàn Quốc', 'Đài Loan (Trung Quốc)']),
        count: 1,
      },
    });
  out.push({
    kind: 'citizen_case',
    startsOn: day(),
    data: {
      type: 'protection',
      country: 'Nhật Bản',
      people: 1,
      summary: 'Lao động gặp tai nạn lao động, gia đình đề nghị hỗ trợ (dữ liệu minh họa)',
    },
  });
  return out;
}

/** The Sở Ngoại vụ's registers over `[start, end]` (invented). */
function demoBodyRecords(start: string, end: string): DemoRecord[] {
  const r = demoRandom(4242);
  const span = Math.max(daysBetween(start, end), 1);
  const day = () => addDays(start, r.int(0, span));
  const out: DemoRecord[] = [];
  for (let i = 0; i < 16; i++) {
    const [sectionKey, text] = r.pick(DEMO_ACTIVITIES_BODY);
    out.push({ kind: 'activity', startsOn: day(), sectionKey, data: { text } });
  }
  for (let d = start; d <= end; d = addDays(d, 7)) {
    out.push({
      kind: 'service',
      startsOn: d,
      data: { service: 'translation.content', quantity: r.int(10, 60) },
    });
    out.push({ kind: 'service', startsOn: d, data: { service: 'interpreting', quantity: r.int(2, 16) } });
    out.push({ kind: 'service', startsOn: d, data: { service: 'legalisation', quantity: r.int(1, 6) } });
    out.push({
      kind: 'service',
      startsOn: d,
      data: { service: 'procedure.received', quantity: r.int(3, 12) },
    });
  }
  for (let i = 0; i < 5; i++) {
    const inbound = i % 2 === 0;
    const country = r.pick(['Lào', 'Hàn Quốc', 'Nhật Bản', 'Ô-xtrây-li-a']);
    const startsOn = day();
    out.push({
      kind: 'delegation',
      startsOn,
      endsOn: addDays(startsOn, r.int(1, 5)),
      data: {
        direction: inbound ? 'in' : 'out',
        purpose: inbound
          ? 'Làm việc với UBND tỉnh về hợp tác địa phương (dữ liệu minh họa)'
          : 'Xúc tiến đầu tư, thương mại (dữ liệu minh họa)',
        countries: [country],
        size: r.int(4, 12),
        headLevel: inbound ? 'ambassador' : 'province',
        approval: { notation: `${r.int(10, 99)}/QĐ-UBND` },
      },
    });
  }
  const confStart = day();
  out.push({
    kind: 'conference',
    startsOn: confStart,
    endsOn: addDays(confStart, 1),
    data: {
      name: 'Hội thảo quốc tế về phát triển du lịch bền vững (dữ liệu minh họa)',
      permittedBy: 'UBND tỉnh Hà Tĩnh',
      participants: 120,
      foreignParticipants: 15,
      countries: ['Lào', 'Thái Lan'],
      format: 'hybrid',
    },
  });
  out.push({
    kind: 'project',
    startsOn: day(),
    data: {
      type: 'ngo',
      name: 'Dự án nâng cao sinh kế cho phụ nữ vùng ven biển (dữ liệu minh họa)',
      donor: 'Tổ chức phi chính phủ Minh Họa',
      country: 'Ô-xtrây-li-a',
      currency: 'USD',
      committedGrant: 250000,
      disbursedGrant: 60000,
    },
  });
  out.push({
    kind: 'agreement',
    startsOn: day(),
    data: {
      name: 'Bản ghi nhớ hợp tác hữu nghị giữa hai địa phương (dữ liệu minh họa)',
      partner: 'Chính quyền địa phương Minh Họa',
      country: 'Lào',
      field: 'Giáo dục, y tế',
    },
  });
  return out;
}

/**
 * A few months of INVENTED records for the demo communes and the Sở Ngoại vụ: one checked insert
 * per unit (each record through `checkLogbookEntry`, as the form's) and one audit row per unit.
 */
async function seedDemoLogbook(q: Queryable, actor: AuditActor, bodyId: number): Promise<void> {
  const quarter = demoQuarter();
  if (!quarter) return;
  const today = todayInVietnam();
  const start = windowFor(previousPeriod(quarter)).start;
  const end = today < windowFor(quarter).end ? today : windowFor(quarter).end;
  const plans: { unitId: number; records: DemoRecord[] }[] = [];
  let seed = 1;
  for (const code of DEMO_LOGBOOK_COMMUNES)
    plans.push({ unitId: await idOfCode(q, code), records: demoCommuneRecords(seed++ * 7919, start, end) });
  plans.push({ unitId: bodyId, records: demoBodyRecords(start, end) });
  for (const { unitId, records } of plans) {
    const rows = records
      .filter((rec) => rec.startsOn <= end && (!rec.endsOn || rec.endsOn >= rec.startsOn))
      .map((rec) => {
        const checked = checkLogbookEntry(rec.kind, rec);
        if (!checked.ok) throw new Error(`demo record refused: ${JSON.stringify(checked.errors)}`);
        const { entry } = checked;
        return {
          unitId,
          kind: rec.kind,
          startsOn: entry.startsOn,
          endsOn: entry.endsOn ?? null,
          sectionKey: entry.sectionKey ?? null,
          data: entry.data,
        };
      });
    if (rows.length === 0) continue;
    await q.insert(logbookRecords).values(rows);
    await writeAudit(q, actor, {
      action: 'logbook.seed',
      entity: 'unit',
      entityId: unitId,
      unitId,
      after: { records: rows.length, from: start, to: end, note: 'Dữ liệu minh họa' },
    });
  }
}
