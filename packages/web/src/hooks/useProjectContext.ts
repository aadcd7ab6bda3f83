import { useQuery } from '@tanstack/react-query';
import { useMatch, useParams } from 'react-router';
import { type Project, tenancyApi } from '../api/tenancy-api';

/** The project named in the URL (`/projects/:projectId/...`), with its workspace and organisation. */
export interface ProjectContext {
  projectId: string | null;
  project: Project | null;
  loading: boolean;
}

const storageKey = 'ferry.lastProject';

/** Remembers the last project opened so `/` can return to it. */
export function rememberProject(projectId: string): void {
  try {
    localStorage.setItem(storageKey, projectId);
  } catch {
    // Storage may be disabled; the switcher still works.
  }
}

export function lastProject(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

/**
 * The current project, from the route.
 *
 * @example
 * const { projectId } = useProjectContext();
 */
export function useProjectContext(): ProjectContext {
  // Matched on the path (not the route's params) so the layout above the page sees it too.
  const projectId = useMatch('/projects/:projectId/*')?.params.projectId;
  const query = useQuery({
    queryKey: ['project', projectId],
    queryFn: () => tenancyApi.project(projectId!),
    enabled: Boolean(projectId),
  });
  return { projectId: projectId ?? null, project: query.data ?? null, loading: query.isPending && Boolean(projectId) };
}

/** The project id of a project-scoped page; such pages render only under `/projects/:projectId`. */
export function useProjectId(): string {
  const { projectId } = useParams();
  if (!projectId) throw new Error('This page needs a project in its URL');
  return projectId;
}
