/** Consolidation of a round and the trace of a consolidated report's figures. */
import type { ReportTrace, RoundConsolidation } from '@domain/consolidation/api';
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

export function useReportTrace(reportId: number) {
  return useQuery({
    queryKey: consolidationKeys.trace(reportId),
    queryFn: ({ signal }) => api.get<ReportTrace>(`/api/reports/${reportId}/trace`, signal),
    enabled: Number.isInteger(reportId) && reportId > 0,
  });
}
