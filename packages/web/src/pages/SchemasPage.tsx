import {
  Badge,
  Button,
  Card,
  Code,
  Grid,
  Group,
  SegmentedControl,
  Select,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { type CatalogColumn, type CatalogSide, type CatalogTableSummary, catalogApi } from '../api/catalog-api';
import { profileApi } from '../api/profile-api';
import { runsApi } from '../api/runs-api';
import { DataTable } from '../components/DataTable';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { ProfileStatsTable } from '../components/ProfileStatsTable';
import { StatCard } from '../components/StatCard';
import { useProjectId } from '../hooks/useProjectContext';
import { useSession } from '../hooks/useSession';

const tableColumns: ColumnDef<CatalogTableSummary, unknown>[] = [
  { header: 'Table', accessorKey: 'name' },
  { header: 'Columns', accessorKey: 'columns', size: 70 },
  {
    header: 'Scope',
    id: 'scope',
    size: 90,
    cell: ({ row: { original: t } }) =>
      t.inScope ? (
        <Badge size="xs" color="green.9" variant="filled">
          in scope
        </Badge>
      ) : (
        <Badge size="xs" color="gray.7" variant="outline">
          out
        </Badge>
      ),
  },
];

const columnColumns: ColumnDef<CatalogColumn, unknown>[] = [
  {
    header: 'Column',
    id: 'name',
    cell: ({ row: { original: c } }) => (
      <Group gap={4} wrap="nowrap">
        <Text size="sm" fw={c.primaryKey ? 700 : 400}>
          {c.name}
        </Text>
        {c.primaryKey ? (
          <Badge size="xs" variant="outline">
            PK
          </Badge>
        ) : null}
      </Group>
    ),
  },
  { header: 'Type', id: 'type', accessorFn: (c) => `${c.dataType}${c.maxLength ? `(${c.maxLength})` : ''}` },
  { header: 'Null', id: 'nullable', accessorFn: (c) => (c.nullable ? 'yes' : 'no'), size: 50 },
  {
    header: 'References',
    id: 'references',
    cell: ({ row: { original: c } }) => (c.references ? <Code>{c.references}</Code> : null),
  },
  { header: 'Code type', id: 'codeType', accessorFn: (c) => c.codeType ?? '' },
  {
    header: 'Description',
    id: 'description',
    cell: ({ row: { original: c } }) => (
      <Text size="xs" lineClamp={2} maw={360}>
        {c.description}
      </Text>
    ),
  },
];

/** Schemas: the source and target catalogs of the project's pack, searchable, table by table. */
export function SchemasPage() {
  const projectId = useProjectId();
  const [side, setSide] = useState<CatalogSide>('source');
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [scope, setScope] = useState<string>('all');
  const [tablePage, setTablePage] = useState(1);
  const [table, setTable] = useState<string | null>(null);
  const [columnPage, setColumnPage] = useState(1);
  const tables = useQuery({
    queryKey: ['catalog', projectId, side, 'tables', debouncedQ, scope, tablePage],
    queryFn: () =>
      catalogApi.tables(projectId, side, {
        q: debouncedQ || undefined,
        inScope: scope === 'all' ? undefined : scope === 'in',
        page: tablePage,
        pageSize: 200,
      }),
    placeholderData: keepPreviousData,
  });
  const columns = useQuery({
    queryKey: ['catalog', projectId, side, 'columns', table, columnPage],
    queryFn: () => catalogApi.columns(projectId, side, { table: table!, page: columnPage, pageSize: 500 }),
    enabled: Boolean(table),
    placeholderData: keepPreviousData,
  });
  const catalog = tables.data?.catalog;
  const { can } = useSession();
  const mayProfile = side === 'source' && can('run.read') && can('evidence.download');
  const runs = useQuery({
    queryKey: ['runs', projectId, 1, 20],
    queryFn: () => runsApi.list(projectId, 1, 20),
    enabled: mayProfile,
  });
  const profiledRun = runs.data?.items.find((r) => r.status === 'succeeded') ?? null;
  const profile = useQuery({
    queryKey: ['run', profiledRun?.id, 'profile'],
    queryFn: () => profileApi.profile(profiledRun!.id),
    enabled: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const tableProfile = table ? profile.data?.get(table) : undefined;
  return (
    <>
      <PageHeader
        title="Schemas"
        description="Source and target tables and columns with types, keys, references and code types"
        actions={
          <SegmentedControl
            aria-label="Catalog"
            value={side}
            onChange={(v) => {
              setSide(v as CatalogSide);
              setTable(null);
              setTablePage(1);
            }}
            data={[
              { value: 'source', label: 'Source' },
              { value: 'target', label: 'Target' },
            ]}
          />
        }
      />
      {catalog ? (
        <Group grow mb="md" align="stretch">
          <StatCard label="Catalog" value={<Text fw={700}>{catalog.name}</Text>} />
          <StatCard
            label="Tables"
            value={catalog.tables.toLocaleString('en-GB')}
            hint={`${catalog.inScopeTables} in scope`}
          />
          <StatCard label="Fields" value={catalog.fields.toLocaleString('en-GB')} />
        </Group>
      ) : null}
      <ErrorAlert error={tables.error} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Group gap="xs" mb="xs" align="flex-end">
            <TextInput
              size="xs"
              label="Search tables and columns"
              placeholder="name or description"
              value={q}
              onChange={(e) => {
                setQ(e.currentTarget.value);
                setTablePage(1);
              }}
              style={{ flex: 1 }}
            />
            <Select
              size="xs"
              w={110}
              label="Scope"
              value={scope}
              onChange={(v) => {
                setScope(v ?? 'all');
                setTablePage(1);
              }}
              data={[
                { value: 'all', label: 'All' },
                { value: 'in', label: 'In scope' },
                { value: 'out', label: 'Out of scope' },
              ]}
              allowDeselect={false}
            />
          </Group>
          <DataTable
            label={`${side} tables`}
            columns={tableColumns}
            rows={tables.data?.items ?? []}
            rowId={(t) => t.name}
            onRowClick={(t) => {
              setTable(t.name);
              setColumnPage(1);
            }}
            paging={{ page: tablePage, pageSize: 200, total: tables.data?.total ?? 0, onPage: setTablePage }}
            height={600}
            empty="No table matches"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card withBorder>
            {table ? (
              <>
                <Title order={3} size="h5" mb="xs">
                  {table}
                </Title>
                <Tabs defaultValue="columns">
                  <Tabs.List mb="xs">
                    <Tabs.Tab value="columns">Columns</Tabs.Tab>
                    {mayProfile ? <Tabs.Tab value="profile">Profile statistics</Tabs.Tab> : null}
                  </Tabs.List>
                  <Tabs.Panel value="columns">
                    <ErrorAlert error={columns.error} />
                    <DataTable
                      label={`Columns of ${table}`}
                      columns={columnColumns}
                      rows={columns.data?.items ?? []}
                      rowId={(c) => `${c.table}.${c.name}`}
                      paging={{
                        page: columnPage,
                        pageSize: 500,
                        total: columns.data?.total ?? 0,
                        onPage: setColumnPage,
                      }}
                      height={600}
                    />
                  </Tabs.Panel>
                  {mayProfile ? (
                    <Tabs.Panel value="profile">
                      {!profiledRun ? (
                        <Text size="sm" c="dimmed">
                          No finished run has profiled the source yet.
                        </Text>
                      ) : !profile.data ? (
                        <Group>
                          <Text size="sm">
                            Statistics come from the profile of run {profiledRun.id.slice(0, 8)} (reading it is
                            audited).
                          </Text>
                          <Button size="xs" onClick={() => profile.refetch()} loading={profile.isFetching}>
                            Load profile statistics
                          </Button>
                        </Group>
                      ) : tableProfile ? (
                        <ProfileStatsTable profile={tableProfile} />
                      ) : (
                        <Text size="sm" c="dimmed">
                          {table} was not profiled (no rows in the source).
                        </Text>
                      )}
                      <ErrorAlert error={profile.error} />
                    </Tabs.Panel>
                  ) : null}
                </Tabs>
              </>
            ) : (
              <Text c="dimmed" size="sm">
                Choose a table to see its columns.
              </Text>
            )}
          </Card>
        </Grid.Col>
      </Grid>
    </>
  );
}
