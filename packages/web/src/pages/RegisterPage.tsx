import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { identityApi } from '../api/identity-api';
import { AuthCard } from '../components/AuthCard';
import { ErrorAlert } from '../components/ErrorAlert';

/** Request access to an organisation; an org admin approves or rejects the request. */
export function RegisterPage() {
  const [form, setForm] = useState({ email: '', displayName: '', password: '', organisation: '' });
  const register = useMutation({
    mutationFn: () => identityApi.register(form),
  });
  const set = (key: keyof typeof form) => (e: { currentTarget: { value: string } }) =>
    setForm({ ...form, [key]: e.currentTarget.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    register.mutate();
  };
  if (register.isSuccess) {
    return (
      <AuthCard title="Request sent">
        <Alert color="ferry" title="Pending approval" role="status">
          If the organisation exists, its administrators will see your request. You can sign in once one of them
          approves it; if nothing happens, check the organisation's short name with them.
        </Alert>
        <Anchor component={Link} to="/login">
          Back to sign in
        </Anchor>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Request access" subtitle="An administrator of your organisation approves new accounts">
      <form onSubmit={submit} aria-label="Request access">
        <Stack gap="sm">
          <TextInput
            label="Full name"
            required
            autoComplete="name"
            value={form.displayName}
            onChange={set('displayName')}
          />
          <TextInput
            label="Email"
            type="email"
            required
            autoComplete="email"
            value={form.email}
            onChange={set('email')}
          />
          <PasswordInput
            label="Password"
            required
            autoComplete="new-password"
            description="At least 12 characters; not your email"
            value={form.password}
            onChange={set('password')}
          />
          <TextInput
            label="Organisation code"
            required
            description="The short code your administrator gave you"
            value={form.organisation}
            onChange={set('organisation')}
          />
          <ErrorAlert error={register.error} title="The request was not accepted" />
          <Button type="submit" loading={register.isPending}>
            Request access
          </Button>
          <Text size="sm">
            Have an account?{' '}
            <Anchor component={Link} to="/login">
              Sign in
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}
