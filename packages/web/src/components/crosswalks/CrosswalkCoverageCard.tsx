import { Anchor, Card, Group, Progress, SimpleGrid, Table, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import type { CrosswalkCoverage } from '../../api/crosswalk-api';
import { StatCard } from '../StatCard';

const pct = (x: number) => `${(Math.floor(x * 1000) / 10).toFixed(1)}%`;
const colourOf = (x: number) => (x >= 0.999 ? 'green.9' : x >= 0.95 ? 'yellow.8' : 'red.9');

/**
 * Crosswalk coverage of a run's extract: totals, then per crosswalk the codes seen and mapped, values covered and
 * unmapped codes. Choosing a code type shows its unmapped codes.
 */
export function CrosswalkCoverageCard({
  coverage,
  projectId,
  selected,
  onSelect,
}: {
  coverage: CrosswalkCoverage;
  projectId: string;
  selected: string | null;
  onSelect: (codeType: string | null) => void;
}) {
  const t = coverage.totals;
  const share = t.values ? t.mappedValues / t.values : 1;
  return (
    <Card withBorder mb="md" padding="sm" data-testid="crosswalk-coverage">
      <Text size="sm" mb="xs">
        Measured on the source extract of{' '}
        <Anchor component={Link} to={`/projects/${projectId}/runs/${coverage.runId}`}>
          run {coverage.runId.slice(0, 8)}
        </Anchor>{' '}
        with crosswalk version {coverage.crosswalkHash.slice(0, 12)}; only approved entries count as mapped.
      </Text>
      <SimpleGrid cols={{ base: 2, md: 4 }} mb="sm">
        <StatCard
          label="Coded values mapped"
          value={pct(share)}
          color={colourOf(share)}
          hint={`${t.mappedValues.toLocaleString('en-GB')} of ${t.values.toLocaleString('en-GB')}`}
        />
        <StatCard
          label="Unmapped codes"
          value={t.unmappedCodes}
          hint={`${t.unmappedValues.toLocaleString('en-GB')} values`}
        />
        <StatCard label="Crosswalks" value={t.codeTypes} />
        <StatCard label="Invalid before lookup" value={t.invalidValues} hint={`${t.outOfScopeValues} out of scope`} />
      </SimpleGrid>
      <Table.ScrollContainer
        minWidth={640}
        // Scrolled sideways on a phone: the viewport takes keyboard focus.
        scrollAreaProps={{ viewportProps: { tabIndex: 0 } }}
      >
        <Table striped highlightOnHover aria-label="Coverage per crosswalk" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Code type</Table.Th>
              <Table.Th>Source columns</Table.Th>
              <Table.Th>Codes mapped</Table.Th>
              <Table.Th w={220}>Values mapped</Table.Th>
              <Table.Th>Unmapped codes</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {coverage.codeTypes.map((c) => (
              <Table.Tr key={c.codeType} bg={selected === c.codeType ? 'ferry.0' : undefined}>
                <Table.Td>
                  <UnstyledButton
                    onClick={() => onSelect(selected === c.codeType ? null : c.codeType)}
                    aria-pressed={selected === c.codeType}
                    aria-label={`Show unmapped ${c.codeType} codes`}
                  >
                    <Text size="sm" fw={600} td="underline">
                      {c.codeType}
                    </Text>
                  </UnstyledButton>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{c.columns.map((x) => `${x.table}.${x.column}`).join(', ')}</Text>
                </Table.Td>
                <Table.Td>
                  {c.mappedCodes} of {c.distinctCodes} ({pct(c.codeCoverage)})
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Progress
                      value={c.valueCoverage * 100}
                      color={colourOf(c.valueCoverage)}
                      w={110}
                      aria-label={`${c.codeType}: ${pct(c.valueCoverage)} of values mapped`}
                    />
                    <Text size="xs">{pct(c.valueCoverage)}</Text>
                  </Group>
                </Table.Td>
                <Table.Td>
                  {c.unmappedCodes ? `${c.unmappedCodes} (${c.unmappedValues.toLocaleString('en-GB')} values)` : 'none'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {coverage.problems.map((p) => (
        <Text key={p} size="xs" c="red.9">
          {p}
        </Text>
      ))}
    </Card>
  );
}
