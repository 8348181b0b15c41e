/**
 * A report (or plan) composed into an OfficialDocument: header, number, date, subject, Kính gửi,
 * the drafted body with generated section numbers, Nơi nhận and signature. Pure: the caller
 * supplies the unit's identity and, for a draft, today's date.
 */
import type { BodyBlock, DocumentTypeCode, OfficialDocument } from '../document.js';
import { shortDate } from '../document-format.js';
import type { Outline } from '../outline.js';
import { dataWindow, type IsoDate, nextPeriodLabel, type Period, periodLabel } from '../periods.js';
import { CLOSING_KEY, type NarrativeEdit, OPENING_KEY, type ReportContent } from '../report-json.js';
import { upperVi } from '../text.js';
import { type SignerIdentity, signatureLines } from '../units.js';
import { joinVi } from '../vn-number.js';
import { draftHash, draftReport, printsSection, splitParagraphs } from './draft.js';
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
  /**
   * Today (Vietnam): a draft's date line prints the month of its intended issue, today once the
   * period has ended, else the period's last day (see `intendedIssueDate`).
   */
  today?: IsoDate;
  /** The day the draft is meant to be issued, given outright (the command line's `--date`): its month prints. */
  draftDate?: IsoDate;
  /** The letter that asked for the report (the round's request letter): cited by the opening. */
  request?: RequestCitation;
  /** Whom the report goes to when the document names nobody itself (the round's receiving unit). */
  addressee?: string;
  /** An already drafted report, to avoid drafting twice. */
  drafted?: DraftedReport;
  /** The opening and closing already drafted (draftFrame of the same input), to avoid drafting them twice. */
  frame?: DraftedFrame;
}

/** The letter a report answers, as its opening cites it. */
export interface RequestCitation {
  /** "Công văn" (default), "Văn bản", "Kế hoạch". */
  kind?: string | undefined;
  /** Number and symbol: "5930/UBND-NgV". */
  number: string;
  date: IsoDate;
  /** "Chủ tịch UBND tỉnh", "Sở Ngoại vụ". */
  issuer: string;
  /** What it is about, without "về việc": "báo cáo kết quả công tác đối ngoại 6 tháng đầu năm 2026". */
  subject?: string | undefined;
}

/** "Công văn số 5930/UBND-NgV ngày 09/6/2026 của Chủ tịch UBND tỉnh về việc báo cáo …". */
export function requestCitation(request: RequestCitation): string {
  const kind = request.kind?.trim() || 'Công văn';
  const issuer = request.issuer.trim();
  const subject = request.subject?.trim().replace(/^(?:V\/v|về việc)\s+/iu, '');
  return (
    `${kind} số ${request.number.trim()} ngày ${shortDate(request.date)}` +
    `${issuer ? ` của ${issuer}` : ''}${subject ? ` về việc ${lowerFirst(subject)}` : ''}`
  );
}

/**
 * The day a draft is meant to be issued, whose month its date line prints: today when the period
 * has ended (the report is written after it, and goes out as soon as it is signed), else the
 * period's last day (a report drafted early cannot be issued before its period ends). Without a
 * today, the period's last day.
 */
export function intendedIssueDate(period: Period, today?: IsoDate): IsoDate {
  const end = dataWindow(period).end || `${period.year}-12-31`;
  return today && today > end ? today : end;
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

function monthOf(date: IsoDate): { month: number; year: number } {
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

/**
 * Whom the closing reports to: a commune sends its report "kính gửi Sở Ngoại vụ để tổng hợp"; a
 * province-level body reports to the committee above it, which decides ("kính báo cáo UBND tỉnh
 * xem xét, chỉ đạo"); a province reports to the ministry, which consolidates.
 */
function closingAddressee(addressee: string, kind: DraftUnit['kind']): string {
  if (kind === 'commune') return ` kính gửi ${addressee} để tổng hợp`;
  const decides = /(Ủy ban nhân dân|UBND)/u.test(addressee) && !/Văn phòng/u.test(addressee);
  if (kind === 'body') return `, kính báo cáo ${addressee}${decides ? ' xem xét, chỉ đạo' : ''}`;
  return `, kính báo cáo ${addressee} để tổng hợp`;
}

/**
 * The closing paragraph, always ending "./." as the decree's documents do: "Trên đây là báo cáo …
 * của UBND xã Thạch Hà kính gửi Sở Ngoại vụ để tổng hợp./." when the report has an addressee.
 */
export function closingOf(
  closing: string | undefined,
  type: DocumentTypeCode,
  subject: string,
  author: string,
  addressee?: string,
  kind: DraftUnit['kind'] = 'commune',
): string {
  const to = addressee?.trim() ? closingAddressee(addressee.trim(), kind) : '';
  const text =
    closing?.trim() ||
    (type === 'KH'
      ? `Trên đây là Kế hoạch ${lowerFirst(subject)} của ${author}. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các bộ phận, đơn vị kịp thời báo cáo ${author} để xem xét, chỉ đạo`
      : `Trên đây là báo cáo ${lowerFirst(subject)} của ${author}${to}`);
  return text.endsWith('./.') ? text : `${text.replace(/[.;:,]+$/, '')}./.`;
}

/**
 * The opening paragraph: "Thực hiện Công văn số … ngày … của … về việc …, UBND xã … báo cáo kết quả
 * thực hiện như sau:" when the report answers a letter, else "UBND xã … báo cáo <subject> như sau:".
 */
export function openingOf(
  type: DocumentTypeCode,
  subject: string,
  author: string,
  request?: RequestCitation,
): string {
  const cited = request ? `Thực hiện ${requestCitation(request)}, ` : '';
  if (type === 'KH')
    return `${cited}${author} ban hành Kế hoạch ${lowerFirst(subject)} với các nội dung sau:`;
  // The letter's "về việc báo cáo …" already names what is reported: it is not said twice.
  if (request?.subject?.trim()) return `${cited}${author} báo cáo kết quả thực hiện như sau:`;
  return `${cited}${author} báo cáo ${lowerFirst(subject)} như sau:`;
}

/** A drafted paragraph of the document's frame (opening, closing) and what prints after the officer's edit. */
export interface DraftedText {
  /** The drafted default. */
  drafted: string[];
  draftHash: string;
  /** What prints: the officer's text (content.narratives[OPENING_KEY]…) instead of or after the draft. */
  paragraphs: string[];
  /** The officer replaced a draft that reads differently now. */
  stale: boolean;
}

export interface DraftedFrame {
  opening: DraftedText;
  closing: DraftedText;
}

function edited(drafted: string, edit: NarrativeEdit | undefined, legacy: string | undefined): DraftedText {
  const base = [drafted];
  const hash = draftHash(base);
  // Deleted by the officer: nothing prints (never the draft again).
  if (edit?.mode === 'replace' && !edit.text.trim()) {
    return { drafted: base, draftHash: hash, paragraphs: [], stale: false };
  }
  if (edit?.text.trim()) {
    const own = splitParagraphs(edit.text);
    const replaced = edit.mode === 'replace';
    return {
      drafted: base,
      draftHash: hash,
      paragraphs: replaced ? own : [...base, ...own],
      stale: replaced && edit.draftHash !== undefined && edit.draftHash !== hash,
    };
  }
  // A report file's own `document.intro` / `document.closing` stands instead of the draft.
  const own = legacy?.trim() ? splitParagraphs(legacy) : base;
  return { drafted: base, draftHash: hash, paragraphs: own, stale: false };
}

/** The addressee the closing names: the content's, else the Kính gửi, else the round's receiving unit. */
function addresseeOf(input: ComposeInput, kinhGui: readonly string[]): string | undefined {
  const own = input.content.document.addressee?.trim();
  if (own) return own;
  if (kinhGui.length > 0) return joinVi(kinhGui.map((k) => k.trim().replace(/[;,.]+$/, '')));
  return input.addressee?.trim() || undefined;
}

/**
 * The opening and closing of a report or plan, drafted (the letter answered, the addressee) and
 * edited like a section's text: content.narratives[OPENING_KEY] / [CLOSING_KEY].
 */
export function draftFrame(input: ComposeInput): DraftedFrame {
  const { outline, content, period, unit } = input;
  const doc = content.document;
  const type: DocumentTypeCode = outline.documentKind === 'plan' ? 'KH' : 'BC';
  const subject = doc.subject ?? fillSubject(outline.subjectTemplate, period);
  const author = authorName(unit);
  const kinhGui = type === 'KH' ? [] : (doc.kinhGui ?? input.defaults?.kinhGui ?? []);
  const request = doc.request ?? input.request;
  const addressee = type === 'KH' ? undefined : addresseeOf(input, kinhGui);
  const closing = edited(
    closingOf(undefined, type, subject, author, addressee, unit.kind),
    content.narratives[CLOSING_KEY],
    doc.closing,
  );
  // Whatever the officer wrote, the last paragraph ends "./.".
  const last = closing.paragraphs.length - 1;
  const closed = closing.paragraphs.map((p, i) => (i === last ? closingOf(p, type, subject, author) : p));
  return {
    opening: edited(openingOf(type, subject, author, request), content.narratives[OPENING_KEY], doc.intro),
    closing: { ...closing, paragraphs: closed },
  };
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
  const frame = input.frame ?? draftFrame(input);
  const body: BodyBlock[] = [
    ...frame.opening.paragraphs.flatMap(paragraphs),
    ...sectionsBlocks(drafted.sections),
    ...frame.closing.paragraphs.flatMap(paragraphs),
  ];
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
    ...(issuedOn ? {} : { draftMonth: monthOf(input.draftDate ?? intendedIssueDate(period, input.today)) }),
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
