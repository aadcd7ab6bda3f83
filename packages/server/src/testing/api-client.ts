import type { FerryApp } from '../app-types.js';
import { csrfCookie, csrfHeader, sessionCookie } from '../auth/session-cookies.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The parts of an inject() response tests read. */
export interface ApiResponse {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies loosely and assert exact values
  json<T = any>(): T;
  cookies: { name: string; value: string; [k: string]: unknown }[];
}

/**
 * A caller of the API in tests: anonymous, a signed-in browser (session cookie + CSRF header), or a script with a
 * Bearer token. Requests go through `app.inject()`; no port is opened.
 *
 * @example
 * const admin = await ApiCaller.login(app, 'admin@ferry.local', password);
 * const res = await admin.post('/api/orgs', { slug: 'north', name: 'North Trust' });
 */
export class ApiCaller {
  constructor(
    readonly app: FerryApp,
    readonly credentials: { session?: string; csrf?: string; token?: string } = {},
    /** The client address requests come from (per-address rate limits); inject()'s default otherwise. */
    readonly remoteAddress?: string,
  ) {}

  static anonymous(app: FerryApp): ApiCaller {
    return new ApiCaller(app);
  }

  /** Signs in with a password (and TOTP code); throws with the response body when that fails. */
  static async login(app: FerryApp, email: string, password: string, totpCode?: string): Promise<ApiCaller> {
    const res = await new ApiCaller(app).post('/api/auth/login', {
      email,
      password,
      ...(totpCode ? { totpCode } : {}),
    });
    if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
    const session = res.cookies.find((c) => c.name === sessionCookie)?.value;
    const csrf = res.cookies.find((c) => c.name === csrfCookie)?.value;
    return new ApiCaller(app, { session, csrf });
  }

  withToken(token: string): ApiCaller {
    return new ApiCaller(this.app, { token });
  }

  /** The same credentials, sending from another client address. */
  fromAddress(remoteAddress: string): ApiCaller {
    return new ApiCaller(this.app, this.credentials, remoteAddress);
  }

  /** The same session without the CSRF header (to show it is required). */
  withoutCsrf(): ApiCaller {
    return new ApiCaller(this.app, { session: this.credentials.session });
  }

  request(
    method: Method,
    url: string,
    payload?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...extraHeaders };
    if (this.credentials.token) headers.authorization = `Bearer ${this.credentials.token}`;
    if (this.credentials.csrf) headers[csrfHeader] = this.credentials.csrf;
    return this.app.inject({
      method,
      url,
      headers,
      ...(this.remoteAddress ? { remoteAddress: this.remoteAddress } : {}),
      ...(this.credentials.session ? { cookies: { [sessionCookie]: this.credentials.session } } : {}),
      ...(payload !== undefined ? { payload: payload as object } : {}),
    }) as unknown as Promise<ApiResponse>;
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, payload?: unknown) {
    return this.request('POST', url, payload);
  }
  put(url: string, payload?: unknown) {
    return this.request('PUT', url, payload);
  }
  patch(url: string, payload?: unknown) {
    return this.request('PATCH', url, payload);
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }
}

/** Asserts a status and returns the JSON body, with the body in the error when the status differs. */
// biome-ignore lint/suspicious/noExplicitAny: tests read response bodies loosely and assert exact values
export function expectStatus<T = any>(res: ApiResponse, status: number): T {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return res.body ? res.json<T>() : (undefined as T);
}
