/** The register of outgoing documents, issuing a report and its document downloads. */
import type { UnitDetail } from '@domain/api';
import type {
  DocumentPreviewResponse,
  IssueBody,
  NumberingSchemeBody,
  RegisterResponse,
} from '@domain/api-documents';
import type { ReportView } from '@domain/api-reports';
import { useQuery } from '@tanstack/react-query';
import { api, withQuery } from './client';

export const registerKey = (unitId: number, year: number) => ['register', unitId, year] as const;
export const previewKey = (reportId: number) => ['report-document', reportId] as const;

export function useRegister(unitId: number | null, year: number) {
  return useQuery({
    queryKey: registerKey(unitId ?? 0, year),
    queryFn: ({ signal }) =>
      api.get<RegisterResponse>(withQuery(`/api/units/${unitId}/register`, { year }), signal),
    enabled: unitId !== null,
    staleTime: 0,
  });
}

export function registerExportUrl(unitId: number, year: number, format: 'xlsx' | 'csv'): string {
  return withQuery(`/api/units/${unitId}/register/export`, { year, format });
}

export function setNumberingScheme(unitId: number, body: NumberingSchemeBody): Promise<{ ok: true }> {
  return api.put(`/api/units/${unitId}/numbering-scheme`, body);
}

/** The document of a report: text and structure for the on-screen preview. */
export function useDocumentPreview(reportId: number, enabled: boolean) {
  return useQuery({
    queryKey: previewKey(reportId),
    queryFn: ({ signal }) =>
      api.get<DocumentPreviewResponse>(`/api/reports/${reportId}/document/preview`, signal),
    enabled,
    staleTime: 0,
  });
}

export const documentUrl = (reportId: number, format: 'docx' | 'pdf') =>
  `/api/reports/${reportId}/document.${format}`;

/** Issuing is a workflow step: it answers the report's view, like the others. */
export function issueReport(reportId: number, body: IssueBody): Promise<ReportView> {
  return api.post(`/api/reports/${reportId}/issue`, body);
}

/** The unit's signers, for the "Ban hành" dialog. */
export function useUnitSigners(unitId: number, enabled: boolean) {
  return useQuery({
    queryKey: ['unit', unitId],
    queryFn: ({ signal }) => api.get<UnitDetail>(`/api/units/${unitId}`, signal),
    enabled,
    select: (unit) => unit.signers,
  });
}

/**
 * Downloads a file from the API; an error answer (PDF without LibreOffice: 503) is read as the
 * JSON error body so the page can show its Vietnamese message.
 */
export async function downloadFile(url: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new Error('Không kết nối được tới máy chủ. Vui lòng kiểm tra mạng và thử lại.');
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? 'Không tải được tệp.');
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
