/**
 * The sources of a consolidation: the received reports of an outline and period (of a round, of a
 * province), read in one query with only what consolidation needs (values, nil answers, the unit's
 * code and name; never the narratives), in official code order. A consolidated report is never a
 * source of another consolidation of the same rows (it would count twice).
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { ReportStatus } from '../domain/api-reports.js';
import type { ConsolidationSource } from '../domain/consolidation/index.js';
import type { ReportValues } from '../domain/outline.js';
import type { Queryable } from './client.js';
import { reports, units } from './schema.js';

/** What the province has received: the reports it consolidates by default. */
export const CONSOLIDATED_STATUSES: readonly ReportStatus[] = ['received', 'accepted'];

export interface SourceFilter {
  outlineCode: string;
  periodKey: string;
  roundId?: number;
  provinceCode?: string;
  statuses?: readonly ReportStatus[];
}

interface NilAnswer {
  all?: boolean;
  sections?: string[];
}

export async function loadSources(q: Queryable, filter: SourceFilter): Promise<ConsolidationSource[]> {
  const statuses = filter.statuses ?? CONSOLIDATED_STATUSES;
  const conditions = [
    eq(reports.outlineCode, filter.outlineCode),
    eq(reports.periodKey, filter.periodKey),
    inArray(reports.status, [...statuses]),
    isNull(reports.consolidation),
  ];
  if (filter.roundId !== undefined) conditions.push(eq(reports.roundId, filter.roundId));
  if (filter.provinceCode !== undefined) conditions.push(eq(units.provinceCode, filter.provinceCode));
  const rows = await q
    .select({
      reportId: reports.id,
      version: reports.version,
      unitId: units.id,
      code: units.code,
      name: units.name,
      kind: units.kind,
      values: sql<ReportValues | null>`${reports.content} -> 'values'`,
      nil: sql<NilAnswer | null>`${reports.content} -> 'nil'`,
    })
    .from(reports)
    .innerJoin(units, eq(units.id, reports.unitId))
    .where(and(...conditions))
    .orderBy(asc(sql`length(${units.code})`), asc(units.code));
  return rows.map((r) => ({
    reportId: r.reportId,
    version: r.version,
    unit: { id: r.unitId, code: r.code, name: r.name, kind: r.kind },
    values: r.values ?? {},
    nilAll: r.nil?.all === true,
    nilSections: r.nil?.sections ?? [],
  }));
}
