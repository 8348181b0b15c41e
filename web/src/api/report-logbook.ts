/** A report's figures and first lines from the unit's logbook (sổ theo dõi). */
import type { LogbookOverrideBody, LogbookRecordOut, ReportView } from '@domain/api-reports';
import { useQuery } from '@tanstack/react-query';
import { api } from './client';

/** The logbook pages (the records' own pages). */
export const LOGBOOK_PATH = '/so-theo-doi';

/** Computes the draft's figures and lines again from the logbook; answers the report's view. */
export function refreshFromLogbook(reportId: number, revision: number): Promise<ReportView> {
  return api.post<ReportView>(`/api/reports/${reportId}/logbook/refresh`, { revision });
}

/** The officer's figure instead of the computed one, with the reason (value null: the computed one back). */
export function overrideLogbookFigure(reportId: number, body: LogbookOverrideBody): Promise<ReportView> {
  return api.post<ReportView>(`/api/reports/${reportId}/logbook/override`, body);
}

/** The records behind a figure, read when the officer opens them. */
export function useLogbookRecords(reportId: number, code: string, revision: number, enabled: boolean) {
  return useQuery({
    queryKey: ['report-logbook', reportId, code, revision] as const,
    queryFn: ({ signal }) =>
      api.get<{ items: LogbookRecordOut[] }>(
        `/api/reports/${reportId}/logbook/records?code=${encodeURIComponent(code)}`,
        signal,
      ),
    enabled,
  });
}
