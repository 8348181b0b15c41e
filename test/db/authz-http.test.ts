/**
 * The authorisation matrix at the HTTP level: every route that reads or changes a unit's data,
 * for every role, on its own unit, another commune of its province and a commune elsewhere.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/db/audit.js';
import { findCurrentOutline } from '../../src/db/outlines.js';
import { createReport } from '../../src/db/reports.js';
import { reports } from '../../src/db/schema.js';
import { createBodyUnit } from '../../src/db/units.js';
import type { Role } from '../../src/domain/authz.js';
import { dataWindow } from '../../src/domain/periods.js';
import { reportContentSchema } from '../../src/domain/report-json.js';
import { defaultBodyIdentity } from '../../src/domain/units.js';
import type { App } from '../../src/server/context.js';
import { buildTestApp, buildUser, type Client, signIn, unitId } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { buildReport, buildSigner } from '../support/documents.js';

let database: TestDatabase;
let app: App;
const ids = { own: 0, sibling: 0, province: 0, body: 0, elsewhere: 0 };
const clients = {} as Record<Role, Client>;

const HELD_AT: Record<Role, 'own' | 'body' | 'province' | 'country'> = {
  commune_officer: 'own',
  commune_leader: 'own',
  province_officer: 'body',
  province_leader: 'body',
  national_officer: 'country',
  national_leader: 'country',
  admin: 'province',
};

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestApp(database.db);
  ids.own = await unitId(database.db, '18562'); // Xã Thạch Hà, Hà Tĩnh
  ids.sibling = await unitId(database.db, '18277'); // Xã Đức Thịnh, Hà Tĩnh
  ids.province = await unitId(database.db, '42');
  ids.elsewhere = await unitId(database.db, '11140'); // Xã Lạc Phượng, Hải Phòng
  ids.body = await createBodyUnit(database.db, CLI_ACTOR, {
    provinceId: ids.province,
    name: 'Sở Ngoại vụ tỉnh Hà Tĩnh',
    ...defaultBodyIdentity('Sở Ngoại vụ', 'Tỉnh Hà Tĩnh', 'SNgV'),
  });
  const codeOf = { own: '18562', body: '42.SNGV', province: '42', country: 'VN' };
  for (const role of Object.keys(HELD_AT) as Role[]) {
    const user = await buildUser(database.db, [{ role, unitCode: codeOf[HELD_AT[role]] }]);
    clients[role] = await signIn(app, user.username);
  }
});
afterAll(async () => {
  await app.close();
  await database.destroy();
});

type Where = 'own' | 'sibling' | 'elsewhere';
const ROLES = Object.keys(HELD_AT) as Role[];

/** Expected HTTP status of a change to a unit's identity, per role and target. */
const MANAGE: Record<Role, Record<Where, number>> = {
  commune_officer: { own: 403, sibling: 403, elsewhere: 403 },
  commune_leader: { own: 403, sibling: 403, elsewhere: 403 },
  province_officer: { own: 403, sibling: 403, elsewhere: 403 },
  province_leader: { own: 403, sibling: 403, elsewhere: 403 },
  national_officer: { own: 403, sibling: 403, elsewhere: 403 },
  national_leader: { own: 403, sibling: 403, elsewhere: 403 },
  admin: { own: 200, sibling: 200, elsewhere: 403 },
};

/** Making outlines: administrators and the province roles that receive reports, within reach. */
const OUTLINE_MANAGE: Record<Role, Record<Where, number>> = {
  ...MANAGE,
  province_officer: { own: 200, sibling: 200, elsewhere: 403 },
  province_leader: { own: 200, sibling: 200, elsewhere: 403 },
};

/** Whether the unit's own data (signers, recipients) is visible. */
const READ: Record<Role, Record<Where, boolean>> = {
  commune_officer: { own: true, sibling: false, elsewhere: false },
  commune_leader: { own: true, sibling: false, elsewhere: false },
  province_officer: { own: true, sibling: true, elsewhere: false },
  province_leader: { own: true, sibling: true, elsewhere: false },
  // The ministry reads every unit of the country (the trace of its figures goes down to the communes).
  national_officer: { own: true, sibling: true, elsewhere: true },
  national_leader: { own: true, sibling: true, elsewhere: true },
  admin: { own: true, sibling: true, elsewhere: false },
};

describe('reading a unit', () => {
  for (const role of ROLES) {
    it(`${role}: sees the catalogue everywhere, the unit's own data only within reach`, async () => {
      for (const where of ['own', 'sibling', 'elsewhere'] as Where[]) {
        const res = await clients[role].request('GET', `/api/units/${ids[where]}`);
        expect(res.statusCode, `${role} on ${where}`).toBe(200);
        expect(res.json().restricted, `${role} on ${where}`).toBe(!READ[role][where]);
      }
      expect((await clients[role].request('GET', '/api/units?q=thach ha')).statusCode).toBe(200);
    });
  }
});

describe('changing a unit', () => {
  for (const role of ROLES) {
    it(`${role}: identity, signers and recipients`, async () => {
      for (const where of ['own', 'sibling', 'elsewhere'] as Where[]) {
        const id = ids[where];
        const before = (await clients.admin.request('GET', `/api/units/${id}`)).json();
        const patch = await clients[role].request('PATCH', `/api/units/${id}`, {
          ...before.identity,
          placeName: before.identity.placeName,
        });
        expect(patch.statusCode, `PATCH ${role} on ${where}`).toBe(MANAGE[role][where]);
        const signer = await clients[role].request('POST', `/api/units/${id}/signers`, {
          fullName: 'Người Ký Thử',
          title: 'Chủ tịch',
          authority: 'TM',
          authorityOf: 'Ủy ban nhân dân',
          collective: null,
        });
        expect(signer.statusCode, `signer ${role} on ${where}`).toBe(MANAGE[role][where]);
        const recipients = await clients[role].request('PUT', `/api/units/${id}/recipients`, {
          kinhGui: ['Sở Ngoại vụ'],
          noiNhan: ['Như trên'],
        });
        expect(recipients.statusCode, `recipients ${role} on ${where}`).toBe(MANAGE[role][where]);
      }
    });
  }

  for (const role of ROLES) {
    it(`${role}: adding a province-level body`, async () => {
      const inProvince = await clients[role].request('POST', '/api/units', {
        provinceId: ids.province,
        name: `Văn phòng thử ${role}`,
        parentHeader: 'UBND TỈNH HÀ TĨNH',
        issuerHeader: 'VĂN PHÒNG THỬ',
        placeName: 'Hà Tĩnh',
        symbol: `VPT${ROLES.indexOf(role)}`,
        archiveCode: 'VP',
      });
      expect(inProvince.statusCode).toBe(role === 'admin' ? 200 : 403);
    });
  }
});

describe('user administration', () => {
  for (const role of ROLES) {
    it(`${role}: lists and creates users only as an administrator, only inside reach`, async () => {
      const list = await clients[role].request('GET', '/api/users');
      expect(list.statusCode).toBe(role === 'admin' ? 200 : 403);
      for (const where of ['own', 'elsewhere'] as const) {
        const res = await clients[role].request('POST', '/api/users', {
          username: `moi.${role.replace('_', '')}.${where}`,
          fullName: 'Người Dùng Mới',
          password: 'mot-mat-khau-dai',
          grants: [{ role: 'commune_officer', unitId: ids[where] }],
        });
        expect(res.statusCode, `${role} creating at ${where}`).toBe(
          role === 'admin' && where === 'own' ? 200 : 403,
        );
      }
    });
  }

  it('keeps an administrator away from users of another province', async () => {
    const outsider = await buildUser(database.db, [{ role: 'commune_officer', unitCode: '11140' }]);
    const res = await clients.admin.request('PATCH', `/api/users/${outsider.id}`, { fullName: 'Đổi Tên' });
    expect(res.statusCode).toBe(403);
    const list = (await clients.admin.request('GET', '/api/users?limit=200')).json();
    expect(list.items.map((u: { id: number }) => u.id)).not.toContain(outsider.id);
  });
});

describe('the audit trail', () => {
  for (const role of ROLES) {
    it(`${role}: reads the log of a unit only as an administrator within reach`, async () => {
      const all = await clients[role].request('GET', '/api/audit');
      expect(all.statusCode).toBe(role === 'admin' ? 200 : 403);
      for (const where of ['own', 'sibling', 'elsewhere'] as Where[]) {
        const res = await clients[role].request('GET', `/api/audit?unitId=${ids[where]}`);
        expect(res.statusCode, `${role} on ${where}`).toBe(
          role === 'admin' && where !== 'elsewhere' ? 200 : 403,
        );
      }
    });
  }
});

describe('reports and outlines', () => {
  const reportIds = { own: 0, sibling: 0, elsewhere: 0 };
  const codes = { own: '18562', sibling: '18277', elsewhere: '11140' };
  const period = { kind: 'year' as const, year: 2025, index: 0 };

  beforeAll(async () => {
    const outline = await findCurrentOutline(database.db, 'commune-report');
    if (!outline) throw new Error('built-in outline missing');
    for (const where of ['own', 'sibling', 'elsewhere'] as Where[]) {
      const created = await createReport(database.db, CLI_ACTOR, {
        unitId: ids[where],
        outline,
        period,
        window: dataWindow(period),
        content: reportContentSchema.parse({}),
      });
      reportIds[where] = created.id;
    }
  });

  const revisionOf = async (id: number) =>
    (await database.db.select({ r: reports.revision }).from(reports).where(eq(reports.id, id)))[0]?.r ?? 0;

  /** Reading a unit's reports: its own people, the province's roles and administrators within reach. */
  const READ_REPORTS: Record<Role, Record<Where, number>> = {
    commune_officer: { own: 200, sibling: 403, elsewhere: 403 },
    commune_leader: { own: 200, sibling: 403, elsewhere: 403 },
    province_officer: { own: 200, sibling: 200, elsewhere: 403 },
    province_leader: { own: 200, sibling: 200, elsewhere: 403 },
    national_officer: { own: 200, sibling: 200, elsewhere: 200 },
    national_leader: { own: 200, sibling: 200, elsewhere: 200 },
    admin: { own: 200, sibling: 200, elsewhere: 403 },
  };
  /** Writing a report: the unit's own report makers only (the province returns, it does not rewrite). */
  const WRITE_REPORTS: Record<Role, Record<Where, number>> = {
    commune_officer: { own: 200, sibling: 403, elsewhere: 403 },
    commune_leader: { own: 200, sibling: 403, elsewhere: 403 },
    province_officer: { own: 403, sibling: 403, elsewhere: 403 },
    province_leader: { own: 403, sibling: 403, elsewhere: 403 },
    national_officer: { own: 403, sibling: 403, elsewhere: 403 },
    national_leader: { own: 403, sibling: 403, elsewhere: 403 },
    admin: { own: 403, sibling: 403, elsewhere: 403 },
  };

  for (const role of ROLES) {
    it(`${role}: reads reports within reach`, async () => {
      for (const where of ['own', 'sibling', 'elsewhere'] as Where[]) {
        const expected = READ_REPORTS[role][where];
        const list = await clients[role].request('GET', `/api/units/${ids[where]}/reports`);
        expect(list.statusCode, `list ${role} on ${where}`).toBe(expected);
        const one = await clients[role].request('GET', `/api/reports/${reportIds[where]}`);
        expect(one.statusCode, `read ${role} on ${where}`).toBe(expected);
        const file = await clients[role].request('GET', `/api/reports/${reportIds[where]}/export`);
        expect(file.statusCode, `export ${role} on ${where}`).toBe(expected);
      }
    });
  }

  for (const role of ROLES) {
    it(`${role}: creates, saves, imports and submits only its own unit's reports`, async () => {
      for (const where of ['own', 'sibling', 'elsewhere'] as Where[]) {
        const expected = WRITE_REPORTS[role][where];
        const id = reportIds[where];
        const created = await clients[role].request('POST', `/api/units/${ids[where]}/reports`, {
          outlineId: (await clients.admin.request('GET', `/api/reports/${reportIds.own}`)).json().report
            .outline.id,
          period: { kind: 'month', year: 2026, index: 1 + ROLES.indexOf(role) },
        });
        expect(created.statusCode, `create ${role} on ${where}`).toBe(expected);
        const saved = await clients[role].request('PUT', `/api/reports/${id}`, {
          revision: await revisionOf(id),
          content: { values: { 'foreigners.resident': 1 } },
        });
        expect(saved.statusCode, `save ${role} on ${where}`).toBe(expected);
        const nil = await clients[role].request('POST', `/api/reports/${id}/nil`, {
          revision: await revisionOf(id),
          all: false,
        });
        expect(nil.statusCode, `nil ${role} on ${where}`).toBe(expected);
        const imported = await clients[role].request('POST', `/api/units/${ids[where]}/reports/import`, {
          format: 'doingoai.report/1',
          unit: { code: codes[where] },
          outline: { code: 'commune-report' },
          period: { kind: 'quarter', year: 2026, index: 1 + (ROLES.indexOf(role) % 3) },
        });
        expect(imported.statusCode, `import ${role} on ${where}`).toBe(expected);
        // A stale revision: allowed roles get the conflict, the others are refused before it.
        const submit = await clients[role].request('POST', `/api/reports/${id}/submit`, { revision: 999 });
        expect(submit.statusCode, `submit ${role} on ${where}`).toBe(expected === 200 ? 409 : 403);
        const back = await clients[role].request('POST', `/api/reports/${id}/return`, {
          revision: 999,
          comment: 'Trả lại',
        });
        const mayReturn = role === 'commune_leader' && where === 'own';
        expect(back.statusCode, `return ${role} on ${where}`).toBe(mayReturn ? 409 : 403);
      }
    });
  }

  for (const role of ROLES) {
    it(`${role}: sees the outline catalogue; makes outlines only as an administrator or a receiving province role within reach`, async () => {
      const list = await clients[role].request('GET', '/api/outlines');
      expect(list.statusCode).toBe(200);
      const builtIn = (list.json().items as { id: number; code: string }[]).find(
        (o) => o.code === 'commune-report',
      );
      if (!builtIn) throw new Error('built-in outline missing');
      expect((await clients[role].request('GET', `/api/outlines/${builtIn.id}`)).statusCode).toBe(200);
      for (const where of ['own', 'sibling', 'elsewhere'] as Where[]) {
        const clone = await clients[role].request('POST', `/api/outlines/${builtIn.id}/clone`, {
          code: `de-cuong-${role.replace('_', '-')}-${where}`,
          name: 'Đề cương thử',
          ownerUnitId: ids[where],
        });
        expect(clone.statusCode, `clone ${role} at ${where}`).toBe(OUTLINE_MANAGE[role][where]);
      }
      const detail = (await clients[role].request('GET', `/api/outlines/${builtIn.id}`)).json();
      const edit = await clients[role].request('PUT', `/api/outlines/${builtIn.id}`, {
        definition: detail.definition,
        baseVersion: detail.version,
      });
      // A built-in outline is never edited in place (409), by whoever may make outlines (the
      // ministry's roles make them for the ministry's own rounds).
      const makesOutlines = OUTLINE_MANAGE[role].own === 200 || role.startsWith('national_');
      expect(edit.statusCode).toBe(makesOutlines ? 409 : 403);
    });
  }
});

describe('register of outgoing documents, issuing and document downloads', () => {
  const code: Record<Where, string> = { own: '18562', sibling: '18277', elsewhere: '11140' };
  const drafts = {} as Record<Where, number>;
  beforeAll(async () => {
    for (const where of ['own', 'sibling', 'elsewhere'] as Where[]) {
      drafts[where] = await buildReport(database.db, code[where], { status: 'draft' });
    }
  });

  for (const role of ROLES) {
    it(`${role}: reads registers and documents within reach, issues only as a leader of the unit`, async () => {
      for (const where of ['own', 'sibling', 'elsewhere'] as Where[]) {
        const readable = READ[role][where] ? 200 : 403;
        const register = await clients[role].request('GET', `/api/units/${ids[where]}/register`);
        expect(register.statusCode, `register ${where}`).toBe(readable);
        const preview = await clients[role].request('GET', `/api/reports/${drafts[where]}/document/preview`);
        expect(preview.statusCode, `preview ${where}`).toBe(readable);
        const scheme = await clients[role].request('PUT', `/api/units/${ids[where]}/numbering-scheme`, {
          scheme: 'single',
        });
        expect(scheme.statusCode, `scheme ${where}`).toBe(MANAGE[role][where]);
        // Only the unit's leader gets past authorisation; the draft (or signer 1) is then refused.
        const issue = await clients[role].request('POST', `/api/reports/${drafts[where]}/issue`, {
          signerId: 1,
          issuedOn: '2026-06-12',
        });
        const leader = role === 'commune_leader' && where === 'own';
        if (leader) expect([400, 409], `issue ${where}`).toContain(issue.statusCode);
        else expect(issue.statusCode, `issue ${where}`).toBe(403);
      }
    });
  }
});

describe('every workflow step', () => {
  const code: Record<Where, string> = { own: '18562', sibling: '18277', elsewhere: '11140' };
  const signerOf = {} as Record<Where, number>;
  beforeAll(async () => {
    for (const where of ['own', 'sibling', 'elsewhere'] as Where[]) {
      signerOf[where] = await buildSigner(database.db, code[where], { fullName: 'Người Ký Ma Trận' });
    }
  });

  const revisionOf = async (id: number) =>
    (await database.db.select({ r: reports.revision }).from(reports).where(eq(reports.id, id)))[0]?.r ?? 0;
  type Status = 'draft' | 'submitted' | 'approved' | 'issued';
  const leaderOwn = (role: Role, where: Where) => (role === 'commune_leader' && where === 'own' ? 200 : 403);
  const makerOwn = (role: Role, where: Where) => (role.startsWith('commune_') && where === 'own' ? 200 : 403);
  const receiver = (role: Role, where: Where) =>
    role.startsWith('province_') && where !== 'elsewhere' ? 200 : 403;
  /** Each step: the state it starts from, its body, and who may take it (role × where → status). */
  const STEPS: {
    path: string;
    from: Status;
    body: (where: Where) => object;
    expected: (role: Role, where: Where) => number;
  }[] = [
    { path: 'submit', from: 'draft', body: () => ({}), expected: makerOwn },
    { path: 'submit-nil', from: 'draft', body: () => ({}), expected: makerOwn },
    { path: 'return', from: 'submitted', body: () => ({ comment: 'Sửa lại.' }), expected: leaderOwn },
    { path: 'approve', from: 'submitted', body: () => ({}), expected: leaderOwn },
    {
      path: 'issue',
      from: 'approved',
      body: (where) => ({ signerId: signerOf[where], issuedOn: '2026-06-12' }),
      expected: leaderOwn,
    },
    { path: 'receive', from: 'issued', body: () => ({}), expected: receiver },
    { path: 'accept', from: 'issued', body: () => ({}), expected: receiver },
    { path: 'reject', from: 'issued', body: () => ({ reason: 'Thiếu số liệu.' }), expected: receiver },
  ];

  for (const role of ROLES) {
    it(`${role}: takes each step only on the units and in the roles that allow it`, async () => {
      for (const s of STEPS) {
        for (const where of ['own', 'sibling', 'elsewhere'] as Where[]) {
          const id = await buildReport(database.db, code[where], {
            status: s.from === 'issued' ? 'approved' : s.from,
            content: { nil: { all: true } },
          });
          if (s.from === 'issued') {
            await database.db.update(reports).set({ status: 'issued' }).where(eq(reports.id, id));
          }
          const revision = s.path === 'issue' ? {} : { revision: await revisionOf(id) };
          const res = await clients[role].request('POST', `/api/reports/${id}/${s.path}`, {
            ...revision,
            ...s.body(where),
          });
          expect(res.statusCode, `${s.path} ${role} on ${where}: ${res.body.slice(0, 200)}`).toBe(
            s.expected(role, where),
          );
        }
      }
    });
  }

  for (const role of ROLES) {
    it(`${role}: reads a report's history within reach`, async () => {
      for (const where of ['own', 'sibling', 'elsewhere'] as Where[]) {
        const id = await buildReport(database.db, code[where], { status: 'draft' });
        const res = await clients[role].request('GET', `/api/reports/${id}/history`);
        expect(res.statusCode, `history ${role} on ${where}`).toBe(READ[role][where] ? 200 : 403);
      }
    });
  }
});
