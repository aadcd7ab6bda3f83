import { Flex, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { tenancyApi } from '../api/tenancy-api';
import { useActiveOrganisation } from '../hooks/useActiveOrganisation';
import { rememberProject, useProjectContext } from '../hooks/useProjectContext';

/** The segment after /projects/:id/ of the current page, so switching project stays on the same page. */
function currentSection(pathname: string): string {
  const match = /^\/projects\/[^/]+\/([^/]+)/.exec(pathname);
  return match?.[1] ?? 'dashboard';
}

/**
 * The compact organisation / workspace / project switcher of the top bar. Choosing a project opens the same page
 * for it; the organisation and workspace follow the open project.
 */
export function ContextSwitcher({ stacked = false }: { stacked?: boolean }) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { project } = useProjectContext();
  const { orgId, choose: setOrgId } = useActiveOrganisation();
  const [workspaceId, setWorkspaceId] = useState<string | null>(null);

  useEffect(() => {
    if (project) {
      setOrgId(project.organisationId);
      setWorkspaceId(project.workspaceId);
      rememberProject(project.id);
    }
  }, [project, setOrgId]);

  const orgs = useQuery({ queryKey: ['organisations'], queryFn: tenancyApi.organisations });
  useEffect(() => {
    if (!orgId && orgs.data?.length === 1) setOrgId(orgs.data[0]!.id);
  }, [orgId, orgs.data, setOrgId]);
  const workspaces = useQuery({
    queryKey: ['workspaces', orgId],
    queryFn: () => tenancyApi.workspaces(orgId!),
    enabled: Boolean(orgId),
  });
  useEffect(() => {
    if (!workspaceId && workspaces.data?.length === 1) setWorkspaceId(workspaces.data[0]!.id);
  }, [workspaceId, workspaces.data]);
  const projects = useQuery({
    queryKey: ['projects', workspaceId],
    queryFn: () => tenancyApi.projects(workspaceId!),
    enabled: Boolean(workspaceId),
  });

  return (
    <Flex
      gap={6}
      direction={stacked ? 'column' : 'row'}
      wrap="nowrap"
      role="group"
      aria-label="Context"
      p={stacked ? 'sm' : 0}
    >
      <Select
        size="xs"
        w={stacked ? '100%' : 210}
        aria-label="Organisation"
        placeholder="Organisation"
        data={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
        value={orgId}
        onChange={(v) => {
          setOrgId(v);
          setWorkspaceId(null);
        }}
        searchable
        nothingFoundMessage="No organisation"
      />
      <Select
        size="xs"
        w={stacked ? '100%' : 170}
        aria-label="Workspace"
        placeholder="Workspace"
        data={(workspaces.data ?? []).map((w) => ({ value: w.id, label: w.name }))}
        value={workspaceId}
        onChange={setWorkspaceId}
        disabled={!orgId}
        searchable
        nothingFoundMessage="No workspace"
      />
      <Select
        size="xs"
        w={stacked ? '100%' : 220}
        aria-label="Project"
        placeholder="Project"
        data={(projects.data ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.pack})` }))}
        value={project?.id ?? null}
        onChange={(v) => {
          if (v) navigate(`/projects/${v}/${currentSection(pathname)}`);
        }}
        disabled={!workspaceId}
        searchable
        nothingFoundMessage="No project"
      />
    </Flex>
  );
}
