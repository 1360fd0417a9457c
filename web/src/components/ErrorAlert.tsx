import { Alert, Button, Group, Text } from '@mantine/core';
import { errorMessage, type ErrorOverrides } from '../api/errors';

export function ErrorAlert({
  error,
  title = 'Something went wrong',
  overrides,
  onRetry,
}: {
  error: unknown;
  title?: string;
  overrides?: ErrorOverrides;
  onRetry?: () => void;
}) {
  return (
    <Alert color="red" title={title} role="alert">
      <Group justify="space-between" gap="sm">
        <Text size="sm">{errorMessage(error, overrides)}</Text>
        {onRetry && (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            Try again
          </Button>
        )}
      </Group>
    </Alert>
  );
}
