/**
 * A province whose communes report to its Sở Ngoại vụ answers the ministry: the UBND tỉnh's report
 * on the ministry's outline (`province-report`) drafted from the Sở's consolidated report of the
 * same period (`department-consolidated-report`, issued to the UBND tỉnh). The figures, their trace
 * to the communes' reports, the coverage, the narrative and the communes' digest are the Sở's
 * (copied as they were consolidated), so every figure still traces down to a commune; the Sở's own
 * activities go into the province's own section (the two outlines share its keys). The report's
 * `round_id` is the ministry's round: the ministry's sources are the provinces it asked (by unit),
 * so the Sở's report is never a second source beside the UBND tỉnh's.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { readStored, type StoredConsolidation } from '../domain/consolidation/stored.js';
import { AppError } from '../domain/errors.js';
import type { ReportValues } from '../domain/outline.js';
import { DEPARTMENT_CONSOLIDATED_REPORT_CODE } from '../domain/outlines/builtin/province-report.js';
import { indicatorsOf } from '../domain/outlines/index.js';
import { parsePeriodKey, periodLabel } from '../domain/periods.js';
import { type ReportContent, reportContentSchema } from '../domain/report-json.js';
import { EDITABLE_STATUSES, REPORT_STATUS_LABELS, type ReportStatus } from '../domain/workflow.js';
import { type AuditActor, writeAudit } from './audit.js';
import type { Queryable } from './client.js';
import { findCurrentOutline } from './outlines.js';
import { isRoundUnit, loadRoundRow } from './rounds.js';
import { reports, units } from './schema.js';

/** The Sở's report has left the Sở: signed and issued to the UBND tỉnh (received or accepted later). */
const ISSUED: readonly ReportStatus[] = ['issued', 'received', 'accepted'];

export interface AnswerFromDepartmentInput {
  /** The ministry's round asking the province. */
  roundId: number;
  /** The province unit (UBND tỉnh) answering it. */
  provinceId: number;
  /** The Sở Ngoại vụ's consolidated report the answer is drafted from. */
  departmentReportId: number;
}

/** The figures of the Sở's report that the province's outline holds (same keys, same indicators). */
function valuesOn(codes: ReadonlySet<string>, values: ReportValues): ReportValues {
  return Object.fromEntries(Object.entries(values).filter(([k]) => codes.has(k)));
}

export async function answerFromDepartmentReport(
  q: Queryable,
  actor: AuditActor,
  input: AnswerFromDepartmentInput,
  now: Date = new Date(),
): Promise<{ reportId: number; created: boolean }> {
  const round = await loadRoundRow(q, input.roundId);
  const period = periodLabel(parsePeriodKey(round.periodKey));
  const [receiving] = await q.select({ kind: units.kind }).from(units).where(eq(units.id, round.unitId));
  const [province] = await q
    .select({ id: units.id, kind: units.kind, name: units.name, provinceCode: units.provinceCode })
    .from(units)
    .where(eq(units.id, input.provinceId));
  if (!province) throw new AppError('NOT_FOUND', 'Không tìm thấy tỉnh, thành phố báo cáo.');
  if (
    receiving?.kind !== 'country' ||
    province.kind !== 'province' ||
    !(await isRoundUnit(q, round.id, province.id))
  )
    throw new AppError(
      'BAD_REQUEST',
      `Đợt báo cáo này không yêu cầu ${province.name} báo cáo Bộ Ngoại giao: chỉ lập báo cáo từ báo cáo tổng hợp của Sở Ngoại vụ cho đợt báo cáo của Bộ Ngoại giao gửi tỉnh.`,
    );

  const [source] = await q
    .select({
      id: reports.id,
      status: reports.status,
      outlineCode: reports.outlineCode,
      periodKey: reports.periodKey,
      content: reports.content,
      consolidation: reports.consolidation,
      version: reports.version,
      unitKind: units.kind,
      unitName: units.name,
      provinceCode: units.provinceCode,
    })
    .from(reports)
    .innerJoin(units, eq(units.id, reports.unitId))
    .where(eq(reports.id, input.departmentReportId));
  const stored: StoredConsolidation | null = source ? readStored(source.consolidation) : null;
  if (
    !source ||
    !stored ||
    source.unitKind !== 'body' ||
    source.outlineCode !== DEPARTMENT_CONSOLIDATED_REPORT_CODE
  )
    throw new AppError(
      'BAD_REQUEST',
      'Báo cáo đã chọn không phải báo cáo tổng hợp của Sở Ngoại vụ gửi UBND tỉnh: hãy chọn báo cáo tổng hợp của Sở Ngoại vụ cùng kỳ.',
    );
  if (source.provinceCode !== province.provinceCode)
    throw new AppError(
      'BAD_REQUEST',
      `Báo cáo tổng hợp đã chọn là của ${source.unitName}, không phải của Sở Ngoại vụ thuộc ${province.name}: không lập được báo cáo của tỉnh từ số liệu của tỉnh khác.`,
    );
  if (source.periodKey !== round.periodKey)
    throw new AppError(
      'BAD_REQUEST',
      `Báo cáo tổng hợp đã chọn là của kỳ ${periodLabel(parsePeriodKey(source.periodKey))}, còn Bộ Ngoại giao yêu cầu báo cáo ${period}: hãy chọn báo cáo tổng hợp của Sở Ngoại vụ cùng kỳ.`,
    );
  if (!ISSUED.includes(source.status))
    throw new AppError(
      'CONFLICT',
      `Báo cáo tổng hợp ${period} của ${source.unitName} chưa được ban hành (đang ở trạng thái "${REPORT_STATUS_LABELS[source.status]}"). Sở Ngoại vụ cần trình ký, ban hành báo cáo gửi UBND tỉnh trước; sau đó mới lập được báo cáo của tỉnh gửi Bộ Ngoại giao.`,
    );

  const outline = await findCurrentOutline(q, round.outlineCode);
  if (!outline) throw new AppError('NOT_FOUND', 'Không tìm thấy đề cương của đợt báo cáo.');
  const codes = new Set(indicatorsOf(outline.definition).map((i) => i.code));
  const sourceContent = reportContentSchema.parse(source.content ?? {});
  // Figures as the Sở sent them (its overrides in place, its own section's figures included).
  const values = valuesOn(codes, sourceContent.values);
  const consolidation: StoredConsolidation = {
    ...stored,
    sums: valuesOn(codes, stored.sums ?? sourceContent.values),
    ...(stored.overrides
      ? { overrides: Object.fromEntries(Object.entries(stored.overrides).filter(([k]) => codes.has(k))) }
      : {}),
  };
  const summary = {
    roundId: round.id,
    departmentReportId: source.id,
    departmentReportVersion: source.version,
    sources: stored.sources.length,
  };

  const [existing] = await q
    .select()
    .from(reports)
    .where(
      and(
        eq(reports.unitId, province.id),
        eq(reports.outlineCode, round.outlineCode),
        eq(reports.periodKey, round.periodKey),
      ),
    );
  if (!existing) {
    const content: ReportContent = reportContentSchema.parse({
      kept: [],
      values,
      approximate: sourceContent.approximate ?? [],
      comparison: sourceContent.comparison ?? {},
      window: { start: round.windowStart, end: round.windowEnd },
    });
    const [row] = await q
      .insert(reports)
      .values({
        unitId: province.id,
        outlineId: outline.id,
        outlineCode: outline.code,
        periodKind: round.periodKind,
        periodYear: round.periodYear,
        periodIndex: round.periodIndex,
        periodKey: round.periodKey,
        windowStart: round.windowStart,
        windowEnd: round.windowEnd,
        content,
        roundId: round.id,
        consolidation,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      })
      .returning({ id: reports.id });
    if (!row) throw new Error('province report not inserted');
    await writeAudit(q, actor, {
      action: 'report.consolidate.department',
      entity: 'report',
      entityId: row.id,
      unitId: province.id,
      after: summary,
    });
    return { reportId: row.id, created: true };
  }
  const before = readStored(existing.consolidation);
  const current = reportContentSchema.parse(existing.content ?? {});
  const updated = await q
    .update(reports)
    .set({
      content: { ...current, values: { ...current.values, ...values } },
      consolidation,
      roundId: round.id,
      revision: sql`${reports.revision} + 1`,
      updatedBy: actor.userId,
      updatedAt: now,
    })
    .where(and(eq(reports.id, existing.id), inArray(reports.status, [...EDITABLE_STATUSES])))
    .returning({ id: reports.id });
  if (updated.length === 0)
    throw new AppError(
      'REPORT_LOCKED',
      `Báo cáo ${period} của ${province.name} gửi Bộ Ngoại giao đã gửi lãnh đạo hoặc đã ban hành nên không lấy lại số liệu của Sở Ngoại vụ được nữa. Muốn cập nhật, lãnh đạo cần trả lại báo cáo.`,
    );
  await writeAudit(q, actor, {
    action: 'report.consolidate.department',
    entity: 'report',
    entityId: existing.id,
    unitId: province.id,
    before: before ? { sources: before.sources.length, madeAt: before.madeAt } : null,
    after: summary,
  });
  return { reportId: existing.id, created: false };
}

/** The Sở Ngoại vụ's consolidated report of a province for a period (the ministry round's page). */
export async function departmentReportOf(q: Queryable, roundId: number, provinceId: number) {
  const round = await loadRoundRow(q, roundId);
  const [province] = await q
    .select({ provinceCode: units.provinceCode })
    .from(units)
    .where(eq(units.id, provinceId));
  if (!province?.provinceCode) return null;
  const [row] = await q
    .select({ id: reports.id, status: reports.status, unitName: units.name })
    .from(reports)
    .innerJoin(units, eq(units.id, reports.unitId))
    .where(
      and(
        eq(units.provinceCode, province.provinceCode),
        eq(units.kind, 'body'),
        eq(reports.outlineCode, DEPARTMENT_CONSOLIDATED_REPORT_CODE),
        eq(reports.periodKey, round.periodKey),
      ),
    )
    .limit(1);
  return row ? { ...row, issued: ISSUED.includes(row.status) } : null;
}
