/**
 * A report (or plan) composed into an OfficialDocument: header, number, date, subject, Kính gửi,
 * the drafted body with generated section numbers, Nơi nhận and signature. Pure: the caller
 * supplies the unit's identity and, for a draft, today's date.
 */
import type { BodyBlock, DocumentTypeCode, OfficialDocument } from '../document.js';
import type { Outline } from '../outline.js';
import { dataWindow, type IsoDate, nextPeriodLabel, type Period, periodLabel } from '../periods.js';
import type { ReportContent } from '../report-json.js';
import { upperVi } from '../text.js';
import { type SignerIdentity, signatureLines } from '../units.js';
import { draftReport, printsSection } from './draft.js';
import { authorName, lowerFirst } from './sentences.js';
import type { DraftedReport, DraftedSection, DraftUnit } from './types.js';

/** Re-exported: the drafting names the next period as periods.ts does. */
export { nextPeriodLabel };

/** The subject line from the outline's template: {period} and {next} filled in. */
export function fillSubject(template: string, period: Period): string {
  return template.replaceAll('{period}', periodLabel(period)).replaceAll('{next}', nextPeriodLabel(period));
}

export interface ComposeIdentity {
  parentHeader: string[];
  issuerHeader: string[];
  placeName: string;
  /** The issuer part of the symbol: "UBND" gives "BC-UBND". */
  symbol: string;
  /** The drafting unit in "Lưu: VT, VP.". */
  archiveCode: string;
}

export interface ComposeInput {
  outline: Outline;
  content: ReportContent;
  period: Period;
  unit: DraftUnit;
  identity: ComposeIdentity;
  defaults?: { kinhGui?: string[]; noiNhan?: string[]; signer?: SignerIdentity };
  previousPeriodLabel?: string;
  sameLastYearLabel?: string;
  /** Today (Vietnam): the month printed on a draft's date line; default the period's last day. */
  today?: IsoDate;
  /** An already drafted report, to avoid drafting twice. */
  drafted?: DraftedReport;
}

/** "- Như trên;" → "Như trên": the document keeps Nơi nhận entries bare. */
function bareEntry(entry: string): string {
  return entry
    .trim()
    .replace(/^[-–•+]\s*/, '')
    .replace(/[;,]\s*$/, '')
    .trim();
}

/** Nơi nhận ending with the archive line "Lưu: VT, <archiveCode>." (kept when given). */
export function composeNoiNhan(
  entries: readonly string[],
  archiveCode: string,
  hasKinhGui: boolean,
): string[] {
  const clean = entries.map(bareEntry).filter((e) => e.length > 0);
  const archive = clean.find((e) => /^lưu\b/i.test(e));
  const rest = clean.filter((e) => e !== archive);
  if (rest.length === 0 && hasKinhGui) rest.push('Như trên');
  const archiveLine = archive ? archive.replace(/\.?$/, '.') : `Lưu: VT, ${archiveCode}.`;
  return [...rest, archiveLine];
}

function signerOf(content: ReportContent, fallback?: SignerIdentity): SignerIdentity | undefined {
  const s = content.document.signer;
  if (!s) return fallback;
  return {
    fullName: s.fullName,
    title: s.title,
    authority: s.authority,
    authorityOf: s.authorityOf ?? null,
    collective: s.collective ?? null,
  };
}

function draftMonthOf(period: Period, today?: IsoDate): { month: number; year: number } {
  const date = today ?? (dataWindow(period).end || `${period.year}-12-31`);
  const [y, m] = date.split('-').map(Number) as [number, number];
  return { month: m, year: y };
}

/** "- …" lines print as bullets, as the examples write lists. */
function paragraphBlock(p: string): BodyBlock {
  const bullet = /^[-+]\s+/.exec(p);
  return bullet
    ? { kind: 'bullet', runs: [{ text: p.slice(bullet[0].length) }] }
    : { kind: 'paragraph', runs: [{ text: p }] };
}

/**
 * The body blocks of the printed sections, with the numbers the drafting gave them (by position
 * among the printed ones: draft.ts numberPrinted), so the form and the page carry the same numbers.
 */
function sectionsBlocks(sections: readonly DraftedSection[]): BodyBlock[] {
  return sections.filter(printsSection).flatMap((section) => {
    const level = Math.min(Math.max(section.level, 1), 3) as 1 | 2 | 3;
    const text = level === 1 ? upperVi(section.title) : section.title;
    return [
      { kind: 'heading', level, number: section.number, text } satisfies BodyBlock,
      ...section.paragraphs.map(paragraphBlock),
      ...sectionsBlocks(section.children),
      ...section.tail.map(paragraphBlock),
    ];
  });
}

function paragraphs(text: string): BodyBlock[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => ({ kind: 'paragraph', runs: [{ text: l }] }));
}

/** The closing paragraph, always ending "./." as the decree's documents do. */
export function closingOf(
  closing: string | undefined,
  type: DocumentTypeCode,
  subject: string,
  author: string,
): string {
  const text =
    closing?.trim() ||
    (type === 'KH'
      ? `Trên đây là Kế hoạch ${lowerFirst(subject)} của ${author}. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các bộ phận, đơn vị kịp thời báo cáo ${author} để xem xét, chỉ đạo`
      : `Trên đây là báo cáo ${lowerFirst(subject)} của ${author}`);
  return text.endsWith('./.') ? text : `${text.replace(/[.;:,]+$/, '')}./.`;
}

/** Composes the document a report or plan prints as. */
export function composeDocument(input: ComposeInput): OfficialDocument {
  const { outline, content, period, unit, identity } = input;
  const doc = content.document;
  const type: DocumentTypeCode = outline.documentKind === 'plan' ? 'KH' : 'BC';
  const subject = doc.subject ?? fillSubject(outline.subjectTemplate, period);
  const author = authorName(unit);
  const drafted =
    input.drafted ??
    draftReport({
      outline,
      content,
      period,
      unit,
      ...(input.previousPeriodLabel ? { previousPeriodLabel: input.previousPeriodLabel } : {}),
      ...(input.sameLastYearLabel ? { sameLastYearLabel: input.sameLastYearLabel } : {}),
    });
  const intro =
    doc.intro ??
    (type === 'KH'
      ? `${author} ban hành Kế hoạch ${lowerFirst(subject)} với các nội dung sau:`
      : `${author} báo cáo ${lowerFirst(subject)} như sau:`);
  const body: BodyBlock[] = [...paragraphs(intro), ...sectionsBlocks(drafted.sections)];
  body.push(...paragraphs(closingOf(doc.closing, type, subject, author)));
  const kinhGui = type === 'KH' ? [] : (doc.kinhGui ?? input.defaults?.kinhGui ?? []);
  const signer = signerOf(content, input.defaults?.signer);
  const issuedOn = doc.issuedOn ?? null;
  return {
    type,
    parentHeader: identity.parentHeader,
    issuerHeader: identity.issuerHeader,
    number: doc.number ?? null,
    symbol: `${type}-${identity.symbol}`,
    place: identity.placeName,
    issuedOn,
    ...(issuedOn ? {} : { draftMonth: draftMonthOf(period, input.today) }),
    subject,
    ...(doc.basis && doc.basis.length > 0 ? { basis: doc.basis } : {}),
    kinhGui,
    body,
    noiNhan: composeNoiNhan(
      doc.noiNhan ?? input.defaults?.noiNhan ?? [],
      identity.archiveCode,
      kinhGui.length > 0,
    ),
    signature: { lines: signer ? signatureLines(signer) : [], name: signer?.fullName ?? '' },
    appendices: [],
    issuerName: author,
  };
}
