import { api } from './api-client';

export interface Organisation {
  id: string;
  name: string;
  slug: string;
}
export interface Workspace {
  id: string;
  organisationId: string;
  name: string;
}
export interface Project {
  id: string;
  workspaceId: string;
  organisationId: string;
  name: string;
  pack: string;
}
export interface Items<T> {
  items: T[];
}

/** Organisations, workspaces and projects. */
export const tenancyApi = {
  organisations: () => api.get<Items<Organisation>>('/api/organisations').then((r) => r.items),
  createOrganisation: (input: { name: string; slug: string }) => api.post<Organisation>('/api/organisations', input),
  workspaces: (orgId: string) =>
    api.get<Items<Workspace>>(`/api/organisations/${orgId}/workspaces`).then((r) => r.items),
  createWorkspace: (orgId: string, input: { name: string }) =>
    api.post<Workspace>(`/api/organisations/${orgId}/workspaces`, input),
  projects: (workspaceId: string) =>
    api.get<Items<Project>>(`/api/workspaces/${workspaceId}/projects`).then((r) => r.items),
  project: (projectId: string) => api.get<Project>(`/api/projects/${projectId}`),
  createProject: (workspaceId: string, input: { name: string; pack: string }) =>
    api.post<Project>(`/api/workspaces/${workspaceId}/projects`, input),
};
