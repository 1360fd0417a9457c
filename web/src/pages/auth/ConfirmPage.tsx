import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { z } from 'zod';
import { ApiError, apiFetch } from '../../api/client';
import { errorFields, errorMessage } from '../../api/errors';
import { PageHeading } from '../../components/PageHeading';
import { AuthCard, OutboxHint, emailSchema, zodFieldErrors } from './shared';

const confirmSchema = z.object({
  email: emailSchema,
  code: z.string().trim().min(1, 'Enter the code from the email.').max(20),
});

export function ConfirmPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [code, setCode] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const confirm = useMutation({
    mutationFn: (body: z.infer<typeof confirmSchema>) =>
      apiFetch<{ confirmed: boolean }>('/api/auth/confirm', { method: 'POST', body }),
    onSuccess: (_res, body) =>
      navigate(`/login?confirmed=1&email=${encodeURIComponent(body.email)}`, { replace: true }),
    onError: (err) =>
      setFieldErrors(
        err instanceof ApiError && (err.code === 'invalid_code' || err.code === 'expired_code')
          ? { code: err.message }
          : errorFields(err),
      ),
  });

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = confirmSchema.safeParse({ email, code });
    if (!parsed.success) {
      setFieldErrors(zodFieldErrors(parsed.error));
      return;
    }
    setFieldErrors({});
    confirm.mutate(parsed.data);
  };

  return (
    <AuthCard>
      <PageHeading size="h2">Confirm your email address</PageHeading>
      <Text mb="md" size="sm">
        We have emailed you a confirmation code. Enter it below to activate your account.
      </Text>
      <OutboxHint />
      {confirm.error && (
        <Alert color="red" mb="md" role="alert" title="Your email address was not confirmed">
          {errorMessage(confirm.error, {
            not_found: 'We could not find an account for this email address.',
          })}
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
            label="Confirmation code"
            autoComplete="one-time-code"
            inputMode="numeric"
            required
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={fieldErrors.code}
          />
          <Button type="submit" loading={confirm.isPending}>
            Confirm
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
