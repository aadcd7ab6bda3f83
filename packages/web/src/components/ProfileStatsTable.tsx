import { Table, Text } from '@mantine/core';
import type { TableProfile } from '../api/profile-api';

const pct = (part: number, whole: number) => (whole ? `${((100 * part) / whole).toFixed(1)}%` : '–');

/** The profile of one source table: per column fill, distinct values, detected type, conformance, lengths, top values. */
export function ProfileStatsTable({ profile }: { profile: TableProfile }) {
  return (
    <>
      <Text size="sm" mb="xs">
        {profile.rows.toLocaleString('en-GB')} rows profiled
        {profile.raggedRows ? `, ${profile.raggedRows} ragged` : ''}
      </Text>
      <Table aria-label={`Profile of ${profile.name}`} fz="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Column</Table.Th>
            <Table.Th>Filled</Table.Th>
            <Table.Th>Distinct</Table.Th>
            <Table.Th>Detected</Table.Th>
            <Table.Th>Conforming</Table.Th>
            <Table.Th>Length</Table.Th>
            <Table.Th>Range</Table.Th>
            <Table.Th>Top values</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {profile.columns.map((c) => (
            <Table.Tr key={c.name}>
              <Table.Td>{c.name}</Table.Td>
              <Table.Td>{pct(c.nonEmpty, c.rows)}</Table.Td>
              <Table.Td>
                {c.distinctIsEstimate ? '≈' : ''}
                {c.distinct.toLocaleString('en-GB')}
              </Table.Td>
              <Table.Td>
                {c.detectedType}
                {c.format ? ` (${c.format})` : ''}
              </Table.Td>
              <Table.Td>{(c.conformingShare * 100).toFixed(1)}%</Table.Td>
              <Table.Td>{c.minLength !== undefined ? `${c.minLength}–${c.maxLength}` : ''}</Table.Td>
              <Table.Td>{c.min !== undefined ? `${c.min} … ${c.max}` : c.topValuesWithheld ? 'withheld' : ''}</Table.Td>
              <Table.Td>
                {c.topValuesWithheld
                  ? 'withheld (identifier)'
                  : c.topValues
                      .slice(0, 3)
                      .map((v) => `${v.value} (${v.count})`)
                      .join(', ')}
                {c.suppressed && !c.topValuesWithheld ? ` +${c.suppressed} suppressed` : ''}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
