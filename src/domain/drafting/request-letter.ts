/**
 * The request letter of a reporting round: the công văn by which the receiving unit (a province's
 * Sở Ngoại vụ or UBND) asks its units to report, composed as an OfficialDocument. Pure.
 */
import type { BodyBlock, OfficialDocument } from '../document.js';
import { issuerInSentence } from '../document-format.js';
import { documentSymbol } from '../numbering.js';
import { type DataWindow, formatDateVn, type IsoDate, type Period, periodLabel } from '../periods.js';
import { deadlinePhrase, letterCitation, type RoundLetter, requestLetterSubject } from '../rounds.js';
import { type SignerIdentity, signatureLines } from '../units.js';
import { composeNoiNhan, fillSubject, type RequestCitation } from './compose.js';

/** Above this many addressees the letter names them collectively ("các xã, phường …"). */
export const MAX_LISTED_ADDRESSEES = 6;

export interface RequestLetterUnit {
  name: string;
  kind: 'country' | 'province' | 'commune' | 'body';
  /** "xa" | "phuong" | "dac_khu" for communes. */
  communeKind?: string | null;
}

export interface RequestLetterInput {
  identity: {
    parentHeader: string[];
    issuerHeader: string[];
    placeName: string;
    symbol: string;
    archiveCode: string;
  };
  /** The province the units belong to, as a sentence names it: "tỉnh Hà Tĩnh". */
  provinceName: string;
  /** True when every active commune of the province must report: they are named collectively. */
  allCommunes: boolean;
  units: RequestLetterUnit[];
  period: Period;
  window: DataWindow;
  deadline: IsoDate;
  guidance: string;
  outline: { name: string; sections: string[] };
  letter: RoundLetter | null;
  signer: SignerIdentity | null;
  number: number | null;
  issuedOn: IsoDate | null;
  today: IsoDate;
}

/** "Xã Thạch Hà" → "Ủy ban nhân dân xã Thạch Hà"; a body keeps its own name. */
export function addresseeOf(unit: RequestLetterUnit): string {
  if (unit.kind !== 'commune') return unit.name;
  const lowered = unit.name.replace(/^(Xã|Phường|Đặc khu)(?= )/u, (k) => k.toLowerCase());
  return `Ủy ban nhân dân ${lowered}`;
}

const COMMUNE_WORDS: Record<string, string> = { xa: 'xã', phuong: 'phường', dac_khu: 'đặc khu' };

/** "các xã, phường" (only the kinds present), in the order the decree lists them. */
function communeKindsPhrase(units: RequestLetterUnit[]): string {
  const kinds = new Set(units.filter((u) => u.kind === 'commune').map((u) => u.communeKind ?? 'xa'));
  const words = ['xa', 'phuong', 'dac_khu'].filter((k) => kinds.has(k)).map((k) => COMMUNE_WORDS[k]);
  return words.length ? words.join(', ') : 'xã, phường';
}

/** The "Kính gửi" lines: each unit, or the communes collectively when there are many. */
export function requestAddressees(input: Pick<RequestLetterInput, 'units' | 'allCommunes' | 'provinceName'>) {
  const communes = input.units.filter((u) => u.kind === 'commune');
  const others = input.units.filter((u) => u.kind !== 'commune');
  if (!input.allCommunes && input.units.length <= MAX_LISTED_ADDRESSEES) {
    return input.units.map(addresseeOf);
  }
  const lines = others.map(addresseeOf);
  if (communes.length > 0) {
    const scope = input.allCommunes
      ? `trên địa bàn ${input.provinceName}`
      : 'có tên trong danh sách kèm theo';
    lines.push(`Ủy ban nhân dân các ${communeKindsPhrase(communes)} ${scope}`);
  }
  return lines;
}

function paragraph(text: string): BodyBlock {
  return { kind: 'paragraph', runs: [{ text }] };
}

function labelled(label: string, text: string): BodyBlock {
  return { kind: 'paragraph', runs: [{ text: `${label} `, bold: true }, { text }] };
}

/** The body: the letter answered, what to report, the window, the deadline, guidance, how to send. */
function letterBody(input: RequestLetterInput, issuer: string): BodyBlock[] {
  const label = periodLabel(input.period);
  const opening =
    input.letter?.kind === 'answers'
      ? `Thực hiện ${letterCitation(input.letter)}, ${issuer} đề nghị các đơn vị báo cáo kết quả công tác ` +
        `đối ngoại ${label} với các nội dung sau:`
      : `Để tổng hợp, đánh giá kết quả công tác đối ngoại ${label}, ${issuer} đề nghị các đơn vị báo cáo ` +
        'với các nội dung sau:';
  const blocks: BodyBlock[] = [paragraph(opening)];
  const sections = input.outline.sections.map((t) => fillSubject(t, input.period).trim()).filter(Boolean);
  const parts = sections.length ? ` gồm các phần: ${sections.join('; ')}` : '';
  blocks.push(labelled('1. Nội dung báo cáo:', `theo đề cương “${input.outline.name}”${parts}.`));
  blocks.push(
    labelled(
      '2. Thời gian chốt số liệu:',
      `từ ngày ${formatDateVn(input.window.start)} đến ngày ${formatDateVn(input.window.end)}.`,
    ),
  );
  blocks.push(labelled('3. Thời hạn gửi báo cáo:', `${deadlinePhrase(input.deadline)}.`));
  let next = 4;
  const guidance = input.guidance
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (guidance.length) {
    blocks.push(labelled(`${next}. Hướng dẫn:`, guidance[0] ?? ''));
    for (const line of guidance.slice(1)) blocks.push(paragraph(line));
    next += 1;
  }
  blocks.push(
    labelled(
      `${next}. Hình thức gửi:`,
      'báo cáo được lập, trình lãnh đạo ký ban hành và gửi trên Hệ thống báo cáo công tác đối ngoại; ' +
        'đơn vị không phát sinh nội dung trong kỳ chọn “Không phát sinh” và gửi báo cáo đúng thời hạn.',
    ),
  );
  blocks.push(
    paragraph(
      `${issuer} đề nghị các đơn vị quan tâm, phối hợp thực hiện đúng nội dung và thời hạn nêu trên./.`,
    ),
  );
  return blocks;
}

/** Composes the request letter: "Số: 12/SNgV-VP", "V/v báo cáo kết quả công tác đối ngoại …". */
export function composeRequestLetter(input: RequestLetterInput): OfficialDocument {
  const { identity } = input;
  const issuer = issuerInSentence(identity.issuerHeader);
  const kinhGui = requestAddressees(input);
  const [year, month] = input.today.split('-').map(Number) as [number, number];
  return {
    type: 'CV',
    parentHeader: identity.parentHeader,
    issuerHeader: identity.issuerHeader,
    number: input.number,
    symbol: documentSymbol('CV', identity.symbol, identity.archiveCode),
    place: identity.placeName,
    issuedOn: input.issuedOn,
    ...(input.issuedOn ? {} : { draftMonth: { month, year } }),
    subject: requestLetterSubject(input.period),
    kinhGui,
    body: letterBody(input, issuer),
    noiNhan: composeNoiNhan(['Như trên'], identity.archiveCode, true),
    signature: {
      lines: input.signer ? signatureLines(input.signer) : [],
      name: input.signer?.fullName ?? '',
    },
    appendices: [],
    issuerName: issuer,
  };
}

/** What a report needs of its round's request letter, as loaded with the report. */
export interface RoundRequestSource {
  /** The letter the round answers or is announced by (rounds.letter). */
  letter: Pick<RoundLetter, 'number' | 'date' | 'issuer'> | null;
  /** The request letter issued through the system (parts of rounds.request_document), if any. */
  issued: {
    number: number | null;
    symbol: string | null;
    issuedOn: IsoDate | null;
    issuer: string | null;
    subject: string | null;
  } | null;
}

/**
 * The letter a report of the round answers, as its opening cites it: the request letter the
 * receiving unit issued through the system when there is one, else the letter the round records
 * (announced by, or answering); null when the round names no letter.
 */
export function roundRequestCitation(source: RoundRequestSource, period: Period): RequestCitation | null {
  const issued = source.issued;
  if (issued?.number && issued.symbol && issued.issuedOn) {
    return {
      number: `${issued.number}/${issued.symbol}`,
      date: issued.issuedOn,
      issuer: issued.issuer ?? '',
      subject: issued.subject ?? requestLetterSubject(period),
    };
  }
  const letter = source.letter;
  if (!letter?.number.trim()) return null;
  return {
    number: letter.number,
    date: letter.date,
    issuer: letter.issuer,
    subject: requestLetterSubject(period),
  };
}
