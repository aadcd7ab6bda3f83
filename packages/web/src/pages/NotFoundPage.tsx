import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

/** Any URL the control plane does not know. */
export function NotFoundPage() {
  return (
    <Stack p="xl" gap="xs">
      <Title order={1} size="h2">
        Page not found
      </Title>
      <Text>There is no page at this address.</Text>
      <Anchor component={Link} to="/">
        Go to the start page
      </Anchor>
    </Stack>
  );
}
