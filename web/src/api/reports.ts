/** Reports: list, open, create, save (with conflict detection), submit, export and import. */
import type {
  CreateReportBody,
  PatchReportBody,
  RejectBody,
  ReportConflictResponse,
  ReportHistory,
  ReportListResponse,
  ReportSaved,
  ReportView,
  ReturnBody,
  ViewStep,
} from '@domain/api-reports';
import type { ErrorBody } from '@domain/errors';
import type { ReportContent, ReportJson } from '@domain/report-json';
import { useQuery } from '@tanstack/react-query';
import { ApiError, api, signalUnauthenticated, withQuery } from './client';

export const reportKeys = {
  all: ['reports'] as const,
  list: (unitId: number) => ['reports', 'unit', unitId] as const,
  view: (id: number) => ['reports', 'view', id] as const,
  history: (id: number) => ['reports', 'history', id] as const,
};

export function useUnitReports(unitId: number | null) {
  return useQuery({
    queryKey: reportKeys.list(unitId ?? 0),
    queryFn: ({ signal }) =>
      api.get<ReportListResponse>(withQuery(`/api/units/${unitId}/reports`, { limit: 200 }), signal),
    enabled: unitId !== null,
    staleTime: 0,
  });
}

export function useReport(id: number) {
  return useQuery({
    queryKey: reportKeys.view(id),
    queryFn: ({ signal }) => api.get<ReportView>(`/api/reports/${id}`, signal),
    enabled: Number.isInteger(id) && id > 0,
    // The form owns the content once open: a background refetch must not replace what is typed.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The id of the report a create or import answered with (a view, or a bare report). */
export function reportIdOf(answer: ReportView | { id: number }): number {
  return 'report' in answer ? answer.report.id : answer.id;
}

export function createReport(unitId: number, body: CreateReportBody): Promise<ReportView> {
  return api.post<ReportView>(`/api/units/${unitId}/reports`, body);
}

/** The 409 answer of a stale save, with what the server holds now. */
export type ReportConflict = ReportConflictResponse & {
  current: NonNullable<ReportConflictResponse['current']>;
};

export type SaveResult = { ok: true; saved: ReportSaved } | { ok: false; conflict: ReportConflict };

const NETWORK_MESSAGE = 'Không kết nối được tới máy chủ. Vui lòng kiểm tra mạng và thử lại.';

/**
 * The autosave: PATCH what changed since the revision named (src/domain/report-changes.ts). A 409 REPORT_CONFLICT is an answer, not a failure: it carries what the server
 * holds now, so the form can show both versions. Other failures throw an ApiError.
 */
export async function saveReport(id: number, body: PatchReportBody, keepalive = false): Promise<SaveResult> {
  let response: Response;
  try {
    response = await fetch(`/api/reports/${id}`, {
      method: 'PATCH',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(body),
      keepalive,
    });
  } catch {
    throw new ApiError(0, null, NETWORK_MESSAGE);
  }
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, saved: payload as ReportSaved };
  const error = (payload as Partial<ErrorBody> | null)?.error ?? null;
  const current = (payload as { current?: unknown } | null)?.current;
  if (response.status === 409 && error?.code === 'REPORT_CONFLICT' && current) {
    return { ok: false, conflict: payload as ReportConflict };
  }
  // The session ended (a page left open overnight): what was typed stays in this browser
  // (writeLocalCopy) and is offered again once signed in, back on this report.
  if (response.status === 401) signalUnauthenticated();
  throw new ApiError(response.status, error, response.status >= 500 ? NETWORK_MESSAGE : 'Chưa lưu được.');
}

export function submitReport(id: number, revision: number): Promise<ReportView> {
  return api.post<ReportView>(`/api/reports/${id}/submit`, { revision });
}

/** The bodies of the workflow steps (issuing has its own: src/domain/api-documents.ts). */
export type StepBodies = {
  submit: { revision: number };
  'submit-nil': { revision: number };
  withdraw: { revision: number };
  return: ReturnBody;
  approve: { revision?: number };
  receive: { revision?: number };
  accept: { revision?: number };
  reject: RejectBody;
  correct: { revision?: number };
};

export function takeReportStep<S extends Exclude<ViewStep, 'issue'>>(
  id: number,
  step: S,
  body: StepBodies[S],
): Promise<ReportView> {
  return api.post<ReportView>(`/api/reports/${id}/${step}`, body);
}

/** Versions and steps of a report, loaded when the history is opened. */
export function useReportHistory(id: number, enabled: boolean) {
  return useQuery({
    queryKey: reportKeys.history(id),
    queryFn: ({ signal }) => api.get<ReportHistory>(`/api/reports/${id}/history`, signal),
    enabled,
    staleTime: 0,
  });
}

export function exportReport(id: number): Promise<ReportJson> {
  return api.get<ReportJson>(`/api/reports/${id}/export`);
}

export function importReport(unitId: number, file: unknown, revision?: number): Promise<ReportView> {
  return api.post<ReportView>(withQuery(`/api/units/${unitId}/reports/import`, { revision }), file);
}

/** Offers a JSON document as a download (no server round trip: the data is already here). */
export function downloadJson(data: unknown, fileName: string): void {
  const blob = new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// ---------- unsaved changes kept in the browser ----------

export interface LocalCopy {
  revision: number;
  content: ReportContent;
  /** When it was typed (ms since epoch). */
  at: number;
}

const localKey = (id: number) => `doingoai.report.${id}`;

export function readLocalCopy(id: number): LocalCopy | null {
  try {
    const raw = window.localStorage.getItem(localKey(id));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<LocalCopy>;
    if (typeof parsed.revision !== 'number' || typeof parsed.at !== 'number' || !parsed.content) return null;
    return parsed as LocalCopy;
  } catch {
    return null;
  }
}

export function writeLocalCopy(id: number, copy: LocalCopy): void {
  try {
    window.localStorage.setItem(localKey(id), JSON.stringify(copy));
  } catch {
    // Storage full or disabled (private mode): the server copy is all we have.
  }
}

export function clearLocalCopy(id: number): void {
  try {
    window.localStorage.removeItem(localKey(id));
  } catch {
    // Nothing to do.
  }
}
