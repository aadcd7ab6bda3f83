import { Center, Loader } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Navigate } from 'react-router';
import { tenancyApi } from '../api/tenancy-api';
import { lastProject } from '../hooks/useProjectContext';

/** `/`: back to the last project opened, else onboarding. */
export function HomePage() {
  const remembered = lastProject();
  const check = useQuery({
    queryKey: ['project', remembered],
    queryFn: () => tenancyApi.project(remembered!),
    enabled: Boolean(remembered),
    retry: false,
  });
  if (remembered && check.isPending) {
    return (
      <Center h={200}>
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  if (remembered && check.data) return <Navigate to={`/projects/${remembered}/dashboard`} replace />;
  return <Navigate to="/onboarding" replace />;
}
