import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import type { PasswordCode } from '../api/admin-api';

/**
 * Shows, once, the one-time code (and its link) with which a user sets their own password: after creating an
 * account or resetting a password. The administrator passes it on; they never choose or see the password.
 */
export function PasswordCodeNotice({ who, passwordCode }: { who: string; passwordCode: PasswordCode }) {
  const link = `${window.location.origin}/set-password?code=${encodeURIComponent(passwordCode.code)}`;
  return (
    <Alert color="yellow" title="Pass this on now: it is not shown again" role="status">
      <Stack gap="xs">
        <Text size="sm">
          {who} sets {passwordCode.purpose === 'initial' ? 'a' : 'a new'} password with this one-time code, at{' '}
          <Code>/set-password</Code>, before {new Date(passwordCode.expiresAt).toLocaleString('en-GB')}.
          {passwordCode.purpose === 'reset' ? ' The old password no longer works.' : ''} Give it to them only, through a
          channel you trust.
        </Text>
        <Group gap="xs">
          <Code data-testid="password-code">{passwordCode.code}</Code>
          <CopyButton value={passwordCode.code}>
            {({ copied, copy }) => (
              <Button size="compact-xs" onClick={copy}>
                {copied ? 'Copied' : 'Copy code'}
              </Button>
            )}
          </CopyButton>
          <CopyButton value={link}>
            {({ copied, copy }) => (
              <Button size="compact-xs" variant="default" onClick={copy}>
                {copied ? 'Copied' : 'Copy link'}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Alert>
  );
}
