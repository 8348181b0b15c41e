/** The server calls of a register's import and export (src/server/logbook/sheet-routes.ts). */
import type {
  ImportPreview,
  ImportStatusView,
  ImportUpload,
  SheetMappingIn,
} from '@domain/api-logbook-sheets';
import type { ErrorBody } from '@domain/errors';
import type { LogbookKindCode } from '@domain/logbook/kinds';
import { ApiError, api, withQuery } from '../../../api/client';

const NETWORK_MESSAGE = 'Không kết nối được tới máy chủ. Vui lòng kiểm tra mạng và thử lại.';

async function failure(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as ErrorBody | null;
  return new ApiError(response.status, body?.error ?? null, 'Yêu cầu không thực hiện được.');
}

/** Sends the file as it is (no base64, no form): the server reads up to 40 MB on this route only. */
export async function uploadSheet(unitId: number, kind: LogbookKindCode, file: File): Promise<ImportUpload> {
  let response: Response;
  try {
    response = await fetch(withQuery(`/api/logbook/${unitId}/${kind}/imports`, { fileName: file.name }), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': 'application/octet-stream' },
      body: file,
    });
  } catch {
    throw new ApiError(0, null, NETWORK_MESSAGE);
  }
  if (!response.ok) throw await failure(response);
  return (await response.json()) as ImportUpload;
}

export const previewImport = (id: number, mapping: SheetMappingIn) =>
  api.post<ImportPreview>(`/api/logbook/imports/${id}/preview`, { mapping });

export const confirmImport = (id: number, mapping: SheetMappingIn, repeat: boolean) =>
  api.post<ImportStatusView>(`/api/logbook/imports/${id}/confirm`, { mapping, repeat });

export const importStatus = (id: number) => api.get<ImportStatusView>(`/api/logbook/imports/${id}`);

export function exportUrl(
  unitId: number,
  kind: LogbookKindCode,
  format: 'xlsx' | 'csv',
  range: { from?: string | null | undefined; to?: string | null | undefined },
): string {
  return withQuery(`/api/logbook/${unitId}/${kind}/export`, { format, from: range.from, to: range.to });
}

/** Downloads the export under the server's file name. */
export async function downloadExport(url: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, null, NETWORK_MESSAGE);
  }
  if (!response.ok) throw await failure(response);
  const disposition = response.headers.get('content-disposition') ?? '';
  const utf8 = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  const name = utf8
    ? decodeURIComponent(utf8)
    : (/filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName);
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
