import { Alert, Card, Grid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { isApiError } from '../api/client';
import { useOutbox } from '../api/queries';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeading } from '../components/PageHeading';
import { PageLoader } from '../components/PageLoader';
import { SandboxedHtml } from '../components/SandboxedHtml';
import { formatDateTime } from '../lib/format';

/** Local mode only: the emails the API would have sent (GET /api/dev/outbox). */
export function OutboxPage() {
  const outbox = useOutbox();
  const navigate = useNavigate();
  const [selected, setSelected] = useState<string | null>(null);
  const emails = [...(outbox.data ?? [])].sort((a, b) => b.sentAt.localeCompare(a.sentAt));
  const email = emails.find((e) => e.id === selected) ?? null;

  let body: React.ReactNode;
  if (outbox.isPending) body = <PageLoader label="Loading the outbox" />;
  else if (outbox.isError)
    body =
      isApiError(outbox.error, 404) || isApiError(outbox.error, 403) ? (
        <Alert color="indigo" title="No outbox here">
          The outbox exists only when ScaleMap runs locally; this instance sends real emails.
        </Alert>
      ) : (
        <ErrorAlert error={outbox.error} onRetry={() => void outbox.refetch()} />
      );
  else if (emails.length === 0) body = <Text>No emails yet. This page refreshes every few seconds.</Text>;
  else
    body = (
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack
            gap="xs"
            component="ul"
            aria-label="Emails"
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
          >
            {emails.map((e) => (
              <li key={e.id}>
                <UnstyledButton
                  onClick={() => setSelected(e.id)}
                  aria-current={e.id === selected ? 'true' : undefined}
                  className="qn-nav-button"
                >
                  <Text fw={600} size="sm">
                    {e.subject}
                  </Text>
                  <Text size="xs" c="dimmed">
                    To {Array.isArray(e.to) ? e.to.join(', ') : e.to} · {formatDateTime(e.sentAt)}
                  </Text>
                </UnstyledButton>
              </li>
            ))}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {email ? (
            <Card withBorder padding="md" radius="md" component="article" aria-labelledby="email-subject">
              <Title order={2} size="h4" id="email-subject">
                {email.subject}
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                To {Array.isArray(email.to) ? email.to.join(', ') : email.to} · {formatDateTime(email.sentAt)}
              </Text>
              {email.html ? (
                <SandboxedHtml
                  key={email.id}
                  html={email.html}
                  title={`Email: ${email.subject}`}
                  minHeight={300}
                  onNavigate={navigate}
                />
              ) : (
                <Text style={{ whiteSpace: 'pre-wrap' }}>{email.text}</Text>
              )}
            </Card>
          ) : (
            <Text c="dimmed">Choose an email to read it.</Text>
          )}
        </Grid.Col>
      </Grid>
    );

  return (
    <Stack gap="md">
      <PageHeading mb={0}>Outbox (local mode)</PageHeading>
      {body}
    </Stack>
  );
}
