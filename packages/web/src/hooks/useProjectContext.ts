import { useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { useMatch, useParams } from 'react-router';
import { type Project, tenancyApi } from '../api/tenancy-api';

/** The project being worked on, with its workspace and organisation. */
export interface ProjectContext {
  /** The project of the URL, else the one last opened (so admin pages keep the project links). */
  projectId: string | null;
  project: Project | null;
  loading: boolean;
}

const storageKey = 'ferry.lastProject';
const listeners = new Set<() => void>();
let remembered: string | null = readStored();

function readStored(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

/** Remembers the last project opened so `/` and the admin pages can return to it. */
export function rememberProject(projectId: string | null): void {
  if (projectId === remembered) return;
  remembered = projectId;
  try {
    if (projectId) localStorage.setItem(storageKey, projectId);
    else localStorage.removeItem(storageKey);
  } catch {
    // Storage may be disabled; the choice lasts for this page.
  }
  for (const listener of listeners) listener();
}

export function lastProject(): string | null {
  return remembered;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The current project: the one in the URL (`/projects/:projectId/...`), else the one last opened.
 *
 * @example
 * const { projectId, project } = useProjectContext();
 */
export function useProjectContext(): ProjectContext {
  // Matched on the path (not the route's params) so the layout above the page sees it too.
  const fromUrl = useMatch('/projects/:projectId/*')?.params.projectId;
  const last = useSyncExternalStore(subscribe, () => remembered);
  const projectId = fromUrl ?? last;
  const query = useQuery({
    queryKey: ['project', projectId],
    queryFn: () => tenancyApi.project(projectId!),
    enabled: Boolean(projectId),
    retry: false,
  });
  return {
    projectId: query.isError ? null : projectId,
    project: query.data ?? null,
    loading: query.isPending && Boolean(projectId),
  };
}

/** The project id of a project-scoped page; such pages render only under `/projects/:projectId`. */
export function useProjectId(): string {
  const { projectId } = useParams();
  if (!projectId) throw new Error('This page needs a project in its URL');
  return projectId;
}
