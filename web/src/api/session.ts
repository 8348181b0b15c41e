/** The signed-in user: one query that every page reads; null means "not signed in". */
import type { MeResponse, SessionResponse, SignInBody } from '@domain/api';
import { QueryClient, useQuery } from '@tanstack/react-query';
import { ApiError, api, request, setUnauthenticatedHandler } from './client';

export const ME_KEY = ['me'] as const;

/** Who is signed in: null when nobody is (asked without a 401, which the console would log). */
async function fetchMe(): Promise<MeResponse | null> {
  const answer = await request<SessionResponse>('GET', '/api/auth/session', undefined, {
    allowUnauthenticated: true,
  });
  return answer.me;
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

export function signIn(body: SignInBody): Promise<MeResponse> {
  return request<MeResponse>('POST', '/api/auth/sign-in', body, { allowUnauthenticated: true });
}

export function signOut(): Promise<{ ok: true }> {
  return api.post('/api/auth/sign-out');
}

/**
 * A slow 3G link that dropped, or a server restarting (502–504), may work a second later; a refused
 * request or an internal error (500, with a request id to report) will not.
 */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status !== 0 && error.status < 502) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
  // Any 401 means the session is gone: forget the user and let the guard send them to sign in.
  setUnauthenticatedHandler(() => {
    client.setQueryData(ME_KEY, null);
  });
  return client;
}
