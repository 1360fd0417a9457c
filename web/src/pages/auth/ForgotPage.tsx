import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { z } from 'zod';
import { apiFetch } from '../../api/client';
import { errorFields, errorMessage } from '../../api/errors';
import { PageHeading } from '../../components/PageHeading';
import { AuthCard, emailSchema, zodFieldErrors } from './shared';

const forgotSchema = z.object({ email: emailSchema });

export function ForgotPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const forgot = useMutation({
    mutationFn: (body: z.infer<typeof forgotSchema>) =>
      apiFetch<void>('/api/auth/forgot', { method: 'POST', body }),
    onSuccess: (_res, body) => navigate(`/reset?sent=1&email=${encodeURIComponent(body.email)}`),
    onError: (err) => setFieldErrors(errorFields(err)),
  });

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = forgotSchema.safeParse({ email });
    if (!parsed.success) {
      setFieldErrors(zodFieldErrors(parsed.error));
      return;
    }
    setFieldErrors({});
    forgot.mutate(parsed.data);
  };

  return (
    <AuthCard>
      <PageHeading size="h2">Reset your password</PageHeading>
      <Text mb="md" size="sm">
        Enter the email address of your account. If it exists, we will email you a code to choose a new
        password.
      </Text>
      {forgot.error && (
        <Alert color="red" mb="md" role="alert" title="We could not send the code">
          {errorMessage(forgot.error)}
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
          <Button type="submit" loading={forgot.isPending}>
            Send the code
          </Button>
          <Anchor component={Link} to="/reset" size="sm">
            I already have a code
          </Anchor>
        </Stack>
      </form>
    </AuthCard>
  );
}
