/**
 * The logbook's records through HTTP (issue 15): recording, correcting with the revision it started
 * from (409 when someone else saved first), deleting and restoring, every change audited; the
 * Vietnamese messages of bad input; personal fields never in another unit's answer; who reads and
 * who changes which unit's records; a register a unit does not keep.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR, SEED_ACTOR } from '../../src/db/audit.js';
import { DEMO_COMMUNES, DEMO_LOGBOOK_COMMUNES, DEMO_PASSWORD, seedDemo } from '../../src/db/demo.js';
import { activitySections } from '../../src/db/logbook.js';
import { auditLog, logbookRecords } from '../../src/db/schema.js';
import { createBodyUnit } from '../../src/db/units.js';
import type {
  LogbookConflictResponse,
  LogbookListResponse,
  LogbookRecordOut,
  LogbookSummaryResponse,
} from '../../src/domain/api-logbook.js';
import type { Role } from '../../src/domain/authz.js';
import { checkLogbookEntry } from '../../src/domain/logbook/record.js';
import { periodsContaining, previousPeriod, todayInVietnam, windowFor } from '../../src/domain/periods.js';
import { defaultBodyIdentity } from '../../src/domain/units.js';
import type { App } from '../../src/server/context.js';
import { buildTestApp, buildUser, type Client, signIn, unitId } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let database: TestDatabase;
let app: App;
const ids = { A: 0, B: 0, P: 0, S: 0, X: 0 };
const clients = {} as Record<Role, Client>;
let officerB: Client;

/** Where each role is held: A = Xã Thạch Hà, S = the Sở Ngoại vụ of Hà Tĩnh, P = Hà Tĩnh, N = the country. */
const HELD_AT: Record<Role, string> = {
  commune_officer: '18562',
  commune_leader: '18562',
  province_officer: '42.SNGV',
  province_leader: '42.SNGV',
  national_officer: 'VN',
  national_leader: 'VN',
  admin: '42',
};

const delegation = (over: Record<string, unknown> = {}) => ({
  startsOn: '2026-03-10',
  endsOn: '2026-03-12',
  data: {
    direction: 'in',
    purpose: 'Khảo sát dự án cấp nước sạch',
    partner: 'Tổ chức KOICA',
    countries: ['Hàn Quốc'],
    size: 5,
    members: [{ country: 'Hàn Quốc', count: 4 }],
    ...over,
  },
});

const foreigner = {
  startsOn: '2026-02-01',
  data: {
    fullName: 'Nguyên Mẫu Giả Định',
    nationality: 'Nhật Bản',
    passport: 'TZ0000001',
    address: 'Thôn Minh Họa',
    purpose: 'work',
  },
};

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestApp(database.db);
  ids.A = await unitId(database.db, '18562');
  ids.B = await unitId(database.db, '18277');
  ids.P = await unitId(database.db, '42');
  ids.X = await unitId(database.db, '11140');
  ids.S = await createBodyUnit(database.db, CLI_ACTOR, {
    provinceId: ids.P,
    name: 'Sở Ngoại vụ tỉnh Hà Tĩnh',
    ...defaultBodyIdentity('Sở Ngoại vụ', 'Tỉnh Hà Tĩnh', 'SNgV'),
  });
  for (const role of Object.keys(HELD_AT) as Role[]) {
    const user = await buildUser(database.db, [{ role, unitCode: HELD_AT[role] }]);
    clients[role] = await signIn(app, user.username);
  }
  officerB = await signIn(
    app,
    (await buildUser(database.db, [{ role: 'commune_officer', unitCode: '18277' }])).username,
  );
});
afterAll(async () => {
  await app.close();
  await database.destroy();
});

const officer = () => clients.commune_officer;

async function create(client: Client, unit: number, kind: string, body: unknown): Promise<LogbookRecordOut> {
  const res = await client.request('POST', `/api/units/${unit}/logbook/${kind}`, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('recording and correcting', () => {
  it('creates, reads, corrects, deletes and restores a record, each change audited', async () => {
    const created = await create(officer(), ids.A, 'delegation', delegation());
    expect(created).toMatchObject({ unitId: ids.A, kind: 'delegation', revision: 1, startsOn: '2026-03-10' });
    expect(created.data.countries).toEqual(['Hàn Quốc']);

    const read = await officer().request('GET', `/api/logbook/${created.id}`);
    expect(read.json()).toMatchObject({ id: created.id, data: { purpose: 'Khảo sát dự án cấp nước sạch' } });

    const put = await officer().request('PUT', `/api/logbook/${created.id}`, {
      revision: 1,
      ...delegation({ size: 6 }),
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ revision: 2, data: { size: 6 } });

    const del = await officer().request('DELETE', `/api/logbook/${created.id}?revision=2`);
    expect(del.statusCode, del.body).toBe(200);
    expect(del.json()).toMatchObject({ deleted: true, revision: 3 });
    const list = (await officer().request('GET', `/api/units/${ids.A}/logbook/delegation`)).json();
    expect(list.items.map((r: LogbookRecordOut) => r.id)).not.toContain(created.id);
    // The row stays (issued reports still name it) and may be restored.
    const [row] = await database.db.select().from(logbookRecords).where(eq(logbookRecords.id, created.id));
    expect(row?.deletedAt).not.toBeNull();
    const restored = await officer().request('POST', `/api/logbook/${created.id}/restore`, { revision: 3 });
    expect(restored.json()).toMatchObject({ deleted: false, revision: 4 });

    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'logbook_record'), eq(auditLog.entityId, String(created.id))));
    expect(audit.map((a) => a.action)).toEqual([
      'logbook.create',
      'logbook.update',
      'logbook.delete',
      'logbook.restore',
    ]);
    expect(audit.every((a) => a.unitId === ids.A && a.actorUserId !== null)).toBe(true);
    const update = audit[1];
    expect(update?.before).toMatchObject({ data: { size: 5 } });
    expect(update?.after).toMatchObject({ data: { size: 6 } });
  });

  it('refuses a stale revision with 409, the current record and a Vietnamese message: nothing is lost', async () => {
    const created = await create(officer(), ids.A, 'delegation', delegation());
    const first = await clients.commune_leader.request('PUT', `/api/logbook/${created.id}`, {
      revision: 1,
      ...delegation({ purpose: 'Sửa của lãnh đạo' }),
    });
    expect(first.statusCode).toBe(200);
    const second = await officer().request('PUT', `/api/logbook/${created.id}`, {
      revision: 1,
      ...delegation({ purpose: 'Sửa của cán bộ' }),
    });
    expect(second.statusCode).toBe(409);
    const body: LogbookConflictResponse = second.json();
    expect(body.error.code).toBe('CONFLICT');
    expect(body.error.message).toMatch(/đã được .* sửa lúc .* chưa được lưu/);
    expect(body.current).toMatchObject({ revision: 2, data: { purpose: 'Sửa của lãnh đạo' } });
    // A delete on the stale revision is refused too.
    const del = await officer().request('DELETE', `/api/logbook/${created.id}?revision=1`);
    expect(del.statusCode).toBe(409);
    const now = (await officer().request('GET', `/api/logbook/${created.id}`)).json();
    expect(now).toMatchObject({ revision: 2, deleted: false, data: { purpose: 'Sửa của lãnh đạo' } });
  });
});

describe('bad input', () => {
  it('answers every problem at its field in Vietnamese and saves nothing', async () => {
    const before = await database.db.select().from(logbookRecords);
    const res = await officer().request('POST', `/api/units/${ids.A}/logbook/delegation`, {
      startsOn: '2026-03-10',
      endsOn: '2026-03-01',
      data: { direction: 'in', countries: ['Xứ Sở Thần Tiên'], size: -2, colour: 'xanh' },
    });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('VALIDATION');
    const byPath = Object.fromEntries(
      error.fields.map((f: { path: string; message: string }) => [f.path, f.message]),
    );
    expect(byPath.endsOn).toMatch(/không được trước/);
    expect(byPath['data.purpose']).toMatch(/Chưa nhập mục đích/);
    expect(byPath['data.countries']).toMatch(/Xứ Sở Thần Tiên/);
    expect(byPath['data.size']).toMatch(/không được âm/);
    expect(byPath['data.colour']).toMatch(/không có trường "colour"/);
    expect(error.message).toMatch(/^Bản ghi chưa lưu được/);
    expect(await database.db.select().from(logbookRecords)).toHaveLength(before.length);
  });

  it("takes an activity's field only among the sections of the unit's outlines", async () => {
    const summary: LogbookSummaryResponse = (
      await officer().request('GET', `/api/units/${ids.A}/logbook`)
    ).json();
    expect(summary.sections.map((s) => s.key)).toContain('delegations');
    expect(summary.sections.find((s) => s.key === 'delegations')?.title).toBe(
      'III.2.a. Công tác quản lý đoàn ra, đoàn vào',
    );
    const wrong = await officer().request('POST', `/api/units/${ids.A}/logbook/activity`, {
      startsOn: '2026-03-02',
      sectionKey: 'services',
      data: { text: 'Tiếp đoàn.' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual([
      { path: 'sectionKey', message: 'Lĩnh vực này không có trong đề cương báo cáo của đơn vị.' },
    ]);
    // The Sở reports on the department's outline: "services" is one of its fields.
    const ok = await clients.province_officer.request('POST', `/api/units/${ids.S}/logbook/activity`, {
      startsOn: '2026-03-02',
      sectionKey: 'services',
      data: { text: 'Biên dịch 120 trang tài liệu cho các cơ quan.' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('refuses a register the unit does not keep, in Vietnamese', async () => {
    const post = await officer().request('POST', `/api/units/${ids.A}/logbook/service`, {
      startsOn: '2026-03-02',
      data: { service: 'interpreting', quantity: 3 },
    });
    expect(post.statusCode).toBe(400);
    expect(post.json().error.message).toMatch(
      /không thuộc các sổ của xã, phường.*do sở, ban, ngành cấp tỉnh ghi chép/,
    );
    const list = await officer().request('GET', `/api/units/${ids.A}/logbook/service`);
    expect(list.statusCode).toBe(400);
    const body = await clients.province_officer.request(
      'POST',
      `/api/units/${ids.S}/logbook/civil_registration`,
      {
        startsOn: '2026-03-02',
        data: { type: 'marriage', country: 'Hàn Quốc', count: 1 },
      },
    );
    expect(body.statusCode).toBe(400);
    const unknown = await officer().request('GET', `/api/units/${ids.A}/logbook/nonsense`);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields[0].message).toBe('Không có sổ theo dõi này.');
  });

  it('refuses a malformed revision or id with a message, never a 500', async () => {
    const created = await create(officer(), ids.A, 'delegation', delegation());
    const noRevision = await officer().request('PUT', `/api/logbook/${created.id}`, delegation());
    expect(noRevision.statusCode).toBe(400);
    expect(noRevision.json().error.fields[0].message).toBe('Thiếu số phiên bản của bản ghi.');
    expect((await officer().request('GET', '/api/logbook/99999999')).statusCode).toBe(404);
    expect((await officer().request('GET', '/api/logbook/abc')).statusCode).toBe(400);
    const badFilter = await officer().request('GET', `/api/units/${ids.A}/logbook/delegation?choice=size:5`);
    expect(badFilter.statusCode).toBe(400);
  });
});

describe('lists', () => {
  it('filters by date, words without diacritics, choice and country; pages newest first', async () => {
    const unit = ids.B;
    const made: LogbookRecordOut[] = [];
    for (let day = 1; day <= 25; day++) {
      const out = day % 5 === 0;
      made.push(
        await create(officerB, unit, 'delegation', {
          startsOn: `2026-04-${String(day).padStart(2, '0')}`,
          data: {
            direction: out ? 'out' : 'in',
            purpose: out ? `Xúc tiến đầu tư tại Nhật Bản lần ${day}` : `Làm việc về hợp tác giáo dục ${day}`,
            countries: [out ? 'Nhật Bản' : 'Lào'],
            size: 3,
          },
        }),
      );
    }
    const get = async (qs: string): Promise<LogbookListResponse> => {
      const res = await officerB.request('GET', `/api/units/${unit}/logbook/delegation?${qs}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const page1 = await get('');
    expect(page1.total).toBe(25);
    expect(page1.items).toHaveLength(20);
    expect(page1.items[0]?.startsOn).toBe('2026-04-25');
    expect((await get('page=2')).items.map((r) => r.startsOn)).toEqual(
      ['05', '04', '03', '02', '01'].map((d) => `2026-04-${d}`),
    );
    expect((await get('from=2026-04-10&to=2026-04-14')).total).toBe(5);
    const search = await get(`q=${encodeURIComponent('xuc tien DAU TU')}`);
    expect(search.total).toBe(5);
    expect((await get(`q=${encodeURIComponent('nhat ban lan 15')}`)).items.map((r) => r.startsOn)).toEqual([
      '2026-04-15',
    ]);
    expect((await get('choice=direction:out')).total).toBe(5);
    expect((await get(`country=${encodeURIComponent('Lào')}`)).total).toBe(20);
    // The catalogue's other spellings find the same records.
    expect((await get(`country=${encodeURIComponent('Laos')}`)).total).toBe(20);
    expect((await get(`choice=direction:out&country=${encodeURIComponent('Lào')}`)).total).toBe(0);
    // Nothing of another commune comes back.
    const own = await get('pageSize=100');
    expect(own.items.every((r) => r.unitId === unit)).toBe(true);
    expect(made).toHaveLength(25);
  });

  it('counts each kept register this year and in all, the activity log first', async () => {
    const summary: LogbookSummaryResponse = (
      await officerB.request('GET', `/api/units/${ids.B}/logbook`)
    ).json();
    expect(summary.canEdit).toBe(true);
    expect(summary.kinds[0]?.kind).toBe('activity');
    expect(summary.kinds.map((k) => k.kind)).not.toContain('service');
    expect(summary.kinds.find((k) => k.kind === 'delegation')?.all).toBe(25);
  });
});

describe('personal data', () => {
  it('shows names and passports to the keeping unit only, in lists and single records', async () => {
    const created = await create(officer(), ids.A, 'foreigner', foreigner);
    expect(created.data).toMatchObject({ fullName: 'Nguyên Mẫu Giả Định', passport: 'TZ0000001' });
    expect(created.personalHidden).toBe(false);
    for (const role of [
      'province_officer',
      'province_leader',
      'national_officer',
      'national_leader',
    ] as const) {
      const one = await clients[role].request('GET', `/api/logbook/${created.id}`);
      expect(one.statusCode).toBe(200);
      const list = await clients[role].request('GET', `/api/units/${ids.A}/logbook/foreigner`);
      expect(list.statusCode).toBe(200);
      for (const body of [one.body, list.body]) {
        expect(body).not.toContain('Nguyên Mẫu');
        expect(body).not.toContain('TZ0000001');
        expect(body).not.toContain('Thôn Minh Họa');
        expect(body).toContain('Nhật Bản');
      }
      expect(one.json().personalHidden).toBe(true);
      expect(list.json().canEdit).toBe(false);
    }
    const search = await clients.province_officer.request(
      'GET',
      `/api/units/${ids.A}/logbook/foreigner?q=${encodeURIComponent('nguyen mau')}`,
    );
    // A reader without the names cannot find a record by them either.
    expect(search.json().total).toBe(0);
    const own = await officer().request(
      'GET',
      `/api/units/${ids.A}/logbook/foreigner?q=${encodeURIComponent('nguyen mau')}`,
    );
    expect(own.json().total).toBe(1);
  });
});

describe('authorisation through HTTP', () => {
  type Target = 'A' | 'B' | 'P' | 'S' | 'X';
  const READ: Record<Role, Target[]> = {
    commune_officer: ['A'],
    commune_leader: ['A'],
    province_officer: ['A', 'B', 'P', 'S'],
    province_leader: ['A', 'B', 'P', 'S'],
    national_officer: ['A', 'B', 'P', 'S', 'X'],
    national_leader: ['A', 'B', 'P', 'S', 'X'],
    admin: [],
  };
  const EDIT: Record<Role, Target[]> = {
    commune_officer: ['A'],
    commune_leader: ['A'],
    province_officer: ['S'],
    province_leader: ['S'],
    national_officer: [],
    national_leader: [],
    admin: [],
  };
  const activity = {
    startsOn: '2026-03-05',
    sectionKey: 'cooperation',
    data: { text: 'Làm việc với đối tác.' },
  };

  for (const role of Object.keys(HELD_AT) as Role[]) {
    it(`${role}: reads [${READ[role].join(', ')}], records in [${EDIT[role].join(', ')}] only`, async () => {
      for (const target of ['A', 'B', 'P', 'S', 'X'] as Target[]) {
        const unit = ids[target];
        const list = await clients[role].request('GET', `/api/units/${unit}/logbook/delegation`);
        expect(list.statusCode, `${role} reads ${target}`).toBe(READ[role].includes(target) ? 200 : 403);
        const summary = await clients[role].request('GET', `/api/units/${unit}/logbook`);
        expect(summary.statusCode).toBe(READ[role].includes(target) ? 200 : 403);
        const body = target === 'S' ? { ...activity, sectionKey: 'cooperation' } : activity;
        const post = await clients[role].request('POST', `/api/units/${unit}/logbook/activity`, body);
        expect(post.statusCode, `${role} records in ${target}: ${post.body}`).toBe(
          EDIT[role].includes(target) ? 200 : 403,
        );
      }
    });
  }

  it('lets nobody change or read a record of a unit out of reach, by its id', async () => {
    const created = await create(officer(), ids.A, 'delegation', delegation());
    expect((await officerB.request('GET', `/api/logbook/${created.id}`)).statusCode).toBe(403);
    expect((await clients.admin.request('GET', `/api/logbook/${created.id}`)).statusCode).toBe(403);
    for (const client of [officerB, clients.province_officer, clients.national_officer]) {
      const put = await client.request('PUT', `/api/logbook/${created.id}`, { revision: 1, ...delegation() });
      expect(put.statusCode).toBe(403);
      const del = await client.request('DELETE', `/api/logbook/${created.id}?revision=1`);
      expect(del.statusCode).toBe(403);
    }
    expect((await officer().request('GET', `/api/logbook/${created.id}`)).json().revision).toBe(1);
  });

  it('keeps a deleted record from the readers of other units', async () => {
    const created = await create(officer(), ids.A, 'delegation', delegation());
    await officer().request('DELETE', `/api/logbook/${created.id}?revision=1`);
    expect((await clients.province_officer.request('GET', `/api/logbook/${created.id}`)).statusCode).toBe(
      404,
    );
    expect((await officer().request('GET', `/api/logbook/${created.id}`)).json().deleted).toBe(true);
  });
});

describe('the demo registers', () => {
  let demo: TestDatabase;
  let demoApp: App;
  beforeAll(async () => {
    demo = await createTestDatabase();
    demoApp = await buildTestApp(demo.db);
    await demo.db.transaction((tx) => seedDemo(tx, SEED_ACTOR));
  });
  afterAll(async () => {
    await demoApp.close();
    await demo.destroy();
  });

  it('gives the demo communes and the Sở months of invented records in several registers, in the previous and current windows', async () => {
    const quarter = periodsContaining(todayInVietnam()).find((p) => p.kind === 'quarter');
    if (!quarter) throw new Error('no current quarter');
    const current = windowFor(quarter);
    const previous = windowFor(previousPeriod(quarter));
    const body = await unitId(demo.db, '42.SNGV');
    const keepers = [...(await Promise.all(DEMO_LOGBOOK_COMMUNES.map((c) => unitId(demo.db, c)))), body];
    for (const id of keepers) {
      const rows = await demo.db.select().from(logbookRecords).where(eq(logbookRecords.unitId, id));
      const kinds = new Set(rows.map((r) => r.kind));
      expect(kinds.size, `unit ${id}`).toBeGreaterThanOrEqual(4);
      expect(rows.some((r) => r.startsOn >= previous.start && r.startsOn <= previous.end)).toBe(true);
      expect(rows.some((r) => r.startsOn >= current.start && r.startsOn <= todayInVietnam())).toBe(true);
      // Every record is one the form would accept, the activities in the unit's outline sections.
      const sections = new Set((await activitySections(demo.db, id)).map((s) => s.key));
      for (const r of rows) {
        const checked = checkLogbookEntry(r.kind, r, sections);
        expect(checked.ok, JSON.stringify(checked)).toBe(true);
      }
      // Invented persons only, and the seed is audited.
      for (const r of rows.filter((x) => x.kind === 'foreigner'))
        expect(String(r.data.fullName)).toMatch(/Minh Họa/);
      const audit = await demo.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'logbook.seed'), eq(auditLog.unitId, id)));
      expect(audit).toHaveLength(1);
    }
    const services = await demo.db
      .select()
      .from(logbookRecords)
      .where(and(eq(logbookRecords.unitId, body), eq(logbookRecords.kind, 'service')));
    expect(services.length).toBeGreaterThan(10);
  });

  it('shows a commune officer its foreigners with names, and the Sở the same list without them', async () => {
    const officer = await signIn(demoApp, 'demo.canbo.thanhsen', DEMO_PASSWORD);
    const thanhSen = await unitId(demo.db, DEMO_COMMUNES.thanhSen);
    const own = await officer.request('GET', `/api/units/${thanhSen}/logbook/foreigner`);
    expect(own.json().items.some((r: LogbookRecordOut) => r.data.fullName)).toBe(true);
    const province = await signIn(demoApp, 'demo.canbo.songv', DEMO_PASSWORD);
    const read = await province.request('GET', `/api/units/${thanhSen}/logbook/foreigner`);
    expect(read.statusCode).toBe(200);
    expect(read.json().total).toBeGreaterThan(0);
    expect(read.body).not.toContain('Minh Họa');
  });
});
