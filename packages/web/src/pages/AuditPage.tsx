import { Alert, Anchor, Button, Code, Group, Modal, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { type AuditEvent, type AuditFilter, adminApi } from '../api/admin-api';
import { AuditEventDetail } from '../components/audit/AuditEventDetail';
import { parseUkDate } from '../components/audit/uk-date';
import { DataTable } from '../components/DataTable';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { RequireOrganisation } from '../components/RequireOrganisation';

const columns: ColumnDef<AuditEvent, unknown>[] = [
  { header: '#', accessorKey: 'seq', size: 60 },
  { header: 'When', accessorFn: (e) => new Date(e.occurredAt).toLocaleString('en-GB'), id: 'occurredAt' },
  { header: 'Actor', accessorKey: 'actor' },
  { header: 'Action', accessorKey: 'action', cell: (c) => <Code>{String(c.getValue())}</Code> },
  {
    header: 'Target',
    id: 'target',
    accessorFn: (e) => `${e.targetType}${e.targetId ? ` ${e.targetId.slice(0, 8)}` : ''}`,
  },
  { header: 'Source', accessorKey: 'sourceIp' },
  { header: 'Hash', id: 'hash', accessorFn: (e) => e.hash.slice(0, 12) },
];

/** The instant a dd/mm/yyyy bound means, when it reads as one. */
function isoOf(value: string, endOfDay: boolean): string | undefined {
  const parsed = parseUkDate(value, endOfDay);
  return parsed && 'iso' in parsed ? parsed.iso : undefined;
}

/** What is wrong with a dd/mm/yyyy bound, if anything. */
function dateError(value: string): string | undefined {
  const parsed = parseUkDate(value);
  return parsed && 'error' in parsed ? parsed.error : undefined;
}

function Explorer({ orgId }: { orgId: string }) {
  const [form, setForm] = useState({
    action: '',
    actor: '',
    targetType: '',
    targetId: '',
    requestId: '',
    from: '',
    to: '',
  });
  const [debounced] = useDebouncedValue(form, 300);
  const filter: AuditFilter = useMemo(
    () => ({
      action: debounced.action || undefined,
      actor: debounced.actor || undefined,
      targetType: debounced.targetType || undefined,
      targetId: debounced.targetId || undefined,
      requestId: debounced.requestId || undefined,
      from: isoOf(debounced.from, false),
      to: isoOf(debounced.to, true),
    }),
    [debounced],
  );
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(100);
  const [open, setOpen] = useState<AuditEvent | null>(null);
  const events = useQuery({
    queryKey: ['audit', orgId, filter, page, pageSize],
    queryFn: () => adminApi.audit(orgId, filter, page, pageSize),
    placeholderData: keepPreviousData,
  });
  const actions = useQuery({
    queryKey: ['audit-actions', orgId],
    queryFn: () => adminApi.auditActions(orgId),
  });
  const verify = useQuery({
    queryKey: ['audit-verify', orgId],
    queryFn: () => adminApi.verifyAudit(orgId),
    enabled: false,
  });
  const set = (key: keyof typeof form) => (e: { currentTarget: { value: string } }) => {
    setForm({ ...form, [key]: e.currentTarget.value });
    setPage(1);
  };
  return (
    <>
      <PageHeader
        title="Audit trail"
        description="Every change and every download, append-only and hash-chained"
        actions={
          <>
            <Button variant="default" onClick={() => verify.refetch()} loading={verify.isFetching}>
              Verify chain
            </Button>
            <Button component="a" href={adminApi.auditExportUrl(orgId, filter, 'csv')} download variant="light">
              Export CSV
            </Button>
            <Button component="a" href={adminApi.auditExportUrl(orgId, filter, 'json')} download variant="light">
              Export JSON
            </Button>
          </>
        }
      />
      {verify.data ? (
        <Alert
          color={verify.data.ok ? 'green' : 'red'}
          title={verify.data.ok ? 'The chain is intact' : 'The chain was changed'}
          mb="sm"
          role="status"
        >
          {verify.data.chains.map((c) => `${c.events} events, head ${c.headHash.slice(0, 12)}`).join('; ')}
          {verify.data.findings.map((f) => (
            <Text key={`${f.chain}-${f.seq}`} size="sm">
              #{f.seq}: {f.message}
            </Text>
          ))}
        </Alert>
      ) : null}
      <ErrorAlert error={verify.error} />
      <SimpleGrid cols={{ base: 2, md: 4, lg: 7 }} mb="sm">
        <Select
          size="xs"
          label="Action"
          placeholder="Any action"
          searchable
          clearable
          nothingFoundMessage="No such action in this trail"
          data={(actions.data?.actions ?? []).map((a) => ({
            value: a.action,
            label: `${a.action} (${a.events.toLocaleString('en-GB')})`,
          }))}
          value={form.action || null}
          onChange={(v) => {
            setForm({ ...form, action: v ?? '' });
            setPage(1);
          }}
        />
        <TextInput size="xs" label="Actor" placeholder="email" value={form.actor} onChange={set('actor')} />
        <TextInput size="xs" label="Target type" value={form.targetType} onChange={set('targetType')} />
        <TextInput size="xs" label="Target id" value={form.targetId} onChange={set('targetId')} />
        <TextInput size="xs" label="Request id" value={form.requestId} onChange={set('requestId')} />
        <TextInput
          size="xs"
          label="From"
          placeholder="dd/mm/yyyy"
          value={form.from}
          onChange={set('from')}
          error={dateError(form.from)}
        />
        <TextInput
          size="xs"
          label="To"
          description="to the end of that day"
          placeholder="dd/mm/yyyy"
          value={form.to}
          onChange={set('to')}
          error={dateError(form.to)}
        />
      </SimpleGrid>
      <ErrorAlert error={events.error} />
      <DataTable
        label="Audit events"
        columns={columns}
        rows={events.data?.items ?? []}
        rowId={(e) => String(e.seq)}
        loading={events.isPending}
        onRowClick={setOpen}
        paging={{
          page,
          pageSize,
          total: events.data?.total ?? 0,
          onPage: setPage,
          onPageSize: (s) => {
            setPageSize(s);
            setPage(1);
          },
        }}
        empty="No event matches"
      />
      <Modal
        closeButtonProps={{ 'aria-label': 'Close' }}
        opened={Boolean(open)}
        onClose={() => setOpen(null)}
        title={`Audit event #${open?.seq ?? ''}`}
        size="lg"
      >
        {open ? <AuditEventDetail event={open} /> : null}
        <Group justify="flex-end" mt="sm">
          <Anchor size="sm" onClick={() => setOpen(null)} component="button">
            Close
          </Anchor>
        </Group>
      </Modal>
    </>
  );
}

/**
 * The audit explorer: filters (an action picked from those the trail holds, dd/mm/yyyy dates), server paging, each
 * event's detail as labelled lines, chain verification, CSV and JSON export.
 */
export function AuditPage() {
  return <RequireOrganisation>{(orgId) => <Explorer orgId={orgId} />}</RequireOrganisation>;
}
