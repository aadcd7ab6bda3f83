import { ApiError, apiErrorOf } from './api-error';

/** The readable cookie the server sets at sign-in; state-changing requests echo it in `x-csrf-token`. */
export const csrfCookieName = 'ferry_csrf';
export const csrfHeaderName = 'x-csrf-token';

/** Query-string values; undefined, null and '' are left out, arrays repeat the key. */
export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];
export type Query = Record<string, QueryValue>;

export interface RequestOptions {
  query?: Query;
  /** A JSON body, FormData for uploads, or a Blob sent as it is with its type (e.g. a CSV file as text/csv). */
  body?: unknown;
  signal?: AbortSignal;
}

/** Reads one cookie by name from `document.cookie`. */
export function readCookie(name: string, cookies: string = document.cookie): string | null {
  for (const part of cookies.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

/**
 * Builds a relative URL from a path and query.
 *
 * @example
 * urlOf('/api/projects', { page: 2, q: 'ward' }) // '/api/projects?page=2&q=ward'
 */
export function urlOf(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
    else params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

const safeMethods = new Set(['GET', 'HEAD']);

/**
 * Calls the Ferry API with the session cookie and, on state-changing requests, the CSRF header. Answers the parsed
 * JSON body (undefined for 204); throws ApiError on any non-2xx status or network failure.
 *
 * @example
 * const me = await apiRequest<Me>('GET', '/api/auth/me');
 */
export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (!safeMethods.has(method)) {
    const csrf = readCookie(csrfCookieName);
    if (csrf) headers[csrfHeaderName] = csrf;
  }
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body instanceof Blob) {
    body = options.body;
    if (options.body.type) headers['content-type'] = options.body.type;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(urlOf(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'FERRY_ERR_NETWORK', 'The server cannot be reached');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!response.ok) throw apiErrorOf(response.status, parsed, `${method} ${path} answered ${response.status}`);
  return parsed as T;
}

/** Shorthands for the HTTP verbs. */
export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => apiRequest<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body?: unknown) => apiRequest<T>('PUT', path, { body: body ?? {} }),
  patch: <T>(path: string, body?: unknown) => apiRequest<T>('PATCH', path, { body: body ?? {} }),
  delete: <T>(path: string) => apiRequest<T>('DELETE', path),
};
