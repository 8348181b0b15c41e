/**
 * The one way the app talks to the server: same-origin fetch, JSON in and out, cookies carry the
 * session. Every failure becomes an ApiError holding the server's ErrorBody (or one we make up
 * for network failures), so that pages show one kind of error.
 */
import type { ErrorBody, ErrorCode, FieldError } from '@domain/errors';

export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly requestId: string | null;
  readonly fields: FieldError[];

  constructor(status: number, body: ErrorBody['error'] | null, fallbackMessage: string) {
    super(body?.message ?? fallbackMessage);
    this.name = 'ApiError';
    this.status = status;
    this.code = body?.code ?? (status >= 500 ? 'UNAVAILABLE' : 'BAD_REQUEST');
    this.requestId = body?.requestId ?? null;
    this.fields = body?.fields ?? [];
  }
}

const NETWORK_MESSAGE = 'Không kết nối được tới máy chủ. Vui lòng kiểm tra mạng và thử lại.';

/** Called on every 401 except sign-in: the app drops the session and shows the sign-in page. */
let onUnauthenticated: () => void = () => {};
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}
/** A request made outside `request` (the autosave) met a 401: the session is gone. */
export function signalUnauthenticated(): void {
  onUnauthenticated();
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'message' in error && 'code' in error;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions {
  /** The sign-in call answers 401 for a wrong password: that is not an expired session. */
  allowUnauthenticated?: boolean;
  signal?: AbortSignal;
}

export async function request<T>(
  method: Method,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { accept: 'application/json' } };
  if (options.signal) init.signal = options.signal;
  if (body !== undefined) {
    init.headers = { accept: 'application/json', 'content-type': 'application/json' };
    init.body = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, null, NETWORK_MESSAGE);
  }
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return payload as T;
  if (response.status === 401 && !options.allowUnauthenticated) onUnauthenticated();
  const fallback = response.status >= 500 ? NETWORK_MESSAGE : 'Yêu cầu không thực hiện được.';
  throw new ApiError(response.status, isErrorBody(payload) ? payload.error : null, fallback);
}

/** "/api/units" + { q: 'thach ha', kind: undefined } → "/api/units?q=thach+ha". */
export function withQuery(path: string, query: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) =>
    request<T>('GET', path, undefined, signal ? { signal } : {}),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
