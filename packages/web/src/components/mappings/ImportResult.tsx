import { Alert, Code, List, Text } from '@mantine/core';
import { ApiError } from '../../api/api-error';
import type { ImportOutcome } from '../../api/contract-api';

const rowList = (rows: { table: string; column: string }[]) =>
  rows
    .slice(0, 8)
    .map((r) => `${r.table}.${r.column}`)
    .join(', ') + (rows.length > 8 ? ', …' : '');

/**
 * The outcome of a contract CSV import: what changed in the new version, or every problem of a refused file with
 * its line and column (as the server names them).
 */
export function ImportResult({ outcome, error }: { outcome?: ImportOutcome; error: unknown }) {
  if (error) {
    const issues = error instanceof ApiError ? error.issues : [];
    return (
      <Alert color="red" title="The file was not imported" role="alert" my="sm">
        {issues.length ? (
          <List size="sm" aria-label="Import problems">
            {issues.slice(0, 30).map((i) => (
              <List.Item key={`${i.path}:${i.message}`}>
                <Code>{i.path}</Code> {i.message}
              </List.Item>
            ))}
            {issues.length > 30 ? <List.Item>… and {issues.length - 30} more</List.Item> : null}
          </List>
        ) : (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {error instanceof Error ? error.message : String(error)}
          </Text>
        )}
      </Alert>
    );
  }
  if (!outcome) return null;
  const same = outcome.hash === outcome.previousHash;
  return (
    <Alert color={same ? 'gray' : 'green'} title={same ? 'Nothing changed' : 'Imported as a new version'} my="sm">
      <List size="sm" aria-label="Import outcome">
        {same ? <List.Item>The file has the content of the current version.</List.Item> : null}
        {outcome.changed.length ? (
          <List.Item>
            {outcome.changed.length} row(s) changed, now drafts: {rowList(outcome.changed)}
          </List.Item>
        ) : null}
        {outcome.added.length ? (
          <List.Item>
            {outcome.added.length} row(s) added: {rowList(outcome.added)}
          </List.Item>
        ) : null}
        {outcome.removed.length ? (
          <List.Item>
            {outcome.removed.length} row(s) removed: {rowList(outcome.removed)}
          </List.Item>
        ) : null}
        {outcome.reviewIgnored ? (
          <List.Item>
            {outcome.reviewIgnored} review state(s) in the file were not taken: reviews change only through review and
            approval.
          </List.Item>
        ) : null}
        {outcome.findings.length ? (
          <List.Item>
            {outcome.findings.length} problem(s) still stop a load, e.g. {outcome.findings[0]!.table}
            {outcome.findings[0]!.field ? `.${outcome.findings[0]!.field}` : ''}: {outcome.findings[0]!.message}
          </List.Item>
        ) : null}
      </List>
    </Alert>
  );
}
