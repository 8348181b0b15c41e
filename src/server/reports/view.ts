/**
 * The report as its page needs it, in one answer: read once (src/db/report-record.ts), drafted,
 * checked and composed once (the one composer, src/domain/report-document.ts), then presented.
 */
import type { Queryable } from '../../db/client.js';
import { laterReports } from '../../db/consolidation.js';
import {
  hasReceiver,
  historyFor,
  loadReport,
  type ReportRecord,
  reportSource,
} from '../../db/report-record.js';
import { unitNameCatalogue } from '../../db/units.js';
import type { ReportIssue, ReportView } from '../../domain/api-reports.js';
import type { Actor } from '../../domain/authz.js';
import { readStored } from '../../domain/consolidation/stored.js';
import { todayInVietnam } from '../../domain/periods.js';
import { catalogueFor, reportChecks } from '../../domain/report-checks.js';
import { composeReportDocument, draftSource, reportFrame } from '../../domain/report-document.js';
import { SENT_STATUSES } from '../../domain/workflow.js';
import { presentConsolidatedFigures } from '../consolidation/present.js';
import { logbookOfView } from './logbook.js';
import { presentReportView, type ReportAnalysis } from './present.js';

/**
 * A report not yet sent that answers a round its receiving unit has closed (the ministry closed its
 * round while the province was still consolidating): said on the page; nothing is refused or lost,
 * the report is issued and sent as usual and the receiving unit takes it in when it refreshes.
 */
function closedRoundIssues(rec: ReportRecord): ReportIssue[] {
  if (!rec.closedRound || !hasReceiver(rec) || SENT_STATUSES.includes(rec.row.status)) return [];
  return [
    {
      source: 'quality',
      severity: 'warning',
      path: null,
      message: `Đợt báo cáo “${rec.closedRound}” đã được đơn vị nhận báo cáo đóng lại. Báo cáo vẫn được lưu, ban hành và gửi như thường; đơn vị nhận sẽ tiếp nhận và cập nhật số liệu tổng hợp khi nhận được.`,
    },
  ];
}

/** Drafted text, every issue and the document of a report (pure once its inputs are read). */
export async function analyseReport(q: Queryable, rec: ReportRecord): Promise<ReportAnalysis> {
  const source = reportSource(rec);
  const drafted = draftSource(source);
  const stored = readStored(rec.row.consolidation);
  const [history, catalogue, later, logbook] = await Promise.all([
    historyFor(q, rec),
    unitNameCatalogue(q),
    stored ? laterReports(q, stored) : [],
    // Only an issued report that took figures from the logbook reads the records again.
    rec.content.logbook && SENT_STATUSES.includes(rec.row.status) ? logbookOfView(q, rec) : null,
  ]);
  const issues = [
    ...closedRoundIssues(rec),
    ...reportChecks({
      ...(stored ? { consolidation: { coverage: stored.coverage, later } } : {}),
      outline: source.outline,
      content: rec.content,
      drafted,
      unit: { code: rec.unit.code, name: rec.unit.name },
      catalogue: catalogueFor(catalogue, rec.unit),
      history,
    }),
  ];
  // Drafted once: the form shows the opening and closing that the document prints.
  const frame = reportFrame(source);
  const composed = composeReportDocument(source, { today: todayInVietnam(), drafted, frame });
  return {
    drafted,
    issues,
    document: composed.document,
    issued: composed.issued,
    supplements: stored?.narrative ?? null,
    consolidation: stored ? presentConsolidatedFigures(source.outline, stored, rec.content.values) : null,
    frame,
    logbook,
  };
}

export async function reportView(q: Queryable, actor: Actor, rec: ReportRecord): Promise<ReportView> {
  return presentReportView(actor, rec, await analyseReport(q, rec));
}

/** Reads the report and answers its view. */
export async function loadReportView(q: Queryable, actor: Actor, id: number): Promise<ReportView> {
  return reportView(q, actor, await loadReport(q, id));
}
