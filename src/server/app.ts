/** Builds the Fastify application: plugins, error handling, the API routes and the web app. */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import helmet from 'helmet';
import { WEB_DIST } from '../paths.js';
import { registerAuditRoutes } from './audit/routes.js';
import { authPlugin } from './auth/plugin.js';
import { registerAuthRoutes } from './auth/routes.js';
import { registerBoardRoutes } from './board/routes.js';
import { registerConsolidationRoutes } from './consolidation/routes.js';
import type { App, AppContext } from './context.js';
import { registerDocumentRoutes } from './documents/routes.js';
import { registerErrorHandling, sendNotFound } from './errors.js';
import { registerHomeRoutes } from './home/routes.js';
import { registerInputGuard } from './input-guard.js';
import { registerLogbookRoutes } from './logbook/routes.js';
import { registerLogbookSheetRoutes } from './logbook/sheet-routes.js';
import { registerNotificationRoutes } from './notifications/routes.js';
import { registerOutlineRoutes } from './outlines/routes.js';
import { registerReportRoutes } from './reports/routes.js';
import { registerRoundRoutes } from './rounds/routes.js';
import { registerSystemRoutes } from './system/routes.js';
import { registerUnitRoutes } from './units/routes.js';
import { registerUserRoutes } from './users/routes.js';

/** Requests larger than this are refused with 413 before they are parsed. */
export const BODY_LIMIT = 1024 * 1024;

export interface BuildOptions extends AppContext {
  config: AppContext['config'] & { trustedProxies?: readonly string[] };
  logger?: FastifyServerOptions['logger'];
  /** Folder of the built web app; defaults to web/dist. */
  webDist?: string;
}

export async function buildApp(options: BuildOptions): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT,
    genReqId: () => randomUUID(),
    // A client must not choose the id we log its request under.
    requestIdHeader: false,
    routerOptions: { ignoreTrailingSlash: true },
    // X-Forwarded-For is believed only from the proxies named in TRUSTED_PROXIES: anyone else could
    // write any address there and escape the sign-in limits by address.
    trustProxy: options.config.trustedProxies?.length ? [...options.config.trustedProxies] : false,
  }).withTypeProvider<ZodTypeProvider>();
  if (options.config.env === 'production' && !options.config.cookieSecure) {
    app.log.warn(
      'COOKIE_SECURE=false under NODE_ENV=production: the session cookie is sent over plain HTTP too. Only for a closed LAN without HTTPS.',
    );
  }

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  // Security headers: helmet's, the same on every answer (no nonce, no per-request directive), so
  // they are computed once and set as a block. @fastify/helmet rebuilt the middleware, its CSP
  // parsing included, on every request, and even a prebuilt helmet runs a dozen middlewares each time.
  const securityHeaders = staticSecurityHeaders();
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(securityHeaders);
    done();
  });
  // API answers (a unit list, a report) are compressed on the fly; the web app's files are sent
  // pre-compressed by @fastify/static (web/compress.mjs writes .br and .gz at build time).
  await app.register(compress, { threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'doingoai API',
        description: 'Hệ thống báo cáo công tác đối ngoại: API của máy chủ.',
        version: '0.1.0',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(authPlugin, { db: options.db, trustedOrigins: options.config.trustedOrigins });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  registerInputGuard(app);

  registerSystemRoutes(app);
  registerAuthRoutes(app, options);
  registerHomeRoutes(app, options);
  registerUnitRoutes(app, options);
  registerUserRoutes(app, options);
  registerAuditRoutes(app, options);
  registerOutlineRoutes(app, options);
  registerReportRoutes(app, options);
  registerDocumentRoutes(app, options);
  registerRoundRoutes(app, options);
  registerBoardRoutes(app, options);
  registerConsolidationRoutes(app, options);
  registerNotificationRoutes(app, options);
  registerLogbookRoutes(app, options);
  registerLogbookSheetRoutes(app, options);

  const webDist = options.webDist ?? WEB_DIST;
  const indexHtml = path.join(webDist, 'index.html');
  if (existsSync(indexHtml)) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: false,
      preCompressed: true,
      maxAge: '1y',
      immutable: true,
      setHeaders: (res, file) => {
        if (!file.includes(`${path.sep}assets${path.sep}`)) res.header('cache-control', 'no-cache');
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const isPage =
      request.method === 'GET' &&
      !request.url.startsWith('/api') &&
      !path.extname(request.url.split('?')[0] ?? '');
    if (!isPage) return sendNotFound(request, reply);
    if (!existsSync(indexHtml)) {
      return reply
        .status(503)
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><html lang="vi"><meta charset="utf-8"><title>doingoai</title>' +
            '<p>Giao diện web chưa được xây dựng. Hãy chạy <code>npm run build:web</code> (hoặc <code>npm start</code>, lệnh này tự xây dựng).</p></html>',
        );
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html', webDist);
  });

  return app;
}

/** Helmet's headers for our policy, collected once from its middleware. */
function staticSecurityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const collect = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        // Served over plain HTTP inside a government LAN too: never rewrite requests to https.
        upgradeInsecureRequests: null,
      },
    },
    // Plain HTTP on a LAN is a supported deployment; HSTS is for the proxy that terminates TLS.
    strictTransportSecurity: false,
  })({} as IncomingMessage, collect as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}
