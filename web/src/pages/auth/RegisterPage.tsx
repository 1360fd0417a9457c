import {
  Alert,
  Anchor,
  Button,
  Group,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { z } from 'zod';
import { ApiError, apiFetch } from '../../api/client';
import { errorFields, errorMessage } from '../../api/errors';
import { refreshMe } from '../../api/queries';
import type { RegisterResponse } from '../../api/types';
import { PageHeading } from '../../components/PageHeading';
import { setSessionHint } from '../../lib/storage';
import { useFieldErrors } from '../../lib/useFieldErrors';
import { AuthCard, PasswordRules, emailSchema, passwordSchema, zodFieldErrors } from './shared';

const registerSchema = z.object({
  firstName: z.string().trim().min(1, 'Enter your first name.').max(100),
  lastName: z.string().trim().min(1, 'Enter your last name.').max(100),
  companyName: z.string().trim().min(1, 'Enter your company name.').max(200),
  email: emailSchema,
  password: passwordSchema,
});
type RegisterForm = z.infer<typeof registerSchema>;

export function RegisterPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<RegisterForm>({
    firstName: '',
    lastName: '',
    companyName: '',
    email: '',
    password: '',
  });
  const {
    errors: fieldErrors,
    show: setFieldErrors,
    recheck,
    formRef,
  } = useFieldErrors((values: RegisterForm) => {
    const parsed = registerSchema.safeParse(values);
    return parsed.success ? {} : zodFieldErrors(parsed.error);
  });
  const set = (key: keyof RegisterForm) => (e: React.ChangeEvent<HTMLInputElement>) => {
    const value = e.currentTarget.value; // read now: currentTarget is gone when the updater runs
    const next = { ...form, [key]: value };
    setForm(next);
    recheck(key, next);
  };

  const register = useMutation({
    mutationFn: async (body: RegisterForm) => {
      const res = await apiFetch<RegisterResponse>('/api/auth/register', { method: 'POST', body });
      if (!res.confirmed) return { res, signedIn: false };
      // Local mode confirms at once: sign straight in.
      try {
        await apiFetch('/api/auth/login', {
          method: 'POST',
          body: { email: body.email, password: body.password },
        });
        setSessionHint(true);
        await refreshMe(queryClient);
        return { res, signedIn: true };
      } catch {
        return { res, signedIn: false };
      }
    },
    onSuccess: ({ res, signedIn }) => {
      const email = encodeURIComponent(res.email);
      if (signedIn) navigate(`/profile?welcome=1&next=${encodeURIComponent('/start')}`, { replace: true });
      else if (res.confirmed) navigate(`/login?registered=1&email=${email}`, { replace: true });
      else navigate(`/confirm?email=${email}`, { replace: true });
    },
    onError: (err) =>
      setFieldErrors(
        err instanceof ApiError && err.code === 'weak_password'
          ? { password: err.message }
          : errorFields(err),
      ),
  });

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = registerSchema.safeParse(form);
    if (!parsed.success) {
      setFieldErrors(zodFieldErrors(parsed.error));
      return;
    }
    setFieldErrors({});
    register.mutate(parsed.data);
  };

  const err = register.error;
  const emailTaken = err instanceof ApiError && (err.code === 'email_taken' || err.code === 'conflict');

  return (
    <AuthCard>
      <PageHeading size="h2">Create your account</PageHeading>
      <Text mb="md" size="sm">
        You will fill in your company profile and the questionnaire next. Nothing is charged until you submit.
      </Text>
      {err && (
        <Alert color="red" mb="md" role="alert" title="Your account was not created">
          {errorMessage(err, {
            email_taken: 'An account with this email address already exists.',
            conflict: 'An account with this email address already exists.',
          })}
          {emailTaken && (
            <Group gap="md" mt="xs">
              <Anchor component={Link} to={`/login?email=${encodeURIComponent(form.email)}`} size="sm">
                Log in
              </Anchor>
              <Anchor component={Link} to={`/forgot?email=${encodeURIComponent(form.email)}`} size="sm">
                Reset your password
              </Anchor>
            </Group>
          )}
        </Alert>
      )}
      <form onSubmit={onSubmit} noValidate ref={formRef}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <TextInput
              label="First name"
              autoComplete="given-name"
              required
              value={form.firstName}
              onChange={set('firstName')}
              error={fieldErrors.firstName}
            />
            <TextInput
              label="Last name"
              autoComplete="family-name"
              required
              value={form.lastName}
              onChange={set('lastName')}
              error={fieldErrors.lastName}
            />
          </SimpleGrid>
          <TextInput
            label="Company name"
            autoComplete="organization"
            required
            value={form.companyName}
            onChange={set('companyName')}
            error={fieldErrors.companyName}
          />
          <TextInput
            label="Work email address"
            type="email"
            autoComplete="email"
            required
            value={form.email}
            onChange={set('email')}
            error={fieldErrors.email}
          />
          <div>
            <PasswordInput
              label="Password"
              autoComplete="new-password"
              required
              value={form.password}
              onChange={set('password')}
              error={fieldErrors.password}
              aria-describedby="password-rules"
            />
            <PasswordRules password={form.password} id="password-rules" />
          </div>
          <Button type="submit" loading={register.isPending}>
            Create account
          </Button>
          <Text size="sm">
            Already registered?{' '}
            <Anchor component={Link} to="/login">
              Log in
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}
