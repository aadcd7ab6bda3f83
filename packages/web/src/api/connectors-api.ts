import { api, apiRequest } from './api-client';

export type ConnectorType = 'csv-directory' | 'csv-upload' | 'postgres' | 'json' | 'xlsx' | 'dump' | 'mysql';
export type CsvEncoding = 'auto' | 'utf-8' | 'windows-1252' | 'latin1';

/** One field of a connector type's settings form (from the server: its defaults, options and help). */
export interface ConnectorField {
  name: string;
  label: string;
  type: 'string' | 'integer' | 'secret' | 'enum';
  required: boolean;
  options?: string[];
  default?: string | number;
  help: string;
}

export interface ConnectorTypeInfo {
  type: ConnectorType;
  label: string;
  description: string;
  runSource: boolean;
  available: boolean;
  fields: ConnectorField[];
}

/** A connector as the API shows it: settings without secrets, and whether a password is set. */
export interface Connector {
  id: string;
  projectId: string;
  name: string;
  type: ConnectorType;
  config: Record<string, unknown>;
  passwordSet: boolean;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ConnectorFile {
  id: string;
  table: string;
  fileName: string;
  bytes: number;
  sha256: string;
  encoding: string;
  records: number;
  uploadedBy: string | null;
  uploadedAt: string;
}

export interface ConnectorCheck {
  name: string;
  ok: boolean;
  message: string;
}

export interface DiscoveredColumn {
  name: string;
  dataType: string;
  maxLength?: number;
  nullable: boolean;
  primaryKey: boolean;
  references?: string;
}

export interface DiscoveredSchema {
  connectorId: string;
  sampleRows: number | null;
  tables: { name: string; columns: DiscoveredColumn[] }[];
}

export interface RowPage {
  table: string;
  columns: string[];
  rows: (string | null)[][];
  lines?: number[];
  page: number;
  pageSize: number;
  hasMore: boolean;
  /** Columns holding personal identifiers (declared by the catalog or shown by their values and names). */
  identifiers: { column: string; kind: string; from: 'declared' | 'guessed' }[];
  /** True when the identifier columns' values are keyed-hash tokens (the caller lacks data.identifiable). */
  masked: boolean;
}

/** What creating or changing a connector sends (the password only when it is set or replaced; null removes it). */
export interface ConnectorInput {
  name?: string;
  type?: ConnectorType;
  config?: Record<string, unknown>;
  password?: string | null;
}

/** A project's source connectors: configure, test, discover, preview (audited), upload CSV extracts. */
export const connectorsApi = {
  types: () => api.get<ConnectorTypeInfo[]>('/api/connector-types'),
  /** The server folders the operator allowed the organisation's csv-directory connectors. */
  sourceFolders: (orgId: string) => api.get<{ folders: string[] }>(`/api/orgs/${orgId}/source-folders`),
  setSourceFolders: (orgId: string, folders: string[]) =>
    api.put<{ folders: string[] }>(`/api/orgs/${orgId}/source-folders`, { folders }),
  list: (projectId: string) => api.get<Connector[]>(`/api/projects/${projectId}/connectors`),
  create: (projectId: string, body: ConnectorInput) =>
    api.post<Connector>(`/api/projects/${projectId}/connectors`, body),
  update: (connectorId: string, body: ConnectorInput) => api.patch<Connector>(`/api/connectors/${connectorId}`, body),
  remove: (connectorId: string) => api.delete<{ ok: true }>(`/api/connectors/${connectorId}`),
  test: (connectorId: string) =>
    api.post<{ ok: boolean; checks: ConnectorCheck[] }>(`/api/connectors/${connectorId}/test`),
  schema: (connectorId: string) => api.get<DiscoveredSchema>(`/api/connectors/${connectorId}/schema`),
  rows: (connectorId: string, table: string, page: number, pageSize: number) =>
    api.get<RowPage>(`/api/connectors/${connectorId}/tables/${encodeURIComponent(table)}/rows`, { page, pageSize }),
  files: (connectorId: string) => api.get<ConnectorFile[]>(`/api/connectors/${connectorId}/files`),
  upload: (connectorId: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return apiRequest<ConnectorFile>('POST', `/api/connectors/${connectorId}/files`, { body: form });
  },
  removeFile: (connectorId: string, fileId: string) =>
    api.delete<{ ok: true }>(`/api/connectors/${connectorId}/files/${fileId}`),
};
