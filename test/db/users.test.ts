import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '../../src/db/schema.js';
import type { App } from '../../src/server/context.js';
import { buildTestApp, buildUser, type Client, signIn, unitId } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let database: TestDatabase;
let app: App;
let admin: Client;
let adminId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestApp(database.db);
  const user = await buildUser(database.db, [{ role: 'admin', unitCode: '42' }]);
  adminId = user.id;
  admin = await signIn(app, user.username);
});
afterAll(async () => {
  await app.close();
  await database.destroy();
});

describe('user administration', () => {
  it('creates a user who can then sign in, and audits it without the password', async () => {
    const res = await admin.request('POST', '/api/users', {
      username: 'Can.Bo.Moi',
      fullName: 'Nguyễn Thị Mới',
      password: 'mat-khau-du-dai',
      grants: [{ role: 'commune_officer', unitId: await unitId(database.db, '18562') }],
    });
    expect(res.statusCode).toBe(200);
    const created = res.json();
    expect(created.username).toBe('can.bo.moi');
    expect(created.grants[0]).toMatchObject({ role: 'commune_officer', unit: { code: '18562' } });
    expect(JSON.stringify(created)).not.toMatch(/passwordHash|argon/);
    await signIn(app, 'can.bo.moi', 'mat-khau-du-dai');
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(created.id)));
    expect(audit?.action).toBe('user.create');
    expect(audit?.actorUserId).toBe(adminId);
    expect(JSON.stringify(audit?.after)).not.toMatch(/mat-khau|\$argon/);
  });

  it('refuses a taken username, a short password and a role that does not fit the unit, in Vietnamese', async () => {
    const unit = await unitId(database.db, '18562');
    const taken = await admin.request('POST', '/api/users', {
      username: 'can.bo.moi',
      fullName: 'Trùng Tên',
      password: 'mat-khau-du-dai',
      grants: [{ role: 'commune_officer', unitId: unit }],
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.fields[0]).toEqual({
      path: 'username',
      message: 'Tên đăng nhập này đã được dùng.',
    });
    const short = await admin.request('POST', '/api/users', {
      username: 'ngan',
      fullName: 'Mật Khẩu Ngắn',
      password: 'ngan',
      grants: [{ role: 'commune_officer', unitId: unit }],
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields).toContainEqual({
      path: 'password',
      message: 'Mật khẩu cần ít nhất 10 ký tự.',
    });
    const misfit = await admin.request('POST', '/api/users', {
      username: 'sai.vai.tro',
      fullName: 'Sai Vai Trò',
      password: 'mat-khau-du-dai',
      grants: [{ role: 'province_officer', unitId: unit }],
    });
    expect(misfit.statusCode).toBe(400);
    expect(misfit.json().error.fields[0].path).toBe('grants.0.role');
  });

  it('changes nothing, audit included, when part of a change is refused', async () => {
    const user = await buildUser(database.db, [{ role: 'commune_officer', unitCode: '18562' }]);
    const auditBefore = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(user.id)));
    const res = await admin.request('PATCH', `/api/users/${user.id}`, {
      fullName: 'Tên Không Được Lưu',
      grants: [{ role: 'province_leader', unitId: await unitId(database.db, '18562') }],
    });
    expect(res.statusCode).toBe(400);
    const [row] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.fullName).toBe(user.fullName);
    const auditAfter = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(user.id)));
    expect(auditAfter).toHaveLength(auditBefore.length);
  });

  it('records before and after of a change', async () => {
    const user = await buildUser(database.db, [{ role: 'commune_officer', unitCode: '18562' }]);
    await admin.request('PATCH', `/api/users/${user.id}`, { fullName: 'Tên Mới' });
    const rows = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(user.id)));
    const update = rows.find((r) => r.action === 'user.update');
    expect(update?.before).toMatchObject({ fullName: user.fullName });
    expect(update?.after).toMatchObject({ fullName: 'Tên Mới' });
    expect(update?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('resets a password: the old one stops working', async () => {
    const user = await buildUser(database.db, [{ role: 'commune_officer', unitCode: '18562' }]);
    expect(
      (await admin.request('PATCH', `/api/users/${user.id}`, { password: 'mat-khau-moi-123' })).statusCode,
    ).toBe(200);
    await expect(signIn(app, user.username)).rejects.toThrow(/401/);
    await signIn(app, user.username, 'mat-khau-moi-123');
  });

  it('does not let an administrator lock himself out', async () => {
    const res = await admin.request('PATCH', `/api/users/${adminId}`, { active: false });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/chính mình/);
  });

  it('searches users by name or username', async () => {
    const res = (await admin.request('GET', `/api/users?q=${encodeURIComponent('Nguyễn Thị Mới')}`)).json();
    expect(res.items.map((u: { username: string }) => u.username)).toEqual(['can.bo.moi']);
  });
});
