import type { App, AppContext } from '../context.js';

// Placeholder: filled by the feature that owns these routes.
export function registerConsolidationRoutes(_app: App, _ctx: AppContext): void {}
