/** The home page of a signed-in user: what is due, the current data windows, the user's units. */

import { getUser } from '../../db/users.js';
import { homeResponse } from '../../domain/api.js';
import {
  dataWindow,
  daysBetween,
  periodLabel,
  periodsContaining,
  todayInVietnam,
} from '../../domain/periods.js';
import { requireAuth } from '../auth/plugin.js';
import type { App, AppContext } from '../context.js';

export function registerHomeRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/home',
    { schema: { tags: ['home'], summary: 'Trang chủ: việc cần làm', response: { 200: homeResponse } } },
    async (request) => {
      const auth = requireAuth(request);
      const today = todayInVietnam();
      const user = await getUser(ctx.db, auth.user.id);
      const units = [...new Map(user.grants.map((g) => [g.unit.id, g.unit])).values()];
      const periods = periodsContaining(today).map((period) => {
        const window = dataWindow(period);
        return {
          kind: period.kind,
          label: periodLabel(period),
          windowStart: window.start,
          windowEnd: window.end,
          daysToClose: daysBetween(today, window.end),
        };
      });
      // Reporting rounds, and so items due, arrive with the reporting-round feature; until a round
      // names one of the user's units there is nothing due, and the page says so.
      return { today, due: [], periods, units };
    },
  );
}
