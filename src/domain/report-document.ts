/**
 * The one composer: a report (draft, submitted or issued; stored or read from a report file) turned
 * into the OfficialDocument that the form's preview, the "Xem trước văn bản" dialog, the DOCX, the
 * PDF, the frozen issued copy and the command line's `preview` and `render` all show. Pure.
 */
import { consolidationAppendix, readStored } from './consolidation/stored.js';
import type { OfficialDocument } from './document.js';
import { type ComposeInput, composeDocument, type DraftedFrame, draftFrame } from './drafting/compose.js';
import { draftReport } from './drafting/draft.js';
import type { DraftedReport, DraftUnit } from './drafting/types.js';
import { type IsoDate, periodLabel } from './periods.js';
import type { ReportContent } from './report-json.js';
import type { SignerIdentity, UnitKind } from './units.js';
import { type ReportStatus, SENT_STATUSES } from './workflow.js';

/** Everything a report's document is made of, wherever the report comes from. */
export interface ReportSource
  extends Pick<
    ComposeInput,
    'outline' | 'content' | 'period' | 'unit' | 'identity' | 'defaults' | 'request' | 'addressee'
  > {
  /**
   * A stored report's status: until it is issued its document is a draft (no number, a blank day)
   * whatever the content says; once sent, the frozen `issuedDocument` is the document. Absent for a
   * report file, whose number and date print as the file gives them.
   */
  status?: ReportStatus;
  issuedDocument?: OfficialDocument | null;
  /** A consolidated report's stored consolidation (the `reports.consolidation` column). */
  consolidation?: unknown;
}

export interface ComposeReportOptions {
  /** The signer chosen when issuing (over the content's and the unit's default). */
  signer?: SignerIdentity;
  /**
   * Today in Vietnam: a draft's date line prints the month of its intended issue, today once the
   * period has ended, else the period's last day (drafting/compose.ts `intendedIssueDate`).
   */
  today?: IsoDate;
  /** The draft's intended issue date given outright (`render --date`): its month prints. */
  draftDate?: IsoDate;
  /** A drafted report of the same content, to avoid drafting twice. */
  drafted?: DraftedReport;
  /** Its opening and closing already drafted (reportFrame of the same source). */
  frame?: DraftedFrame;
}

export interface ComposedReport {
  document: OfficialDocument;
  /** True when the document is the frozen issued one. */
  issued: boolean;
  /** The drafting behind a draft document (null for a frozen one). */
  drafted: DraftedReport | null;
}

/** "Xã Thạch Hà" → "xã Thạch Hà" as a sentence names it; a body keeps its name ("Sở Ngoại vụ"). */
export function sentenceUnit(name: string, kind: UnitKind): DraftUnit {
  const nfcName = name.normalize('NFC');
  if (kind === 'body') return { name: nfcName, kind: 'body' };
  const lowered = nfcName.replace(/^(Xã|Phường|Đặc khu|Tỉnh|Thành phố)(?= )/u, (k) => k.toLowerCase());
  return { name: lowered, kind: kind === 'commune' ? 'commune' : 'province' };
}

/** Header lines as stored (one per line), blank lines dropped. */
export function headerLines(text: string | null): string[] {
  return (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/**
 * Who speaks in the report: its unit, and for a body's consolidated report the province its
 * figures cover ("trên địa bàn tỉnh có …", where the Sở's own report names no area).
 */
function speaker(source: ReportSource): DraftUnit {
  if (source.unit.kind !== 'body' || !readStored(source.consolidation)) return source.unit;
  return { ...source.unit, area: 'tỉnh' };
}

/** The drafting of a report as its document prints it (a consolidated report's supplements included). */
export function draftSource(source: ReportSource): DraftedReport {
  const supplements = readStored(source.consolidation)?.narrative;
  return draftReport({
    outline: source.outline,
    content: source.content,
    period: source.period,
    unit: speaker(source),
    ...(supplements ? { supplements } : {}),
  });
}

export function composeReportDocument(
  source: ReportSource,
  options: ComposeReportOptions = {},
): ComposedReport {
  if (source.status && SENT_STATUSES.includes(source.status) && source.issuedDocument) {
    return { document: source.issuedDocument, issued: true, drafted: null };
  }
  const stored = source.status !== undefined;
  const document = source.content.document;
  // A stored report prints no number or date until it is issued: they come from the register then.
  const content: ReportContent = {
    ...source.content,
    document: {
      ...document,
      ...(stored ? { number: null, issuedOn: null } : {}),
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
  const drafted = options.drafted ?? draftSource({ ...source, content });
  const composed = composeDocument({
    ...composeInputOf(source, content),
    ...(options.today ? { today: options.today } : {}),
    ...(options.draftDate ? { draftDate: options.draftDate } : {}),
    ...(options.frame ? { frame: options.frame } : {}),
    drafted,
  });
  const consolidated = readStored(source.consolidation);
  if (!consolidated) return { document: composed, issued: false, drafted };
  const appendix = consolidationAppendix(source.outline, consolidated, periodLabel(source.period));
  return {
    document: { ...composed, appendices: [...composed.appendices, appendix] },
    issued: false,
    drafted,
  };
}

/** What the drafting's composer reads of a report. */
function composeInputOf(source: ReportSource, content: ReportContent): ComposeInput {
  return {
    outline: source.outline,
    content,
    period: source.period,
    unit: speaker(source),
    identity: source.identity,
    ...(source.defaults ? { defaults: source.defaults } : {}),
    ...(source.request ? { request: source.request } : {}),
    ...(source.addressee ? { addressee: source.addressee } : {}),
  };
}

/**
 * The opening and closing as drafted and as the officer edited them, for the form to show and
 * edit in place (the document prints the same through composeReportDocument).
 */
export function reportFrame(source: ReportSource): DraftedFrame {
  return draftFrame(composeInputOf(source, source.content));
}
