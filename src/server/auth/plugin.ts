/**
 * Reads the session cookie of every request, guards state-changing requests against cross-site
 * forgery, and gives routes `requireAuth` and `authorize`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AuditActor } from '../../db/audit.js';
import type { Db } from '../../db/client.js';
import { findSessionActor, type SessionUser } from '../../db/sessions.js';
import { type Action, type Actor, can, type UnitRef } from '../../domain/authz.js';
import { AppError } from '../../domain/errors.js';

export const SESSION_COOKIE = 'doingoai_sid';

export interface Auth extends SessionUser {
  actor: Actor;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: Auth | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery: a state-changing request must come from our own pages. Browsers
 * send Origin (and Sec-Fetch-Site) with every POST/PUT/PATCH/DELETE; a mismatch is refused.
 * Requests without either header come from non-browser clients, which carry no ambient cookie.
 * The session cookie is also SameSite=Lax, and JSON bodies force a CORS preflight.
 */
function isCrossSite(request: FastifyRequest, trustedOrigins: readonly string[]): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return true;
  const origin = request.headers.origin;
  if (!origin) return false;
  if (trustedOrigins.includes(origin)) return false;
  const host = request.headers.host;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/**
 * The API routes anyone may call without a session. Every other /api route answers 401 before it
 * runs, so that no handler can look anything up (and tell an existing id from a missing one) for
 * an anonymous caller. Unknown /api addresses still answer 404 ROUTE_NOT_FOUND: they name no data.
 */
export const PUBLIC_ROUTES: ReadonlySet<string> = new Set([
  'POST /api/auth/sign-in',
  'POST /api/auth/sign-out',
  // Answers only whether the caller is signed in (and who, to that user).
  'GET /api/auth/session',
  'GET /api/health',
  'GET /api/openapi.json',
]);

function needsSession(request: FastifyRequest): boolean {
  const route = request.routeOptions.url;
  if (route === undefined || !route.startsWith('/api/')) return false;
  const method = request.method === 'HEAD' ? 'GET' : request.method;
  return !PUBLIC_ROUTES.has(`${method} ${route}`);
}

export interface AuthPluginOptions {
  db: Db;
  trustedOrigins: readonly string[];
}

export const authPlugin = fp<AuthPluginOptions>(async (app: FastifyInstance, options) => {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    if (!SAFE_METHODS.has(request.method) && isCrossSite(request, options.trustedOrigins)) {
      throw new AppError('CSRF');
    }
    const token = request.cookies[SESSION_COOKIE];
    const session = token && token.length <= 200 ? await findSessionActor(options.db, token) : null;
    if (session) request.auth = session;
    else if (needsSession(request)) throw new AppError('UNAUTHENTICATED');
  });
});

export function requireAuth(request: FastifyRequest): Auth {
  if (!request.auth) throw new AppError('UNAUTHENTICATED');
  return request.auth;
}

/** Throws FORBIDDEN unless the signed-in user may take `action` on `unit`. */
export function authorize(request: FastifyRequest, action: Action, unit: UnitRef): Auth {
  const auth = requireAuth(request);
  if (!can(auth.actor, action, unit)) throw new AppError('FORBIDDEN');
  return auth;
}

/** Who to write in the audit log for this request. */
export function auditActor(request: FastifyRequest): AuditActor {
  const auth = request.auth;
  return { userId: auth?.user.id ?? null, label: auth?.user.username ?? 'anonymous', requestId: request.id };
}

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}
