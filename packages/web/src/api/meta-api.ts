import { api } from './api-client';
import { ApiError } from './api-error';

/** GET /api/meta/version. */
export interface VersionManifest {
  ferry: string;
  api: string;
  node: string;
  schema: string | null;
  packs: { name: string; description: string }[];
}

/** GET /ready (200 when ready, 503 with the same body when not). */
export interface Readiness {
  status: 'ready' | 'not_ready';
  checks: { database: boolean; migrations: boolean; appRole: boolean };
  problems: string[];
}

/** The server's health and version endpoints. */
export const metaApi = {
  version: () => api.get<VersionManifest>('/api/meta/version'),
  health: () => api.get<{ status: string }>('/health'),
  /** Readiness: 200 when ready, 503 with the same report when not; both are answers, not errors. */
  ready: async (): Promise<Readiness> => {
    const response = await fetch('/ready', { headers: { accept: 'application/json' } });
    if (response.status !== 200 && response.status !== 503)
      throw new ApiError(response.status, 'FERRY_ERR_HTTP', `GET /ready answered ${response.status}`);
    return (await response.json()) as Readiness;
  },
};
