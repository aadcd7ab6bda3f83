import { api } from './api-client';

/** A project's runtime defaults. */
export interface ProjectSettings {
  target: 'pglite' | 'csv' | 'database';
  /** The registered target database, when target is database. */
  targetId?: string;
  defaultReleaseProfile: 'development' | 'pre_production' | 'cutover_ready';
  description?: string;
}

export const settingsApi = {
  get: (projectId: string) => api.get<ProjectSettings>(`/api/projects/${projectId}/settings`),
  update: (projectId: string, settings: ProjectSettings) =>
    api.put<ProjectSettings>(`/api/projects/${projectId}/settings`, settings),
};
