/** Consolidation of a round and the trace of a consolidated report's figures. */
import type { ReportView } from '@domain/api-reports';
import type { OverrideFigureBody, ReportTrace, RoundConsolidation } from '@domain/consolidation/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { reportKeys } from './reports';

export const consolidationKeys = {
  round: (roundId: number) => ['consolidation', 'round', roundId] as const,
  trace: (reportId: number) => ['consolidation', 'trace', reportId] as const,
};

export function useRoundConsolidation(roundId: number) {
  return useQuery({
    queryKey: consolidationKeys.round(roundId),
    queryFn: ({ signal }) => api.get<RoundConsolidation>(`/api/rounds/${roundId}/consolidation`, signal),
    enabled: Number.isInteger(roundId) && roundId > 0,
  });
}

/** Makes or refreshes the round's consolidated report (on request only). */
export function useConsolidate(roundId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<RoundConsolidation>(`/api/rounds/${roundId}/consolidation`),
    onSuccess: (state) => {
      client.setQueryData(consolidationKeys.round(roundId), state);
      if (state.report) {
        void client.invalidateQueries({ queryKey: consolidationKeys.trace(state.report.id) });
        void client.invalidateQueries({ queryKey: reportKeys.view(state.report.id) });
      }
    },
  });
}

export function consolidationXlsxUrl(roundId: number): string {
  return `/api/rounds/${roundId}/consolidation.xlsx`;
}

/** Where each figure came from: read once, when the officer first opens a figure's sources. */
export function useReportTrace(reportId: number, enabled = true) {
  return useQuery({
    queryKey: consolidationKeys.trace(reportId),
    queryFn: ({ signal }) => api.get<ReportTrace>(`/api/reports/${reportId}/trace`, signal),
    enabled: enabled && Number.isInteger(reportId) && reportId > 0,
  });
}

/** A figure set instead of its sum, with the reason (value null: the sum back); answers the report's view. */
export function overrideFigure(reportId: number, body: OverrideFigureBody): Promise<ReportView> {
  return api.post<ReportView>(`/api/reports/${reportId}/overrides`, body);
}
