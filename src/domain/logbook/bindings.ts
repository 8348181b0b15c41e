/**
 * Indicators computed from the logbook (issue 15): each catalogue indicator a register can honestly
 * compute is bound, by its stable code, to a query over one kind of record. The same binding serves
 * every outline that uses the code (outlines/catalogue.ts). An indicator without a binding (trade,
 * tourists, planned delegations …) is typed in the report as before.
 *
 * A binding says which records count (kind, choice fields, the date that places a record in the
 * window) and what is taken from them (the records, or the sum of numeric fields; a breakdown by a
 * country field; a list of distinct names). The database computes the aggregates
 * (db/logbook-compute.ts); this file turns them into a report's value, pure.
 *
 * Money is never converted between currencies: an amount in "triệu đồng" comes only from records
 * in VND (đồng → triệu đồng), one in USD only from records in USD; a window holding records in
 * another currency leaves the figure uncomputed, with the reason, rather than invent a rate.
 */
import type { Indicator, IndicatorValue, Outline } from '../outline.js';
import { indicatorsOf } from '../outlines/numbering.js';
import { formatCount } from '../vn-number.js';
import type { LogbookKindCode } from './kinds.js';

/**
 * Which date places a record in the window:
 * - `flow`: its `startsOn` falls in the window (a delegation, a signing, an arrival);
 * - `ended`: its `endsOn` falls in the window (a foreigner's departure);
 * - `stock`: it holds at the window's end (`startsOn` ≤ end and no `endsOn` or `endsOn` > end).
 */
export type BindingMeasure = 'flow' | 'ended' | 'stock';

/** The field a breakdown or a list takes its names from, and how the field holds them. */
export interface NameSource {
  field: string;
  /** `country`/`line`: one name; `countries`: several; `nationalities`: `[{country, count}]`. */
  type: 'country' | 'countries' | 'line' | 'nationalities';
}

export interface LogbookBinding {
  code: string;
  kind: LogbookKindCode;
  measure: BindingMeasure;
  /** Choice fields and the values they must hold (`direction` ∈ {out}). */
  where?: Readonly<Record<string, readonly string[]>>;
  /**
   * What is counted: the records (absent), or the sum of these numeric fields. With a
   * `nationalities` breakdown the total is the sum of its counts.
   */
  sum?: readonly string[];
  /** A breakdown (by country, market): the parts are summed like the total, by name. */
  by?: NameSource;
  /** A list indicator: the distinct names met in the records. */
  list?: NameSource;
  /** Money in the outline's unit: only records in `currency`, amounts divided by `divisor`. */
  money?: { currency: string; divisor: number; field?: string };
  /** What is computed, for the officer: "Số đoàn ra có ngày bắt đầu trong kỳ". */
  describe: string;
}

const MILLION = 1_000_000;
const COMMITTED = ['committedLoan', 'committedGrant', 'committedCounterpart'] as const;
const TRANSLATION_PAGES = ['translation.content', 'translation.judicial', 'translation.center'] as const;

function service(code: string, value: readonly string[], describe: string): LogbookBinding {
  return { code, kind: 'service', measure: 'flow', where: { service: value }, sum: ['quantity'], describe };
}

/** Every binding, by indicator code. */
export const LOGBOOK_BINDINGS: readonly LogbookBinding[] = [
  // Delegations: dated by their first day.
  ...(['out', 'in'] as const).flatMap((direction): LogbookBinding[] => {
    const name = direction === 'out' ? 'đoàn ra' : 'đoàn vào';
    const base = {
      kind: 'delegation' as const,
      measure: 'flow' as const,
      where: { direction: [direction] },
    };
    return [
      { ...base, code: `delegations.${direction}.count`, describe: `Số ${name} bắt đầu trong kỳ` },
      {
        ...base,
        code: `delegations.${direction}.people`,
        sum: ['size'],
        describe: `Tổng số thành viên các ${name} bắt đầu trong kỳ`,
      },
      {
        ...base,
        code: `delegations.${direction}.countries`,
        list: { field: 'countries', type: 'countries' },
        describe: `Các nước, vùng lãnh thổ ghi ở ${name} trong kỳ`,
      },
    ];
  }),
  {
    code: 'delegations.in.foreigners',
    kind: 'delegation',
    measure: 'flow',
    where: { direction: ['in'] },
    by: { field: 'members', type: 'nationalities' },
    describe: 'Người nước ngoài trong các đoàn vào trong kỳ, theo quốc tịch',
  },
  {
    code: 'delegations.countries',
    kind: 'delegation',
    measure: 'flow',
    list: { field: 'countries', type: 'countries' },
    describe: 'Các nước, vùng lãnh thổ ghi ở đoàn ra, đoàn vào trong kỳ',
  },
  // Conferences.
  {
    code: 'conferences.count',
    kind: 'conference',
    measure: 'flow',
    describe: 'Hội nghị, hội thảo bắt đầu trong kỳ',
  },
  {
    code: 'conferences.foreign_delegates',
    kind: 'conference',
    measure: 'flow',
    sum: ['foreignParticipants'],
    describe: 'Tổng số đại biểu nước ngoài của các hội nghị, hội thảo trong kỳ',
  },
  // Agreements: signed in the window; in force at its end.
  { code: 'agreements.signed', kind: 'agreement', measure: 'flow', describe: 'Thỏa thuận ký trong kỳ' },
  {
    code: 'agreements.active',
    kind: 'agreement',
    measure: 'stock',
    describe: 'Thỏa thuận đã ký, còn hiệu lực vào ngày cuối kỳ',
  },
  {
    code: 'agreements.partners',
    kind: 'agreement',
    measure: 'flow',
    list: { field: 'partner', type: 'line' },
    describe: 'Đối tác của các thỏa thuận ký trong kỳ',
  },
  // Projects, approved or licensed in the window; amounts in the outline's unit and currency only.
  {
    code: 'fdi.projects',
    kind: 'project',
    measure: 'flow',
    where: { type: ['fdi'] },
    describe: 'Dự án FDI được cấp phép trong kỳ',
  },
  {
    code: 'fdi.capital',
    kind: 'project',
    measure: 'flow',
    where: { type: ['fdi'] },
    sum: COMMITTED,
    money: { currency: 'USD', divisor: MILLION },
    describe:
      'Tổng vốn cam kết (vay, không hoàn lại, đối ứng) của các dự án FDI ghi bằng USD, quy ra triệu USD',
  },
  {
    code: 'oda.projects',
    kind: 'project',
    measure: 'flow',
    where: { type: ['oda'] },
    describe: 'Dự án ODA, vốn vay ưu đãi được phê duyệt trong kỳ',
  },
  ...(
    [
      ['oda.total', COMMITTED, 'Tổng vốn cam kết'],
      ['oda.loan', ['committedLoan'], 'Vốn vay cam kết'],
      ['oda.grant', ['committedGrant'], 'Vốn viện trợ không hoàn lại cam kết'],
      ['oda.counterpart', ['committedCounterpart'], 'Vốn đối ứng cam kết'],
    ] as const
  ).map(
    ([code, sum, what]): LogbookBinding => ({
      code,
      kind: 'project',
      measure: 'flow',
      where: { type: ['oda'] },
      sum,
      money: { currency: 'VND', divisor: MILLION },
      describe: `${what} của các dự án ODA ghi bằng đồng, quy ra triệu đồng`,
    }),
  ),
  {
    code: 'ngo.projects',
    kind: 'project',
    measure: 'flow',
    where: { type: ['ngo'] },
    describe: 'Chương trình, dự án viện trợ PCPNN được phê duyệt trong kỳ',
  },
  {
    code: 'ngo.value',
    kind: 'project',
    measure: 'flow',
    where: { type: ['ngo'] },
    sum: ['committedGrant'],
    money: { currency: 'USD', divisor: 1 },
    describe: 'Viện trợ không hoàn lại cam kết của các dự án PCPNN ghi bằng USD',
  },
  {
    code: 'ngo.donors',
    kind: 'project',
    measure: 'flow',
    where: { type: ['ngo'] },
    list: { field: 'donor', type: 'line' },
    describe: 'Nhà tài trợ của các dự án PCPNN trong kỳ',
  },
  // Foreign press.
  {
    code: 'press.journalists',
    kind: 'press_visit',
    measure: 'flow',
    sum: ['journalists'],
    describe: 'Tổng số phóng viên của các đoàn báo chí nước ngoài trong kỳ',
  },
  {
    code: 'press.articles',
    kind: 'press_visit',
    measure: 'flow',
    sum: ['articles'],
    describe: 'Tổng số tin, bài của các đoàn báo chí nước ngoài trong kỳ',
  },
  // Foreigners: arrivals and departures in the window, residents at its end.
  {
    code: 'foreigners.arrived',
    kind: 'foreigner',
    measure: 'flow',
    describe: 'Người nước ngoài có ngày đến trong kỳ',
  },
  {
    code: 'foreigners.departed',
    kind: 'foreigner',
    measure: 'ended',
    describe: 'Người nước ngoài có ngày đi trong kỳ',
  },
  {
    code: 'foreigners.resident',
    kind: 'foreigner',
    measure: 'stock',
    by: { field: 'nationality', type: 'country' },
    describe: 'Người nước ngoài đã đến và chưa đi vào ngày cuối kỳ, theo quốc tịch',
  },
  // Citizens abroad.
  {
    code: 'citizens.violations_abroad',
    kind: 'citizen_case',
    measure: 'flow',
    where: { type: ['violation'] },
    sum: ['people'],
    describe: 'Số công dân trong các vụ việc vi phạm pháp luật ở nước ngoài phát sinh trong kỳ',
  },
  {
    code: 'citizens.protection',
    kind: 'citizen_case',
    measure: 'flow',
    where: { type: ['protection'] },
    describe: 'Vụ việc bảo hộ công dân phát sinh trong kỳ',
  },
  // Civil registration with a foreign element.
  {
    code: 'civil.marriage',
    kind: 'civil_registration',
    measure: 'flow',
    where: { type: ['marriage'] },
    sum: ['count'],
    by: { field: 'country', type: 'country' },
    describe: 'Đăng ký kết hôn có yếu tố nước ngoài trong kỳ, theo quốc tịch',
  },
  {
    code: 'civil.birth',
    kind: 'civil_registration',
    measure: 'flow',
    where: { type: ['birth'] },
    sum: ['count'],
    describe: 'Đăng ký khai sinh có yếu tố nước ngoài trong kỳ',
  },
  {
    code: 'civil.other',
    kind: 'civil_registration',
    measure: 'flow',
    where: { type: ['other'] },
    sum: ['count'],
    describe: 'Việc hộ tịch khác có yếu tố nước ngoài trong kỳ',
  },
  {
    code: 'workers.abroad',
    kind: 'worker',
    measure: 'flow',
    sum: ['count'],
    by: { field: 'market', type: 'country' },
    describe: 'Lao động đi làm việc ở nước ngoài trong kỳ, theo thị trường',
  },
  {
    code: 'awards.foreign',
    kind: 'award',
    measure: 'flow',
    sum: ['count'],
    describe: 'Tập thể, cá nhân được khen thưởng có yếu tố nước ngoài trong kỳ',
  },
  // The department's services.
  service('translation.pages.total', TRANSLATION_PAGES, 'Tổng số trang biên dịch trong kỳ'),
  service('translation.pages.judicial', ['translation.judicial'], 'Trang biên dịch có chứng thực tư pháp'),
  service('translation.pages.center', ['translation.center'], 'Trang biên dịch chứng nhận tại Trung tâm'),
  service('translation.pages.content', ['translation.content'], 'Trang biên dịch nội dung'),
  service('interpreting.hours', ['interpreting'], 'Số giờ phiên dịch'),
  service(
    'translation.copies.judicial',
    ['copies.judicial'],
    'Bản sao bản dịch có chứng nhận tư pháp, công chứng',
  ),
  service('translation.copies.center', ['copies.center'], 'Bản sao bản dịch có chứng nhận Trung tâm'),
  service('legalisation.files', ['legalisation'], 'Hồ sơ hợp pháp hóa lãnh sự'),
  service('consular_certification.files', ['consular_certification'], 'Hồ sơ chứng nhận lãnh sự'),
  service('procedures.received', ['procedure.received'], 'Thủ tục hành chính tiếp nhận'),
  service('procedures.on_time', ['procedure.on_time'], 'Thủ tục trả kết quả đúng hạn'),
  service('procedures.late', ['procedure.late'], 'Thủ tục trả kết quả quá hạn'),
  {
    code: 'services.fees',
    kind: 'service',
    measure: 'flow',
    sum: ['fees'],
    // The register records fees in đồng (its field says so): no currency to check.
    money: { currency: 'VND', divisor: MILLION, field: 'none' },
    describe: 'Phí, lệ phí thu được trong kỳ (đồng), quy ra triệu đồng',
  },
];

const BY_CODE = new Map(LOGBOOK_BINDINGS.map((b) => [b.code, b]));

export function bindingFor(code: string): LogbookBinding | undefined {
  return BY_CODE.get(code);
}

/** An outline's indicators that have a binding, with it. */
export function boundIndicators(outline: Outline): { indicator: Indicator; binding: LogbookBinding }[] {
  return indicatorsOf(outline).flatMap((indicator) => {
    const binding = BY_CODE.get(indicator.code);
    return binding && fits(binding, indicator) ? [{ indicator, binding }] : [];
  });
}

/**
 * A binding serves an indicator of the same shape only: a province's outline that reuses a code
 * with another value type or unit ("oda.total" in USD) is not computed rather than computed wrong.
 */
export function fits(binding: LogbookBinding, indicator: Indicator): boolean {
  if (binding.list) return indicator.valueType === 'list';
  if (indicator.valueType === 'list' || indicator.valueType === 'text') return false;
  if (binding.money)
    return (
      indicator.valueType === 'money' &&
      unitCurrency(indicator.unit) === binding.money.currency &&
      unitDivisor(indicator.unit) === binding.money.divisor
    );
  return indicator.valueType !== 'money';
}

function unitCurrency(unit: string): string | undefined {
  const u = unit.toLowerCase();
  if (/usd|đô la/.test(u)) return 'USD';
  if (/đồng|vnd/.test(u)) return 'VND';
  return undefined;
}

function unitDivisor(unit: string): number {
  return /triệu/i.test(unit) ? MILLION : /tỷ/i.test(unit) ? 1_000_000_000 : 1;
}

/** A record behind a figure, as the report keeps it: which one and at which revision. */
export interface RecordRef {
  id: number;
  revision: number;
}

/** What the database computed for one binding of one unit (db/logbook-compute.ts). */
export interface BindingAggregate {
  /** The records counted, in id order. */
  records: RecordRef[];
  /** The sum of the fields (or the number of records); for money, in the record's currency. */
  total: number;
  /** Breakdown or list: name → summed amount (a list's amounts are the records naming it). */
  names?: Map<string, number>;
  /** Money: the records in another currency, by currency. */
  otherCurrencies?: Map<string, RecordRef[]>;
}

/** A figure computed for a report: its value, or why it is not computed; the records behind it. */
export type ComputedFigure =
  | { ok: true; value: IndicatorValue; records: RecordRef[] }
  | { ok: false; reason: string; records: RecordRef[] };

const VI = new Intl.Collator('vi');

/** Rounds what sums of decimals leave behind (0.1 + 0.2). */
function clean(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

const CURRENCY_NAMES: Readonly<Record<string, string>> = {
  VND: 'đồng',
  USD: 'USD',
  EUR: 'EUR',
  JPY: 'yên Nhật',
  KRW: 'won Hàn Quốc',
};

/**
 * The report's value of a bound indicator from its aggregate (pure). No records: undefined (the
 * officer types it, or answers "không phát sinh"). Money with records in another currency: not
 * computed, with the reason.
 */
export function figureOf(
  binding: LogbookBinding,
  indicator: Indicator,
  aggregate: BindingAggregate,
): ComputedFigure | undefined {
  const others = aggregate.otherCurrencies;
  const foreign = others ? [...others.values()].flat() : [];
  const records = [...aggregate.records, ...foreign].sort((a, b) => a.id - b.id);
  if (records.length === 0) return undefined;
  if (binding.money && others && others.size > 0) {
    const which = [...others.entries()]
      .map(([c, refs]) => `${formatCount(refs.length)} dự án ghi bằng ${CURRENCY_NAMES[c] ?? c}`)
      .join(', ');
    return {
      ok: false,
      records,
      reason:
        `Không tính được từ sổ: ${which}, trong khi chỉ tiêu tính bằng ${indicator.unit}. ` +
        'Hệ thống không tự quy đổi tỷ giá; đề nghị nhập số liệu đã quy đổi và ghi rõ cách tính.',
    };
  }
  if (binding.list) {
    const names = [...(aggregate.names?.keys() ?? [])].sort(VI.compare);
    return { ok: true, records, value: names };
  }
  const divisor = binding.money?.divisor ?? 1;
  const scale = (n: number) => clean(n / divisor);
  if (binding.by) {
    const parts = [...(aggregate.names?.entries() ?? [])]
      .map(([key, v]) => ({ key, value: scale(v) }))
      .filter((p) => p.value !== 0)
      .sort((a, b) => b.value - a.value || VI.compare(a.key, b.key));
    const total =
      binding.by.type === 'nationalities'
        ? clean(parts.reduce((s, p) => s + p.value, 0))
        : scale(aggregate.total);
    // Parts that do not cover the total (records without a country) are the officer's to split.
    return { ok: true, records, value: { total, parts } };
  }
  return { ok: true, records, value: scale(aggregate.total) };
}

/** The same value (a breakdown's parts in any order). */
export function sameValue(a: IndicatorValue | undefined, b: IndicatorValue | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const norm = (v: IndicatorValue) =>
    typeof v === 'object' && !Array.isArray(v)
      ? JSON.stringify({ total: v.total, parts: [...v.parts].sort((x, y) => (x.key < y.key ? -1 : 1)) })
      : JSON.stringify(v);
  return norm(a) === norm(b);
}
