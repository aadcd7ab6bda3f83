import { Alert, Anchor, Code, Stack, Title } from '@mantine/core';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

/** What a page shows when it fails to render: the message, and a way back. */
export function RouteErrorPage() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : String(error);
  return (
    <Stack p="md">
      <Title order={1} size="h2">
        Something went wrong
      </Title>
      <Alert color="red" title="This page failed" role="alert">
        <Code block>{message}</Code>
      </Alert>
      <Anchor component={Link} to="/">
        Go to the start page
      </Anchor>
    </Stack>
  );
}
