/** One issue of a rejected request body: the field's path and what is wrong (never its value). */
export interface ApiIssue {
  path: string;
  message: string;
}

/**
 * An error answered by the Ferry API (`{ error: { code, message, requestId } }`) or a network failure (status 0).
 *
 * @example
 * if (e instanceof ApiError && e.status === 403) showNotAllowed();
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | null = null,
    readonly issues: readonly ApiIssue[] = [],
  ) {
    super(message);
  }

  /** True when the caller is not signed in (or the session expired). */
  get unauthenticated(): boolean {
    return this.status === 401;
  }
}

/** Builds an ApiError from a response body that may or may not be the API's error shape. */
export function apiErrorOf(status: number, body: unknown, fallback: string): ApiError {
  const error = (
    body as { error?: { code?: unknown; message?: unknown; requestId?: unknown; issues?: unknown } } | null
  )?.error;
  if (error && typeof error.message === 'string') {
    const issues = Array.isArray(error.issues) ? (error.issues as ApiIssue[]) : [];
    return new ApiError(
      status,
      typeof error.code === 'string' ? error.code : 'FERRY_ERR_HTTP',
      error.message,
      typeof error.requestId === 'string' ? error.requestId : null,
      issues,
    );
  }
  return new ApiError(status, 'FERRY_ERR_HTTP', fallback);
}
