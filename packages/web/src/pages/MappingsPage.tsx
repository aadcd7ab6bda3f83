import { Badge, Button, Code, FileButton, Group, Modal, Select, Tabs, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ColumnDef, RowSelectionState, SortingState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  type ConfidenceRange,
  type ContractFinding,
  type ContractRow,
  type ContractRowFilter,
  type ContractRowPatch,
  type ContractSort,
  contractApi,
  contractChangesApi,
  contractEditApi,
  type NewContractRow,
  type ReviewStatus,
  type RowSelection,
  reviewStatuses,
} from '../api/contract-api';
import { ConfirmChangeDialog, counted, type PendingChange } from '../components/ConfirmChangeDialog';
import { DataTable } from '../components/DataTable';
import { ErrorAlert } from '../components/ErrorAlert';
import { AddRowModal } from '../components/mappings/AddRowModal';
import { type BulkAction, BulkActionBar } from '../components/mappings/BulkActionBar';
import { ContractRowDrawer } from '../components/mappings/ContractRowDrawer';
import { ContractRowFilters } from '../components/mappings/ContractRowFilters';
import { ContractVersions } from '../components/mappings/ContractVersions';
import { ImportResult } from '../components/mappings/ImportResult';
import { PageHeader } from '../components/PageHeader';
import { StatusBadge } from '../components/StatusBadge';
import { useNotifyingMutation } from '../hooks/useNotifyingMutation';
import { useProjectId } from '../hooks/useProjectContext';
import { useSession } from '../hooks/useSession';

const rowKey = (r: { table: string; column: string }) => `${r.table}.${r.column}`;

const columns: ColumnDef<ContractRow, unknown>[] = [
  { id: 'table', header: 'Target table', accessorKey: 'table', enableSorting: true },
  { id: 'column', header: 'Target column', accessorKey: 'column', enableSorting: true },
  {
    id: 'source',
    header: 'Source',
    cell: ({ row: { original: r } }) =>
      r.constant !== null ? (
        <Text size="sm" c="dimmed">
          constant {r.constant}
        </Text>
      ) : (
        <Code>{r.source.length ? r.source.map((s) => `${r.sourceTable}.${s}`).join(', ') : '(none)'}</Code>
      ),
  },
  {
    id: 'confidence',
    header: 'Confidence',
    // Sorted on the server; the accessor only lets the table offer the sort button.
    accessorFn: (r) => r.confidence ?? -1,
    enableSorting: true,
    // Weakest (and unscored) first on the first click, as for every other column.
    sortDescFirst: false,
    size: 60,
    cell: ({ row: { original: r } }) => (
      <Text size="xs" ff="monospace" data-testid="row-confidence">
        {r.confidence === null ? '–' : r.confidence.toFixed(2)}
      </Text>
    ),
  },
  {
    id: 'confidenceReason',
    header: 'Reason',
    cell: ({ row: { original: r } }) => (
      <Text size="xs" lineClamp={2} miw={180} maw={260} title={r.confidenceReason ?? undefined}>
        {r.confidenceReason ?? ''}
      </Text>
    ),
  },
  {
    id: 'transform',
    header: 'Transform',
    cell: ({ row: { original: r } }) => <Text size="xs">{r.transform.join(' → ')}</Text>,
  },
  { id: 'crosswalk', header: 'Crosswalk', accessorFn: (r) => r.crosswalk ?? '' },
  {
    id: 'mandatory',
    header: 'Mand.',
    size: 40,
    cell: ({ row: { original: r } }) =>
      r.mandatory ? (
        <Text size="xs" fw={700} title="Mandatory">
          yes
        </Text>
      ) : null,
  },
  {
    id: 'status',
    header: 'Status',
    enableSorting: true,
    cell: ({ row: { original: r } }) => <StatusBadge status={r.status} />,
  },
  { id: 'domain', header: 'Domain', accessorKey: 'domain', enableSorting: true },
  { id: 'owner', header: 'Owner', accessorFn: (r) => r.owner ?? '', enableSorting: true },
  {
    id: 'reviewedAt',
    header: 'Reviewed',
    enableSorting: true,
    accessorFn: (r) => (r.reviewer ? `${r.reviewer}` : ''),
  },
  {
    id: 'notes',
    header: 'Notes',
    cell: ({ row: { original: r } }) => (
      <Text size="xs" lineClamp={1} maw={220} title={r.notes ?? undefined}>
        {r.notes ?? ''}
      </Text>
    ),
  },
];

/** The statuses a `?status=` parameter names (unknown ones left out). */
function statusFilterOf(param: string | null): ContractRowFilter {
  const status = (param ?? '')
    .split(',')
    .filter((s): s is ReviewStatus => (reviewStatuses as readonly string[]).includes(s));
  return status.length ? { status } : {};
}

/** The confidence bands the workbench lists (the map stage's scores of each row's source column). */
const confidenceBands = {
  any: { label: 'Any confidence', range: {} },
  weak: { label: 'Weak: below 0.50', range: { max: 0.4999 } },
  fair: { label: 'Fair: 0.50 to 0.79', range: { min: 0.5, max: 0.7999 } },
  strong: { label: 'Strong: 0.80 and above', range: { min: 0.8 } },
} satisfies Record<string, { label: string; range: ConfidenceRange }>;
type ConfidenceBand = keyof typeof confidenceBands;

const bulkActions: Record<BulkAction, { verb: string; done: string; danger: boolean }> = {
  reviewed: { verb: 'Mark reviewed', done: 'marked reviewed', danger: false },
  draft: { verb: 'Reopen to draft', done: 'reopened to draft', danger: true },
  approved: { verb: 'Approve', done: 'approved', danger: false },
  rejected: { verb: 'Reject', done: 'rejected', danger: true },
};

function Workbench({ projectId }: { projectId: string }) {
  const { can } = useSession();
  const canEdit = can('contract.edit');
  const canApprove = can('contract.approve');
  // A link may open the workbench on some statuses (the dashboard's tiles: ?status=draft,reviewed).
  const [searchParams] = useSearchParams();
  const [filter, setFilter] = useState<ContractRowFilter>(() => statusFilterOf(searchParams.get('status')));
  const [band, setBand] = useState<ConfidenceBand>('any');
  const [debouncedFilter] = useDebouncedValue(filter, 300);
  const [sorting, setSorting] = useState<SortingState>([]);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(100);
  const [selected, setSelected] = useState<RowSelectionState>({});
  const [scope, setScope] = useState<'selected' | 'filter'>('selected');
  const [open, setOpen] = useState<ContractRow | null>(null);

  const summary = useQuery({
    queryKey: ['contract', projectId, 'summary'],
    queryFn: () => contractApi.summary(projectId),
  });
  const sort = (sorting[0]?.id as ContractSort | undefined) ?? 'contract';
  const order = sorting[0]?.desc ? 'desc' : 'asc';
  const rows = useQuery({
    queryKey: ['contract', projectId, 'rows', debouncedFilter, sort, order, page, pageSize, band],
    queryFn: () =>
      contractApi.rows(projectId, debouncedFilter, sort, order, page, pageSize, confidenceBands[band].range),
    placeholderData: keepPreviousData,
  });
  const selectedRows = Object.keys(selected).filter((k) => selected[k]);
  const selection: RowSelection | null = useMemo(() => {
    if (scope === 'filter') return { filter: debouncedFilter };
    if (!selectedRows.length) return null;
    return {
      rows: selectedRows.map((k) => {
        const dot = k.indexOf('.');
        return { table: k.slice(0, dot), column: k.slice(dot + 1) };
      }),
    };
  }, [scope, debouncedFilter, selectedRows]);

  const invalidate = [['contract', projectId]];
  const [confirming, setConfirming] = useState<PendingChange | null>(null);
  const bulk = useNotifyingMutation(
    async (action: BulkAction) => {
      if (!selection) throw new Error('Nothing is selected');
      const done =
        action === 'reviewed' || action === 'draft'
          ? await contractChangesApi.review(projectId, selection, action)
          : await contractChangesApi.decide(projectId, selection, action);
      setConfirming(null);
      return done;
    },
    {
      success: (r, action) =>
        `${r.changed} row(s) ${action}${r.unchanged ? `, ${r.unchanged} already were` : ''}; version ${r.hash.slice(0, 12)}`,
      invalidate,
    },
  );
  const setOwner = useNotifyingMutation(
    (owner: string) => contractChangesApi.edit(projectId, debouncedFilter, { owner }),
    {
      success: (r) => `Owner set on ${r.changed} row(s)`,
      invalidate,
    },
  );
  const [findings, setFindings] = useState<ContractFinding[]>([]);
  const [adding, setAdding] = useState(false);
  const [newLabel, setNewLabel] = useState<string | null>(null);
  const editRow = useNotifyingMutation(
    ({ row, patch }: { row: ContractRow; patch: ContractRowPatch }) => contractEditApi.editRow(projectId, row, patch),
    {
      success: (r) =>
        `Saved as version ${r.hash.slice(0, 12)}${r.reopened ? '; the row is a draft again and needs a new review' : ''}`,
      invalidate,
    },
  );
  const removeRow = useNotifyingMutation((row: ContractRow) => contractEditApi.removeRow(projectId, row), {
    success: (r) => `Row removed; version ${r.hash.slice(0, 12)}`,
    invalidate,
  });
  const addRow = useNotifyingMutation((row: NewContractRow) => contractEditApi.addRow(projectId, row), {
    success: (r) => `Row ${r.row?.table}.${r.row?.column} added as a draft; version ${r.hash.slice(0, 12)}`,
    invalidate,
  });
  const importCsv = useNotifyingMutation((file: File) => contractEditApi.importCsv(projectId, file, file.name), {
    success: (r) =>
      r.hash === r.previousHash
        ? 'The file has the content of the current version'
        : `Imported as version ${r.hash.slice(0, 12)}`,
    invalidate,
  });
  const newDraft = useNotifyingMutation((label: string) => contractEditApi.newDraft(projectId, label), {
    success: (r) => `New version ${r.hash.slice(0, 12)} started from the locked one`,
    invalidate,
  });
  const openRow = (row: ContractRow | null) => {
    setOpen(row);
    setFindings([]);
    editRow.reset();
    removeRow.reset();
  };
  const lock = useNotifyingMutation(
    async () => {
      const done = await contractChangesApi.lock(projectId);
      setConfirming(null);
      return done;
    },
    {
      success: 'Contract version locked',
      invalidate,
    },
  );
  const s = summary.data;
  const locked = Boolean(s?.locked);
  /** Asks before a bulk change, naming the count and the rows (the ticked ones, or the first matching ones). */
  const askBulk = (action: BulkAction) => {
    const total = scope === 'filter' ? (rows.data?.total ?? 0) : selectedRows.length;
    const items = scope === 'filter' ? (rows.data?.items ?? []).slice(0, 10).map(rowKey) : selectedRows.slice(0, 10);
    const a = bulkActions[action];
    setConfirming({
      title: `${a.verb} ${counted(total, 'row', 'rows')}?`,
      summary:
        scope === 'filter'
          ? `Every row matching the filter is ${a.done}; a new contract version is saved.`
          : `The ticked rows are ${a.done}; a new contract version is saved.`,
      items,
      total,
      confirmLabel: `${a.verb}: ${counted(total, 'row', 'rows')}`,
      danger: a.danger,
      onConfirm: () => bulk.mutate(action, { onSuccess: () => setSelected({}), onSettled: () => setConfirming(null) }),
    });
  };
  const askLock = () =>
    setConfirming({
      title: `Lock version ${s?.versionSeq ?? ''}?`,
      summary: `Version ${s?.versionSeq ?? ''} (${s?.hash.slice(0, 12) ?? ''}) with ${counted(s?.rows ?? 0, 'row', 'rows')} in ${counted(s?.tables ?? 0, 'table', 'tables')} is locked: none of its rows can change any more; changes need a new version.`,
      items: [],
      total: 0,
      confirmLabel: `Lock version ${s?.versionSeq ?? ''}`,
      danger: true,
      onConfirm: () => lock.mutate(undefined, { onSettled: () => setConfirming(null) }),
    });

  return (
    <>
      <PageHeader
        title="Mappings"
        description={
          s
            ? `${s.name} · version ${s.versionSeq} (${s.hash.slice(0, 12)}) · ${s.rows.toLocaleString('en-GB')} target fields in ${s.tables} tables`
            : 'The mapping contract: one row per target field'
        }
        actions={
          <>
            {locked ? <Badge color="grape.8">locked</Badge> : null}
            <Button component="a" href={contractApi.csvUrl(projectId)} download variant="default" size="sm">
              Download CSV
            </Button>
            {canEdit && s ? (
              <FileButton
                onChange={(file) => file && importCsv.mutate(file)}
                accept=".csv,text/csv"
                disabled={importCsv.isPending}
              >
                {(props) => (
                  <Button {...props} variant="default" size="sm" loading={importCsv.isPending}>
                    Import CSV
                  </Button>
                )}
              </FileButton>
            ) : null}
            {canEdit && s && !locked ? (
              <Button variant="default" size="sm" onClick={() => setAdding(true)}>
                Add row
              </Button>
            ) : null}
            {canEdit && s && locked ? (
              <Button variant="default" size="sm" onClick={() => setNewLabel('')}>
                Start a new version
              </Button>
            ) : null}
            {canApprove && s && !locked ? (
              <Button size="sm" color="grape.8" onClick={askLock} loading={lock.isPending}>
                Lock version
              </Button>
            ) : null}
          </>
        }
      />
      <ErrorAlert error={summary.error} />
      <ImportResult outcome={importCsv.data} error={importCsv.error} />
      <ContractRowFilters
        value={filter}
        onChange={(f) => {
          setFilter(f);
          setPage(1);
          // "All N matching" was for the old filter: the new one is not selected until someone says so.
          setScope('selected');
        }}
      />
      <Select
        size="xs"
        label="Confidence"
        w={260}
        data={Object.entries(confidenceBands).map(([value, b]) => ({ value, label: b.label }))}
        value={band}
        onChange={(v) => {
          setBand((v ?? 'any') as ConfidenceBand);
          setPage(1);
          setScope('selected');
        }}
        allowDeselect={false}
      />
      <BulkActionBar
        matchingUnavailable={
          band === 'any' ? undefined : 'Tick rows to act on them: "all matching" ignores the confidence band.'
        }
        selectedCount={selectedRows.length}
        matchingCount={rows.data?.total ?? 0}
        selection={selection}
        scope={scope}
        onScope={setScope}
        canEdit={canEdit}
        canApprove={canApprove}
        locked={locked}
        busy={bulk.isPending || setOwner.isPending}
        onAction={askBulk}
        onOwner={(o) => setOwner.mutate(o)}
      />
      <ConfirmChangeDialog
        change={confirming}
        pending={bulk.isPending || lock.isPending}
        onClose={() => setConfirming(null)}
      />
      <ErrorAlert error={rows.error} />
      <DataTable
        label="Contract rows"
        columns={columns}
        rows={rows.data?.items ?? []}
        rowId={rowKey}
        loading={rows.isPending}
        sorting={sorting}
        onSortingChange={(s) => {
          setSorting(s);
          setPage(1);
        }}
        selection={canEdit || canApprove ? selected : undefined}
        onSelectionChange={canEdit || canApprove ? setSelected : undefined}
        onRowClick={openRow}
        paging={{
          page,
          pageSize,
          total: rows.data?.total ?? 0,
          onPage: setPage,
          onPageSize: (size) => {
            setPageSize(size);
            setPage(1);
          },
        }}
        empty="No row matches the filter"
      />
      <ContractRowDrawer
        projectId={projectId}
        row={open}
        onClose={() => openRow(null)}
        canEdit={canEdit}
        locked={locked}
        busy={editRow.isPending || removeRow.isPending}
        error={editRow.error ?? removeRow.error}
        findings={findings}
        onSave={(row, patch) =>
          editRow.mutate(
            { row, patch },
            {
              onSuccess: (r) => {
                if (r.row) setOpen(r.row);
                setFindings(r.findings);
              },
            },
          )
        }
        onRemove={(row) => removeRow.mutate(row, { onSuccess: () => openRow(null) })}
      />
      <AddRowModal
        projectId={projectId}
        opened={adding}
        tables={s?.targetTables ?? []}
        busy={addRow.isPending}
        error={addRow.error}
        onClose={() => {
          setAdding(false);
          addRow.reset();
        }}
        onAdd={(row) =>
          addRow.mutate(row, {
            onSuccess: (r) => {
              setAdding(false);
              if (r.row) {
                setOpen(r.row);
                setFindings(r.findings);
              }
            },
          })
        }
      />
      <Modal
        opened={newLabel !== null}
        onClose={() => setNewLabel(null)}
        title="Start a new version from the locked one"
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        <Text size="sm" mb="sm">
          The locked version stays as it is and keeps its label {s?.label}. The new version is a copy, unlocked, under a
          new label; its rows keep their reviews until they change.
        </Text>
        <TextInput
          label="New label"
          placeholder="e.g. 1.1.0"
          value={newLabel ?? ''}
          onChange={(e) => setNewLabel(e.currentTarget.value)}
        />
        <ErrorAlert error={newDraft.error} title="No new version" />
        <Group justify="flex-end" mt="md">
          <Button
            loading={newDraft.isPending}
            disabled={!newLabel?.trim()}
            onClick={() => newDraft.mutate(newLabel!.trim(), { onSuccess: () => setNewLabel(null) })}
          >
            Start the new version
          </Button>
        </Group>
      </Modal>
    </>
  );
}

/**
 * Mappings: the contract workbench (filters, server paging and sort, bulk review and approval, row editing with the
 * source column's profile, add and remove rows, CSV export and import, lock, new version from a locked one) and its
 * history.
 */
export function MappingsPage() {
  const projectId = useProjectId();
  return (
    <Tabs defaultValue="rows" keepMounted={false}>
      <Tabs.List mb="sm">
        <Tabs.Tab value="rows">Rows</Tabs.Tab>
        <Tabs.Tab value="versions">Versions and diff</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="rows">
        <Workbench projectId={projectId} />
      </Tabs.Panel>
      <Tabs.Panel value="versions">
        <ContractVersions projectId={projectId} />
      </Tabs.Panel>
    </Tabs>
  );
}
