import { Anchor, Button, Container, Group, Stack, Text, Title } from '@mantine/core';
import { isRouteErrorResponse, useRouteError } from 'react-router-dom';

/** Shown when a screen fails to render or a lazy chunk fails to load (for example after a new release). */
export function ErrorPage() {
  const error = useRouteError();
  const chunkFailed =
    error instanceof Error &&
    /dynamically imported module|Importing a module script failed/i.test(error.message);
  return (
    <Container size="sm" py="xl">
      <Stack gap="md">
        <Title order={1}>Something went wrong</Title>
        <Text>
          {chunkFailed
            ? 'A new version of ScaleMap may have been released. Reload the page to continue.'
            : 'This page could not be shown. Your answers are saved; reloading usually helps.'}
        </Text>
        {isRouteErrorResponse(error) && (
          <Text size="sm" c="dimmed">
            {error.status} {error.statusText}
          </Text>
        )}
        <Group>
          <Button onClick={() => window.location.reload()}>Reload the page</Button>
          <Anchor href="/">Go to the home page</Anchor>
        </Group>
      </Stack>
    </Container>
  );
}
