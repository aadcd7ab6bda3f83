import { Alert, Text } from '@mantine/core';
import { ApiError } from '../api/api-error';

/** Shows why a request failed: the API's message and request id, never a stack trace. */
export function ErrorAlert({ error, title = 'Something went wrong' }: { error: unknown; title?: string }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const requestId = error instanceof ApiError ? error.requestId : null;
  const heading = error instanceof ApiError && error.status === 403 ? 'Not allowed' : title;
  return (
    <Alert color="red" title={heading} role="alert" my="sm">
      <Text size="sm">{message}</Text>
      {requestId ? (
        <Text size="xs" c="dimmed">
          Request {requestId}
        </Text>
      ) : null}
    </Alert>
  );
}
