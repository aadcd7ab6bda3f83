import type { ApiCaller, ApiResponse } from '../testing/api-client.js';
import { multipartFile } from './attack-world.js';
import { type ApiOperation, fillPath } from './openapi-operations.js';
import { multipartOperations, sampleBodies, sampleQueries } from './sample-bodies.js';
import { sampleValue } from './sample-values.js';

/** A request of one operation: path values by parameter name, query values, and a JSON body. */
export interface OperationRequest {
  path: (name: string) => string;
  query?: Record<string, string>;
  body?: unknown;
}

/** The query parameters an operation requires, with values their schemas accept. */
export function requiredQuery(op: ApiOperation): Record<string, string> {
  return {
    ...Object.fromEntries(
      op.queryParams.filter((q) => q.required).map((q) => [q.name, String(sampleValue(q.schema, q.name))]),
    ),
    ...sampleQueries[op.name],
  };
}

/** The body a request of the operation sends by default: a value its schema accepts, or none. */
export function sampleBody(op: ApiOperation): unknown {
  if (op.name in sampleBodies) return structuredClone(sampleBodies[op.name]);
  if (op.body) return sampleValue(op.body);
  return op.stateChanging && !isMultipart(op) ? {} : undefined;
}

/** Whether the operation takes a multipart upload. */
export function isMultipart(op: ApiOperation): boolean {
  return op.contentType === 'multipart/form-data' || multipartOperations.has(op.name);
}

/** Sends one request of an operation as the caller. */
export function callOperation(caller: ApiCaller, op: ApiOperation, req: OperationRequest): Promise<ApiResponse> {
  const query = new URLSearchParams(req.query ?? {}).toString();
  const url = `${fillPath(op.path, req.path)}${query ? `?${query}` : ''}`;
  if (isMultipart(op) && req.body === undefined) {
    const upload = multipartFile('PATIENT.csv', 'PAT_ID,SURNAME\n1,Smith\n');
    return caller.request(op.method, url, upload.payload, upload.headers);
  }
  const csv = op.contentType === 'text/csv' && typeof req.body === 'string';
  return caller.request(op.method, url, req.body, csv ? { 'content-type': 'text/csv' } : {});
}

/** The status and the start of the body, for a report line. */
export function answer(res: ApiResponse): string {
  return `${res.statusCode} ${res.body.slice(0, 160)}`;
}

/** Whether an answer is a problem response: `{ error: { code, message, requestId } }`. */
export function isProblem(res: ApiResponse): boolean {
  try {
    const e = res.json().error;
    return typeof e?.code === 'string' && typeof e?.message === 'string' && typeof e?.requestId === 'string';
  } catch {
    return false;
  }
}
