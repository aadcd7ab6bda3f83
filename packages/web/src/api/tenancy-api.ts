import { api } from './api-client';

export interface Organisation {
  id: string;
  slug: string;
  name: string;
  requireTotp: boolean;
  createdAt: string;
}
export interface Workspace {
  id: string;
  organisationId: string;
  name: string;
  createdAt: string;
}
export interface Project {
  id: string;
  organisationId: string;
  workspaceId: string;
  name: string;
  pack: string;
  settings: Record<string, unknown>;
  createdAt: string;
}

/** Organisations, workspaces and projects. */
export const tenancyApi = {
  organisations: () => api.get<Organisation[]>('/api/orgs'),
  createOrganisation: (input: { name: string; slug: string; requireTotp?: boolean }) =>
    api.post<Organisation>('/api/orgs', input),
  updateOrganisation: (orgId: string, input: { name?: string; requireTotp?: boolean }) =>
    api.patch<Organisation>(`/api/orgs/${orgId}`, input),
  workspaces: (orgId: string) => api.get<Workspace[]>(`/api/orgs/${orgId}/workspaces`),
  createWorkspace: (orgId: string, input: { name: string }) =>
    api.post<Workspace>(`/api/orgs/${orgId}/workspaces`, input),
  projects: (workspaceId: string) => api.get<Project[]>('/api/projects', { workspaceId }),
  /** Every project the caller can see, by name. */
  allProjects: () => api.get<Project[]>('/api/projects'),
  project: (projectId: string) => api.get<Project>(`/api/projects/${projectId}`),
  createProject: (workspaceId: string, input: { name: string; pack: string }) =>
    api.post<Project>(`/api/workspaces/${workspaceId}/projects`, input),
};
