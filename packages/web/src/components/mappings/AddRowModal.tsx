import { Button, Group, Modal, MultiSelect, Select, Stack, TagsInput, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { catalogApi } from '../../api/catalog-api';
import { contractApi, type NewContractRow } from '../../api/contract-api';
import { ErrorAlert } from '../ErrorAlert';
import { useSourceColumnOptions, useTransformSteps } from './ContractRowEditor';

/**
 * Adds a row to a table of the contract: a target column of the target catalog that the table has no row for yet,
 * filled from source columns of the table's source (picked from the source catalog) or with a constant, with its
 * transform steps. The new row is a draft, placed after the chosen row (default: at the end of the table).
 */
export function AddRowModal({
  projectId,
  opened,
  tables,
  busy,
  error,
  onClose,
  onAdd,
}: {
  projectId: string;
  opened: boolean;
  tables: { target: string; source: string }[];
  busy: boolean;
  error: unknown;
  onClose: () => void;
  onAdd: (row: NewContractRow) => void;
}) {
  const [table, setTable] = useState<string | null>(null);
  const [column, setColumn] = useState<string | null>(null);
  const [after, setAfter] = useState<string | null>(null);
  const [source, setSource] = useState<string[]>([]);
  const [constant, setConstant] = useState('');
  const [transform, setTransform] = useState<string[]>([]);
  useEffect(() => {
    if (!opened) return;
    setTable(null);
    setColumn(null);
    setAfter(null);
    setSource([]);
    setConstant('');
    setTransform([]);
  }, [opened]);
  const sourceTable = tables.find((t) => t.target === table)?.source ?? '';
  const targetColumns = useQuery({
    queryKey: ['catalog', projectId, 'target', 'columns', table, 'all'],
    queryFn: () => catalogApi.columns(projectId, 'target', { table: table!, page: 1, pageSize: 500 }),
    enabled: Boolean(table),
  });
  const existing = useQuery({
    queryKey: ['contract', projectId, 'rows', 'of-table', table],
    queryFn: () => contractApi.rows(projectId, { table: table! }, 'contract', 'asc', 1, 500),
    enabled: Boolean(table),
  });
  const rowsOfTable = useMemo(
    () => (existing.data?.items ?? []).filter((r) => r.table === table).map((r) => r.column),
    [existing.data, table],
  );
  const free = (targetColumns.data?.items ?? [])
    .filter((c) => c.table === table && !rowsOfTable.includes(c.name))
    .map((c) => ({ value: c.name, label: `${c.name} (${c.dataType}${c.nullable ? '' : ', required'})` }));
  const sourceOptions = useSourceColumnOptions(projectId, sourceTable, []);
  const steps = useTransformSteps();
  const ready = Boolean(table && column) && !(source.length > 0 && constant !== '');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Add a contract row"
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <Stack gap="sm">
        <Select
          label="Target table"
          data={tables.map((t) => ({ value: t.target, label: `${t.target} (from ${t.source})` }))}
          value={table}
          onChange={(v) => {
            setTable(v);
            setColumn(null);
            setAfter(null);
            setSource([]);
          }}
          searchable
        />
        <Select
          label="Target column"
          description="Columns of the target catalog this table has no row for"
          data={free}
          value={column}
          onChange={setColumn}
          searchable
          disabled={!table}
          nothingFoundMessage={table ? 'Every target column of this table has a row' : undefined}
        />
        <Select
          label="Place after"
          description="Default: at the end of the table"
          data={rowsOfTable}
          value={after}
          onChange={setAfter}
          clearable
          disabled={!table}
        />
        <MultiSelect
          label={sourceTable ? `Source column(s) of ${sourceTable}` : 'Source column(s)'}
          data={sourceOptions}
          value={source}
          onChange={setSource}
          searchable
          clearable
          disabled={!table || constant !== ''}
        />
        <TextInput
          label="Or a constant"
          value={constant}
          onChange={(e) => setConstant(e.currentTarget.value)}
          disabled={source.length > 0}
        />
        <TagsInput
          label="Transform steps"
          description="Applied in order"
          data={steps}
          value={transform}
          onChange={setTransform}
          allowDuplicates
          clearable
        />
        <ErrorAlert error={error} title="The row was not added" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            loading={busy}
            disabled={!ready}
            onClick={() =>
              onAdd({
                table: table!,
                column: column!,
                ...(after ? { after } : {}),
                ...(source.length ? { source } : {}),
                ...(constant !== '' ? { constant } : {}),
                ...(transform.length ? { transform } : {}),
              })
            }
          >
            Add the row
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
