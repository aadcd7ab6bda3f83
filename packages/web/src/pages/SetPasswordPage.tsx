import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { identityApi } from '../api/identity-api';
import { AuthCard } from '../components/AuthCard';
import { ErrorAlert } from '../components/ErrorAlert';

/**
 * Set one's own password with the one-time code an administrator passed on (a new account, or after a reset). The
 * code may come in the link (`/set-password?code=...`) or be typed.
 */
export function SetPasswordPage() {
  const [params] = useSearchParams();
  const [form, setForm] = useState({ code: params.get('code') ?? '', newPassword: '', repeat: '' });
  const mismatch = form.repeat.length > 0 && form.repeat !== form.newPassword;
  const setPassword = useMutation({
    mutationFn: () => identityApi.setPasswordWithCode({ code: form.code, newPassword: form.newPassword }),
  });
  const set = (key: keyof typeof form) => (e: { currentTarget: { value: string } }) =>
    setForm({ ...form, [key]: e.currentTarget.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!mismatch) setPassword.mutate();
  };
  if (setPassword.isSuccess) {
    return (
      <AuthCard title="Password set">
        <Alert color="ferry" title="You can sign in now" role="status">
          The password of {setPassword.data.email} is set. Any earlier sessions and API tokens of the account have
          ended.
        </Alert>
        <Anchor component={Link} to="/login">
          Sign in
        </Anchor>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Set your password" subtitle="With the one-time code your administrator gave you">
      <form onSubmit={submit} aria-label="Set your password">
        <Stack gap="sm">
          <TextInput
            label="One-time code"
            required
            autoComplete="one-time-code"
            description="Valid once, for 24 hours"
            value={form.code}
            onChange={set('code')}
          />
          <PasswordInput
            label="New password"
            required
            autoComplete="new-password"
            description="At least 12 characters; not your email"
            value={form.newPassword}
            onChange={set('newPassword')}
          />
          <PasswordInput
            label="Repeat the new password"
            required
            autoComplete="new-password"
            value={form.repeat}
            onChange={set('repeat')}
            error={mismatch ? 'The two passwords differ' : undefined}
          />
          <ErrorAlert error={setPassword.error} title="The password was not set" />
          <Button type="submit" loading={setPassword.isPending} disabled={mismatch}>
            Set password
          </Button>
          <Text size="sm">
            Have a password?{' '}
            <Anchor component={Link} to="/login">
              Sign in
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}
