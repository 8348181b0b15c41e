/** Register of outgoing documents, issuing reports and document downloads. */
import type { App, AppContext } from '../context.js';
import { registerRegisterRoutes } from './register-routes.js';
import { registerReportDocumentRoutes } from './report-routes.js';

export function registerDocumentRoutes(app: App, ctx: AppContext): void {
  registerRegisterRoutes(app, ctx);
  registerReportDocumentRoutes(app, ctx);
}
