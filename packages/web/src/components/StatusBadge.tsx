import { Badge } from '@mantine/core';

const colours: Record<string, string> = {
  draft: 'gray.7',
  reviewed: 'ferry.7',
  approved: 'green.9',
  rejected: 'red.9',
  queued: 'gray.7',
  running: 'ferry.7',
  succeeded: 'green.9',
  failed: 'red.9',
  cancelled: 'gray.7',
  PASS: 'green.9',
  FAIL: 'red.9',
  ERROR: 'red.9',
  PARTIAL: 'ferry.7',
};

/** A review, run or gate status as a filled badge (white on a dark colour: readable contrast). */
export function StatusBadge({ status }: { status: string }) {
  return (
    <Badge color={colours[status] ?? 'gray.7'} variant="filled" size="sm" style={{ minWidth: 'max-content' }}>
      {status}
    </Badge>
  );
}
