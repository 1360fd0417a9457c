import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { z } from 'zod';
import { ApiError, apiFetch } from '../../api/client';
import { errorFields, errorMessage } from '../../api/errors';
import { PageHeading } from '../../components/PageHeading';
import { AuthCard, OutboxHint, PasswordRules, emailSchema, passwordSchema, zodFieldErrors } from './shared';

const resetSchema = z.object({
  email: emailSchema,
  code: z.string().trim().min(1, 'Enter the code from the email.').max(20),
  password: passwordSchema,
});

export function ResetPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const reset = useMutation({
    mutationFn: (body: z.infer<typeof resetSchema>) =>
      apiFetch<void>('/api/auth/reset', { method: 'POST', body }),
    onSuccess: (_res, body) =>
      navigate(`/login?reset=1&email=${encodeURIComponent(body.email)}`, { replace: true }),
    onError: (err) =>
      setFieldErrors(
        err instanceof ApiError && err.code === 'weak_password'
          ? { password: err.message }
          : err instanceof ApiError && (err.code === 'invalid_code' || err.code === 'expired_code')
            ? { code: err.message }
            : errorFields(err),
      ),
  });

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = resetSchema.safeParse({ email, code, password });
    if (!parsed.success) {
      setFieldErrors(zodFieldErrors(parsed.error));
      return;
    }
    setFieldErrors({});
    reset.mutate(parsed.data);
  };

  return (
    <AuthCard>
      <PageHeading size="h2">Choose a new password</PageHeading>
      {params.get('sent') === '1' && (
        <Alert color="green" mb="md" role="status">
          If an account exists for this address, we have emailed it a reset code.
        </Alert>
      )}
      <OutboxHint />
      {reset.error && (
        <Alert color="red" mb="md" role="alert" title="Your password was not changed">
          {errorMessage(reset.error, {
            not_found: 'The code is not right for this email address, or it has expired.',
          })}
          <Text size="sm" mt="xs">
            <Anchor component={Link} to={`/forgot?email=${encodeURIComponent(email)}`}>
              Send a new code
            </Anchor>
          </Text>
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
          <TextInput
            label="Reset code"
            autoComplete="one-time-code"
            inputMode="numeric"
            required
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={fieldErrors.code}
          />
          <div>
            <PasswordInput
              label="New password"
              autoComplete="new-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={fieldErrors.password}
              aria-describedby="password-rules"
            />
            <PasswordRules password={password} id="password-rules" />
          </div>
          <Button type="submit" loading={reset.isPending}>
            Change password
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
