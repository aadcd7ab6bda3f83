import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/api-error';
import { identityApi } from '../api/identity-api';
import { AuthCard } from '../components/AuthCard';
import { ErrorAlert } from '../components/ErrorAlert';
import { useSession } from '../hooks/useSession';

/** Sign in with email and password (and a TOTP code when the account has one). */
export function LoginPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const { refresh } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needsTotp, setNeedsTotp] = useState(false);
  const login = useMutation({
    mutationFn: () => identityApi.login({ email, password, ...(totp ? { totpCode: totp } : {}) }),
    onSuccess: async () => {
      await refresh();
      const from = (location.state as { from?: string } | null)?.from;
      navigate(from && from !== '/login' ? from : '/', { replace: true });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'FERRY_ERR_MFA_REQUIRED') setNeedsTotp(true);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate();
  };
  return (
    <AuthCard title="Sign in" subtitle="Governed, clinically safe data migrations">
      <form onSubmit={submit} aria-label="Sign in">
        <Stack gap="sm">
          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          {needsTotp ? (
            <TextInput
              label="Authenticator code"
              inputMode="numeric"
              autoComplete="one-time-code"
              value={totp}
              onChange={(e) => setTotp(e.currentTarget.value)}
            />
          ) : null}
          {login.error && !(login.error instanceof ApiError && login.error.code === 'FERRY_ERR_MFA_REQUIRED') ? (
            <ErrorAlert error={login.error} title="Sign-in failed" />
          ) : null}
          <Button type="submit" loading={login.isPending}>
            Sign in
          </Button>
          <Text size="sm">
            No account?{' '}
            <Anchor component={Link} to="/register">
              Request access
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}
