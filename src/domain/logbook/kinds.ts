/**
 * The logbook (sổ theo dõi): the registers in which a unit records each foreign-affairs event once,
 * when it happens (issue 15). Every register is a kind defined here as data: its fields, which of
 * them are personal, who keeps it. The server, the web forms, the lists, the imports and exports,
 * and the indicators computed from the records (bindings.ts) all read these definitions; nothing
 * else spells a register's fields.
 *
 * Every record has, beside its kind's fields, a date or a date range (`startsOn`, `endsOn`): the
 * day of the event, the arrival and departure of a foreigner, the signing and expiry of an
 * agreement, the first day of the month of a monthly count. A flow indicator counts the records
 * whose `startsOn` falls in a report's data window; a stock is taken at the window's end.
 *
 * Names: "register" in this code base is the register of outgoing documents (sổ đăng ký văn bản
 * đi, db/register.ts); these are the logbook's kinds.
 */

export const LOGBOOK_KIND_CODES = [
  'activity',
  'delegation',
  'conference',
  'agreement',
  'project',
  'foreigner',
  'worker',
  'citizen_case',
  'civil_registration',
  'press_visit',
  'award',
  'service',
] as const;
export type LogbookKindCode = (typeof LOGBOOK_KIND_CODES)[number];

/**
 * The value of a field:
 * - `line`: one line of text (≤ 500 characters); `text`: several lines (≤ 5,000);
 * - `integer`, `decimal`, `money`: a number ≥ 0 (money in the record's `currency` field when it has one);
 * - `date`: "YYYY-MM-DD";
 * - `country`: one official name from the country catalogue (countries.ts);
 * - `countries`: several official names;
 * - `nationalities`: people by nationality, `[{ country, count }]` (members of a delegation);
 * - `choice`: one of `options` (stored as the option's value);
 * - `document`: the document it refers to, `{ notation: "12/QĐ-UBND", date?: "2026-03-03" }`.
 */
export const FIELD_TYPES = [
  'line',
  'text',
  'integer',
  'decimal',
  'money',
  'date',
  'country',
  'countries',
  'nationalities',
  'choice',
  'document',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface ChoiceOption {
  value: string;
  label: string;
}

export interface LogbookField {
  /** Stable within the kind: the key in the record's `data`, the column of exports. */
  key: string;
  /** Label on the form and column header: "Số thành viên". */
  label: string;
  type: FieldType;
  required?: boolean;
  /** For `choice`. */
  options?: readonly ChoiceOption[];
  /** Personal data of a person: shown to the keeping unit only, never in another unit's answer or export. */
  personal?: boolean;
  /** Shown under the field. */
  hint?: string;
  /** Printed after a number ("người", "trang", "giờ"). */
  unit?: string;
}

/** Who keeps a register: a commune, a province-level body (Sở Ngoại vụ) or the province itself. */
export type KeeperKind = 'commune' | 'body' | 'province';

export interface LogbookKind {
  code: LogbookKindCode;
  /** The register's name: "Sổ theo dõi đoàn ra, đoàn vào". */
  name: string;
  /** Short name in tabs and menus: "Đoàn ra, đoàn vào". */
  shortName: string;
  /** One record, as a count word: "đoàn", "hội nghị", "người". */
  entryWord: string;
  /** Labels of the record's date or range: "Ngày đến" / "Ngày đi". */
  startsOnLabel: string;
  /** Absent: a record has one date only. */
  endsOnLabel?: string;
  /** The end date is needed (a conference's last day) rather than optional (a foreigner still here). */
  endsOnRequired?: boolean;
  fields: readonly LogbookField[];
  keptBy: readonly KeeperKind[];
  /** The field whose text is the record's one-line title in lists ("purpose", "name"). */
  titleField: string;
}

const DOCUMENT_HINT = 'Số, ký hiệu và ngày của văn bản, ví dụ 12/QĐ-UBND ngày 03/3/2026.';

const CURRENCIES: readonly ChoiceOption[] = [
  { value: 'VND', label: 'đồng (VND)' },
  { value: 'USD', label: 'đô la Mỹ (USD)' },
  { value: 'EUR', label: 'euro (EUR)' },
  { value: 'JPY', label: 'yên Nhật (JPY)' },
  { value: 'KRW', label: 'won Hàn Quốc (KRW)' },
];

const ALL_KEEPERS: readonly KeeperKind[] = ['commune', 'body', 'province'];

export const LOGBOOK_KINDS: readonly LogbookKind[] = [
  {
    code: 'activity',
    name: 'Nhật ký hoạt động đối ngoại',
    shortName: 'Nhật ký hoạt động',
    entryWord: 'hoạt động',
    startsOnLabel: 'Ngày',
    endsOnLabel: 'Đến ngày',
    keptBy: ALL_KEEPERS,
    titleField: 'text',
    fields: [
      {
        key: 'text',
        label: 'Nội dung (một câu như trong báo cáo)',
        type: 'text',
        required: true,
        hint: 'Ví dụ: Tham mưu UBND tỉnh cho phép đón tiếp Đoàn công tác của tổ chức KOICA (Hàn Quốc) khảo sát dự án cấp nước.',
      },
      { key: 'partner', label: 'Đối tác', type: 'line' },
      { key: 'countries', label: 'Nước, vùng lãnh thổ', type: 'countries' },
      { key: 'people', label: 'Số người', type: 'integer', unit: 'người' },
      { key: 'amount', label: 'Giá trị', type: 'money' },
      { key: 'currency', label: 'Đơn vị tiền', type: 'choice', options: CURRENCIES },
      { key: 'document', label: 'Văn bản liên quan', type: 'document', hint: DOCUMENT_HINT },
    ],
  },
  {
    code: 'delegation',
    name: 'Sổ theo dõi đoàn ra, đoàn vào',
    shortName: 'Đoàn ra, đoàn vào',
    entryWord: 'đoàn',
    startsOnLabel: 'Ngày bắt đầu',
    endsOnLabel: 'Ngày kết thúc',
    keptBy: ALL_KEEPERS,
    titleField: 'purpose',
    fields: [
      {
        key: 'direction',
        label: 'Loại đoàn',
        type: 'choice',
        required: true,
        options: [
          { value: 'out', label: 'Đoàn ra' },
          { value: 'in', label: 'Đoàn vào' },
        ],
      },
      { key: 'purpose', label: 'Mục đích, nội dung', type: 'line', required: true },
      { key: 'partner', label: 'Đối tác', type: 'line' },
      {
        key: 'countries',
        label: 'Nước, vùng lãnh thổ',
        type: 'countries',
        hint: 'Đoàn ra: nơi đến. Đoàn vào: nước của đoàn.',
      },
      { key: 'size', label: 'Số thành viên', type: 'integer', required: true, unit: 'người' },
      {
        key: 'members',
        label: 'Thành viên theo quốc tịch',
        type: 'nationalities',
        hint: 'Đoàn vào: số người nước ngoài theo quốc tịch.',
      },
      {
        key: 'headLevel',
        label: 'Cấp trưởng đoàn',
        type: 'choice',
        options: [
          { value: 'central', label: 'Lãnh đạo Trung ương' },
          { value: 'province', label: 'Lãnh đạo tỉnh' },
          { value: 'department', label: 'Lãnh đạo sở, ban, ngành' },
          { value: 'commune', label: 'Lãnh đạo xã, phường' },
          { value: 'ambassador', label: 'Đại sứ, Tổng Lãnh sự, Lãnh sự' },
          { value: 'organisation', label: 'Tổ chức quốc tế, tổ chức phi chính phủ' },
          { value: 'business', label: 'Doanh nghiệp' },
          { value: 'other', label: 'Khác' },
        ],
      },
      { key: 'approval', label: 'Văn bản cho phép', type: 'document', hint: DOCUMENT_HINT },
    ],
  },
  {
    code: 'conference',
    name: 'Sổ theo dõi hội nghị, hội thảo quốc tế',
    shortName: 'Hội nghị, hội thảo quốc tế',
    entryWord: 'hội nghị, hội thảo',
    startsOnLabel: 'Ngày bắt đầu',
    endsOnLabel: 'Ngày kết thúc',
    endsOnRequired: true,
    keptBy: ALL_KEEPERS,
    titleField: 'name',
    fields: [
      { key: 'name', label: 'Tên hội nghị, hội thảo', type: 'line', required: true },
      { key: 'organiser', label: 'Cơ quan tổ chức', type: 'line' },
      { key: 'permittedBy', label: 'Cơ quan cho phép', type: 'line', required: true },
      { key: 'permit', label: 'Văn bản cho phép', type: 'document', hint: DOCUMENT_HINT },
      { key: 'participants', label: 'Số đại biểu', type: 'integer', unit: 'người' },
      { key: 'foreignParticipants', label: 'Số đại biểu nước ngoài', type: 'integer', unit: 'người' },
      { key: 'countries', label: 'Nước, vùng lãnh thổ của đại biểu', type: 'countries' },
      {
        key: 'format',
        label: 'Hình thức',
        type: 'choice',
        required: true,
        options: [
          { value: 'in_person', label: 'Trực tiếp' },
          { value: 'online', label: 'Trực tuyến' },
          { value: 'hybrid', label: 'Trực tiếp kết hợp trực tuyến' },
        ],
      },
      {
        key: 'resultReportedOn',
        label: 'Ngày gửi báo cáo kết quả',
        type: 'date',
        hint: 'Báo cáo kết quả gửi cơ quan cho phép trong 15 ngày sau khi kết thúc.',
      },
    ],
  },
  {
    code: 'agreement',
    name: 'Sổ theo dõi thỏa thuận quốc tế',
    shortName: 'Thỏa thuận quốc tế',
    entryWord: 'thỏa thuận',
    startsOnLabel: 'Ngày ký',
    endsOnLabel: 'Hiệu lực đến',
    keptBy: ALL_KEEPERS,
    titleField: 'name',
    fields: [
      { key: 'name', label: 'Tên thỏa thuận', type: 'line', required: true },
      { key: 'partner', label: 'Đối tác nước ngoài', type: 'line', required: true },
      { key: 'country', label: 'Nước, vùng lãnh thổ của đối tác', type: 'country' },
      { key: 'field', label: 'Lĩnh vực', type: 'line' },
      { key: 'notes', label: 'Tình hình thực hiện', type: 'text' },
    ],
  },
  {
    code: 'project',
    name: 'Sổ theo dõi dự án viện trợ PCPNN, ODA, FDI',
    shortName: 'Dự án PCPNN, ODA, FDI',
    entryWord: 'dự án',
    startsOnLabel: 'Ngày phê duyệt, cấp phép',
    endsOnLabel: 'Ngày kết thúc',
    keptBy: ALL_KEEPERS,
    titleField: 'name',
    fields: [
      {
        key: 'type',
        label: 'Loại dự án',
        type: 'choice',
        required: true,
        options: [
          { value: 'ngo', label: 'Viện trợ phi chính phủ nước ngoài' },
          { value: 'oda', label: 'ODA, vốn vay ưu đãi' },
          { value: 'fdi', label: 'Đầu tư trực tiếp nước ngoài (FDI)' },
        ],
      },
      { key: 'name', label: 'Tên dự án', type: 'line', required: true },
      { key: 'donor', label: 'Nhà tài trợ, nhà đầu tư', type: 'line', required: true },
      { key: 'country', label: 'Nước, vùng lãnh thổ', type: 'country' },
      { key: 'currency', label: 'Đơn vị tiền', type: 'choice', required: true, options: CURRENCIES },
      { key: 'committedLoan', label: 'Cam kết: vốn vay', type: 'money' },
      { key: 'committedGrant', label: 'Cam kết: viện trợ không hoàn lại', type: 'money' },
      { key: 'committedCounterpart', label: 'Cam kết: vốn đối ứng', type: 'money' },
      { key: 'disbursedLoan', label: 'Giải ngân: vốn vay', type: 'money' },
      { key: 'disbursedGrant', label: 'Giải ngân: viện trợ không hoàn lại', type: 'money' },
      { key: 'disbursedCounterpart', label: 'Giải ngân: vốn đối ứng', type: 'money' },
      { key: 'approval', label: 'Văn bản phê duyệt, cấp phép', type: 'document', hint: DOCUMENT_HINT },
    ],
  },
  {
    code: 'foreigner',
    name: 'Sổ theo dõi người nước ngoài',
    shortName: 'Người nước ngoài',
    entryWord: 'người',
    startsOnLabel: 'Ngày đến',
    endsOnLabel: 'Ngày đi',
    keptBy: ['commune', 'body'],
    titleField: 'fullName',
    fields: [
      { key: 'fullName', label: 'Họ và tên', type: 'line', required: true, personal: true },
      { key: 'nationality', label: 'Quốc tịch', type: 'country', required: true },
      { key: 'passport', label: 'Số hộ chiếu', type: 'line', personal: true },
      { key: 'birthDate', label: 'Ngày sinh', type: 'date', personal: true },
      { key: 'address', label: 'Nơi ở', type: 'line', personal: true },
      {
        key: 'purpose',
        label: 'Mục đích',
        type: 'choice',
        required: true,
        options: [
          { value: 'work', label: 'Làm việc' },
          { value: 'investment', label: 'Đầu tư, kinh doanh' },
          { value: 'study', label: 'Học tập' },
          { value: 'family', label: 'Thăm thân, kết hôn' },
          { value: 'tourism', label: 'Du lịch' },
          { value: 'other', label: 'Khác' },
        ],
      },
      { key: 'employer', label: 'Cơ quan, doanh nghiệp bảo lãnh', type: 'line' },
    ],
  },
  {
    code: 'worker',
    name: 'Sổ theo dõi lao động đi làm việc ở nước ngoài',
    shortName: 'Lao động ở nước ngoài',
    entryWord: 'lao động',
    startsOnLabel: 'Tháng (ngày đầu tháng)',
    keptBy: ALL_KEEPERS,
    titleField: 'market',
    fields: [
      { key: 'market', label: 'Thị trường', type: 'country', required: true },
      { key: 'count', label: 'Số lao động', type: 'integer', required: true, unit: 'lao động' },
      { key: 'agency', label: 'Doanh nghiệp đưa đi', type: 'line' },
    ],
  },
  {
    code: 'citizen_case',
    name: 'Sổ theo dõi công dân gặp khó khăn ở nước ngoài, bảo hộ công dân',
    shortName: 'Bảo hộ công dân',
    entryWord: 'vụ việc',
    startsOnLabel: 'Ngày phát sinh',
    endsOnLabel: 'Ngày giải quyết xong',
    keptBy: ALL_KEEPERS,
    titleField: 'summary',
    fields: [
      {
        key: 'type',
        label: 'Loại vụ việc',
        type: 'choice',
        required: true,
        options: [
          { value: 'protection', label: 'Bảo hộ công dân' },
          { value: 'violation', label: 'Công dân vi phạm pháp luật ở nước ngoài' },
          { value: 'repatriation', label: 'Hồi hương, đưa thi hài về nước' },
          { value: 'other', label: 'Khác' },
        ],
      },
      { key: 'country', label: 'Nước, vùng lãnh thổ', type: 'country', required: true },
      { key: 'people', label: 'Số công dân', type: 'integer', required: true, unit: 'công dân' },
      { key: 'summary', label: 'Tóm tắt vụ việc', type: 'line', required: true },
      { key: 'names', label: 'Họ tên công dân', type: 'line', personal: true },
      { key: 'result', label: 'Kết quả giải quyết', type: 'text' },
    ],
  },
  {
    code: 'civil_registration',
    name: 'Sổ theo dõi hộ tịch có yếu tố nước ngoài',
    shortName: 'Hộ tịch có yếu tố nước ngoài',
    entryWord: 'trường hợp',
    startsOnLabel: 'Ngày đăng ký',
    keptBy: ['commune'],
    titleField: 'type',
    fields: [
      {
        key: 'type',
        label: 'Việc hộ tịch',
        type: 'choice',
        required: true,
        options: [
          { value: 'marriage', label: 'Kết hôn' },
          { value: 'birth', label: 'Khai sinh' },
          { value: 'other', label: 'Việc hộ tịch khác' },
        ],
      },
      { key: 'country', label: 'Quốc tịch của người nước ngoài', type: 'country', required: true },
      { key: 'count', label: 'Số trường hợp', type: 'integer', required: true, unit: 'trường hợp' },
      { key: 'names', label: 'Họ tên', type: 'line', personal: true },
    ],
  },
  {
    code: 'press_visit',
    name: 'Sổ theo dõi phóng viên, báo chí nước ngoài',
    shortName: 'Báo chí nước ngoài',
    entryWord: 'đoàn phóng viên',
    startsOnLabel: 'Ngày bắt đầu',
    endsOnLabel: 'Ngày kết thúc',
    keptBy: ALL_KEEPERS,
    titleField: 'agency',
    fields: [
      { key: 'agency', label: 'Cơ quan báo chí', type: 'line', required: true },
      { key: 'country', label: 'Nước, vùng lãnh thổ', type: 'country', required: true },
      { key: 'journalists', label: 'Số phóng viên', type: 'integer', required: true, unit: 'phóng viên' },
      { key: 'purpose', label: 'Nội dung tác nghiệp', type: 'line' },
      { key: 'articles', label: 'Số tin, bài', type: 'integer', unit: 'tin, bài' },
      { key: 'permit', label: 'Văn bản chấp thuận', type: 'document', hint: DOCUMENT_HINT },
    ],
  },
  {
    code: 'award',
    name: 'Sổ theo dõi khen thưởng có yếu tố nước ngoài',
    shortName: 'Khen thưởng',
    entryWord: 'trường hợp',
    startsOnLabel: 'Ngày quyết định',
    keptBy: ALL_KEEPERS,
    titleField: 'recipient',
    fields: [
      { key: 'recipient', label: 'Tập thể, cá nhân được khen thưởng', type: 'line', required: true },
      { key: 'country', label: 'Nước, vùng lãnh thổ', type: 'country' },
      { key: 'form', label: 'Hình thức khen thưởng', type: 'line', required: true },
      { key: 'count', label: 'Số trường hợp', type: 'integer', required: true, unit: 'trường hợp' },
      { key: 'decision', label: 'Quyết định', type: 'document', hint: DOCUMENT_HINT },
    ],
  },
  {
    code: 'service',
    name: 'Sổ theo dõi dịch thuật, dịch vụ đối ngoại và thủ tục hành chính',
    shortName: 'Dịch vụ đối ngoại',
    entryWord: 'lần ghi',
    startsOnLabel: 'Ngày',
    keptBy: ['body'],
    titleField: 'service',
    fields: [
      {
        key: 'service',
        label: 'Loại việc',
        type: 'choice',
        required: true,
        options: [
          { value: 'translation.content', label: 'Biên dịch nội dung (trang)' },
          { value: 'translation.judicial', label: 'Biên dịch có chứng thực tư pháp (trang)' },
          { value: 'translation.center', label: 'Biên dịch chứng nhận tại Trung tâm (trang)' },
          { value: 'interpreting', label: 'Phiên dịch (giờ)' },
          { value: 'copies.judicial', label: 'Bản sao bản dịch chứng nhận tư pháp, công chứng (bản)' },
          { value: 'copies.center', label: 'Bản sao bản dịch chứng nhận Trung tâm (bản)' },
          { value: 'legalisation', label: 'Hợp pháp hóa lãnh sự (hồ sơ)' },
          { value: 'consular_certification', label: 'Chứng nhận lãnh sự (hồ sơ)' },
          { value: 'procedure.received', label: 'Thủ tục hành chính tiếp nhận (thủ tục)' },
          { value: 'procedure.on_time', label: 'Thủ tục trả kết quả đúng hạn (thủ tục)' },
          { value: 'procedure.late', label: 'Thủ tục trả kết quả quá hạn (thủ tục)' },
        ],
      },
      { key: 'quantity', label: 'Số lượng', type: 'decimal', required: true },
      { key: 'fees', label: 'Phí, lệ phí thu được (đồng)', type: 'money' },
      { key: 'note', label: 'Ghi chú', type: 'line' },
    ],
  },
];

const BY_CODE = new Map<string, LogbookKind>(LOGBOOK_KINDS.map((k) => [k.code, k]));

export function logbookKind(code: string): LogbookKind | undefined {
  return BY_CODE.get(code);
}

export function isLogbookKindCode(code: string): code is LogbookKindCode {
  return BY_CODE.has(code);
}

/** The kinds a unit of this kind keeps (a country-level unit keeps the province's). */
export function kindsKeptBy(keeper: KeeperKind): LogbookKind[] {
  return LOGBOOK_KINDS.filter((k) => k.keptBy.includes(keeper));
}

/** The keys of a kind's personal fields: removed from anything another unit reads. */
export function personalFields(kind: LogbookKind): string[] {
  return kind.fields.filter((f) => f.personal).map((f) => f.key);
}
