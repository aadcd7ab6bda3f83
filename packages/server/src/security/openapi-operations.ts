/** A JSON schema as the OpenAPI document gives it (the parts the attack suite reads). */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  minItems?: number;
  default?: unknown;
}

interface DocParameter {
  in: string;
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}

interface DocOperation {
  parameters?: DocParameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  security?: unknown[];
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One operation of the server's OpenAPI document, as the attack suite calls it. */
export interface ApiOperation {
  method: HttpMethod;
  /** The document's path, with `{name}` placeholders. */
  path: string;
  /** `METHOD /path` for reports. */
  name: string;
  pathParams: string[];
  queryParams: { name: string; required: boolean; schema: JsonSchema }[];
  /** The body schema (JSON, or text for a CSV upload), or undefined (no body, or a multipart upload). */
  body?: JsonSchema;
  /** The body's content type: JSON, a CSV text, or a multipart upload. */
  contentType?: 'application/json' | 'text/csv' | 'multipart/form-data';
  /** The document marks it `security: []`: callable without credentials. */
  public: boolean;
  /** Whether it may change state (anything but GET). */
  stateChanging: boolean;
}

const methods: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * The /api operations of an OpenAPI document, in document order: whatever routes the server has when the suite runs,
 * so a route added later is attacked too.
 *
 * @example
 * const ops = apiOperations((await app.inject({ method: 'GET', url: '/docs/json' })).json());
 */
export function apiOperations(doc: { paths?: Record<string, Record<string, DocOperation>> }): ApiOperation[] {
  const out: ApiOperation[] = [];
  for (const [path, ops] of Object.entries(doc.paths ?? {})) {
    if (!path.startsWith('/api/')) continue;
    for (const [m, op] of Object.entries(ops)) {
      const method = m.toUpperCase() as HttpMethod;
      if (!methods.includes(method)) continue;
      const params = op.parameters ?? [];
      const content = op.requestBody?.content ?? {};
      out.push({
        method,
        path,
        name: `${method} ${path}`,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: params
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, required: p.required === true, schema: p.schema ?? {} })),
        body: (content['application/json'] ?? content['text/csv'])?.schema,
        contentType: content['application/json']
          ? 'application/json'
          : content['text/csv']
            ? 'text/csv'
            : content['multipart/form-data']
              ? 'multipart/form-data'
              : undefined,
        public: Array.isArray(op.security) && op.security.length === 0,
        stateChanging: method !== 'GET',
      });
    }
  }
  return out;
}

/** The document's path with each `{name}` replaced by `valueFor(name)`, URL-encoded. */
export function fillPath(path: string, valueFor: (name: string) => string): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(valueFor(name)));
}
