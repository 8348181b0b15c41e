/** The home page of a signed-in user: what is due, the current data windows, the user's units. */

import { openRoundsOfProvinces, openRoundsOfUnits } from '../../db/rounds.js';
import { getUser } from '../../db/users.js';
import { type DueItem, homeResponse } from '../../domain/api.js';
import { can } from '../../domain/authz.js';
import {
  dataWindow,
  daysBetween,
  periodLabel,
  periodsContaining,
  todayInVietnam,
} from '../../domain/periods.js';
import { daysLeft } from '../../domain/rounds.js';
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
      const due: DueItem[] = [];
      // Rounds the user's units must answer: deadline, countdown and the unit's report.
      const rows = await openRoundsOfUnits(
        ctx.db,
        units.map((u) => u.id),
      );
      for (const r of rows) {
        const canEdit = can(auth.actor, 'report.edit', r.unit);
        if (!canEdit && !can(auth.actor, 'report.read', r.unit)) continue;
        due.push({
          id: `round-${r.round.id}-unit-${r.unit.id}`,
          title: r.round.name,
          unit: { id: r.unit.id, code: r.unit.code, name: r.unit.name, kind: r.unit.kind },
          deadline: r.round.deadline,
          daysLeft: daysLeft(today, r.round.deadline),
          status: r.reportStatus ?? 'not_started',
          href: r.reportId ? `/bao-cao/${r.reportId}` : `/dot-bao-cao/${r.round.id}`,
          kind: 'report',
          roundId: r.round.id,
          reportId: r.reportId,
          revision: r.revision,
          canEdit,
          progress: null,
          work: null,
        });
      }
      // Rounds the user's province receives: how many units have sent their report.
      for (const record of await openRoundsOfProvinces(ctx.db, auth.actor)) {
        const { row, unit } = record;
        const left = daysLeft(today, row.deadline);
        due.push({
          id: `round-${row.id}`,
          title: row.name,
          unit: { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind },
          deadline: row.deadline,
          daysLeft: left,
          status: 'receiving',
          href: `/dot-bao-cao/${row.id}`,
          kind: 'round',
          roundId: row.id,
          reportId: null,
          revision: null,
          canEdit: false,
          progress: { sent: record.sentCount, total: record.unitCount },
          work: {
            toReceive: record.toReceive,
            toAccept: record.toAccept,
            returned: record.returnedToUnits,
            late: left < 0 ? record.unitCount - record.sentCount : 0,
          },
        });
      }
      return { today, due, periods, units };
    },
  );
}
