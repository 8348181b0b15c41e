/** User administration: administrators create users and grant roles inside the units they administer. */

import type { Queryable } from '../../db/client.js';
import { hashPassword } from '../../db/password-hash.js';
import { loadUnitRefs } from '../../db/units.js';
import { changeOwnEmail, createUser, getOwnEmail, getUser, listUsers, updateUser } from '../../db/users.js';
import type { GrantIn } from '../../domain/api.js';
import {
  accountOut,
  createUserBody,
  idParam,
  updateAccountBody,
  updateUserBody,
  userListQuery,
  userListResponse,
  userOut,
} from '../../domain/api.js';
import { type Actor, adminScope, can, canAnywhere } from '../../domain/authz.js';
import { AppError } from '../../domain/errors.js';
import { assertPasswordAllowed } from '../auth/password-policy.js';
import { auditActor, requireAuth } from '../auth/plugin.js';
import type { App, AppContext } from '../context.js';
import { ERROR_RESPONSES } from '../errors.js';
import { presentUser } from './present.js';

const errors = ERROR_RESPONSES;

/** Every grant must lie inside the actor's reach; whether the role fits the unit is checked on save. */
async function assertGrantable(q: Queryable, actor: Actor, grants: GrantIn[]) {
  const refs = await loadUnitRefs(
    q,
    grants.map((g) => g.unitId),
  );
  for (const unit of refs.values()) {
    if (!can(actor, 'user.manage', unit)) {
      throw new AppError('FORBIDDEN', 'Bạn chỉ giao được vai trò trong các đơn vị mình quản trị.');
    }
  }
}

export function registerUserRoutes(app: App, ctx: AppContext): void {
  const requireAdmin = (request: Parameters<typeof requireAuth>[0]) => {
    const auth = requireAuth(request);
    if (!canAnywhere(auth.actor, 'user.manage')) throw new AppError('FORBIDDEN');
    return auth;
  };

  /** An administrator edits a user only when every role of that user lies inside his reach. */
  const assertManages = async (actor: Actor, userId: number) => {
    const user = await getUser(ctx.db, userId);
    const refs = await loadUnitRefs(
      ctx.db,
      user.grants.map((g) => g.unit.id),
    );
    const outside =
      user.grants.length === 0 || [...refs.values()].some((ref) => !can(actor, 'user.manage', ref));
    if (outside)
      throw new AppError('FORBIDDEN', 'Người dùng này có vai trò ở đơn vị ngoài phạm vi bạn quản trị.');
    return user;
  };

  app.get(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Danh sách người dùng trong phạm vi quản trị',
        querystring: userListQuery,
        response: { 200: userListResponse, ...errors },
      },
    },
    async (request) => {
      const auth = requireAdmin(request);
      const { items, total } = await listUsers(ctx.db, request.query, adminScope(auth.actor));
      return { items: items.map(presentUser), total };
    },
  );

  app.get(
    '/api/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Một người dùng',
        params: idParam,
        response: { 200: userOut, ...errors },
      },
    },
    async (request) => {
      const auth = requireAdmin(request);
      return presentUser(await assertManages(auth.actor, request.params.id));
    },
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Tạo người dùng và giao vai trò',
        body: createUserBody,
        response: { 200: userOut, ...errors },
      },
    },
    async (request) => {
      const auth = requireAdmin(request);
      const body = request.body;
      await assertGrantable(ctx.db, auth.actor, body.grants);
      assertPasswordAllowed(body.password, body, 'password');
      const passwordHash = await hashPassword(body.password);
      const user = await ctx.db.transaction((tx) =>
        createUser(tx, auditActor(request), {
          username: body.username,
          fullName: body.fullName,
          email: body.email,
          passwordHash,
          grants: body.grants,
        }),
      );
      return presentUser(user);
    },
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Sửa người dùng: họ tên, khóa/mở khóa, đặt lại mật khẩu, vai trò',
        params: idParam,
        body: updateUserBody,
        response: { 200: userOut, ...errors },
      },
    },
    async (request) => {
      const auth = requireAdmin(request);
      const { id } = request.params;
      const body = request.body;
      await assertManages(auth.actor, id);
      if (body.grants) await assertGrantable(ctx.db, auth.actor, body.grants);
      if (id === auth.user.id && (body.active === false || body.grants)) {
        throw new AppError('VALIDATION', 'Bạn không thể tự khóa tài khoản hay đổi vai trò của chính mình.');
      }
      if (body.password) {
        const user = await getUser(ctx.db, id);
        assertPasswordAllowed(
          body.password,
          { username: user.username, fullName: body.fullName ?? user.fullName },
          'password',
        );
      }
      const passwordHash = body.password ? await hashPassword(body.password) : undefined;
      const user = await ctx.db.transaction((tx) =>
        updateUser(tx, auditActor(request), id, {
          fullName: body.fullName,
          email: body.email,
          active: body.active,
          passwordHash,
          grants: body.grants,
        }),
      );
      return presentUser(user);
    },
  );

  // The signed-in user's own account: the e-mail address reminders are sent to.
  app.get(
    '/api/account',
    {
      schema: {
        tags: ['users'],
        summary: 'Thông tin tài khoản của chính mình (thư điện tử nhận nhắc việc)',
        response: { 200: accountOut, ...errors },
      },
    },
    async (request) => getOwnEmail(ctx.db, requireAuth(request).user.id),
  );

  app.patch(
    '/api/account',
    {
      schema: {
        tags: ['users'],
        summary: 'Đổi địa chỉ thư điện tử nhận nhắc việc của chính mình',
        body: updateAccountBody,
        response: { 200: accountOut, ...errors },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      return ctx.db.transaction((tx) =>
        changeOwnEmail(tx, auditActor(request), { userId: auth.user.id, email: request.body.email }),
      );
    },
  );
}
