import { Alert, Anchor, Box, List, Paper, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { z } from 'zod';
import { localModeHint } from '../../lib/storage';
import { PASSWORD_MIN_LENGTH, PASSWORD_RULES } from '../../../../src/domain/passwords';

/** The API's password rule (src/domain/passwords.ts, the same module the server checks with). */
export { PASSWORD_RULES };

export const passwordSchema = z
  .string()
  .refine(
    (p) => PASSWORD_RULES.every((r) => r.test(p)),
    `Use at least ${PASSWORD_MIN_LENGTH} characters with upper case, lower case and a digit, and not a common password.`,
  );

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

export function PasswordRules({ password, id }: { password: string; id: string }) {
  return (
    <Box id={id} mt={4}>
      <Text size="sm" c="dimmed">
        Your password needs:
      </Text>
      <List size="sm" spacing={2}>
        {PASSWORD_RULES.map((r) => {
          const ok = r.test(password);
          return (
            <List.Item key={r.text} c={ok ? 'green.9' : 'gray.7'}>
              {ok ? '✓ ' : '○ '}
              {r.text}
              <span className="visually-hidden-inline">{ok ? ' (done)' : ' (missing)'}</span>
            </List.Item>
          );
        })}
      </List>
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
