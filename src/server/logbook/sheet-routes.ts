/**
 * A register's sheets (issue 15, point 5): upload an XLSX or CSV file (the mapping of its columns
 * proposed, a preview and the refused rows answered at once), correct the mapping (a new
 * preview), confirm (the import runs in the background: its progress is polled), and export a
 * register as XLSX or CSV in the same columns, personal fields only for the unit's own people.
 */
import { createHash } from 'node:crypto';
import {
  auditPersonalExport,
  createImportDraft,
  findSameFileImport,
  getImport,
  type ImportRecord,
  mappingOfSameHeaders,
  queueImport,
  recordsForExport,
  saveImportMapping,
} from '../../db/logbook-import.js';
import { loadUnitRef, type UnitRecord } from '../../db/units.js';
import {
  exportQuery,
  type ImportPreview,
  type ImportStatusView,
  importConfirmBody,
  importIdParams,
  importPreviewBody,
  importPreviewOut,
  importStatusOut,
  importUploadOut,
  importUploadQuery,
  MAX_SHEET_UPLOAD_BYTES,
  REFUSED_SHOWN,
  SAMPLE_SHOWN,
  sheetRegisterParams,
} from '../../domain/api-logbook-sheets.js';
import { type Actor, POLICY } from '../../domain/authz.js';
import { AppError } from '../../domain/errors.js';
import { type KeeperKind, type LogbookKind, logbookKind } from '../../domain/logbook/kinds.js';
import {
  checkMapping,
  exportCellToText,
  exportColumns,
  isoToVietnamese,
  proposeMapping,
  recordToCells,
  type SheetMapping,
  sheetColumns,
} from '../../domain/logbook/sheet.js';
import type { SheetTable } from '../../domain/logbook/sheet-read.js';
import { registerCsv } from '../../domain/logbook/sheet-write.js';
import { asciiSlug } from '../../domain/text.js';
import {
  activityKeys,
  checkRowsYielding,
  importTable,
  rememberTable,
  startLogbookImport,
  writtenRows,
} from '../../jobs/logbook-import.js';
import { readSheetOffThread, registerXlsxOffThread } from '../../jobs/sheet-reader.js';
import { auditActor, authorize } from '../auth/plugin.js';
import type { App, AppContext } from '../context.js';
import { sendFile } from '../documents/http.js';
import { ERROR_RESPONSES } from '../errors.js';

const errors = ERROR_RESPONSES;

/** Content types a sheet may be sent as (the web app sends application/octet-stream). */
const SHEET_TYPES = [
  'application/octet-stream',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

function keeperOf(unit: UnitRecord): KeeperKind {
  if (unit.kind === 'commune') return 'commune';
  if (unit.kind === 'body') return 'body';
  return 'province';
}

function registerOf(unit: UnitRecord, code: string): LogbookKind {
  const kind = logbookKind(code);
  if (!kind) throw new AppError('NOT_FOUND', 'Không có sổ theo dõi này.');
  if (!kind.keptBy.includes(keeperOf(unit)))
    throw new AppError('VALIDATION', `Đơn vị này không mở ${kind.name.toLowerCase()}.`);
  return kind;
}

/** Personal fields are for the keeping unit's own people only. */
function isOwnPeople(actor: Actor, unitId: number): boolean {
  return actor.grants.some((g) => g.unit.id === unitId && POLICY[g.role].actions.includes('logbook.read'));
}

async function preview(
  kind: LogbookKind,
  table: SheetTable,
  mapping: SheetMapping,
  sectionKeys: ReadonlySet<string> | undefined,
): Promise<ImportPreview> {
  const columns = sheetColumns(kind);
  const problems = checkMapping(kind, mapping);
  const shown = columns.map((c) => ({ target: c.target, label: c.label, required: c.required }));
  if (problems.length)
    return {
      mappingProblems: problems,
      acceptedRows: 0,
      refusedRows: 0,
      emptyRows: 0,
      columns: shown,
      sample: [],
      refused: [],
    };
  const checked = await checkRowsYielding(kind, mapping, table.rows, sectionKeys);
  return {
    mappingProblems: [],
    acceptedRows: checked.accepted.length,
    refusedRows: checked.refused.length,
    emptyRows: checked.empty,
    columns: shown,
    sample: checked.accepted.slice(0, SAMPLE_SHOWN).map((a) => ({
      row: a.row,
      cells: recordToCells(columns, {
        startsOn: a.entry.startsOn,
        endsOn: a.entry.endsOn ?? null,
        sectionKey: a.entry.sectionKey ?? null,
        data: a.entry.data,
      }).map(exportCellToText),
    })),
    refused: checked.refused.slice(0, REFUSED_SHOWN),
  };
}

function statusView(imp: ImportRecord): ImportStatusView {
  const written =
    imp.status === 'done' ? imp.createdRows : imp.status === 'writing' ? (writtenRows(imp.id) ?? 0) : 0;
  return {
    id: imp.id,
    unitId: imp.unitId,
    kind: imp.kind,
    fileName: imp.fileName,
    status: imp.status,
    totalRows: imp.totalRows,
    checkedRows: imp.doneRows,
    writtenRows: written,
    createdRows: imp.createdRows,
    refusedRows: imp.refused.length,
    refused: imp.refused.slice(0, REFUSED_SHOWN),
    error: imp.error,
    createdAt: imp.createdAt,
    finishedAt: imp.finishedAt,
  };
}

function sameFileView(imp: ImportRecord | null) {
  return imp
    ? { importId: imp.id, createdAt: imp.createdAt, createdRows: imp.createdRows, status: imp.status }
    : null;
}

function examples(table: SheetTable): string[][] {
  return table.headers.map((_, i) => {
    const values: string[] = [];
    for (const row of table.rows) {
      const cell = row.cells[i] ?? null;
      if (cell === null || cell === '') continue;
      const text =
        typeof cell === 'object'
          ? 'date' in cell
            ? isoToVietnamese(cell.date)
            : cell.problem
          : String(cell).slice(0, 60);
      values.push(text);
      if (values.length === 3) break;
    }
    return values;
  });
}

function dateText(iso: string): string {
  const d = new Date(iso);
  return d.toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
}

export function registerLogbookSheetRoutes(app: App, ctx: AppContext): void {
  /** An import the request may work on: its unit's editors only. */
  const editableImport = async (request: Parameters<typeof authorize>[0], id: number) => {
    const imp = await getImport(ctx.db, id);
    if (!imp) throw new AppError('NOT_FOUND', 'Không tìm thấy lần nhập này.');
    authorize(request, 'logbook.edit', await loadUnitRef(ctx.db, imp.unitId));
    const kind = logbookKind(imp.kind);
    if (!kind) throw new AppError('NOT_FOUND', 'Không có sổ theo dõi này.');
    return { imp, kind };
  };

  // The upload takes a raw file up to MAX_SHEET_UPLOAD_BYTES; the rest of the API keeps BODY_LIMIT.
  app.register(async (scope) => {
    scope.addContentTypeParser(
      SHEET_TYPES,
      { parseAs: 'buffer', bodyLimit: MAX_SHEET_UPLOAD_BYTES },
      (_request, body, done) => done(null, body),
    );
    (scope as unknown as App).post(
      '/api/logbook/:unitId/:kind/imports',
      {
        bodyLimit: MAX_SHEET_UPLOAD_BYTES,
        errorHandler: (error) => {
          if ((error as { code?: string }).code === 'FST_ERR_CTP_BODY_TOO_LARGE')
            throw new AppError(
              'PAYLOAD_TOO_LARGE',
              `Tệp vượt giới hạn ${MAX_SHEET_UPLOAD_BYTES / 1024 / 1024} MB. Hãy chia tệp thành nhiều phần rồi nhập lần lượt.`,
            );
          throw error;
        },
        schema: {
          tags: ['logbook'],
          summary:
            'Tải lên tệp Excel (.xlsx) hoặc CSV để nhập vào sổ theo dõi: đề xuất ghép cột và xem trước',
          params: sheetRegisterParams,
          querystring: importUploadQuery,
          response: { 200: importUploadOut, ...errors },
        },
      },
      async (request) => {
        const { unitId, kind: code } = request.params;
        const unit = await loadUnitRef(ctx.db, unitId);
        const auth = authorize(request, 'logbook.edit', unit);
        const kind = registerOf(unit, code);
        const body = request.body;
        if (!(body instanceof Uint8Array))
          throw new AppError('VALIDATION', 'Chưa gửi tệp (cần tệp .xlsx hoặc .csv).');
        const table = await readSheetOffThread(kind, body);
        // The officer's mapping of the last sheet with the same headers, else the proposal from the labels.
        const mapping =
          (await mappingOfSameHeaders(ctx.db, { unitId, kind: kind.code, headers: table.headers })) ??
          proposeMapping(kind, table.headers);
        const fileHash = createHash('sha256').update(body).digest('hex');
        const sameFile = await findSameFileImport(ctx.db, { unitId, kind: kind.code, fileHash });
        const id = await createImportDraft(ctx.db, {
          unitId,
          kind: kind.code,
          fileName: request.query.fileName,
          fileHash,
          source: body,
          headers: table.headers,
          mapping,
          totalRows: table.rows.length,
          createdBy: auth.user.id,
        });
        rememberTable(id, table);
        const imp = await getImport(ctx.db, id);
        if (!imp) throw new AppError('NOT_FOUND');
        return {
          import: statusView(imp),
          sheetName: table.sheetName,
          headerRow: table.headerRow,
          headers: table.headers,
          examples: examples(table),
          columns: sheetColumns(kind).map((c) => ({
            target: c.target,
            label: c.label,
            required: c.required,
          })),
          mapping,
          preview: await preview(kind, table, mapping, await activityKeys(ctx.db, kind, unitId)),
          sameFile: sameFileView(sameFile),
        };
      },
    );
  });

  app.post(
    '/api/logbook/imports/:id/preview',
    {
      schema: {
        tags: ['logbook'],
        summary: 'Xem trước lần nhập với cách ghép cột đã sửa: bản ghi sẽ tạo và các dòng bị từ chối',
        params: importIdParams,
        body: importPreviewBody,
        response: { 200: importPreviewOut, ...errors },
      },
    },
    async (request) => {
      const { imp, kind } = await editableImport(request, request.params.id);
      if (imp.status !== 'pending') throw new AppError('CONFLICT', 'Lần nhập này đã được xác nhận.');
      const table = await importTable(ctx.db, imp);
      const mapping = request.body.mapping.slice(0, table.headers.length) as SheetMapping;
      await saveImportMapping(ctx.db, imp.id, mapping);
      return await preview(kind, table, mapping, await activityKeys(ctx.db, kind, imp.unitId));
    },
  );

  app.post(
    '/api/logbook/imports/:id/confirm',
    {
      schema: {
        tags: ['logbook'],
        summary: 'Xác nhận nhập: chạy nền, ghi mọi bản ghi hợp lệ trong một giao dịch (hoặc không ghi gì)',
        params: importIdParams,
        body: importConfirmBody,
        response: { 200: importStatusOut, ...errors },
      },
    },
    async (request) => {
      const { imp, kind } = await editableImport(request, request.params.id);
      if (imp.status !== 'pending') throw new AppError('CONFLICT', 'Lần nhập này đã được xác nhận.');
      const mapping = request.body.mapping as SheetMapping;
      const problems = checkMapping(kind, mapping);
      if (problems.length)
        throw new AppError(
          'VALIDATION',
          problems[0],
          problems.map((message) => ({ path: 'mapping', message })),
        );
      if (imp.fileHash && !request.body.repeat) {
        const same = await findSameFileImport(ctx.db, {
          unitId: imp.unitId,
          kind: imp.kind,
          fileHash: imp.fileHash,
          exceptId: imp.id,
        });
        if (same)
          throw new AppError(
            'CONFLICT',
            `Tệp này đã được nhập vào sổ ngày ${dateText(same.createdAt)} (${same.createdRows.toLocaleString('vi-VN')} bản ghi). Nhập lại sẽ tạo bản ghi trùng; nếu vẫn muốn nhập, hãy chọn "Vẫn nhập lại".`,
          );
      }
      if (!(await queueImport(ctx.db, imp.id, mapping)))
        throw new AppError('CONFLICT', 'Lần nhập này đã được xác nhận.');
      void startLogbookImport(ctx.db, imp.id, request.log);
      const queued = await getImport(ctx.db, imp.id);
      if (!queued) throw new AppError('NOT_FOUND');
      return statusView(queued);
    },
  );

  app.get(
    '/api/logbook/imports/:id',
    {
      schema: {
        tags: ['logbook'],
        summary: 'Tiến độ và kết quả của một lần nhập (số dòng đã đọc, đã kiểm tra, đã ghi; dòng bị từ chối)',
        params: importIdParams,
        response: { 200: importStatusOut, ...errors },
      },
    },
    async (request) => {
      const { imp } = await editableImport(request, request.params.id);
      return statusView(imp);
    },
  );

  app.get(
    '/api/logbook/:unitId/:kind/export',
    {
      schema: {
        tags: ['logbook'],
        summary:
          'Xuất sổ theo dõi ra Excel (.xlsx) hoặc CSV, cùng các cột khi nhập; trường cá nhân chỉ cho người của đơn vị',
        params: sheetRegisterParams,
        querystring: exportQuery,
        response: errors,
      },
    },
    async (request, reply) => {
      const { unitId, kind: code } = request.params;
      const { format, from, to } = request.query;
      const unit = await loadUnitRef(ctx.db, unitId);
      const auth = authorize(request, 'logbook.read', unit);
      const kind = registerOf(unit, code);
      if (from && to && to < from)
        throw new AppError('VALIDATION', 'Ngày cuối không được trước ngày đầu.', [
          { path: 'to', message: 'Ngày cuối không được trước ngày đầu.' },
        ]);
      const personal = isOwnPeople(auth.actor, unitId);
      const columns = exportColumns(kind, personal);
      const records = await recordsForExport(ctx.db, unitId, kind.code, { from, to });
      const title = `${kind.name} - ${unit.name}`;
      const bytes =
        format === 'csv'
          ? registerCsv(columns, records)
          : await registerXlsxOffThread(kind, personal, records, title);
      const hasPersonal = personal && kind.fields.some((f) => f.personal);
      if (hasPersonal)
        await auditPersonalExport(ctx.db, auditActor(request), {
          unitId,
          kind: kind.code,
          format,
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
          rows: records.length,
        });
      const range = from || to ? `-${from ?? ''}_${to ?? ''}` : '';
      return sendFile(
        reply,
        bytes,
        format,
        `So-theo-doi-${asciiSlug(kind.shortName)}-${asciiSlug(unit.name)}${range}.${format}`,
        `${kind.name} - ${unit.name}${range}.${format}`,
      );
    },
  );
}
