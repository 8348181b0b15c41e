/** Reporting rounds: list, one round, open, change, close, the unit's report, the request letter. */
import type {
  CreateRoundBody,
  RequestLetterBody,
  RequestLetterPreview,
  RoundDetail,
  RoundListResponse,
  RoundReportResponse,
  UpdateRoundBody,
} from '@domain/api-rounds';
import type { DepartmentReportAnswer } from '@domain/consolidation/api';
import { useQuery } from '@tanstack/react-query';
import { api, withQuery } from './client';

export const roundKeys = {
  all: ['rounds'] as const,
  list: (filter: { year?: number | undefined; status?: string | undefined }) =>
    ['rounds', 'list', filter] as const,
  detail: (id: number) => ['rounds', 'detail', id] as const,
  letter: (id: number, signerId: number | null) => ['rounds', 'letter', id, signerId] as const,
};

export function useRounds(filter: { year?: number | undefined; status?: 'open' | 'closed' | undefined }) {
  return useQuery({
    queryKey: roundKeys.list(filter),
    queryFn: ({ signal }) => api.get<RoundListResponse>(withQuery('/api/rounds', filter), signal),
  });
}

export function useRound(id: number) {
  return useQuery({
    queryKey: roundKeys.detail(id),
    queryFn: ({ signal }) => api.get<RoundDetail>(`/api/rounds/${id}`, signal),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useRequestLetter(id: number, signerId: number | null, enabled: boolean) {
  return useQuery({
    queryKey: roundKeys.letter(id, signerId),
    queryFn: ({ signal }) =>
      api.get<RequestLetterPreview>(withQuery(`/api/rounds/${id}/request-letter`, { signerId }), signal),
    enabled,
  });
}

export const createRound = (body: CreateRoundBody) => api.post<RoundDetail>('/api/rounds', body);
export const updateRound = (id: number, body: UpdateRoundBody) =>
  api.patch<RoundDetail>(`/api/rounds/${id}`, body);
export const closeRound = (id: number) => api.post<RoundDetail>(`/api/rounds/${id}/close`);
export const reopenRound = (id: number) => api.post<RoundDetail>(`/api/rounds/${id}/reopen`);
export const nextRound = (id: number) => api.post<{ id: number; created: boolean }>(`/api/rounds/${id}/next`);
export const issueRequestLetter = (id: number, body: RequestLetterBody) =>
  api.post<Pick<RoundDetail, 'id' | 'requestLetter'>>(`/api/rounds/${id}/request-letter`, body);

/** Opens (or creates) a unit's report in the round: the id of the report to go to. */
export const openRoundReport = (roundId: number, unitId: number) =>
  api.post<RoundReportResponse>(`/api/rounds/${roundId}/report`, { unitId });

/** The Sở Ngoại vụ's consolidated report of the period the province may answer the ministry from. */
export const useDepartmentReport = (roundId: number, provinceId: number, enabled: boolean) =>
  useQuery({
    queryKey: [...roundKeys.all, roundId, 'department-report', provinceId],
    queryFn: ({ signal }) =>
      api.get<DepartmentReportAnswer>(
        `/api/rounds/${roundId}/department-report?provinceId=${provinceId}`,
        signal,
      ),
    enabled,
  });

/** Drafts the province's report to the ministry from the Sở Ngoại vụ's consolidated report. */
export const answerFromDepartment = (roundId: number, provinceId: number, departmentReportId: number) =>
  api.post<{ reportId: number; created: boolean }>(`/api/rounds/${roundId}/answer-from-department`, {
    provinceId,
    departmentReportId,
  });

/** "Không phát sinh" for the whole report, submitted in one step (route of the report workflow). */
export const submitNil = (reportId: number, revision: number) =>
  api.post<unknown>(`/api/reports/${reportId}/submit-nil`, { revision });
