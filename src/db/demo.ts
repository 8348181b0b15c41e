/**
 * The demo province: Hà Tĩnh with its Sở Ngoại vụ and a few of its real communes, and invented
 * people. Every demo account's name says it is a demo account; every signer's name is invented.
 * Created only on the embedded database or when asked (`doingoai seed --demo`).
 */
import { eq, inArray } from 'drizzle-orm';
import type { GrantIn } from '../domain/api.js';
import type { Role } from '../domain/authz.js';
import { periodsContaining, todayInVietnam, windowFor } from '../domain/periods.js';
import { defaultBodyIdentity } from '../domain/units.js';
import type { AuditActor } from './audit.js';
import type { Queryable } from './client.js';
import { findCurrentOutline } from './outlines.js';
import { hashPassword } from './password-hash.js';
import { createRound } from './rounds.js';
import { units } from './schema.js';
import { addSigner, createBodyUnit, setRecipients } from './units.js';
import { createUser, findUserByUsername } from './users.js';

/** Printed in the README and on the sign-in page of a demo installation. */
export const DEMO_PASSWORD = 'demo-doingoai';
export const DEMO_PROVINCE_CODE = '42';

/** Real communes of Hà Tĩnh (codes from the official list). */
export const DEMO_COMMUNES = {
  thachHa: '18562',
  ducThinh: '18277',
  thanhSen: '18073',
  tranPhu: '18100',
} as const;

interface DemoAccount {
  username: string;
  fullName: string;
  role: Role;
  /** Unit code, or "body" for the demo Sở Ngoại vụ. */
  unit: string;
}

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
];

async function idOfCode(q: Queryable, code: string): Promise<number> {
  const rows = await q.select({ id: units.id }).from(units).where(eq(units.code, code)).limit(1);
  if (!rows[0]) throw new Error(`Không có đơn vị mã ${code} trong danh mục: hãy nạp danh mục trước.`);
  return rows[0].id;
}

/** Returns false when the demo data is already there. */
export async function seedDemo(q: Queryable, actor: AuditActor): Promise<boolean> {
  if (await findUserByUsername(q, DEMO_ACCOUNTS[0]?.username ?? '')) return false;
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

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const unitIds = new Map<string, number>();
  for (const row of await q
    .select({ id: units.id, code: units.code })
    .from(units)
    .where(
      inArray(
        units.code,
        [...new Set(DEMO_ACCOUNTS.map((a) => a.unit))].filter((c) => c !== 'body'),
      ),
    )) {
    unitIds.set(row.code, row.id);
  }
  for (const account of DEMO_ACCOUNTS) {
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
  await seedDemoRound(q, actor, bodyId);
  return true;
}

/**
 * An open round, so that the demo shows the main loop at once: the Sở Ngoại vụ asks every commune of
 * the province for the quarter whose data window is open on the day the demo is made (invented data).
 */
async function seedDemoRound(q: Queryable, actor: AuditActor, bodyId: number): Promise<void> {
  const outline = await findCurrentOutline(q, 'commune-report');
  const quarter = periodsContaining(todayInVietnam()).find((p) => p.kind === 'quarter');
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
