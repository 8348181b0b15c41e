/** The logbook's queries and changes (sổ theo dõi). */
import type { LogbookListResponse, LogbookRecordOut, LogbookSummaryResponse } from '@domain/api-logbook';
import type { LogbookKindCode } from '@domain/logbook/kinds';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client';

export interface LogbookFilter {
  from?: string;
  to?: string;
  q?: string;
  country?: string;
  /** "field:value" of choice fields. */
  choice?: string[];
  section?: string;
  page: number;
}

export function useLogbookSummary(unitId: number | null) {
  return useQuery({
    queryKey: ['logbook', unitId, 'summary'],
    queryFn: ({ signal }) => api.get<LogbookSummaryResponse>(`/api/units/${unitId}/logbook`, signal),
    enabled: unitId !== null,
  });
}

export function logbookListUrl(unitId: number, kind: LogbookKindCode, filter: LogbookFilter): string {
  const params = new URLSearchParams();
  for (const key of ['from', 'to', 'q', 'country', 'section'] as const) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  for (const c of filter.choice ?? []) params.append('choice', c);
  if (filter.page > 1) params.set('page', String(filter.page));
  const text = params.toString();
  return `/api/units/${unitId}/logbook/${kind}${text ? `?${text}` : ''}`;
}

export function useLogbookList(unitId: number, kind: LogbookKindCode, filter: LogbookFilter) {
  return useQuery({
    queryKey: ['logbook', unitId, kind, filter],
    queryFn: ({ signal }) => api.get<LogbookListResponse>(logbookListUrl(unitId, kind, filter), signal),
    placeholderData: keepPreviousData,
  });
}

export interface LogbookEntry {
  startsOn: string;
  endsOn?: string | null;
  sectionKey?: string | null;
  data: Record<string, unknown>;
}

export const createLogbookRecord = (unitId: number, kind: LogbookKindCode, entry: LogbookEntry) =>
  api.post<LogbookRecordOut>(`/api/units/${unitId}/logbook/${kind}`, entry);

export const updateLogbookRecord = (id: number, revision: number, entry: LogbookEntry) =>
  api.put<LogbookRecordOut>(`/api/logbook/${id}`, { revision, ...entry });

export const deleteLogbookRecord = (id: number, revision: number) =>
  api.delete<LogbookRecordOut>(`/api/logbook/${id}?revision=${revision}`);

export const restoreLogbookRecord = (id: number, revision: number) =>
  api.post<LogbookRecordOut>(`/api/logbook/${id}/restore`, { revision });

export const loadLogbookRecord = (id: number) => api.get<LogbookRecordOut>(`/api/logbook/${id}`);
