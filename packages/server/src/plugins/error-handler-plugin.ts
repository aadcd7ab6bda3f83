import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from '@fastify/type-provider-zod';
import { type FerryError, type FerryErrorCode, isConnectionLoss, isFerryError } from '@ferry/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { FerryApp } from '../app-types.js';

/** The one place Ferry error codes become HTTP statuses. */
export function httpStatusOf(code: FerryErrorCode, kind: string): number {
  switch (code) {
    case 'FERRY_ERR_NOT_FOUND':
      return 404;
    case 'FERRY_ERR_ACCOUNT_LOCKED':
      return 423;
    case 'FERRY_ERR_RATE_LIMITED':
      return 429;
    case 'FERRY_ERR_PAYLOAD_TOO_LARGE':
      return 413;
    case 'FERRY_ERR_CONTRACT_LOCKED':
    case 'FERRY_ERR_REVIEW_TRANSITION':
      return 409;
    case 'FERRY_ERR_TARGET_UNREACHABLE':
    case 'FERRY_ERR_SOURCE_UNREACHABLE':
    case 'FERRY_ERR_DATABASE_CONNECTION_LOST':
      return 503;
    case 'FERRY_ERR_CONFIG':
    case 'FERRY_ERR_MIGRATION_MISMATCH':
    case 'FERRY_ERR_MIGRATION_LOCKED':
      return 500;
  }
  const byKind: Record<string, number> = {
    usage: 400,
    input: 400,
    auth: 401,
    forbidden: 403,
    conflict: 409,
    unavailable: 503,
    internal: 500,
  };
  return byKind[kind] ?? 500;
}

/** PostgreSQL conditions a request can cause, with messages that never repeat the database's (it may quote values). */
const databaseErrors: Record<string, { status: number; code: FerryErrorCode; message: string }> = {
  '23505': { status: 409, code: 'FERRY_ERR_CONFLICT', message: 'It already exists' },
  '23503': {
    status: 409,
    code: 'FERRY_ERR_CONFLICT',
    message: 'It refers to something that does not exist, or is still referred to',
  },
  '23514': { status: 400, code: 'FERRY_ERR_INPUT', message: 'A value breaks a rule of the data model' },
  '22P02': { status: 400, code: 'FERRY_ERR_INPUT', message: 'A value has the wrong format' },
  '22001': { status: 400, code: 'FERRY_ERR_INPUT', message: 'A value is longer than its field allows' },
  '22021': { status: 400, code: 'FERRY_ERR_INPUT', message: 'A value holds a character that cannot be stored' },
  '22P05': { status: 400, code: 'FERRY_ERR_INPUT', message: 'A value holds a character that cannot be stored' },
  '54000': { status: 400, code: 'FERRY_ERR_INPUT', message: 'A value is too long to store or index' },
  '42501': {
    status: 403,
    code: 'FERRY_ERR_FORBIDDEN',
    message: 'The database refused the change for this organisation',
  },
};

/** How long a client is told to wait before retrying when a database cannot be reached (seconds). */
export const unavailableRetryAfterSeconds = 5;

/** One problem of a request: `path` says where (a body field, a CSV line and column, a contract row and attribute). */
interface ErrorIssue {
  path: string;
  message: string;
  line?: number;
  table?: string;
  column?: string;
  field?: string;
}

interface ErrorBody {
  error: { code: string; message: string; requestId: string; issues?: ErrorIssue[] };
}

/** The issues a FerryError lists, each with a readable path ("line 4 source_columns", "LOAD_PMI.SEX source"). */
function ferryIssues(error: FerryError): ErrorIssue[] | undefined {
  if (error.issues.length === 0) return undefined;
  return error.issues.map((i) => ({
    path: [
      i.line !== undefined ? `line ${i.line}` : undefined,
      i.table && i.column ? `${i.table}.${i.column}` : i.table,
      i.field,
    ]
      .filter(Boolean)
      .join(' '),
    ...i,
  }));
}

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  code: string,
  message: string,
  issues?: ErrorBody['error']['issues'],
) {
  const body: ErrorBody = { error: { code, message, requestId: String(request.id), ...(issues ? { issues } : {}) } };
  return reply.status(status).type('application/json').send(body);
}

/**
 * One error handler: FerryErrors by code, schema validation with the path of each bad field (never its value),
 * known PostgreSQL conditions, a lost database connection (503 with Retry-After), Fastify's own 4xx errors; everything
 * else is a logged, generic 500.
 */
export const errorHandlerPlugin = fp(async (app: FerryApp) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isFerryError(error)) {
      const status = httpStatusOf(error.code, error.kind);
      if (typeof error.context.retryAfterSeconds === 'number')
        reply.header('retry-after', error.context.retryAfterSeconds);
      else if (status === 503) reply.header('retry-after', unavailableRetryAfterSeconds);
      if (status >= 500) request.log.error({ err: error }, 'request failed');
      return send(
        reply,
        request,
        status,
        error.code,
        status >= 500 && error.kind === 'internal' ? 'Internal error' : error.describe(),
        status < 500 ? ferryIssues(error) : undefined,
      );
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({
        path: `${error.validationContext ?? 'body'}${v.instancePath.replaceAll('/', '.')}`,
        message: v.message ?? 'invalid',
      }));
      return send(
        reply,
        request,
        400,
        'FERRY_ERR_INPUT',
        `Invalid request: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
        issues,
      );
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response does not match its schema');
      return send(reply, request, 500, 'FERRY_ERR_INTERNAL', 'Internal error');
    }
    // The platform database refused or dropped the connection (ECONNREFUSED, 57P01 admin shutdown, "Connection
    // terminated"): the service is unavailable for a moment, not broken. 503 with Retry-After, never 500.
    if (isConnectionLoss(error)) {
      request.log.warn({ err: error }, 'database connection lost');
      reply.header('retry-after', unavailableRetryAfterSeconds);
      return send(
        reply,
        request,
        503,
        'FERRY_ERR_DATABASE_CONNECTION_LOST',
        'The database cannot be reached at the moment; retry shortly',
      );
    }
    const pgCode = (error as { code?: unknown }).code;
    if (typeof pgCode === 'string' && databaseErrors[pgCode]) {
      const known = databaseErrors[pgCode];
      return send(reply, request, known.status, known.code, known.message);
    }
    const status = error.statusCode ?? 500;
    if (status === 429) return send(reply, request, 429, 'FERRY_ERR_RATE_LIMITED', 'Too many requests; retry later');
    if (status === 413) return send(reply, request, 413, 'FERRY_ERR_PAYLOAD_TOO_LARGE', error.message);
    if (status >= 400 && status < 500) return send(reply, request, status, 'FERRY_ERR_INPUT', error.message);
    request.log.error({ err: error }, 'request failed');
    return send(reply, request, 500, 'FERRY_ERR_INTERNAL', 'Internal error');
  });
  app.setNotFoundHandler((request, reply) =>
    send(reply, request, 404, 'FERRY_ERR_NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`),
  );
});
