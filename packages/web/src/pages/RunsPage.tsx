import { Badge, Button } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { runScope } from '../api/run-scope';
import { type Run, runsApi } from '../api/runs-api';
import { DataTable } from '../components/DataTable';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { RollbackDialog } from '../components/RollbackDialog';
import { StatusBadge } from '../components/StatusBadge';
import { useProjectId } from '../hooks/useProjectContext';
import { useSession } from '../hooks/useSession';

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

const finished = (r: Run) => r.status === 'succeeded' || r.status === 'failed' || r.status === 'cancelled';

/** The load column: rolled back (by whom), or a button that opens the confirmation for those who may roll back. */
function loadColumn(canRollback: boolean, open: (r: Run) => void): ColumnDef<Run, unknown> {
  return {
    header: 'Load',
    id: 'load',
    cell: ({ row: { original: r } }) => {
      if (r.rollback)
        return (
          <Badge color="gray" variant="light" title={`by ${r.rollback.by}, ${when(r.rollback.at)}`}>
            Rolled back
          </Badge>
        );
      if (!canRollback || !finished(r) || !r.lifecycleRunId) return null;
      return (
        <Button
          size="compact-xs"
          variant="light"
          color="red"
          aria-label={`Roll back run ${r.id.slice(0, 8)}`}
          onClick={(e) => {
            e.stopPropagation();
            open(r);
          }}
        >
          Roll back
        </Button>
      );
    },
  };
}

/**
 * Runs: every lifecycle run of the project, newest first, server-paged; a row opens the run. A finished run's load
 * can be rolled back from here (with run.rollback), after a confirmation naming the job and its row counts.
 */
export function RunsPage() {
  const projectId = useProjectId();
  const { can } = useSession();
  const [rollingBack, setRollingBack] = useState<Run | null>(null);
  const canRollback = can('run.rollback');
  const shown = useMemo(() => [...columns, loadColumn(canRollback, setRollingBack)], [canRollback]);
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
        columns={shown}
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
      <RollbackDialog run={rollingBack} onClose={() => setRollingBack(null)} />
    </>
  );
}
