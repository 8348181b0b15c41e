import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_ACTOR } from '../../src/db/audit.js';
import { readCatalogue, seedCatalogue } from '../../src/db/catalogue.js';
import { auditLog, units } from '../../src/db/schema.js';
import type { App } from '../../src/server/context.js';
import { buildTestApp, buildUser, type Client, signIn, unitId } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let database: TestDatabase;
let app: App;
let admin: Client;
let officer: Client;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestApp(database.db);
  admin = await signIn(app, (await buildUser(database.db, [{ role: 'admin', unitCode: '42' }])).username);
  officer = await signIn(
    app,
    (await buildUser(database.db, [{ role: 'commune_officer', unitCode: '18562' }])).username,
  );
});
afterAll(async () => {
  await app.close();
  await database.destroy();
});

describe('the unit catalogue', () => {
  it('holds every province and commune of the official list, codes kept as strings', async () => {
    const rows = readCatalogue();
    const countKind = async (kind: 'province' | 'commune') =>
      (await database.db.select({ n: count() }).from(units).where(eq(units.kind, kind)))[0]?.n;
    expect(await countKind('province')).toBe(new Set(rows.map((r) => r.provinceCode)).size);
    expect(await countKind('province')).toBe(34);
    expect(await countKind('commune')).toBe(3321);
    const [hanoiFirst] = await database.db.select().from(units).where(eq(units.code, '00004'));
    expect(hanoiFirst?.name).toBe('Phường Ba Đình');
    expect(hanoiFirst?.provinceCode).toBe('01');
  });

  it('finds "Xã Thạch Hà" from "thach ha", ignoring diacritics and case', async () => {
    const res = await officer.request('GET', `/api/units?q=${encodeURIComponent('THACH HA')}`);
    expect(res.statusCode).toBe(200);
    const names = res.json().items.map((u: { name: string }) => u.name);
    expect(names).toContain('Xã Thạch Hà');
    expect(names).not.toContain('Xã Thạch An');
  });

  it('finds a unit by its code, and NFD input like NFC', async () => {
    const byCode = (await officer.request('GET', '/api/units?q=18562')).json();
    expect(byCode.items[0].name).toBe('Xã Thạch Hà');
    const nfd = (
      await officer.request('GET', `/api/units?q=${encodeURIComponent('Đức Thịnh'.normalize('NFD'))}`)
    ).json();
    expect(nfd.items.map((u: { code: string }) => u.code)).toContain('18277');
  });

  it('filters by kind and province, in official code order, with a total', async () => {
    const res = (await officer.request('GET', '/api/units?kind=commune&provinceCode=42&limit=200')).json();
    expect(res.total).toBe(res.items.length);
    expect(res.items.every((u: { provinceCode: string }) => u.provinceCode === '42')).toBe(true);
    const codes = res.items.map((u: { code: string }) => u.code);
    expect(codes).toEqual([...codes].sort());
    expect(res.items[0].provinceName).toBe('Tỉnh Hà Tĩnh');
  });

  it('refuses an absurd search with a Vietnamese message', async () => {
    const res = await officer.request('GET', `/api/units?q=${'a'.repeat(300)}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/quá dài/);
  });

  it('seeds again without adding anything or losing edited identity', async () => {
    const id = await unitId(database.db, '18562');
    const before = (await admin.request('GET', `/api/units/${id}`)).json();
    const edited = { ...before.identity, parentHeader: null, issuerHeader: 'ỦY BAN NHÂN DÂN\nXÃ THẠCH HÀ' };
    expect((await admin.request('PATCH', `/api/units/${id}`, edited)).statusCode).toBe(200);
    expect(await database.db.transaction((tx) => seedCatalogue(tx, SEED_ACTOR))).toBe(0);
    const after = (await admin.request('GET', `/api/units/${id}`)).json();
    expect(after.identity.issuerHeader).toBe('ỦY BAN NHÂN DÂN\nXÃ THẠCH HÀ');
    expect(after.identity.parentHeader).toBeNull();
  });
});

describe('document identity', () => {
  it('starts from the official defaults of the commune', async () => {
    const detail = (await officer.request('GET', `/api/units/${await unitId(database.db, '18100')}`)).json();
    expect(detail.identity).toEqual({
      parentHeader: 'UBND TỈNH HÀ TĨNH',
      issuerHeader: 'ỦY BAN NHÂN DÂN PHƯỜNG TRẦN PHÚ',
      placeName: 'Trần Phú',
      symbol: 'UBND',
      archiveCode: 'VP',
    });
  });

  it('keeps signers with their authority and prints the signature block', async () => {
    const id = await unitId(database.db, '18277');
    const res = await admin.request('POST', `/api/units/${id}/signers`, {
      fullName: 'Lê Văn Thử',
      title: 'Phó Chủ tịch',
      authority: 'KT',
      authorityOf: 'Chủ tịch',
      collective: 'Ủy ban nhân dân',
      isDefault: true,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().lines).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'signer'), eq(auditLog.entityId, String(res.json().id))));
    expect(audit[0]?.action).toBe('signer.create');
    expect(audit[0]?.actorLabel).toMatch(/admin/);
  });

  it('refuses a signer whose authority names nobody, naming the field', async () => {
    const id = await unitId(database.db, '18277');
    const res = await admin.request('POST', `/api/units/${id}/signers`, {
      fullName: 'Lê Văn Thử',
      title: 'Phó Chủ tịch',
      authority: 'KT',
      authorityOf: null,
      collective: null,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([
      { path: 'authorityOf', message: expect.stringMatching(/KT\./) },
    ]);
  });

  it('retires a signer instead of deleting it', async () => {
    const id = await unitId(database.db, '18277');
    const created = (
      await admin.request('POST', `/api/units/${id}/signers`, {
        fullName: 'Trần Thị Tạm',
        title: 'Chủ tịch',
        authority: 'TM',
        authorityOf: 'Ủy ban nhân dân',
        collective: null,
      })
    ).json();
    expect((await admin.request('DELETE', `/api/units/${id}/signers/${created.id}`)).statusCode).toBe(200);
    const detail = (await admin.request('GET', `/api/units/${id}`)).json();
    expect(detail.signers.map((s: { id: number }) => s.id)).not.toContain(created.id);
    expect((await admin.request('DELETE', `/api/units/${id}/signers/${created.id}`)).statusCode).toBe(404);
  });

  it('stores recipients without their dashes and refuses a typed archive line', async () => {
    const id = await unitId(database.db, '18562');
    const ok = await admin.request('PUT', `/api/units/${id}/recipients`, {
      kinhGui: ['Sở Ngoại vụ tỉnh Hà Tĩnh'],
      noiNhan: ['- Như trên;', 'TT Đảng ủy xã;'],
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().recipients.noiNhan).toEqual(['Như trên', 'TT Đảng ủy xã']);
    const bad = await admin.request('PUT', `/api/units/${id}/recipients`, {
      kinhGui: [],
      noiNhan: ['- Lưu: VT, VP.'],
    });
    expect(bad.statusCode).toBe(400);
    expect((await admin.request('GET', `/api/units/${id}`)).json().recipients.noiNhan).toEqual([
      'Như trên',
      'TT Đảng ủy xã',
    ]);
  });

  it('stores NFD input as NFC', async () => {
    const id = await unitId(database.db, '18073');
    const before = (await admin.request('GET', `/api/units/${id}`)).json();
    const res = await admin.request('PATCH', `/api/units/${id}`, {
      ...before.identity,
      placeName: 'Thành Sen'.normalize('NFD'),
    });
    expect(res.json().identity.placeName).toBe('Thành Sen'.normalize('NFC'));
  });

  it('adds a Sở Ngoại vụ under a province, with its own code and symbol, once', async () => {
    const body = {
      provinceId: await unitId(database.db, '42'),
      name: 'Sở Ngoại vụ tỉnh Hà Tĩnh',
      parentHeader: 'UBND TỈNH HÀ TĨNH',
      issuerHeader: 'SỞ NGOẠI VỤ',
      placeName: 'Hà Tĩnh',
      symbol: 'SNgV',
      archiveCode: 'VP',
    };
    const res = await admin.request('POST', '/api/units', body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: '42.SNGV', kind: 'body', provinceCode: '42' });
    const again = await admin.request('POST', '/api/units', body);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields[0].path).toBe('symbol');
    const province = (await admin.request('GET', `/api/units/${body.provinceId}`)).json();
    expect(province.children[0].code).toBe('42.SNGV');
  });
});
