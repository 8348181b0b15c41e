/**
 * A stored report as an OfficialDocument: the frozen one once issued, otherwise composed from its
 * current content, its outline version and its unit's identity, recipients and default signer.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import { consolidationAppendix, readStored } from '../domain/consolidation/stored.js';
import type { OfficialDocument } from '../domain/document.js';
import { composeDocument, draftReport } from '../domain/drafting/index.js';
import type { DraftUnit } from '../domain/drafting/types.js';
import { AppError } from '../domain/errors.js';
import { type Period, parsePeriodKey, periodLabel, todayInVietnam } from '../domain/periods.js';
import { type ReportContent, reportContentSchema } from '../domain/report-json.js';
import type { SignerIdentity, UnitKind } from '../domain/units.js';
import { SENT_STATUSES } from '../domain/workflow.js';
import type { Queryable } from './client.js';
import { outlines, recipients, reports, signers, units } from './schema.js';
import { recipientLists } from './units.js';

export type ReportRow = typeof reports.$inferSelect;

export async function loadReport(q: Queryable, reportId: number): Promise<ReportRow> {
  const [row] = await q.select().from(reports).where(eq(reports.id, reportId)).limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy báo cáo.');
  return row;
}

/** "Xã Thạch Hà" → "xã Thạch Hà" as a sentence names it; a body keeps its name ("Sở Ngoại vụ"). */
export function draftUnitOf(name: string, kind: UnitKind): DraftUnit {
  if (kind === 'body') return { name, kind: 'body' };
  const lowered = name.replace(/^(Xã|Phường|Đặc khu|Tỉnh|Thành phố)(?= )/u, (k) =>
    k.toLocaleLowerCase('vi-VN'),
  );
  return { name: lowered, kind: kind === 'commune' ? 'commune' : 'province' };
}

/** Header lines as stored (one per line), blank lines dropped. */
export const headerLines = (text: string | null) =>
  (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export function signerIdentityOf(row: typeof signers.$inferSelect): SignerIdentity {
  return {
    fullName: row.fullName,
    title: row.title,
    authority: row.authority,
    authorityOf: row.authorityOf,
    collective: row.collective,
  };
}

export interface ComposeOptions {
  /** Signer chosen at issue time (overrides the content's and the unit's default). */
  signer?: SignerIdentity;
  /** Today in Vietnam: the month printed on a draft's date line. */
  today?: string;
}

/**
 * What composing a unit's document needs from the database: how sentences name the unit, its
 * identity (header lines, place, symbol, archive code), its usual Kính gửi / Nơi nhận and its
 * default signer. Used by the form's preview and by downloads and issuing alike.
 */
export async function documentContext(q: Queryable, unitId: number) {
  const [unit] = await q.select().from(units).where(eq(units.id, unitId)).limit(1);
  if (!unit) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
  const recipientRows = await q
    .select({ kind: recipients.kind, text: recipients.text })
    .from(recipients)
    .where(eq(recipients.unitId, unit.id))
    .orderBy(asc(recipients.position));
  const [defaultSigner] = await q
    .select()
    .from(signers)
    .where(and(eq(signers.unitId, unit.id), eq(signers.active, true)))
    .orderBy(desc(signers.isDefault), asc(signers.id))
    .limit(1);
  const { kinhGui, noiNhan } = recipientLists(recipientRows);
  const defaults: { kinhGui?: string[]; noiNhan?: string[]; signer?: SignerIdentity } = {};
  if (kinhGui.length) defaults.kinhGui = kinhGui;
  if (noiNhan.length) defaults.noiNhan = noiNhan;
  if (defaultSigner) defaults.signer = signerIdentityOf(defaultSigner);
  return {
    unit: draftUnitOf(unit.name.normalize('NFC'), unit.kind),
    identity: {
      parentHeader: headerLines(unit.parentHeader),
      issuerHeader: headerLines(unit.issuerHeader),
      placeName: unit.placeName,
      symbol: unit.symbol,
      archiveCode: unit.archiveCode,
    },
    defaults,
  };
}

/** The report's current content composed into a document, as a draft (no number, no date). */
export async function composeReport(
  q: Queryable,
  report: ReportRow,
  options: ComposeOptions = {},
): Promise<OfficialDocument> {
  const [outline] = await q
    .select({ definition: outlines.definition })
    .from(outlines)
    .where(eq(outlines.id, report.outlineId))
    .limit(1);
  if (!outline) throw new AppError('NOT_FOUND', 'Không tìm thấy đề cương của báo cáo.');
  const context = await documentContext(q, report.unitId);
  const parsed = reportContentSchema.parse(report.content ?? {});
  // A draft never prints a number or a date: they are given when the report is issued.
  const content: ReportContent = {
    ...parsed,
    document: {
      ...parsed.document,
      number: null,
      issuedOn: null,
      ...(options.signer
        ? {
            signer: {
              ...options.signer,
              authorityOf: options.signer.authorityOf ?? undefined,
              collective: options.signer.collective ?? undefined,
            },
          }
        : {}),
    },
  };
  const period: Period = parsePeriodKey(report.periodKey);
  const consolidated = readStored(report.consolidation);
  const document = composeDocument({
    outline: outline.definition,
    content,
    period,
    ...context,
    today: options.today ?? todayInVietnam(),
    // A consolidated report says where activity concentrated and who reported nothing.
    ...(consolidated
      ? {
          drafted: draftReport({
            outline: outline.definition,
            content,
            period,
            unit: context.unit,
            supplements: consolidated.narrative,
          }),
        }
      : {}),
  });
  if (!consolidated) return document;
  const appendix = consolidationAppendix(
    outline.definition,
    consolidated,
    content.values,
    periodLabel(period),
  );
  return { ...document, appendices: [...document.appendices, appendix] };
}

/** The document a report downloads as: the frozen one when issued, else the current draft. */
export async function reportDocument(
  q: Queryable,
  report: ReportRow,
): Promise<{ document: OfficialDocument; issued: boolean }> {
  // Received and accepted reports keep the document as issued; a returned one is a draft again.
  if (SENT_STATUSES.includes(report.status) && report.issuedDocument) {
    return { document: report.issuedDocument as OfficialDocument, issued: true };
  }
  return { document: await composeReport(q, report), issued: false };
}
