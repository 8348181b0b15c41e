/** The audit trail: every change is recorded with who, when, before and after, and read within reach. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntryOut } from '../../src/domain/api.js';
import type { App } from '../../src/server/context.js';
import { buildTestApp, buildUser, type Client, signIn, unitId } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let database: TestDatabase;
let app: App;
let admin42: Client;
let admin31: Client;
let nationalAdmin: Client;
let officer: Client;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestApp(database.db);
  admin42 = await signIn(app, (await buildUser(database.db, [{ role: 'admin', unitCode: '42' }])).username);
  admin31 = await signIn(app, (await buildUser(database.db, [{ role: 'admin', unitCode: '31' }])).username);
  nationalAdmin = await signIn(
    app,
    (await buildUser(database.db, [{ role: 'admin', unitCode: 'VN' }])).username,
  );
  officer = await signIn(
    app,
    (await buildUser(database.db, [{ role: 'commune_officer', unitCode: '18562' }])).username,
  );
});
afterAll(async () => {
  await app.close();
  await database.destroy();
});

const audit = async (client: Client, query = '') => {
  const res = await client.request('GET', `/api/audit${query}`);
  return { status: res.statusCode, items: (res.json().items ?? []) as AuditEntryOut[] };
};

describe('the audit trail', () => {
  it('records a change to a signer with its unit, its author, before and after', async () => {
    const id = await unitId(database.db, '18562');
    const created = (
      await admin42.request('POST', `/api/units/${id}/signers`, {
        fullName: 'Hồ Văn Cũ',
        title: 'Chủ tịch',
        authority: 'TM',
        authorityOf: 'Ủy ban nhân dân',
        collective: null,
      })
    ).json();
    await admin42.request('PATCH', `/api/units/${id}/signers/${created.id}`, {
      fullName: 'Hồ Văn Mới',
      title: 'Chủ tịch',
      authority: 'TM',
      authorityOf: 'Ủy ban nhân dân',
      collective: null,
    });
    const { status, items } = await audit(admin42, `?unitId=${id}`);
    expect(status).toBe(200);
    const update = items.find((i) => i.action === 'signer.update');
    expect(update).toMatchObject({
      actionLabel: 'Sửa người ký',
      entity: 'signer',
      entityId: String(created.id),
      unit: { code: '18562', name: 'Xã Thạch Hà' },
      before: { fullName: 'Hồ Văn Cũ' },
      after: { fullName: 'Hồ Văn Mới' },
    });
    // Both sides hold the same fields, so that a reader sees exactly what changed.
    expect(Object.keys(update?.before as object).sort()).toEqual(Object.keys(update?.after as object).sort());
    expect(update?.actor.fullName).toMatch(/Người thử/);
    // Sign-ins are not changes: they stay out of a unit's log.
    expect(items.some((i) => i.action.startsWith('auth.'))).toBe(false);
    expect(Date.now() - Date.parse(update?.at ?? '')).toBeLessThan(60_000);
    // Newest first.
    expect(items.findIndex((i) => i.action === 'signer.update')).toBeLessThan(
      items.findIndex((i) => i.action === 'signer.create'),
    );
  });

  it("shows an administrator his province's log only", async () => {
    const lacPhuong = await unitId(database.db, '11140');
    const before = (await admin31.request('GET', `/api/units/${lacPhuong}`)).json();
    await admin31.request('PATCH', `/api/units/${lacPhuong}`, {
      ...before.identity,
      placeName: 'Lạc Phượng',
    });
    const mine = await audit(admin42);
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.some((i) => i.unit?.code === '11140')).toBe(false);
    expect((await audit(admin42, `?unitId=${lacPhuong}`)).status).toBe(403);
    const theirs = await audit(admin31);
    expect(theirs.items.some((i) => i.unit?.code === '11140')).toBe(true);
    expect(theirs.items.some((i) => i.unit?.code === '18562')).toBe(false);
    const all = await audit(nationalAdmin, '?limit=200');
    expect(all.items.some((i) => i.action === 'catalogue.seed')).toBe(true);
  });

  it('finds what was done to a user and by a user', async () => {
    const user = await buildUser(database.db, [{ role: 'commune_officer', unitCode: '18277' }]);
    await admin42.request('PATCH', `/api/users/${user.id}`, { fullName: 'Tên Đã Sửa' });
    const { items } = await audit(admin42, `?userId=${user.id}`);
    expect(items.map((i) => i.action)).toEqual(expect.arrayContaining(['user.update', 'user.create']));
    expect(items.find((i) => i.action === 'user.update')?.after).toMatchObject({ fullName: 'Tên Đã Sửa' });
  });

  it('is closed to people who do not administer', async () => {
    const { status } = await audit(officer);
    expect(status).toBe(403);
  });
});

describe('changing one’s own password', () => {
  it('needs the current password, ends the other sessions and keeps this one', async () => {
    const user = await buildUser(database.db, [{ role: 'commune_officer', unitCode: '18562' }]);
    const here = await signIn(app, user.username);
    const elsewhere = await signIn(app, user.username);

    const wrong = await here.request('POST', '/api/auth/password', {
      currentPassword: 'khong-phai',
      newPassword: 'mat-khau-moi-dai',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual([
      { path: 'currentPassword', message: 'Mật khẩu hiện tại không đúng.' },
    ]);

    const same = await here.request('POST', '/api/auth/password', {
      currentPassword: 'mat-khau-thu-nghiem',
      newPassword: 'mat-khau-thu-nghiem',
    });
    expect(same.statusCode).toBe(400);
    expect(same.json().error.fields[0].path).toBe('newPassword');

    const ok = await here.request('POST', '/api/auth/password', {
      currentPassword: 'mat-khau-thu-nghiem',
      newPassword: 'mat-khau-moi-dai',
    });
    expect(ok.statusCode).toBe(200);
    expect((await here.request('GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await elsewhere.request('GET', '/api/auth/me')).statusCode).toBe(401);
    await expect(signIn(app, user.username)).rejects.toThrow(/401/);
    await signIn(app, user.username, 'mat-khau-moi-dai');
    const { items } = await audit(admin42, `?userId=${user.id}`);
    expect(items.map((i) => i.action)).toEqual(
      expect.arrayContaining(['user.password.change', 'auth.sign_in']),
    );
    expect(JSON.stringify(items)).not.toMatch(/mat-khau/);
  });

  it('asks for sign-in first', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'a', newPassword: 'mat-khau-moi-dai' },
    });
    expect(res.statusCode).toBe(401);
  });
});
