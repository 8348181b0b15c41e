/** The completeness board, a round's progress and the dashboards: queries of /api/board and /api/dashboards. */
import type {
  BoardQuery,
  BoardResponse,
  BoardUnitsResponse,
  CompareQuery,
  CompareResponse,
  IndicatorsResponse,
  RatesQuery,
  RatesResponse,
  RoundProgressResponse,
  SeriesQuery,
  SeriesResponse,
} from '@domain/api-board';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from './client';

type Query = Record<string, string | number | boolean | undefined | null>;

/** Query-string values as the server reads them ("true" for a set flag, nothing for an unset one). */
function params(query: Query): Record<string, string | number | undefined | null> {
  return Object.fromEntries(
    Object.entries(query).map(([k, v]) => [k, typeof v === 'boolean' ? (v ? 'true' : undefined) : v]),
  );
}

export function useBoardUnits() {
  return useQuery({
    queryKey: ['board', 'units'],
    queryFn: ({ signal }) => api.get<BoardUnitsResponse>('/api/board/units', signal),
    staleTime: 5 * 60_000,
  });
}

export function useBoard(query: BoardQuery | null) {
  return useQuery({
    queryKey: ['board', query],
    queryFn: ({ signal }) => api.get<BoardResponse>(withQuery('/api/board', params(query ?? {})), signal),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}

export function boardExportUrl(query: BoardQuery): string {
  return withQuery('/api/board.xlsx', params(query));
}

export function useRoundProgress(roundId: number) {
  return useQuery({
    queryKey: ['round-progress', roundId],
    queryFn: ({ signal }) => api.get<RoundProgressResponse>(`/api/rounds/${roundId}/progress`, signal),
  });
}

export function useIndicators(outlineCode: string | null) {
  return useQuery({
    queryKey: ['dashboards', 'indicators', outlineCode],
    queryFn: ({ signal }) =>
      api.get<IndicatorsResponse>(withQuery('/api/dashboards/indicators', { outlineCode }), signal),
    staleTime: 10 * 60_000,
  });
}

export function useSeries(query: SeriesQuery | null) {
  return useQuery({
    queryKey: ['dashboards', 'series', query],
    queryFn: ({ signal }) =>
      api.get<SeriesResponse>(withQuery('/api/dashboards/series', params(query ?? {})), signal),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}

export function useCompare(query: CompareQuery | null) {
  return useQuery({
    queryKey: ['dashboards', 'units', query],
    queryFn: ({ signal }) =>
      api.get<CompareResponse>(withQuery('/api/dashboards/units', params(query ?? {})), signal),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}

export function useRates(query: RatesQuery | null) {
  return useQuery({
    queryKey: ['dashboards', 'rates', query],
    queryFn: ({ signal }) =>
      api.get<RatesResponse>(withQuery('/api/dashboards/rates', params(query ?? {})), signal),
    enabled: query !== null,
  });
}
