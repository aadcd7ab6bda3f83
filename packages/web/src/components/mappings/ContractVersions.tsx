import { Alert, Badge, Button, Code, Group, Radio, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { contractChangesApi } from '../../api/contract-api';
import { ErrorAlert } from '../ErrorAlert';

const show = (v: unknown) => (v === null || v === undefined ? '∅' : typeof v === 'string' ? v : JSON.stringify(v));

/** The contract's version history (newest first) and the diff between any two versions. */
export function ContractVersions({ projectId }: { projectId: string }) {
  const versions = useQuery({
    queryKey: ['contract', projectId, 'versions'],
    queryFn: () => contractChangesApi.versions(projectId),
  });
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const diff = useQuery({
    queryKey: ['contract', projectId, 'diff', from, to],
    queryFn: () => contractChangesApi.diff(projectId, from!, to ?? undefined),
    enabled: Boolean(from),
  });
  const list = versions.data ?? [];
  return (
    <Stack>
      <ErrorAlert error={versions.error} />
      <Table aria-label="Contract versions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>From</Table.Th>
            <Table.Th>To</Table.Th>
            <Table.Th>Version</Table.Th>
            <Table.Th>Hash</Table.Th>
            <Table.Th>Change</Table.Th>
            <Table.Th>Rows</Table.Th>
            <Table.Th>Saved</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.map((v) => (
            <Table.Tr key={v.hash}>
              <Table.Td>
                <Radio
                  aria-label={`Diff from version ${v.seq}`}
                  checked={from === v.hash}
                  onChange={() => setFrom(v.hash)}
                />
              </Table.Td>
              <Table.Td>
                <Radio aria-label={`Diff to version ${v.seq}`} checked={to === v.hash} onChange={() => setTo(v.hash)} />
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  v{v.seq}
                  {v.locked ? (
                    <Badge size="xs" color="grape.8">
                      locked
                    </Badge>
                  ) : null}
                </Group>
              </Table.Td>
              <Table.Td>
                <Code>{v.hash.slice(0, 12)}</Code>
              </Table.Td>
              <Table.Td>{v.message ?? v.label}</Table.Td>
              <Table.Td>{v.rowsChanged}</Table.Td>
              <Table.Td>
                {new Date(v.savedAt).toLocaleString('en-GB')} by {v.savedBy}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Text size="sm" c="dimmed">
          Pick a "from" version (and optionally a "to"; the current version otherwise) to see what changed.
        </Text>
        {from ? (
          <Button
            size="xs"
            variant="subtle"
            onClick={() => {
              setFrom(null);
              setTo(null);
            }}
          >
            Clear
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={diff.error} />
      {diff.data ? (
        <Stack gap="xs" aria-live="polite">
          <Title order={3} size="h5">
            {diff.data.from.slice(0, 12)} → {diff.data.to.slice(0, 12)}
          </Title>
          <Text size="sm">
            {diff.data.diff.counts.rowsChanged} rows changed, {diff.data.diff.counts.rowsAdded} added,{' '}
            {diff.data.diff.counts.rowsRemoved} removed; {diff.data.diff.counts.tablesChanged} tables changed
          </Text>
          {diff.data.diff.rows.changed.length === 0 && diff.data.diff.contract.length === 0 ? (
            <Alert color="gray">No differences.</Alert>
          ) : null}
          {diff.data.diff.contract.length ? (
            <Text size="sm">
              Contract:{' '}
              {diff.data.diff.contract.map((c) => `${c.attribute} ${show(c.before)} → ${show(c.after)}`).join('; ')}
            </Text>
          ) : null}
          <Table aria-label="Changed rows">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Row</Table.Th>
                <Table.Th>Attribute</Table.Th>
                <Table.Th>Before</Table.Th>
                <Table.Th>After</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {diff.data.diff.rows.changed.slice(0, 500).flatMap((r) =>
                r.changes.map((c, i) => (
                  <Table.Tr key={`${r.table}.${r.column}.${c.attribute}`}>
                    <Table.Td>{i === 0 ? `${r.table}.${r.column}` : ''}</Table.Td>
                    <Table.Td>{c.attribute}</Table.Td>
                    <Table.Td c="red.9">{show(c.before)}</Table.Td>
                    <Table.Td c="green.9">{show(c.after)}</Table.Td>
                  </Table.Tr>
                )),
              )}
            </Table.Tbody>
          </Table>
          {diff.data.diff.rows.changed.length > 500 ? (
            <Text size="sm">The first 500 changed rows are shown.</Text>
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}
