import { Button, Group, Paper, SegmentedControl, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { RowSelection } from '../../api/contract-api';

export type BulkAction = 'reviewed' | 'draft' | 'approved' | 'rejected';

/**
 * What the bulk actions apply to (the ticked rows or every row matching the filter) and the actions the caller
 * may take: review and reopen need contract.edit, approve and reject contract.approve, owner contract.edit.
 */
export function BulkActionBar({
  selectedCount,
  matchingCount,
  selection,
  scope,
  onScope,
  canEdit,
  canApprove,
  locked,
  busy,
  onAction,
  onOwner,
  matchingUnavailable,
}: {
  selectedCount: number;
  matchingCount: number;
  selection: RowSelection | null;
  scope: 'selected' | 'filter';
  onScope: (scope: 'selected' | 'filter') => void;
  canEdit: boolean;
  canApprove: boolean;
  locked: boolean;
  busy: boolean;
  onAction: (action: BulkAction) => void;
  onOwner: (owner: string) => void;
  /** Why "all matching" cannot be chosen now (e.g. a list-only filter is set); undefined when it can. */
  matchingUnavailable?: string;
}) {
  const [owner, setOwner] = useState('');
  if (!canEdit && !canApprove) return null;
  const count = scope === 'selected' ? selectedCount : matchingCount;
  const disabled = !selection || locked || busy || count === 0;
  return (
    <Paper withBorder p="xs" my="sm" bg="gray.0">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs">
          <SegmentedControl
            size="xs"
            aria-label="Apply to"
            value={scope}
            onChange={(v) => onScope(v as 'selected' | 'filter')}
            data={[
              { value: 'selected', label: `${selectedCount} selected` },
              {
                value: 'filter',
                label: `All ${matchingCount.toLocaleString('en-GB')} matching`,
                disabled: Boolean(matchingUnavailable),
              },
            ]}
          />
          {matchingUnavailable ? <Text size="xs">{matchingUnavailable}</Text> : null}
          {locked ? (
            <Text size="sm" c="red.9">
              This contract version is locked: its rows cannot change.
            </Text>
          ) : null}
        </Group>
        <Group gap={6}>
          {canEdit ? (
            <>
              <Button size="xs" variant="light" disabled={disabled} onClick={() => onAction('reviewed')}>
                Mark reviewed
              </Button>
              <Button size="xs" variant="default" disabled={disabled} onClick={() => onAction('draft')}>
                Reopen to draft
              </Button>
            </>
          ) : null}
          {canApprove ? (
            <>
              <Button size="xs" color="green.9" disabled={disabled} onClick={() => onAction('approved')}>
                Approve
              </Button>
              <Button
                size="xs"
                color="red.9"
                variant="outline"
                disabled={disabled}
                onClick={() => onAction('rejected')}
              >
                Reject
              </Button>
            </>
          ) : null}
          {canEdit && scope === 'filter' ? (
            <Group gap={4}>
              <TextInput
                size="xs"
                aria-label="New owner"
                placeholder="owner email"
                value={owner}
                onChange={(e) => setOwner(e.currentTarget.value)}
                w={180}
              />
              <Button size="xs" variant="default" disabled={disabled || !owner} onClick={() => onOwner(owner)}>
                Set owner
              </Button>
            </Group>
          ) : null}
        </Group>
      </Group>
    </Paper>
  );
}
