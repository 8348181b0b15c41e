/**
 * The logbook's answers: a record as the API gives it, with its personal fields removed for any
 * reader who is not of the keeping unit (in lists, single records and conflicts alike).
 */
import type { LogbookRecordRow } from '../../db/logbook.js';
import type { LogbookConflictResponse, LogbookRecordOut } from '../../domain/api-logbook.js';
import { logbookKind, personalFields } from '../../domain/logbook/kinds.js';
import { withoutPersonalData } from '../../domain/logbook/record.js';

/** `own`: the reader is of the keeping unit (may see personal data). */
export function presentLogbookRecord(row: LogbookRecordRow, own: boolean): LogbookRecordOut {
  const kind = logbookKind(row.kind);
  const hides = !own && kind !== undefined && personalFields(kind).length > 0;
  const shown = own ? row : withoutPersonalData(row);
  return {
    id: shown.id,
    unitId: shown.unitId,
    kind: shown.kind,
    startsOn: shown.startsOn,
    endsOn: shown.endsOn,
    sectionKey: shown.sectionKey,
    data: shown.data,
    revision: shown.revision,
    createdAt: shown.createdAt,
    updatedAt: shown.updatedAt,
    updatedBy: shown.updatedBy,
    deleted: shown.deleted,
    personalHidden: hides,
  };
}

/** The 409 of a stale revision: who changed the record, and the record as it is now. */
export function presentLogbookConflict(
  requestId: string,
  current: LogbookRecordRow,
  own: boolean,
): LogbookConflictResponse {
  const at = new Date(new Date(current.updatedAt).getTime() + 7 * 3600_000).toISOString();
  const when = `${at.slice(11, 16)} ngày ${at.slice(8, 10)}/${at.slice(5, 7)}/${at.slice(0, 4)}`;
  const who = current.updatedBy?.fullName ?? 'người khác';
  const what = current.deleted ? 'xóa' : 'sửa';
  return {
    error: {
      code: 'CONFLICT',
      message:
        `Bản ghi đã được ${who} ${what} lúc ${when} trong lúc bạn đang sửa. ` +
        'Thay đổi của bạn chưa được lưu: hãy xem bản hiện tại rồi nhập lại phần cần sửa.',
      requestId,
    },
    current: presentLogbookRecord(current, own),
  };
}
