import { Alert, Button, Group, Paper, Select, SimpleGrid, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { ApiError } from '../api/api-error';
import type { ReviewStatus } from '../api/contract-api';
import { type CrosswalkEntry, type CrosswalkFilter, crosswalkApi } from '../api/crosswalk-api';
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

/**
 * Crosswalks: coverage of the latest run's extract per code type, unmapped codes with counts and suggestions (accept
 * one as a draft entry, or draft all), and the entries (local codes to national codes) filtered, paged and reviewed
 * in bulk by filter; whoever drafted or reviewed an entry does not approve it.
 */
export function CrosswalksPage() {
  const projectId = useProjectId();
  const { can } = useSession();
  const mayEdit = can('crosswalk.edit');
  const [form, setForm] = useState<CrosswalkFilter>({});
  const [debounced] = useDebouncedValue(form, 300);
  const filter = useMemo(() => debounced, [debounced]);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(100);
  const entries = useQuery({
    queryKey: ['crosswalks', projectId, filter, page, pageSize],
    queryFn: () => crosswalkApi.entries(projectId, filter, page, pageSize),
    placeholderData: keepPreviousData,
  });
  const review = useNotifyingMutation((status: ReviewStatus) => crosswalkApi.review(projectId, filter, status), {
    success: (r, status) =>
      `${r.changed} entr${r.changed === 1 ? 'y' : 'ies'} ${status}; crosswalk version ${r.hash.slice(0, 12)}`,
    invalidate: [['crosswalks', projectId]],
  });
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
  };
  const total = entries.data?.total ?? 0;
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
      {mayEdit ? (
        <Paper withBorder p="xs" my="sm" bg="gray.0">
          <Group justify="space-between">
            <Text size="sm">Apply to all {total.toLocaleString('en-GB')} matching entries</Text>
            <Group gap={6}>
              <Button
                size="xs"
                variant="light"
                disabled={!total || review.isPending}
                onClick={() => review.mutate('reviewed')}
              >
                Mark reviewed
              </Button>
              <Button
                size="xs"
                variant="default"
                disabled={!total || review.isPending}
                onClick={() => review.mutate('draft')}
              >
                Reopen to draft
              </Button>
              <Button
                size="xs"
                color="green.9"
                disabled={!total || review.isPending}
                onClick={() => review.mutate('approved')}
              >
                Approve
              </Button>
              <Button
                size="xs"
                color="red.9"
                variant="outline"
                disabled={!total || review.isPending}
                onClick={() => review.mutate('rejected')}
              >
                Reject
              </Button>
            </Group>
          </Group>
        </Paper>
      ) : null}
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
      <Title order={3} mb="xs" mt="lg">
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
    </>
  );
}
