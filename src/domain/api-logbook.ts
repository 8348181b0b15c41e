/**
 * The logbook's API (sổ theo dõi, issue 15): a unit's records of each register, their list with
 * filters, one record, its creation, correction (with the revision it started from) and deletion.
 * A record's content is checked by `checkLogbookEntry` (logbook/record.ts) alone: the bodies here
 * only give it its shape, so that the messages are the same from the form, the API and an import.
 */
import { z } from 'zod';
import { dbId, dbIdParam, errorResponse } from './api.js';
import { type KeeperKind, LOGBOOK_KIND_CODES } from './logbook/kinds.js';
import type { UnitKind } from './units.js';

/** Who keeps what a unit of this kind records: the country keeps the province's registers. */
export function logbookKeeper(kind: UnitKind): KeeperKind {
  if (kind === 'commune') return 'commune';
  if (kind === 'body') return 'body';
  return 'province';
}

/** What a keeper is called in a refusal: "Xã, phường", "Sở, ban, ngành", "Tỉnh". */
export const KEEPER_LABELS: Record<KeeperKind, string> = {
  commune: 'xã, phường, đặc khu',
  body: 'sở, ban, ngành cấp tỉnh',
  province: 'UBND tỉnh, thành phố',
};

export const logbookKindSchema = z.enum(LOGBOOK_KIND_CODES, { error: 'Không có sổ theo dõi này.' });

export const unitLogbookParams = z.object({ unitId: dbIdParam('Mã đơn vị không hợp lệ.') });
export const unitKindParams = unitLogbookParams.extend({ kind: logbookKindSchema });

const isoDate = (label: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}: cần ngày dạng NNNN-TT-NN.` })
    .optional();

/** Several values of one query parameter (`choice=direction:out&choice=headLevel:province`). */
const repeated = (max: number, label: string) =>
  z
    .union([z.string().max(max), z.array(z.string().max(max)).max(20)], { error: `${label} không hợp lệ.` })
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

export const LOGBOOK_PAGE_SIZE = 20;

export const logbookListQuery = z.object({
  /** `startsOn` from this day (inclusive). */
  from: isoDate('Từ ngày'),
  /** `startsOn` up to this day (inclusive). */
  to: isoDate('Đến ngày'),
  /** Words in any field, without diacritics or case: "han quoc" finds "Hàn Quốc". */
  q: z.string().max(200, { error: 'Từ khóa tìm kiếm quá dài (tối đa 200 ký tự).' }).optional(),
  /** An official country name: records naming it in any country field. */
  country: z.string().max(200).optional(),
  /** "field:value" of choice fields: `direction:out`. */
  choice: repeated(200, 'Bộ lọc'),
  /** The activity log's field (section key). */
  section: z.string().max(100).optional(),
  page: z.coerce.number({ error: 'Số trang không hợp lệ.' }).int().min(1).max(100_000).default(1),
  pageSize: z.coerce
    .number({ error: 'Số dòng mỗi trang không hợp lệ.' })
    .int()
    .min(1)
    .max(100)
    .default(LOGBOOK_PAGE_SIZE),
});
export type LogbookListQuery = z.infer<typeof logbookListQuery>;

/** A record as typed on the form (its content is checked by `checkLogbookEntry`). */
export const logbookEntryBody = z.object({
  startsOn: z.unknown(),
  endsOn: z.unknown().optional(),
  sectionKey: z.unknown().optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});
export type LogbookEntryBody = z.infer<typeof logbookEntryBody>;

const revision = dbId('Số phiên bản của bản ghi không hợp lệ.', 'Thiếu số phiên bản của bản ghi.');

export const logbookUpdateBody = logbookEntryBody.extend({ revision });
export const logbookRevisionQuery = z.object({
  revision: dbIdParam('Số phiên bản của bản ghi không hợp lệ.'),
});
export const logbookRestoreBody = z.object({ revision });

const logbookValueOut = z.union([
  z.string(),
  z.number(),
  z.array(z.string()),
  z.array(z.object({ country: z.string(), count: z.number() })),
  z.object({ notation: z.string(), date: z.string().optional() }),
]);

export const logbookRecordOut = z.object({
  id: z.number(),
  unitId: z.number(),
  kind: logbookKindSchema,
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  sectionKey: z.string().nullable(),
  data: z.record(z.string(), logbookValueOut),
  revision: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.object({ id: z.number(), fullName: z.string() }).nullable(),
  /** Deleted (restorable by the keeping unit). */
  deleted: z.boolean(),
  /** The reader is not of the keeping unit: the personal fields were removed. */
  personalHidden: z.boolean(),
});
export type LogbookRecordOut = z.infer<typeof logbookRecordOut>;

export const logbookListResponse = z.object({
  items: z.array(logbookRecordOut),
  /** Records in the filter. */
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** The reader may add and correct records of this unit. */
  canEdit: z.boolean(),
});
export type LogbookListResponse = z.infer<typeof logbookListResponse>;

export const logbookSectionOut = z.object({ key: z.string(), title: z.string() });
export type LogbookSectionOut = z.infer<typeof logbookSectionOut>;

export const logbookSummaryResponse = z.object({
  unit: z.object({ id: z.number(), name: z.string(), kind: z.string() }),
  canEdit: z.boolean(),
  /** The kinds the unit keeps, the activity log first, with their counts. */
  kinds: z.array(z.object({ kind: logbookKindSchema, thisYear: z.number(), all: z.number() })),
  /** The fields (outline sections) an activity may belong to. */
  sections: z.array(logbookSectionOut),
});
export type LogbookSummaryResponse = z.infer<typeof logbookSummaryResponse>;

/** A stale revision: the 409 carries the record as it is now (nothing typed is lost). */
export const logbookConflictResponse = errorResponse.extend({ current: logbookRecordOut.optional() });
export type LogbookConflictResponse = z.infer<typeof logbookConflictResponse>;
