/**
 * Dashboards (thống kê): an indicator over periods for a unit or a province, the communes of a
 * province side by side, reporting rates over rounds. Each needs report.read on the unit.
 */
import { loadBoardRecord } from '../../db/board.js';
import { activeCommuneCount, comparisonValues, indicatorValues, loadIndicator } from '../../db/dashboards.js';
import { listOutlineRows } from '../../db/outlines.js';
import { loadUnitRef } from '../../db/units.js';
import {
  compareQuery,
  compareResponse,
  indicatorsQuery,
  indicatorsResponse,
  ratesQuery,
  ratesResponse,
  seriesQuery,
  seriesResponse,
} from '../../domain/api-board.js';
import { compareUnits, indicatorSeries } from '../../domain/dashboards.js';
import { AppError } from '../../domain/errors.js';
import { authorize, requireAuth } from '../auth/plugin.js';
import type { App, AppContext } from '../context.js';
import { ERROR_RESPONSES } from '../errors.js';
import { loadOwners, outlineVisible, ownerOf } from '../outlines/present.js';
import { presentComparison, presentNumericIndicators, presentSeries } from './dashboards-present.js';
import { presentBoard } from './present.js';

const DEFAULT_OUTLINE = 'commune-report';

export function registerDashboardRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/dashboards/indicators',
    {
      schema: {
        tags: ['dashboards'],
        summary: 'Các chỉ tiêu số liệu của một đề cương (để chọn trên trang thống kê)',
        querystring: indicatorsQuery,
        response: { 200: indicatorsResponse, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { actor } = requireAuth(request);
      const rows = await listOutlineRows(ctx.db, { all: false, documentKind: 'report', ownerUnitIds: null });
      const owners = await loadOwners(ctx.db, rows);
      const visible = rows.filter((r) => outlineVisible(actor, ownerOf(r, owners)));
      const wanted = request.query.outlineCode ?? DEFAULT_OUTLINE;
      const chosen = visible.find((r) => r.code === wanted) ?? visible[0];
      if (!chosen) return { outlines: [], outlineCode: wanted, indicators: [] };
      if (request.query.outlineCode && chosen.code !== request.query.outlineCode) {
        throw new AppError('NOT_FOUND', 'Không tìm thấy đề cương.');
      }
      return {
        outlines: visible.map((r) => ({ code: r.code, name: r.name })),
        outlineCode: chosen.code,
        indicators: presentNumericIndicators(chosen.definition),
      };
    },
  );

  app.get(
    '/api/dashboards/series',
    {
      schema: {
        tags: ['dashboards'],
        summary:
          'Một chỉ tiêu qua các kỳ của một đơn vị (tỉnh: cộng từ các xã hoặc báo cáo tổng hợp của tỉnh)',
        querystring: seriesQuery,
        response: { 200: seriesResponse, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const unit = await loadUnitRef(ctx.db, request.query.unitId);
      authorize(request, 'report.read', unit);
      const { outlineCode, indicator: code, periodKind, by } = request.query;
      const indicator = await loadIndicator(ctx.db, outlineCode, code);
      const rows = await indicatorValues(ctx.db, {
        unitId: unit.id,
        communesOf: unit.kind === 'province' ? unit.provinceCode : null,
        outlineCode,
        indicator: code,
      });
      const series = indicatorSeries(indicator.indicator, unit.id, rows, { periodKind, by });
      return presentSeries(unit, indicator, series, by);
    },
  );

  app.get(
    '/api/dashboards/units',
    {
      schema: {
        tags: ['dashboards'],
        summary: 'So sánh các xã của một tỉnh theo một chỉ tiêu trong một kỳ',
        querystring: compareQuery,
        response: { 200: compareResponse, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const unit = await loadUnitRef(ctx.db, request.query.unitId);
      authorize(request, 'report.read', unit);
      if (unit.kind !== 'province' || !unit.provinceCode) {
        const message = 'Hãy chọn một tỉnh để so sánh các xã, phường của tỉnh.';
        throw new AppError('VALIDATION', message, [{ path: 'unitId', message }]);
      }
      const { outlineCode, indicator: code, periodKey, top } = request.query;
      const indicator = await loadIndicator(ctx.db, outlineCode, code);
      const { rows, periodKeys } = await comparisonValues(ctx.db, {
        provinceId: unit.id,
        provinceCode: unit.provinceCode,
        outlineCode,
        indicator: code,
        ...(periodKey ? { periodKey } : {}),
      });
      const communes = await activeCommuneCount(ctx.db, unit.provinceCode);
      const comparison = compareUnits(
        indicator.indicator,
        unit.id,
        rows,
        { periodKey, top },
        communes,
        periodKeys,
      );
      return presentComparison(unit, indicator, comparison);
    },
  );

  app.get(
    '/api/dashboards/rates',
    {
      schema: {
        tags: ['dashboards'],
        summary: 'Tỷ lệ gửi báo cáo và gửi đúng hạn qua các đợt báo cáo của đơn vị nhận',
        querystring: ratesQuery,
        response: { 200: ratesResponse, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const unit = await loadUnitRef(ctx.db, request.query.unitId);
      authorize(request, 'report.read', unit);
      const params = { ...request.query, lateOnly: false };
      const board = presentBoard(unit, params, await loadBoardRecord(ctx.db, unit.id, params));
      return {
        unit: board.unit,
        points: board.rounds.map((r) => ({
          roundId: r.id,
          name: r.name,
          periodLabel: r.periodLabel,
          deadline: r.deadline,
          required: r.required,
          sent: r.sent,
          rate: r.rate,
          onTimeRate: r.onTimeRate,
        })),
      };
    },
  );
}
