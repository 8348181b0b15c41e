/** Sign-in, sign-out and "who am I". */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { writeAudit } from '../../db/audit.js';
import { burnVerify, hashPassword, verifyPassword } from '../../db/password-hash.js';
import {
  createSession,
  deleteSession,
  type Reservation,
  reserveSignInAttempt,
  type SessionUser,
  signInFailed,
  signInSucceeded,
} from '../../db/sessions.js';
import { changeOwnPassword, findUserByUsername, getUser, loadActor, markSignedIn } from '../../db/users.js';
import {
  changePasswordBody,
  errorResponse,
  type MeResponse,
  meResponse,
  okResponse,
  sessionResponse,
  signInBody,
} from '../../domain/api.js';
import { canAnywhere } from '../../domain/authz.js';
import { AppError } from '../../domain/errors.js';
import type { App, AppContext } from '../context.js';
import { assertPasswordAllowed } from './password-policy.js';
import { type Auth, auditActor, clearSessionCookie, requireAuth, setSessionCookie } from './plugin.js';

/** Answers 429 with how long to wait (Retry-After and the message) when the attempt was not reserved. */
function refuseIfThrottled(reservation: Reservation, reply: FastifyReply, what: string): void {
  if (reservation.ok) return;
  const seconds = reservation.retryAfterSeconds;
  reply.header('retry-after', String(seconds));
  const wait = seconds < 90 ? `${seconds} giây` : `${Math.ceil(seconds / 60)} phút`;
  throw new AppError('TOO_MANY_ATTEMPTS', `${what} sai nhiều lần liên tiếp. Vui lòng thử lại sau ${wait}.`);
}

async function presentMe(
  ctx: AppContext,
  session: Pick<SessionUser, 'user' | 'expiresAt'>,
  auth?: Auth,
): Promise<MeResponse> {
  const actor = auth?.actor ?? (await loadActor(ctx.db, session.user.id));
  const user = await getUser(ctx.db, session.user.id);
  return {
    user: { id: user.id, username: user.username, fullName: user.fullName },
    grants: user.grants,
    abilities: {
      manageUsers: canAnywhere(actor, 'user.manage'),
      manageUnits: canAnywhere(actor, 'unit.manage'),
      manageRounds: canAnywhere(actor, 'round.manage'),
      manageOutlines: canAnywhere(actor, 'outline.manage'),
      writeReports: canAnywhere(actor, 'report.edit'),
      readAudit: canAnywhere(actor, 'audit.read'),
    },
    sessionExpiresAt: session.expiresAt.toISOString(),
  };
}

const clientIp = (request: FastifyRequest) => request.ip || 'unknown';

export function registerAuthRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/auth/sign-in',
    {
      schema: {
        tags: ['auth'],
        summary: 'Đăng nhập bằng tên đăng nhập và mật khẩu',
        body: signInBody,
        response: { 200: meResponse, 401: errorResponse, 429: errorResponse },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const ip = clientIp(request);
      // The attempt is counted before the password is checked: parallel guesses cannot overtake it.
      const reservation = await reserveSignInAttempt(ctx.db, { username, ip });
      refuseIfThrottled(reservation, reply, 'Đăng nhập');
      const user = await findUserByUsername(ctx.db, username);
      let ok = false;
      if (user) ok = await verifyPassword(user.passwordHash, password);
      else await burnVerify(password); // as slow as a wrong password: no probing for usernames
      // A locked account answers like a wrong password, whatever the password: the answer must not
      // tell an attacker that he guessed the password of a locked account.
      if (!user || !ok || !user.active) {
        await signInFailed(ctx.db, reservation);
        throw new AppError('INVALID_CREDENTIALS');
      }
      const session = await ctx.db.transaction(async (tx) => {
        await signInSucceeded(tx, username, ip);
        const created = await createSession(tx, {
          userId: user.id,
          ttlHours: ctx.config.sessionTtlHours,
          ip,
          userAgent: request.headers['user-agent'],
        });
        await markSignedIn(tx, user.id);
        await writeAudit(
          tx,
          { userId: user.id, label: user.username, requestId: request.id },
          { action: 'auth.sign_in', entity: 'user', entityId: user.id, after: { ip } },
        );
        return created;
      });
      setSessionCookie(reply, session.token, session.expiresAt, ctx.config.cookieSecure);
      return presentMe(ctx, { user, expiresAt: session.expiresAt });
    },
  );

  app.post(
    '/api/auth/sign-out',
    { schema: { tags: ['auth'], summary: 'Đăng xuất', response: { 200: okResponse } } },
    async (request, reply) => {
      const auth = request.auth;
      if (auth) {
        await ctx.db.transaction(async (tx) => {
          await deleteSession(tx, auth.sessionId);
          await writeAudit(
            tx,
            { userId: auth.user.id, label: auth.user.username, requestId: request.id },
            { action: 'auth.sign_out', entity: 'user', entityId: auth.user.id },
          );
        });
      }
      clearSessionCookie(reply, ctx.config.cookieSecure);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'Người dùng đang đăng nhập',
        response: { 200: meResponse, 401: errorResponse },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      return presentMe(ctx, auth, auth);
    },
  );

  // The web app asks this as it loads: a visitor not signed in is an answer, not an error.
  app.get(
    '/api/auth/session',
    {
      schema: {
        tags: ['auth'],
        summary: 'Người dùng đang đăng nhập, hoặc null khi chưa đăng nhập (không trả lỗi 401)',
        response: { 200: sessionResponse },
      },
    },
    async (request) => ({ me: request.auth ? await presentMe(ctx, request.auth, request.auth) : null }),
  );

  app.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Đổi mật khẩu của chính mình (các phiên đăng nhập khác kết thúc)',
        body: changePasswordBody,
        response: { 200: okResponse, 400: errorResponse, 401: errorResponse, 429: errorResponse },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const { currentPassword, newPassword } = request.body;
      const ip = clientIp(request);
      const username = auth.user.username;
      refuseIfThrottled(
        await reserveSignInAttempt(ctx.db, { username, ip, ownAccount: true }),
        reply,
        'Nhập mật khẩu hiện tại',
      );
      const user = await findUserByUsername(ctx.db, username);
      if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
        throw new AppError('VALIDATION', 'Mật khẩu hiện tại không đúng.', [
          { path: 'currentPassword', message: 'Mật khẩu hiện tại không đúng.' },
        ]);
      }
      await signInSucceeded(ctx.db, username, ip);
      assertPasswordAllowed(newPassword, user, 'newPassword');
      const passwordHash = await hashPassword(newPassword);
      await ctx.db.transaction((tx) =>
        changeOwnPassword(tx, auditActor(request), {
          userId: user.id,
          passwordHash,
          keepSession: auth.sessionId,
        }),
      );
      return { ok: true as const };
    },
  );
}
