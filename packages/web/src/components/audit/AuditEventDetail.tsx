import { Code, Table, Text } from '@mantine/core';
import type { AuditEvent } from '../../api/admin-api';

/** "rowsChanged" → "Rows changed", "target_type" → "Target type". */
function labelOf(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replaceAll('_', ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A detail value as a person reads it: text as it is, lists joined, nested objects as compact JSON. */
function readable(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return value.join(', ');
  return JSON.stringify(value);
}

/** One audit event as a two-column table: who did what to what and when, then each detail on its own line. */
export function AuditEventDetail({ event }: { event: AuditEvent }) {
  const facts: [string, string][] = [
    ['When', new Date(event.occurredAt).toLocaleString('en-GB')],
    ['Actor', event.actor],
    ['Action', event.action],
    ['Target', `${event.targetType}${event.targetId ? ` ${event.targetId}` : ''}`],
    ...Object.entries(event.details).map(([k, v]) => [labelOf(k), readable(v)] as [string, string]),
    ['Request', event.requestId ?? '–'],
    ['Source address', event.sourceIp ?? '–'],
    ['State before', event.beforeHash ?? '–'],
    ['State after', event.afterHash ?? '–'],
    ['Hash', event.hash],
    ['Previous hash', event.prevHash],
  ];
  return (
    <Table aria-label={`Audit event ${event.seq}`} withRowBorders={false} verticalSpacing={2}>
      <Table.Tbody>
        {facts.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th scope="row" w={140} style={{ verticalAlign: 'top' }}>
              {label}
            </Table.Th>
            <Table.Td style={{ wordBreak: 'break-word' }}>
              {/^[0-9a-f]{64}$/.test(value) ? <Code>{value}</Code> : <Text size="sm">{value}</Text>}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
