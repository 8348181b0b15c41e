/** Outlines (đề cương): the catalogue, one outline with its numbered tree, clone and save. */

import type { CreateOutlineBody, ParseOutlineBody, ParseOutlineResponse } from '@domain/api-outlines';
import type {
  CloneOutlineBody,
  OutlineDetail,
  OutlineListResponse,
  UpdateOutlineBody,
} from '@domain/api-reports';
import type { DocumentKind } from '@domain/outline';
import { useQuery } from '@tanstack/react-query';
import { api, withQuery } from './client';

export const outlineKeys = {
  all: ['outlines'] as const,
  list: (all: boolean, documentKind?: DocumentKind) => ['outlines', 'list', { all, documentKind }] as const,
  detail: (id: number) => ['outlines', 'detail', id] as const,
};

export function useOutlines(options: { all?: boolean; documentKind?: DocumentKind } = {}) {
  const all = options.all ?? false;
  return useQuery({
    queryKey: outlineKeys.list(all, options.documentKind),
    queryFn: ({ signal }) =>
      api.get<OutlineListResponse>(
        withQuery('/api/outlines', { all: all ? 1 : undefined, documentKind: options.documentKind }),
        signal,
      ),
  });
}

export function useOutline(id: number) {
  return useQuery({
    queryKey: outlineKeys.detail(id),
    queryFn: ({ signal }) => api.get<OutlineDetail>(`/api/outlines/${id}`, signal),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function cloneOutline(id: number, body: CloneOutlineBody): Promise<OutlineDetail> {
  return api.post<OutlineDetail>(`/api/outlines/${id}/clone`, body);
}

export function updateOutline(id: number, body: UpdateOutlineBody): Promise<OutlineDetail> {
  return api.put<OutlineDetail>(`/api/outlines/${id}`, body);
}

/** A province's đề cương (text or file) parsed into a proposed outline; nothing is stored. */
export function parseOutline(body: ParseOutlineBody): Promise<ParseOutlineResponse> {
  return api.post<ParseOutlineResponse>('/api/outlines/parse', body);
}

/** The confirmed outline saved as a new outline (version 1) of a unit. */
export function createOutline(body: CreateOutlineBody): Promise<OutlineDetail> {
  return api.post<OutlineDetail>('/api/outlines', body);
}
