/**
 * Issuing a report (ban hành): in ONE transaction the report is claimed with a conditional update
 * (so two leaders issuing at once give one number and one issue), a number is taken from the
 * register, the document is composed with number, date and signer and frozen, and the audit row
 * is written. Rendering (DOCX, PDF) happens after commit, from the frozen document.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { RegisterEntryOut } from '../domain/api-documents.js';
import type { ReportStatus } from '../domain/api-reports.js';
import type { OfficialDocument } from '../domain/document.js';
import { AppError } from '../domain/errors.js';
import { notation } from '../domain/numbering.js';
import type { IsoDate } from '../domain/periods.js';
import { reportContentSchema } from '../domain/report-json.js';
import { signerProblem } from '../domain/units.js';
import { STEP_RULES, stepRefusal } from '../domain/workflow.js';
import type { AuditActor } from './audit.js';
import { writeAudit } from './audit.js';
import type { Queryable } from './client.js';
import { issueNumber } from './register.js';
import { composeReport, loadReport, signerIdentityOf } from './report-document.js';
import { markVersionIssued } from './report-versions.js';
import { reports, signers } from './schema.js';

/** Statuses from which a leader may issue: sent to him, or already approved. */
export const ISSUABLE_STATUSES = STEP_RULES.issue.from;

export interface IssueInput {
  reportId: number;
  signerId: number;
  issuedOn: IsoDate;
}

export interface IssueResult {
  entry: RegisterEntryOut;
  document: OfficialDocument;
}

function notIssuable(status: ReportStatus, registerNotation?: string): AppError {
  if (status === 'issued') {
    return new AppError(
      'CONFLICT',
      `Báo cáo này đã được ban hành${registerNotation ? ` (số ${registerNotation})` : ''}; không cấp số lần nữa.`,
    );
  }
  return new AppError('CONFLICT', stepRefusal('issue', status));
}

async function loadSigner(q: Queryable, unitId: number, signerId: number) {
  const [row] = await q.select().from(signers).where(eq(signers.id, signerId)).limit(1);
  if (!row?.active) {
    throw new AppError('VALIDATION', 'Chưa chọn người ký hoặc người ký không còn được dùng.', [
      { path: 'signerId', message: 'Hãy chọn người ký của đơn vị.' },
    ]);
  }
  if (row.unitId !== unitId) {
    throw new AppError('VALIDATION', 'Người ký không thuộc đơn vị ban hành báo cáo này.', [
      { path: 'signerId', message: 'Người ký không có thẩm quyền ký văn bản của đơn vị này.' },
    ]);
  }
  const identity = signerIdentityOf(row);
  const problem = signerProblem(identity);
  if (problem) {
    throw new AppError('VALIDATION', `Người ký chưa đủ thông tin thẩm quyền: ${problem}`, [
      { path: 'signerId', message: problem },
    ]);
  }
  return identity;
}

export async function issueReport(q: Queryable, actor: AuditActor, input: IssueInput): Promise<IssueResult> {
  const report = await loadReport(q, input.reportId);
  const signer = await loadSigner(q, report.unitId, input.signerId);
  // The claim: only one transaction moves the report to "issued"; a concurrent one waits for the
  // row lock, then finds the status changed and takes no number.
  const claimed = await q
    .update(reports)
    .set({
      status: 'issued',
      updatedAt: new Date(),
      updatedBy: actor.userId,
      // The first issue is when the report was sent: lateness is measured on it.
      sentAt: sql`coalesce(${reports.sentAt}, now())`,
    })
    .where(and(eq(reports.id, report.id), inArray(reports.status, [...ISSUABLE_STATUSES])))
    .returning({ id: reports.id });
  if (claimed.length === 0) {
    const now = await loadReport(q, report.id);
    throw notIssuable(now.status);
  }
  const draft = await composeReport(q, report, { signer, today: input.issuedOn });
  // A number chosen by hand serves the first issue only: a report returned by the receiving unit and
  // corrected is a new document and takes the next number.
  const chosen =
    report.registerEntryId === null
      ? (reportContentSchema.parse(report.content ?? {}).document.number ?? null)
      : null;
  const entry = await issueNumber(q, actor, {
    unitId: report.unitId,
    issuedOn: input.issuedOn,
    typeCode: draft.type,
    symbol: draft.symbol,
    subject: draft.subject,
    signerName: signer.fullName,
    signerTitle: signer.title,
    recipients: draft.noiNhan.join('; '),
    reportId: report.id,
    number: chosen,
  });
  const { draftMonth: _unused, ...rest } = draft;
  const document: OfficialDocument = { ...rest, number: entry.number, issuedOn: input.issuedOn };
  await q
    .update(reports)
    .set({ issuedDocument: document, registerEntryId: entry.id, revision: sql`${reports.revision} + 1` })
    .where(eq(reports.id, report.id));
  const issuedNotation = notation(entry.number, entry.symbol);
  // A report returned by the receiving unit and issued again gets a new number on its new version.
  await markVersionIssued(q, { reportId: report.id, version: report.version, notation: issuedNotation });
  await writeAudit(q, actor, {
    action: 'report.issue',
    entity: 'report',
    entityId: report.id,
    unitId: report.unitId,
    before: { status: report.status },
    after: { status: 'issued', notation: issuedNotation, issuedOn: input.issuedOn, version: report.version },
  });
  return { entry, document };
}
