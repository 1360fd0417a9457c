import { Alert, Anchor, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { z } from 'zod';
import { ApiError, apiFetch } from '../../api/client';
import { errorFields, errorMessage } from '../../api/errors';
import { refreshMe } from '../../api/queries';
import type { LoginResponse } from '../../api/types';
import { PageHeading } from '../../components/PageHeading';
import { setSessionHint } from '../../lib/storage';
import { AuthCard, emailSchema, safeNext, zodFieldErrors } from './shared';

const loginSchema = z.object({ email: emailSchema, password: z.string().min(1, 'Enter your password.') });

const NOTICES: Record<string, string> = {
  registered: 'Your account is ready. Log in to continue.',
  confirmed: 'Your email address is confirmed. Log in to continue.',
  reset: 'Your password has been changed. Log in with the new one.',
};

export function LoginPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const notice = Object.keys(NOTICES).find((k) => params.get(k) === '1');

  const login = useMutation({
    mutationFn: (body: z.infer<typeof loginSchema>) =>
      apiFetch<LoginResponse>('/api/auth/login', { method: 'POST', body }),
    onSuccess: async () => {
      setSessionHint(true);
      await refreshMe(queryClient);
      navigate(safeNext(params.get('next')), { replace: true });
    },
    onError: (err) => setFieldErrors(errorFields(err)),
  });

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = loginSchema.safeParse({ email, password });
    if (!parsed.success) {
      setFieldErrors(zodFieldErrors(parsed.error));
      return;
    }
    setFieldErrors({});
    login.mutate(parsed.data);
  };

  const err = login.error;
  const unconfirmed = err instanceof ApiError && (err.code === 'not_confirmed' || err.code === 'forbidden');

  return (
    <AuthCard>
      <PageHeading size="h2">Log in</PageHeading>
      {notice && (
        <Alert color="green" mb="md" role="status">
          {NOTICES[notice]}
        </Alert>
      )}
      {err && (
        <Alert color="red" mb="md" role="alert" title="Could not log you in">
          {errorMessage(err, {
            invalid_credentials: 'The email address or password is not correct.',
            unauthorized: 'The email address or password is not correct.',
          })}
          {unconfirmed && (
            <Text size="sm" mt="xs">
              <Anchor component={Link} to={`/confirm?email=${encodeURIComponent(email)}`}>
                Confirm your email address
              </Anchor>
            </Text>
          )}
        </Alert>
      )}
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <TextInput
            label="Email address"
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={fieldErrors.email}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fieldErrors.password}
          />
          <Button type="submit" loading={login.isPending}>
            Log in
          </Button>
          <Group justify="space-between" gap="xs">
            <Anchor
              component={Link}
              to={`/forgot${email ? `?email=${encodeURIComponent(email)}` : ''}`}
              size="sm"
            >
              Forgotten your password?
            </Anchor>
            <Anchor component={Link} to="/register" size="sm">
              Create an account
            </Anchor>
          </Group>
        </Stack>
      </form>
    </AuthCard>
  );
}
