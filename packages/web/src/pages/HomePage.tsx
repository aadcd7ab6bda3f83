import { Center, Loader } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Navigate } from 'react-router';
import { tenancyApi } from '../api/tenancy-api';
import { lastProject } from '../hooks/useProjectContext';

/**
 * `/`: back to the last project opened in this browser; else, for a member returning on another browser (or whose
 * last project is gone), the first project they can see; onboarding only for someone with no project at all.
 */
export function HomePage() {
  const remembered = lastProject();
  const check = useQuery({
    queryKey: ['project', remembered],
    queryFn: () => tenancyApi.project(remembered!),
    enabled: Boolean(remembered),
    retry: false,
  });
  const rememberedGone = !remembered || check.isError;
  const visible = useQuery({
    queryKey: ['projects', 'visible'],
    queryFn: () => tenancyApi.allProjects(),
    enabled: rememberedGone,
    retry: false,
  });
  if ((remembered && check.isPending) || (rememberedGone && visible.isPending)) {
    return (
      <Center h={200}>
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  if (remembered && check.data) return <Navigate to={`/projects/${remembered}/dashboard`} replace />;
  const first = visible.data?.[0];
  if (first) return <Navigate to={`/projects/${first.id}/dashboard`} replace />;
  return <Navigate to="/onboarding" replace />;
}
