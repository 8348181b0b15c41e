/** Health and the OpenAPI description. */
import { healthResponse } from '../../domain/api.js';
import type { App } from '../context.js';

export function registerSystemRoutes(app: App): void {
  app.get(
    '/api/health',
    { schema: { tags: ['system'], summary: 'Tình trạng hệ thống', response: { 200: healthResponse } } },
    async () => ({ status: 'ok' as const }),
  );
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
