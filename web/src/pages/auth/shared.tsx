import { Alert, Anchor, Box, Paper, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { z } from 'zod';
import { localModeHint } from '../../lib/storage';
import { PASSWORD_RULES } from '../../../../src/domain/passwords';

/** The API's password rule (src/domain/passwords.ts, the same module the server checks with). */
export { PASSWORD_RULES };

export const passwordSchema = z
  .string()
  .refine((p) => PASSWORD_RULES.every((r) => r.test(p)), 'The password does not meet the rules below.');

export const emailSchema = z
  .string()
  .trim()
  .pipe(z.email('Enter a valid email address, like name@company.com.'));

/** First error message per field of a failed zod parse. */
export function zodFieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '');
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

/**
 * The password rules, shown once under the field: each turns green with a tick when met. (Shown once: the field
 * has no separate description, and its error only points here.)
 */
export function PasswordRules({ password, id }: { password: string; id: string }) {
  return (
    <Box id={id} mt={6}>
      <Text size="sm" c="gray.8" component="p" m={0}>
        Your password needs:
      </Text>
      <ul className="password-rules">
        {PASSWORD_RULES.map((r) => {
          const ok = password.length > 0 && r.test(password);
          return (
            <li key={r.text} data-met={ok}>
              <span aria-hidden="true" className="password-rule-mark">
                {ok ? '✓' : ''}
              </span>
              {r.text}
              <span className="visually-hidden-inline">{ok ? ': met' : ': not yet'}</span>
            </li>
          );
        })}
      </ul>
    </Box>
  );
}

export function AuthCard({ children }: { children: React.ReactNode }) {
  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md" maw={480} mx="auto" bg="white">
      {children}
    </Paper>
  );
}

/** In local mode, emails (confirmation and reset codes) land in the dev outbox instead of a mailbox. */
export function OutboxHint() {
  if (!localModeHint()) return null;
  return (
    <Alert color="indigo" title="Running locally" mb="md">
      Emails are not sent in local mode: the code is written to the local outbox folder (its path is printed
      when <code>npm start</code> starts). Signed-in users can also read their emails in the{' '}
      <Anchor component={Link} to="/outbox">
        outbox
      </Anchor>
      .
    </Alert>
  );
}

/** A same-app path from a `next` query parameter (never another origin). */
export function safeNext(next: string | null, fallback = '/dashboard'): string {
  if (next && next.startsWith('/') && !next.startsWith('//')) return next;
  return fallback;
}
