import {
  Alert,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  NumberInput,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { accountApi } from '../api/identity-api';
import { useNotifyingMutation } from '../hooks/useNotifyingMutation';
import { useSession } from '../hooks/useSession';

function PasswordForm() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const change = useNotifyingMutation(() => accountApi.changePassword(current, next), {
    success: 'Password changed; your other sessions were ended',
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate(undefined, {
      onSuccess: () => {
        setCurrent('');
        setNext('');
      },
    });
  };
  return (
    <form onSubmit={submit} aria-label="Change password">
      <Stack gap="xs">
        <PasswordInput
          label="Current password"
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => setCurrent(e.currentTarget.value)}
        />
        <PasswordInput
          label="New password"
          description="At least 12 characters, 5 different ones, not based on your email or a common password"
          autoComplete="new-password"
          required
          value={next}
          onChange={(e) => setNext(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={change.isPending}>
            Change password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Tokens() {
  const tokens = useQuery({ queryKey: ['tokens'], queryFn: accountApi.tokens });
  const [name, setName] = useState('');
  const [days, setDays] = useState<number | string>(90);
  const [created, setCreated] = useState<string | null>(null);
  const create = useNotifyingMutation(() => accountApi.createToken(name, Number(days) || undefined), {
    success: 'Token created',
    invalidate: [['tokens']],
  });
  const revoke = useNotifyingMutation((id: string) => accountApi.revokeToken(id), {
    success: 'Token revoked',
    invalidate: [['tokens']],
  });
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="xs">
        <TextInput
          label="Token name"
          placeholder="e.g. nightly rehearsal script"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <NumberInput label="Expires in days" min={1} max={366} w={130} value={days} onChange={setDays} />
        <Button
          disabled={!name.trim()}
          loading={create.isPending}
          onClick={() => create.mutate(undefined, { onSuccess: (t) => setCreated(t.token) })}
        >
          Create token
        </Button>
      </Group>
      {created ? (
        <Alert
          color="yellow"
          title="Copy the token now: it is not shown again"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setCreated(null)}
        >
          <Group gap="xs">
            <Code>{created}</Code>
            <CopyButton value={created}>
              {({ copied, copy }) => (
                <Button size="compact-xs" onClick={copy}>
                  {copied ? 'Copied' : 'Copy'}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Alert>
      ) : null}
      <Table aria-label="API tokens">
        <Table.Tbody>
          {(tokens.data ?? []).map((t) => (
            <Table.Tr key={t.id}>
              <Table.Td>{t.name}</Table.Td>
              <Table.Td>
                <Code>{t.prefix}…</Code>
              </Table.Td>
              <Table.Td>
                {t.revokedAt
                  ? 'revoked'
                  : t.expiresAt
                    ? `expires ${new Date(t.expiresAt).toLocaleDateString('en-GB')}`
                    : 'no expiry'}
              </Table.Td>
              <Table.Td>
                {t.lastUsedAt ? `used ${new Date(t.lastUsedAt).toLocaleString('en-GB')}` : 'never used'}
              </Table.Td>
              <Table.Td>
                {t.revokedAt ? null : (
                  <Button size="compact-xs" color="red.9" variant="subtle" onClick={() => revoke.mutate(t.id)}>
                    Revoke
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function SecondFactor() {
  const [setup, setSetup] = useState<{ secret: string; uri: string } | null>(null);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const { refresh } = useSession();
  const start = useNotifyingMutation(() => accountApi.totpSetup(), {
    success: 'Add the secret to your authenticator app',
  });
  const enable = useNotifyingMutation(() => accountApi.totpEnable(code), { success: 'Second factor on' });
  const disable = useNotifyingMutation(() => accountApi.totpDisable(password), { success: 'Second factor off' });
  return (
    <Stack gap="xs">
      {setup ? (
        <>
          <Text size="sm">
            Secret: <Code>{setup.secret}</Code>
          </Text>
          <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
            {setup.uri}
          </Text>
          <Group align="flex-end" gap="xs">
            <TextInput
              label="Code from the app"
              inputMode="numeric"
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              w={160}
            />
            <Button
              onClick={() =>
                enable.mutate(undefined, {
                  onSuccess: () => {
                    setSetup(null);
                    refresh();
                  },
                })
              }
              loading={enable.isPending}
            >
              Turn on
            </Button>
          </Group>
        </>
      ) : (
        <Group gap="xs" align="flex-end">
          <Button
            variant="light"
            onClick={() => start.mutate(undefined, { onSuccess: setSetup })}
            loading={start.isPending}
          >
            Set up an authenticator app
          </Button>
          <PasswordInput
            label="Password (to turn it off)"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            w={220}
          />
          <Button
            variant="default"
            disabled={!password}
            onClick={() => disable.mutate(undefined)}
            loading={disable.isPending}
          >
            Turn off
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** The signed-in user's account: identity, password, personal API tokens and TOTP second factor. */
export function AccountCard() {
  const { user } = useSession();
  if (!user) return null;
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">
        Your account
      </Title>
      <Text size="sm">
        {user.displayName} &lt;{user.email}&gt; ·{' '}
        {user.isSuperAdmin ? 'super admin' : user.roles.join(', ').replaceAll('_', ' ')}
      </Text>
      <Text size="xs" c="dimmed" mb="sm">
        Permissions: {user.permissions.join(', ')}
      </Text>
      {user.via === 'session' ? (
        <Stack gap="md">
          <div>
            <Title order={4} size="h6" mb={4}>
              Password
            </Title>
            <PasswordForm />
          </div>
          <div>
            <Title order={4} size="h6" mb={4}>
              Personal API tokens (for the CLI and scripts)
            </Title>
            <Tokens />
          </div>
          <div>
            <Title order={4} size="h6" mb={4}>
              Second factor (TOTP)
            </Title>
            <SecondFactor />
          </div>
        </Stack>
      ) : null}
    </Card>
  );
}
