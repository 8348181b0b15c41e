/**
 * Outlines on a real database: built-in outlines seeded once, the catalogue within reach, cloning
 * by an administrator, saving an edit as a new version while reports keep theirs, refusals.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_ACTOR } from '../../src/db/audit.js';
import { seedBuiltInOutlines } from '../../src/db/outlines.js';
import { auditLog, outlines } from '../../src/db/schema.js';
import type { OutlineDetail, OutlineSummary, ReportView } from '../../src/domain/api-reports.js';
import type { Outline } from '../../src/domain/outline.js';
import { BUILT_IN_OUTLINES } from '../../src/domain/outlines/index.js';
import type { App } from '../../src/server/context.js';
import { buildTestApp, buildUser, type Client, signIn, unitId } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let database: TestDatabase;
let app: App;
let admin42: Client;
let officer: Client;
let outsider: Client;
let province42 = 0;
let builtInId = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestApp(database.db);
  province42 = await unitId(database.db, '42');
  admin42 = await signIn(app, (await buildUser(database.db, [{ role: 'admin', unitCode: '42' }])).username);
  officer = await signIn(
    app,
    (await buildUser(database.db, [{ role: 'commune_officer', unitCode: '18562' }])).username,
  );
  outsider = await signIn(
    app,
    (await buildUser(database.db, [{ role: 'commune_officer', unitCode: '11140' }])).username,
  );
  const items = (await officer.request('GET', '/api/outlines')).json().items as OutlineSummary[];
  builtInId = items.find((o) => o.code === 'commune-report')?.id ?? 0;
});
afterAll(async () => {
  await app.close();
  await database.destroy();
});

const outlineAudit = (id: number) =>
  database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'outline'), eq(auditLog.entityId, String(id))));

describe('built-in outlines', () => {
  it('are seeded once with the catalogue, audited, and listed for every user', async () => {
    expect(await seedBuiltInOutlines(database.db, SEED_ACTOR, BUILT_IN_OUTLINES)).toBe(0);
    const rows = await database.db.select().from(outlines).where(eq(outlines.builtIn, true));
    expect(rows).toHaveLength(BUILT_IN_OUTLINES.length);
    const seeds = await database.db.select().from(auditLog).where(eq(auditLog.action, 'outline.seed'));
    expect(seeds).toHaveLength(1);
    for (const client of [officer, outsider, admin42]) {
      const items = (await client.request('GET', '/api/outlines')).json().items as OutlineSummary[];
      expect(items.map((o) => o.code)).toEqual(expect.arrayContaining(['commune-report']));
      expect(items.find((o) => o.code === 'commune-report')).toMatchObject({ builtIn: true, canEdit: false });
    }
  });

  it('show their sections numbered without gaps', async () => {
    const detail = (await officer.request('GET', `/api/outlines/${builtInId}`)).json() as OutlineDetail;
    const top = detail.numbered.filter((s) => s.level === 1).map((s) => s.number);
    expect(top.slice(0, 3)).toEqual(['I.', 'II.', 'III.']);
    expect(detail.definition.sections.length).toBe(top.length);
    expect(detail.versions).toHaveLength(1);
  });

  it('cannot be edited in place: clone first', async () => {
    const detail = (await admin42.request('GET', `/api/outlines/${builtInId}`)).json() as OutlineDetail;
    const res = await admin42.request('PUT', `/api/outlines/${builtInId}`, {
      definition: detail.definition,
      baseVersion: 1,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('OUTLINE_BUILT_IN');
    expect(res.json().error.message).toMatch(/nhân bản/);
    const byOfficer = await officer.request('PUT', `/api/outlines/${builtInId}`, {
      definition: detail.definition,
      baseVersion: 1,
    });
    expect(byOfficer.statusCode).toBe(403);
  });
});

describe('clones and versions', () => {
  let cloneId = 0;

  it('an administrator clones for a unit he administers; others cannot', async () => {
    const body = { code: 'bao-cao-xa-ha-tinh', name: 'Báo cáo công tác đối ngoại cấp xã (Hà Tĩnh)' };
    expect(
      (
        await officer.request('POST', `/api/outlines/${builtInId}/clone`, {
          ...body,
          ownerUnitId: province42,
        })
      ).statusCode,
    ).toBe(403);
    const elsewhere = await unitId(database.db, '31');
    expect(
      (await admin42.request('POST', `/api/outlines/${builtInId}/clone`, { ...body, ownerUnitId: elsewhere }))
        .statusCode,
    ).toBe(403);
    const res = await admin42.request('POST', `/api/outlines/${builtInId}/clone`, {
      ...body,
      ownerUnitId: province42,
    });
    expect(res.statusCode).toBe(200);
    const clone = res.json() as OutlineDetail;
    cloneId = clone.id;
    expect(clone).toMatchObject({
      code: body.code,
      version: 1,
      builtIn: false,
      canEdit: true,
      ownerUnit: { code: '42' },
    });
    expect(clone.definition).toMatchObject({ code: body.code, name: body.name, version: 1 });
    const again = await admin42.request('POST', `/api/outlines/${builtInId}/clone`, {
      ...body,
      ownerUnitId: province42,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields[0].path).toBe('code');
    const badCode = await admin42.request('POST', `/api/outlines/${builtInId}/clone`, {
      ...body,
      code: 'Báo cáo xã',
      ownerUnitId: province42,
    });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().error.fields[0]).toMatchObject({ path: 'code' });
    expect(badCode.json().error.fields[0].message).toMatch(/Mã đề cương/);
    expect((await outlineAudit(cloneId)).map((r) => r.action)).toEqual(['outline.clone']);
  });

  it('is seen in its province only', async () => {
    expect((await officer.request('GET', `/api/outlines/${cloneId}`)).statusCode).toBe(200);
    expect((await outsider.request('GET', `/api/outlines/${cloneId}`)).statusCode).toBe(404);
    const items = (await outsider.request('GET', '/api/outlines')).json().items as OutlineSummary[];
    expect(items.some((o) => o.id === cloneId)).toBe(false);
  });

  it('an edit becomes a new version; a report made with the old version keeps it', async () => {
    const unit = await unitId(database.db, '18562');
    const made = await officer.request('POST', `/api/units/${unit}/reports`, {
      outlineId: cloneId,
      period: { kind: 'year', year: 2025 },
    });
    expect(made.statusCode).toBe(200);
    const report = made.json() as ReportView;
    const clone = (await admin42.request('GET', `/api/outlines/${cloneId}`)).json() as OutlineDetail;
    const edited: Outline = {
      ...clone.definition,
      sections: clone.definition.sections.map((s, i) => (i === 0 ? { ...s, title: 'Tình hình chung' } : s)),
    };
    const res = await admin42.request('PUT', `/api/outlines/${cloneId}`, {
      definition: edited,
      baseVersion: 1,
    });
    expect(res.statusCode).toBe(200);
    const v2 = res.json() as OutlineDetail;
    expect(v2).toMatchObject({ version: 2, current: true, code: clone.code });
    expect(v2.id).not.toBe(cloneId);
    expect(v2.definition.sections[0]?.title).toBe('Tình hình chung');
    expect(v2.versions.map((v) => v.version)).toEqual([2, 1]);
    const old = (await admin42.request('GET', `/api/outlines/${cloneId}`)).json() as OutlineDetail;
    expect(old).toMatchObject({ version: 1, current: false, canEdit: false, reportCount: 1 });
    const kept = (await officer.request('GET', `/api/reports/${report.report.id}`)).json() as ReportView;
    expect(kept.report.outline).toMatchObject({ id: cloneId, version: 1, current: false });
    expect(kept.outline.sections[0]?.title).toBe(clone.definition.sections[0]?.title);
    const current = (await officer.request('GET', '/api/outlines')).json().items as OutlineSummary[];
    expect(current.filter((o) => o.code === clone.code).map((o) => o.version)).toEqual([2]);
    const all = (await officer.request('GET', '/api/outlines?all=1')).json().items as OutlineSummary[];
    expect(all.filter((o) => o.code === clone.code).map((o) => o.version)).toEqual([2, 1]);
    expect((await outlineAudit(v2.id)).map((r) => r.action)).toEqual(['outline.update']);
  });

  it('refuses a stale version, a bad definition, and leaves no audit row', async () => {
    const items = (await admin42.request('GET', '/api/outlines')).json().items as OutlineSummary[];
    const latest = items.find((o) => o.code === 'bao-cao-xa-ha-tinh');
    if (!latest) throw new Error('clone missing');
    const detail = (await admin42.request('GET', `/api/outlines/${latest.id}`)).json() as OutlineDetail;
    const before = await database.db.select().from(auditLog);
    const stale = await admin42.request('PUT', `/api/outlines/${latest.id}`, {
      definition: detail.definition,
      baseVersion: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('OUTLINE_CONFLICT');
    // The old version's row (the one a report still uses) cannot be edited either.
    const onOld = await admin42.request('PUT', `/api/outlines/${cloneId}`, {
      definition: detail.definition,
      baseVersion: 1,
    });
    expect(onOld.statusCode).toBe(409);
    expect(onOld.json().error.code).toBe('OUTLINE_CONFLICT');
    const broken: Outline = {
      ...detail.definition,
      sections: detail.definition.sections.map((s, i) => (i === 0 ? { ...s, title: '   ' } : s)),
    };
    const bad = await admin42.request('PUT', `/api/outlines/${latest.id}`, {
      definition: broken,
      baseVersion: latest.version,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('definition.sections.0.title');
    expect(bad.json().error.fields[0].message).toMatch(/không được để trống/);
    expect(await database.db.select().from(auditLog)).toHaveLength(before.length);
  });
});
