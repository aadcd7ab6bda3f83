import { Badge, Button, Group, Pagination, Stack, Table, Text, Tooltip } from '@mantine/core';
import type { CodeSuggestion, UnmappedCode } from '../../api/crosswalk-api';
import { StatusBadge } from '../StatusBadge';

/**
 * Local codes with no approved mapping, most frequent first: count, where seen, label from the source lookups, the
 * draft or review status of an entry they have, and suggested national codes with confidence and reason. With
 * `onAccept`, each suggestion can be taken into the crosswalk as a draft entry (still to be reviewed and approved).
 */
export function UnmappedCodesTable({
  codes,
  total,
  page,
  pageSize,
  onPage,
  onAccept,
  accepting,
}: {
  codes: UnmappedCode[];
  total: number;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  onAccept?: (code: UnmappedCode, suggestion: CodeSuggestion) => void;
  accepting: boolean;
}) {
  if (!total)
    return (
      <Text size="sm" c="dimmed" mb="md">
        Every code seen has an approved mapping.
      </Text>
    );
  return (
    <Stack gap="xs" mb="md">
      <Table.ScrollContainer
        minWidth={760}
        // Scrolled sideways on a phone: the viewport takes keyboard focus.
        scrollAreaProps={{ viewportProps: { tabIndex: 0 } }}
      >
        <Table striped aria-label="Unmapped codes" verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Code type</Table.Th>
              <Table.Th>Local code</Table.Th>
              <Table.Th>Label in the source</Table.Th>
              <Table.Th ta="right">Count</Table.Th>
              <Table.Th>Seen in</Table.Th>
              <Table.Th>Entry</Table.Th>
              <Table.Th>Suggestions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {codes.map((u) => (
              <Table.Tr key={`${u.codeType}|${u.code}`} data-testid={`unmapped-${u.codeType}-${u.code}`}>
                <Table.Td>{u.codeType}</Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace" fw={700}>
                    {u.code}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {u.label ? (
                    <Text size="sm" title={u.labelFrom ? `from ${u.labelFrom}` : undefined}>
                      {u.label}
                    </Text>
                  ) : (
                    <Text size="xs" c="dimmed">
                      not in the source lookups
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">{u.count.toLocaleString('en-GB')}</Table.Td>
                <Table.Td>
                  <Text size="xs">{u.seenIn.map((s) => `${s.table}.${s.column} (${s.count})`).join(', ')}</Text>
                </Table.Td>
                <Table.Td>
                  {u.entryStatus ? <StatusBadge status={u.entryStatus} /> : <Text size="xs">none</Text>}
                </Table.Td>
                <Table.Td>
                  {u.suggestions.length ? (
                    <Stack gap={4}>
                      {u.suggestions.map((s) => (
                        <Group key={s.targetCode} gap={6} wrap="nowrap">
                          <Tooltip label={s.reason} multiline w={320}>
                            <Badge variant="light" color="ferry" size="sm" style={{ minWidth: 'max-content' }}>
                              {Math.round(s.score * 100)}%
                            </Badge>
                          </Tooltip>
                          <Stack gap={0}>
                            <Text size="sm">
                              <b>{s.targetCode}</b> {s.targetLabel}
                            </Text>
                            <Text size="xs" c="dimmed">
                              {s.reason}
                            </Text>
                          </Stack>
                          {onAccept ? (
                            <Button
                              size="compact-xs"
                              variant="light"
                              disabled={accepting || u.entryStatus === 'reviewed'}
                              onClick={() => onAccept(u, s)}
                              aria-label={`Accept ${s.targetCode} for ${u.codeType} ${u.code}`}
                            >
                              Accept
                            </Button>
                          ) : null}
                        </Group>
                      ))}
                    </Stack>
                  ) : (
                    <Text size="xs" c="dimmed">
                      none{u.label ? '' : ' (no label to compare)'}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {total > pageSize ? (
        <Pagination
          size="sm"
          value={page}
          total={Math.ceil(total / pageSize)}
          onChange={onPage}
          getControlProps={(control) => ({ 'aria-label': `${control} page of unmapped codes` })}
          getItemProps={(p) => ({ 'aria-label': `Unmapped codes page ${p}` })}
        />
      ) : null}
    </Stack>
  );
}
