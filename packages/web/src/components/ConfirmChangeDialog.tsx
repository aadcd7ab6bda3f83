import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';

/** A change waiting for confirmation: what it does, how many it touches, which ones, and how to make it. */
export interface PendingChange {
  /** The question, naming the count, e.g. "Reopen 256 rows to draft?". */
  title: string;
  /** One sentence on what will change. */
  summary: string;
  /** The rows (or entries, users…) it changes, as people read them; the first ones when there are many. */
  items: string[];
  /** How many it changes in all (more than `items` when only the first are listed). */
  total: number;
  /** The confirming button's label, naming the count again. */
  confirmLabel: string;
  /** Red for changes that undo work or remove things. */
  danger?: boolean;
  onConfirm: () => void;
}

/**
 * The confirmation of a bulk or destructive change: names what changes, the count and which ones, before anything
 * is sent. Nothing happens until the confirming button is pressed.
 */
export function ConfirmChangeDialog({
  change,
  pending,
  onClose,
}: {
  change: PendingChange | null;
  pending: boolean;
  onClose: () => void;
}) {
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={change !== null}
      onClose={onClose}
      size="lg"
      title={change?.title ?? ''}
    >
      {change ? (
        <Stack gap="sm" data-testid="confirm-change">
          <Text size="sm">{change.summary}</Text>
          {change.items.length ? (
            <List size="sm" aria-label="What changes">
              {change.items.map((item) => (
                <List.Item key={item}>{item}</List.Item>
              ))}
            </List>
          ) : null}
          {change.total > change.items.length ? (
            <Text size="sm">and {(change.total - change.items.length).toLocaleString('en-GB')} more</Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button color={change.danger ? 'red.9' : 'ferry.7'} loading={pending} onClick={change.onConfirm}>
              {change.confirmLabel}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}

/** "1 row" / "256 rows". */
export function counted(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}
