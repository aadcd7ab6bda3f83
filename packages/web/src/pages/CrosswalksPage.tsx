import { Alert, Button, Checkbox, Group, Paper, Select, SimpleGrid, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { ApiError } from '../api/api-error';
import type { ReviewStatus } from '../api/contract-api';
import { type CrosswalkEntry, type CrosswalkFilter, crosswalkApi } from '../api/crosswalk-api';
import { ConfirmChangeDialog, counted, type PendingChange } from '../components/ConfirmChangeDialog';
import { CrosswalkCoverageCard } from '../components/crosswalks/CrosswalkCoverageCard';
import { UnmappedCodesTable } from '../components/crosswalks/UnmappedCodesTable';
import { DataTable } from '../components/DataTable';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { StatusBadge } from '../components/StatusBadge';
import { useNotifyingMutation } from '../hooks/useNotifyingMutation';
import { useProjectId } from '../hooks/useProjectContext';
import { useSession } from '../hooks/useSession';

const columns: ColumnDef<CrosswalkEntry, unknown>[] = [
  { header: 'Code type', accessorKey: 'codeType' },
  { header: 'Local code', accessorKey: 'sourceCode' },
  { header: 'Local label', accessorKey: 'sourceLabel' },
  { header: 'National code', accessorKey: 'targetCode' },
  { header: 'National label', accessorKey: 'targetLabel' },
  { header: 'Equivalence', accessorKey: 'equivalence' },
  { header: 'Status', id: 'status', size: 100, cell: ({ row: { original: e } }) => <StatusBadge status={e.status} /> },
  { header: 'Reviewer', id: 'reviewer', accessorFn: (e) => e.reviewer ?? '' },
  { header: 'Notes', id: 'notes', accessorFn: (e) => e.notes ?? '' },
];

const actions: Record<ReviewStatus, { verb: string; done: string; danger: boolean }> = {
  reviewed: { verb: 'Mark reviewed', done: 'marked reviewed', danger: false },
  draft: { verb: 'Reopen to draft', done: 'reopened to draft', danger: true },
  approved: { verb: 'Approve', done: 'approved', danger: false },
  rejected: { verb: 'Reject', done: 'rejected', danger: true },
};

/**
 * Crosswalks: coverage of the latest run's extract per code type first, unmapped codes with counts and suggestions
 * (accept one as a draft entry, or draft all), then the entries (local codes to national codes) filtered, paged and
 * reviewed in bulk by filter. The bulk bar is armed only once someone ticks "all N matching" (unticked again when the
 * filter changes), and each bulk change is confirmed naming its count and entries. Marking reviewed and reopening
 * need crosswalk.edit; approving and rejecting crosswalk.approve, and whoever drafted or reviewed an entry does not
 * approve it.
 */
export function CrosswalksPage() {
  const projectId = useProjectId();
  const { can } = useSession();
  const mayEdit = can('crosswalk.edit');
  const mayApprove = can('crosswalk.approve');
  const [form, setForm] = useState<CrosswalkFilter>({});
  const [armed, setArmed] = useState(false);
  const [confirming, setConfirming] = useState<PendingChange | null>(null);
  const [debounced] = useDebouncedValue(form, 300);
  const filter = useMemo(() => debounced, [debounced]);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(100);
  const entries = useQuery({
    queryKey: ['crosswalks', projectId, filter, page, pageSize],
    queryFn: () => crosswalkApi.entries(projectId, filter, page, pageSize),
    placeholderData: keepPreviousData,
  });
  const review = useNotifyingMutation(
    async (status: ReviewStatus) => {
      const done = await crosswalkApi.review(projectId, filter, status);
      setConfirming(null);
      setArmed(false);
      return done;
    },
    {
      success: (r, status) =>
        `${r.changed} entr${r.changed === 1 ? 'y' : 'ies'} ${status}; crosswalk version ${r.hash.slice(0, 12)}`,
      invalidate: [['crosswalks', projectId]],
    },
  );
  const [coverageType, setCoverageType] = useState<string | null>(null);
  const [unmappedPage, setUnmappedPage] = useState(1);
  const coverage = useQuery({
    queryKey: ['crosswalks', projectId, 'coverage'],
    queryFn: () => crosswalkApi.coverage(projectId),
    retry: (n, e) => !(e instanceof ApiError && e.status === 404) && n < 2,
  });
  const unmapped = useQuery({
    queryKey: ['crosswalks', projectId, 'unmapped', coverageType, unmappedPage],
    queryFn: () =>
      crosswalkApi.unmapped(projectId, { codeType: coverageType ?? undefined, page: unmappedPage, pageSize: 20 }),
    enabled: coverage.isSuccess,
    placeholderData: keepPreviousData,
  });
  const accept = useNotifyingMutation(
    (input: { codeType: string; sourceCode: string; targetCode: string }) =>
      crosswalkApi.accept(projectId, { ...input, runId: coverage.data!.runId }),
    {
      success: (r) =>
        `${r.entry.codeType} '${r.entry.sourceCode}' drafted as ${r.entry.targetCode}; mark it reviewed, then another person approves it`,
      invalidate: [['crosswalks', projectId]],
    },
  );
  const draftAll = useNotifyingMutation(
    () => crosswalkApi.draftAll(projectId, { runId: coverage.data!.runId, codeType: coverageType ?? undefined }),
    {
      success: (r) =>
        r.added
          ? `${r.added} draft entr${r.added === 1 ? 'y' : 'ies'} added for review`
          : 'Every unmapped code already has a live entry',
      invalidate: [['crosswalks', projectId]],
    },
  );
  const noRunYet = coverage.error instanceof ApiError && coverage.error.status === 404 ? coverage.error : null;
  const set = (patch: CrosswalkFilter) => {
    setForm({ ...form, ...patch });
    setPage(1);
    setArmed(false);
  };
  const total = entries.data?.total ?? 0;
  // Armed only for the filter the count was read under (the debounced one the entries were fetched with).
  const ready = armed && form === debounced && !entries.isFetching && total > 0 && !review.isPending;
  const ask = (status: ReviewStatus) => {
    const a = actions[status];
    const shown = entries.data?.items ?? [];
    setConfirming({
      title: `${a.verb} ${counted(total, 'crosswalk entry', 'crosswalk entries')}?`,
      summary: `Every entry matching the filter is ${a.done}; a new crosswalk version is saved.`,
      items: shown.slice(0, 10).map((e) => `${e.codeType} '${e.sourceCode}' → ${e.targetCode} (${e.status})`),
      total,
      confirmLabel: `${a.verb}: ${counted(total, 'entry', 'entries')}`,
      danger: a.danger,
      onConfirm: () => review.mutate(status, { onSettled: () => setConfirming(null) }),
    });
  };
  return (
    <>
      <PageHeader
        title="Crosswalks"
        description={
          entries.data
            ? `Local codes → national codes; version ${entries.data.hash.slice(0, 12)}; only approved entries translate values`
            : 'Local codes → national codes'
        }
      />
      <Title order={3} mb="xs">
        Coverage
      </Title>
      {noRunYet ? (
        <Alert color="ferry" mb="md" title="No source extract measured yet">
          {noRunYet.message}
        </Alert>
      ) : (
        <ErrorAlert error={coverage.error} />
      )}
      {coverage.data ? (
        <CrosswalkCoverageCard
          coverage={coverage.data}
          projectId={projectId}
          selected={coverageType}
          onSelect={(c) => {
            setCoverageType(c);
            setUnmappedPage(1);
          }}
        />
      ) : null}
      {coverage.data ? (
        <>
          <Group justify="space-between" mb="xs">
            <Title order={3}>
              Unmapped codes{coverageType ? ` of ${coverageType}` : ''}
              {unmapped.data ? ` (${unmapped.data.total})` : ''}
            </Title>
            {mayEdit ? (
              <Button
                size="xs"
                variant="light"
                disabled={!unmapped.data?.total || draftAll.isPending}
                onClick={() => draftAll.mutate()}
              >
                Draft entries from the best suggestions{coverageType ? ` (${coverageType})` : ''}
              </Button>
            ) : null}
          </Group>
          <ErrorAlert error={unmapped.error} />
          <UnmappedCodesTable
            codes={unmapped.data?.items ?? []}
            total={unmapped.data?.total ?? 0}
            page={unmappedPage}
            pageSize={20}
            onPage={setUnmappedPage}
            onAccept={
              mayEdit
                ? (u, s) => accept.mutate({ codeType: u.codeType, sourceCode: u.code, targetCode: s.targetCode })
                : undefined
            }
            accepting={accept.isPending}
          />
        </>
      ) : null}
      <Title order={3} mb="xs" mt="lg">
        Entries
      </Title>
      <SimpleGrid cols={{ base: 2, md: 4 }} mb="xs">
        <Select
          size="xs"
          label="Code type"
          placeholder="All"
          data={entries.data?.codeTypes ?? []}
          value={form.codeType ?? null}
          onChange={(v) => set({ codeType: v ?? undefined })}
          searchable
          clearable
        />
        <TextInput
          size="xs"
          label="Local code"
          value={form.sourceCode ?? ''}
          onChange={(e) => set({ sourceCode: e.currentTarget.value || undefined })}
        />
        <Select
          size="xs"
          label="Status"
          placeholder="Any"
          data={['draft', 'reviewed', 'approved', 'rejected']}
          value={form.status ?? null}
          onChange={(v) => set({ status: (v as ReviewStatus) ?? undefined })}
          clearable
        />
        <TextInput
          size="xs"
          label="Text"
          placeholder="labels, notes"
          value={form.text ?? ''}
          onChange={(e) => set({ text: e.currentTarget.value || undefined })}
        />
      </SimpleGrid>
      {mayEdit || mayApprove ? (
        <Paper withBorder p="xs" my="sm" bg="gray.0">
          <Group justify="space-between">
            <Checkbox
              label={`Apply to all ${total.toLocaleString('en-GB')} matching entries`}
              checked={armed}
              disabled={!total}
              onChange={(e) => setArmed(e.currentTarget.checked)}
            />
            <Group gap={6}>
              {mayEdit ? (
                <>
                  <Button size="xs" variant="light" disabled={!ready} onClick={() => ask('reviewed')}>
                    Mark reviewed
                  </Button>
                  <Button size="xs" variant="default" disabled={!ready} onClick={() => ask('draft')}>
                    Reopen to draft
                  </Button>
                </>
              ) : null}
              {mayApprove ? (
                <>
                  <Button size="xs" color="green.9" disabled={!ready} onClick={() => ask('approved')}>
                    Approve
                  </Button>
                  <Button size="xs" color="red.9" variant="outline" disabled={!ready} onClick={() => ask('rejected')}>
                    Reject
                  </Button>
                </>
              ) : null}
            </Group>
          </Group>
        </Paper>
      ) : null}
      <ConfirmChangeDialog change={confirming} pending={review.isPending} onClose={() => setConfirming(null)} />
      <ErrorAlert error={entries.error} />
      <DataTable
        label="Crosswalk entries"
        columns={columns}
        rows={entries.data?.items ?? []}
        rowId={(e) => `${e.codeType}|${e.sourceCode}`}
        loading={entries.isPending}
        paging={{
          page,
          pageSize,
          total,
          onPage: setPage,
          onPageSize: (s) => {
            setPageSize(s);
            setPage(1);
          },
        }}
        empty="No entry matches"
      />
    </>
  );
}
