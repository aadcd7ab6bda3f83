import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { runScope } from '../api/run-scope';
import { type Run, runsApi } from '../api/runs-api';
import { DataTable } from '../components/DataTable';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { StatusBadge } from '../components/StatusBadge';
import { useProjectId } from '../hooks/useProjectContext';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('en-GB') : '');
const duration = (r: Run) =>
  r.startedAt && r.finishedAt
    ? `${((new Date(r.finishedAt).getTime() - new Date(r.startedAt).getTime()) / 1000).toFixed(1)} s`
    : '';

const columns: ColumnDef<Run, unknown>[] = [
  { header: 'Run', id: 'id', accessorFn: (r) => r.id.slice(0, 8) },
  { header: 'Created', id: 'createdAt', accessorFn: (r) => when(r.createdAt) },
  { header: 'Status', id: 'status', cell: ({ row: { original: r } }) => <StatusBadge status={r.status} /> },
  {
    header: 'Outcome',
    id: 'outcome',
    cell: ({ row: { original: r } }) => (r.outcome ? <StatusBadge status={r.outcome} /> : null),
  },
  {
    header: 'Gate',
    id: 'gate',
    cell: ({ row: { original: r } }) => (r.gateOutcome ? <StatusBadge status={r.gateOutcome} /> : null),
  },
  { header: 'Exit code', id: 'exitCode', size: 70, accessorFn: (r) => (r.exitCode === null ? '' : String(r.exitCode)) },
  { header: 'Profile', accessorKey: 'releaseProfile' },
  { header: 'Source', id: 'source', accessorFn: runScope },
  { header: 'Stage', id: 'stage', accessorFn: (r) => r.currentStage ?? '' },
  { header: 'Took', id: 'took', accessorFn: duration },
  { header: 'Contract', id: 'contract', accessorFn: (r) => r.contractHash.slice(0, 12) },
];

/** Runs: every lifecycle run of the project, newest first, server-paged; a row opens the run. */
export function RunsPage() {
  const projectId = useProjectId();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const runs = useQuery({
    queryKey: ['runs', projectId, page, pageSize],
    queryFn: () => runsApi.list(projectId, page, pageSize),
    placeholderData: keepPreviousData,
    refetchInterval: (q) =>
      q.state.data?.items.some((r) => r.status === 'queued' || r.status === 'running') ? 3000 : false,
  });
  return (
    <>
      <PageHeader
        title="Runs"
        description="Every rehearsal of this project: outcome, the release gate's verdict, and the exit code ferry lifecycle gives for the same ending (0 passed or stopped where asked, 1 blocked, 2 a user error, 3 an internal error)"
      />
      <ErrorAlert error={runs.error} />
      <DataTable
        label="Runs"
        columns={columns}
        rows={runs.data?.items ?? []}
        rowId={(r) => r.id}
        loading={runs.isPending}
        onRowClick={(r) => navigate(`/projects/${projectId}/runs/${r.id}`)}
        paging={{
          page,
          pageSize,
          total: runs.data?.total ?? 0,
          onPage: setPage,
          onPageSize: (s) => {
            setPageSize(s);
            setPage(1);
          },
        }}
        empty="No run yet: start one on the Lifecycle page"
      />
    </>
  );
}
