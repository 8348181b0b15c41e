/**
 * The report JSON format (docs/report-json.md): a report as a file. It is what `doingoai preview`
 * and `doingoai render` read, what the web form exports and imports, and (without `unit` and
 * `outline`) what the database keeps as a report's content.
 */
import { z } from 'zod';
import { canonicalCountryName } from './countries.js';
import { PERIOD_KINDS } from './periods.js';
import { cleanProse } from './text.js';
import { AUTHORITIES } from './units.js';

export const REPORT_FORMAT = 'doingoai.report/1';

/** Largest count or amount accepted: beyond this a value is a typing error, not a fact. */
export const MAX_VALUE = 1e11;
/** Longest narrative accepted for one section (characters). */
export const MAX_NARRATIVE = 20_000;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng NNNN-TT-NN (ví dụ 2026-06-14).')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: 'Ngày không có thật.',
    },
  );

/** NFC, trimmed, control characters removed (line breaks kept), within a length. */
const prose = (max: number) =>
  z
    .string()
    .max(max, `Văn bản quá dài (tối đa ${max.toLocaleString('vi-VN')} ký tự).`)
    .transform((s) => cleanProse(s));

const line = (max = 500) => prose(max).refine((s) => !s.includes('\n'), 'Chỉ được một dòng.');

const numberValue = z
  .number({ error: 'Giá trị phải là một số.' })
  .finite('Giá trị phải là một số.')
  .min(-MAX_VALUE, 'Giá trị quá lớn.')
  .max(MAX_VALUE, 'Giá trị quá lớn, vui lòng kiểm tra lại.');

export const indicatorValueSchema = z.union([
  numberValue,
  line(2000),
  z.array(line(200)).max(300),
  z.object({
    total: numberValue,
    // A part named by another complete name of a country ("Myanmar", "Han Quoc") is stored under the
    // official name ("Mi-an-ma", "Hàn Quốc"), so old files and old rows read canonical; a name the
    // catalogue does not know is kept as typed and refused by the validation (validation.ts).
    parts: z.array(z.object({ key: line(200).transform(canonicalCountryName), value: numberValue })).max(300),
  }),
]);

export const reportValuesSchema = z.record(z.string().max(100), indicatorValueSchema);

export const periodSchema = z.object({
  kind: z.enum(PERIOD_KINDS),
  year: z.number().int().min(2000).max(2100),
  index: z.number().int().min(0).max(12).default(0),
  start: isoDate.optional(),
  end: isoDate.optional(),
});

export const windowSchema = z.object({ start: isoDate, end: isoDate });

export const signerSchema = z.object({
  fullName: line(100),
  title: line(100),
  authority: z.enum(AUTHORITIES),
  authorityOf: line(200).optional(),
  collective: line(200).optional(),
});

export const narrativeEditSchema = z.object({
  text: prose(MAX_NARRATIVE),
  /** `append`: the officer's text follows the drafted text; `replace`: it stands instead of it. */
  mode: z.enum(['append', 'replace']).default('append'),
  /** Hash of the drafted text the officer saw (drafting's `draftHash`): a later re-draft is noticed. */
  draftHash: z.string().max(64).optional(),
});

/** The narrative keys of the document's opening and closing paragraphs (edited like a section's text). */
export const OPENING_KEY = 'document.opening';
export const CLOSING_KEY = 'document.closing';
/** How messages name them ("đoạn mở đầu", "đoạn kết"). */
export const FRAME_LABELS: Readonly<Record<string, string>> = {
  [OPENING_KEY]: 'đoạn mở đầu',
  [CLOSING_KEY]: 'đoạn kết',
};

/**
 * Codes of the values that are estimates ("khoảng 200 lượt"): a set beside `values`, so that a
 * value keeps its plain shape and files written before it stay valid.
 */
const approximateSchema = z
  .array(
    z
      .string({ error: 'Mã chỉ tiêu ước tính phải là một chuỗi.' })
      .min(1, 'Mã chỉ tiêu ước tính không được để trống.')
      .max(100, 'Mã chỉ tiêu ước tính quá dài.'),
    { error: 'Trường "approximate" phải là danh sách mã chỉ tiêu có số liệu ước tính.' },
  )
  .max(1000, 'Danh sách chỉ tiêu ước tính quá dài.')
  .optional();

export type NarrativeEdit = z.infer<typeof narrativeEditSchema>;

/** A logbook record behind a figure or a line: `[id, revision]` (compact: a figure may have thousands). */
const recordRefSchema = z.tuple([z.number().int().positive(), z.number().int().positive()]);

/**
 * A figure computed from the logbook (src/domain/logbook/bindings.ts): the computed value, the
 * records behind it, and, when `values[code]` differs from it, the officer's reason.
 */
export const logbookFigureSchema = z.object({
  /** The computed value; null when the records cannot give it (`problem` says why). */
  computed: indicatorValueSchema.nullable(),
  problem: line(1000).optional(),
  records: z.array(recordRefSchema).max(200_000),
  /** Why the officer's figure (`values[code]`) differs from the computed one. */
  reason: prose(1000).optional(),
});
export type LogbookFigure = z.infer<typeof logbookFigureSchema>;

/** An activity-log entry of the window, drafted as one of its section's first paragraphs. */
export const logbookLineSchema = z.object({
  id: z.number().int().positive(),
  revision: z.number().int().positive(),
  date: isoDate,
  endsOn: isoDate.optional(),
  text: prose(5000),
});
export type LogbookLine = z.infer<typeof logbookLineSchema>;

/** What the report took from the unit's logbook, when it last did (docs/report-json.md). */
export const logbookPartSchema = z.object({
  /** When the figures were computed (ISO timestamp) and for which data window. */
  computedAt: z.string().max(40),
  window: windowSchema,
  figures: z.record(z.string().max(100), logbookFigureSchema).default({}),
  /** Section key → the activity-log entries of the window, in date order. */
  lines: z.record(z.string().max(100), z.array(logbookLineSchema).max(1000)).default({}),
});
export type LogbookPart = z.infer<typeof logbookPartSchema>;

/** What the officer (or a file) supplies; everything else is computed. */
export const reportContentSchema = z.object({
  /** Data window override; default: the period's ND 09/2019 window. */
  window: windowSchema.optional(),
  values: reportValuesSchema.default({}),
  /** Codes of `values` that are estimates: printed "khoảng …", and a total that includes one too. */
  approximate: approximateSchema,
  /** Values of the previous period and of the same period last year, when known. */
  comparison: z
    .object({
      previous: reportValuesSchema.optional(),
      sameLastYear: reportValuesSchema.optional(),
      /**
       * When `sameLastYear` is the total of the former units the unit was formed from (the 2025
       * reform): which they are, which reported, and the date of the merger (src/domain/lineage.ts).
       */
      sameLastYearFormers: z
        .object({
          effectiveOn: isoDate,
          units: z
            .array(
              z.object({
                code: z.string().max(20),
                name: z.string().max(200),
                kind: z.string().max(20),
                reported: z.boolean(),
                split: z.boolean().default(false),
                /** Its figures were computed from its logbook records (no report of that period). */
                fromRecords: z.boolean().optional(),
              }),
            )
            .max(100),
        })
        .optional(),
    })
    .default({}),
  /** Sections answered "Không phát sinh"; `all` answers the whole report so. */
  nil: z.object({ all: z.boolean().default(false), sections: z.array(z.string()).default([]) }).default({
    all: false,
    sections: [],
  }),
  /**
   * The outline's default paragraphs (narrative blocks' `defaultText`) the officer kept: a default
   * says the unit did something, so it is a proposal that prints only once kept. Absent in files
   * and reports written before proposals existed: every default prints, as it did then (new
   * reports start with `[]`).
   */
  kept: z.array(z.string().max(100)).max(1000).optional(),
  /** Sections left out of the document (allowed when the outline does not require them). */
  omit: z.array(z.string().max(100)).max(1000).optional(),
  /**
   * Officer's text, by section key, narrative block key, or drafted paragraph key
   * (`<section>#<n>` for the n-th paragraph of figures, `<section>#nil` for its "không phát sinh"
   * sentence): `replace` with an empty text deletes what it stands for.
   */
  narratives: z.record(z.string().max(100), narrativeEditSchema).default({}),
  /**
   * Figures and first lines computed from the unit's logbook (sổ theo dõi), with the records behind
   * them: kept as issued, so that a later change of a record shows on the issued report.
   */
  logbook: logbookPartSchema.optional(),
  document: z
    .object({
      number: z.number().int().min(1).max(99_999).nullable().optional(),
      issuedOn: isoDate.nullable().optional(),
      subject: line(500).optional(),
      /** The opening paragraph: "Thực hiện Văn bản số 6871/VP-TC ngày 11/6/2026 của …". */
      intro: prose(5000).optional(),
      /** The closing paragraph ("Trên đây là …./."); a default is drafted when absent. */
      closing: prose(5000).optional(),
      /**
       * The letter the report answers, cited by the drafted opening: "Thực hiện Công văn số
       * 1584/SNgV-VPTTr ngày 04/11/2025 của Sở Ngoại vụ về việc …". A stored report takes its round's.
       */
      request: z
        .object({
          kind: line(50).optional(),
          number: line(100).refine((s) => s.trim() !== '', 'Chưa nhập số, ký hiệu văn bản yêu cầu báo cáo.'),
          date: isoDate,
          issuer: line(300),
          subject: line(500).optional(),
        })
        .optional(),
      /** Whom the report goes to, named by the drafted closing ("… kính gửi Sở Ngoại vụ để tổng hợp"). */
      addressee: line(300).optional(),
      basis: z.array(line(500)).optional(),
      kinhGui: z.array(line(300)).optional(),
      noiNhan: z.array(line(300)).optional(),
      signer: signerSchema.optional(),
    })
    .default({}),
});
export type ReportContent = z.infer<typeof reportContentSchema>;
export type ReportContentInput = z.input<typeof reportContentSchema>;

export const reportJsonSchema = reportContentSchema.extend({
  format: z.literal(REPORT_FORMAT, { error: `Trường "format" phải là "${REPORT_FORMAT}".` }),
  unit: z.object({
    /** Official code ("18562") or body code ("42.SNGV"). */
    code: line(20),
    /** Full name, e.g. "xã Lạc Phượng"; looked up from the catalogue when absent. */
    name: line(200).optional(),
    /** Identity overrides (otherwise the unit's identity in the system, or the default one). */
    parentHeader: z.array(line(200)).optional(),
    issuerHeader: z.array(line(200)).optional(),
    placeName: line(100).optional(),
    symbol: line(30).optional(),
    archiveCode: line(30).optional(),
  }),
  outline: z.object({ code: line(100), version: z.number().int().positive().optional() }),
  period: periodSchema,
});
export type ReportJson = z.infer<typeof reportJsonSchema>;
export type ReportJsonInput = z.input<typeof reportJsonSchema>;

/**
 * What an autosave sends (PATCH /api/reports/:id): only what changed since the revision it names.
 * `values` and `narratives` by key, `null` removing a key; every other part whole, `null` removing
 * it. Each value is checked by the same rules, with the same messages, as in a whole content.
 */
export const reportChangesSchema = z.strictObject(
  {
    window: windowSchema.nullable().optional(),
    values: z.record(z.string().max(100), indicatorValueSchema.nullable()).optional(),
    approximate: approximateSchema.nullable(),
    comparison: reportContentSchema.shape.comparison.removeDefault().optional(),
    nil: reportContentSchema.shape.nil.removeDefault().optional(),
    kept: reportContentSchema.shape.kept.nullable(),
    omit: reportContentSchema.shape.omit.nullable(),
    narratives: z.record(z.string().max(100), narrativeEditSchema.nullable()).optional(),
    document: reportContentSchema.shape.document.removeDefault().optional(),
  },
  { error: 'Phần thay đổi của báo cáo có mục không được phép.' },
);
export type ReportChanges = z.infer<typeof reportChangesSchema>;
