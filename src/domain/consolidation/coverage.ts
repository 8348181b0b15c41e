/**
 * Coverage of a consolidation: of the units a round asked, which ones answered. A consolidated
 * report must always say it ("65/69 xã, phường đã gửi báo cáo"), name the units whose figures are
 * missing, and mark its totals as partial while some are missing: not reported is never zero.
 *
 * What counts as answered: a report the receiving unit has received (or accepted). Those are the
 * sources of the figures. A report issued by its unit but not yet received is "sent, not received":
 * it is shown apart and its figures are not counted (the province has not checked them yet), so
 * coverage always equals what the totals are made of. Pure.
 */
import { daysLate, type ReportStatus } from '../workflow.js';
import { compareUnitCodes } from './index.js';

/** Where an asked unit stands, as the appendix and the page name it. */
export type AnswerState = 'answered' | 'nil' | 'not_received' | 'missing';

export const ANSWER_STATE_LABELS: Record<AnswerState, string> = {
  answered: 'Đã gửi',
  nil: 'Không phát sinh',
  not_received: 'Đã gửi, chưa tiếp nhận',
  missing: 'Chưa gửi',
};

export interface AskedUnit {
  unitId: number;
  code: string;
  name: string;
  state: AnswerState;
  /** The unit's report for the round's outline and period, if any. */
  reportId: number | null;
  /** Days after the deadline it was sent, or (not sent) the days since the deadline. */
  daysLate: number;
}

export interface Coverage {
  /** The round's deadline (ISO date). */
  deadline: string;
  /** Every unit asked, in official code order. */
  units: AskedUnit[];
}

/** One asked unit with its report, as the database gives it. */
export interface AskedUnitSource {
  unitId: number;
  code: string;
  name: string;
  reportId: number | null;
  status: ReportStatus | null;
  /** Calendar date (Vietnam) the report was first sent. */
  sentOn: string | null;
  /** The whole report was answered "Không phát sinh". */
  nilAll: boolean;
}

const RECEIVED: readonly (ReportStatus | null)[] = ['received', 'accepted'];

export function answerState(status: ReportStatus | null, nilAll: boolean): AnswerState {
  if (RECEIVED.includes(status)) return nilAll ? 'nil' : 'answered';
  if (status === 'issued') return 'not_received';
  return 'missing';
}

/** A sent report is late by its sending date (unknown: on time); one not sent, by today. */
function lateness(a: AskedUnitSource, deadline: string, today: string): number {
  const sent = a.status === 'issued' || RECEIVED.includes(a.status);
  if (sent) return a.sentOn ? daysLate(deadline, a.sentOn, today) : 0;
  return daysLate(deadline, null, today);
}

export function coverageOf(asked: readonly AskedUnitSource[], deadline: string, today: string): Coverage {
  const units = asked.map(
    (a): AskedUnit => ({
      unitId: a.unitId,
      code: a.code,
      name: a.name,
      state: answerState(a.status, a.nilAll),
      reportId: a.reportId,
      daysLate: lateness(a, deadline, today),
    }),
  );
  units.sort((a, b) => compareUnitCodes(a.code, b.code));
  return { deadline, units };
}

/** Units whose figures are in the consolidation (received, including those that answered nil). */
export const isAnswered = (u: AskedUnit) => u.state === 'answered' || u.state === 'nil';

export interface CoverageCounts {
  asked: number;
  answered: number;
  notReceived: number;
  missing: number;
  /** Answered after the deadline, or not answered with the deadline passed. */
  late: number;
  /** True while some asked unit's figures are not in the consolidation. */
  partial: boolean;
}

export function coverageCounts(coverage: Coverage): CoverageCounts {
  const asked = coverage.units.length;
  const answered = coverage.units.filter(isAnswered).length;
  const notReceived = coverage.units.filter((u) => u.state === 'not_received').length;
  return {
    asked,
    answered,
    notReceived,
    missing: asked - answered - notReceived,
    late: coverage.units.filter((u) => u.daysLate > 0).length,
    partial: answered < asked,
  };
}

const KIND = /^(xã|phường|đặc khu|thị trấn|tỉnh|thành phố)\s/iu;

/** "xã, phường": the kinds of the units asked, for counts ("65/69 xã, phường"). */
export function kindsOf(units: readonly { name: string }[]): string {
  const kinds = new Set<string>();
  for (const u of units) kinds.add(KIND.exec(u.name)?.[1]?.toLowerCase() ?? 'đơn vị');
  const order = ['xã', 'phường', 'đặc khu', 'thị trấn', 'tỉnh', 'thành phố', 'đơn vị'];
  return [...kinds].sort((a, b) => order.indexOf(a) - order.indexOf(b)).join(', ') || 'đơn vị';
}

/** "65/69 xã, phường": the answered units over the units asked. */
export function coverageRatio(coverage: Coverage): string {
  const c = coverageCounts(coverage);
  return `${c.answered}/${c.asked} ${kindsOf(coverage.units)}`;
}

/** "(số liệu của 65/69 xã, phường)": the mark of a partial total; empty when every unit answered. */
export function partialMark(coverage: Coverage | null | undefined): string {
  if (!coverage || !coverageCounts(coverage).partial) return '';
  return `(số liệu của ${coverageRatio(coverage)})`;
}

/** Beyond this many a sentence counts the units instead of naming them (the appendix names them all). */
const MAX_NAMED = 10;

function named(units: readonly AskedUnit[], listedIn: string): string {
  if (units.length > MAX_NAMED) return `${units.length} ${kindsOf(units)} (${listedIn})`;
  return units.map((u) => u.name).join(', ');
}

/**
 * "Số liệu tổng hợp từ báo cáo của 65/69 xã, phường; chưa gửi báo cáo: Xã A, Xã B; đã gửi nhưng
 * chưa tiếp nhận: Xã C." The sentence of the document and the page; beyond ten units they are
 * counted and `listedIn` says where they are named.
 */
export function coverageSentence(coverage: Coverage, listedIn = 'danh sách tại Phụ lục'): string {
  const missing = coverage.units.filter((u) => u.state === 'missing');
  const notReceived = coverage.units.filter((u) => u.state === 'not_received');
  const parts = [`Số liệu tổng hợp từ báo cáo của ${coverageRatio(coverage)}`];
  if (missing.length) parts.push(`chưa gửi báo cáo: ${named(missing, listedIn)}`);
  if (notReceived.length) parts.push(`đã gửi nhưng chưa tiếp nhận: ${named(notReceived, listedIn)}`);
  return `${parts.join('; ')}.`;
}

/**
 * A section no answered unit had activity in, while others have not answered: what can be said is
 * that the units that answered reported none, never that none happened in the whole province.
 */
export function partialNilSentence(coverage: Coverage, nilPhrase: string): string {
  const c = coverageCounts(coverage);
  const phrase = nilPhrase.trim().replace(/\.$/, '');
  const rest = c.asked - c.answered;
  return `Theo báo cáo của ${coverageRatio(coverage)} đã gửi, không phát sinh ${phrase}; chưa có số liệu của ${rest} ${kindsOf(coverage.units.filter((u) => !isAnswered(u)))} còn lại.`;
}
