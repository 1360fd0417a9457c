import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  List,
  Modal,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiFetch, apiUrl } from '../../api/client';
import { errorMessage } from '../../api/errors';

interface ErasureAnswer {
  erased: boolean;
  message: string;
  kept: Array<{ what: string; reason: string; count: number }>;
}

/** "Your data" on the profile page: download everything ScaleMap holds about you, or delete your account. */
export function YourData({ email }: { email: string }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [done, setDone] = useState<ErasureAnswer | null>(null);
  const erase = useMutation({
    mutationFn: () => apiFetch<ErasureAnswer>('/api/me', { method: 'DELETE', body: { confirmEmail: typed } }),
    onSuccess: (answer) => {
      setOpen(false);
      setDone(answer);
    },
  });
  const matches = typed.trim().toLowerCase() === email.toLowerCase();

  if (done)
    return (
      <Alert color="green" role="status" title="Your account is deleted">
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{done.message}</Text>
          <Button
            variant="light"
            onClick={() => {
              queryClient.clear();
              window.location.assign('/');
            }}
          >
            Return to the home page
          </Button>
        </Stack>
      </Alert>
    );

  return (
    <Card withBorder padding="lg" radius="md" aria-labelledby="your-data-title">
      <Title order={2} size="h3" mb="xs" id="your-data-title">
        Your data
      </Title>
      <Stack gap="md">
        <Text size="sm">
          Download a copy of everything ScaleMap holds about you: your profile, answers, documents, reports,
          the emails we sent you and your validation, in one zip file.
        </Text>
        <Group>
          <Button component="a" href={apiUrl('/api/me/export')} download variant="light">
            Download my data
          </Button>
        </Group>
        <Text size="sm">
          Deleting your account removes your documents, reports, answers and profile, and your sign-in. It
          cannot be undone.
        </Text>
        <Group>
          <Button color="red" variant="outline" onClick={() => setOpen(true)}>
            Delete my account
          </Button>
        </Group>
      </Stack>
      <Modal
        opened={open}
        onClose={() => {
          setOpen(false);
          erase.reset();
        }}
        title="Delete your account?"
        centered
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (matches) erase.mutate();
          }}
        >
          <Stack gap="md">
            <Text size="sm">This permanently removes:</Text>
            <List size="sm" spacing={4}>
              <List.Item>your documents and reports</List.Item>
              <List.Item>your answers, profile and validation</List.Item>
              <List.Item>your sign-in: you will not be able to log in again</List.Item>
            </List>
            <Text size="sm">
              If you paid for an assessment, a record of the invoice (amount, date and payment reference) is
              kept for accounting, without your name, email or answers. You may want to{' '}
              <Anchor href={apiUrl('/api/me/export')} download>
                download your data
              </Anchor>{' '}
              first.
            </Text>
            {erase.error && (
              <Alert color="red" role="alert" title="Your account was not deleted">
                {errorMessage(erase.error)}
              </Alert>
            )}
            <TextInput
              label="Type your email address to confirm"
              autoComplete="off"
              value={typed}
              onChange={(e) => setTyped(e.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                Keep my account
              </Button>
              <Button type="submit" color="red" disabled={!matches} loading={erase.isPending}>
                Delete my account
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Card>
  );
}
