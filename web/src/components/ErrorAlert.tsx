import { Alert, Button, Group, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { errorMessage, type ErrorOverrides } from '../api/errors';
import { isTransientError } from '../api/queries';

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
  // A passing failure (API unreachable, 5xx) is retried by itself, backing off: the page recovers on its own.
  const attempts = useRef(0);
  const retryRef = useRef(onRetry);
  useEffect(() => {
    retryRef.current = onRetry;
  });
  const auto = !!onRetry && isTransientError(error);
  useEffect(() => {
    if (!auto) return;
    const wait = Math.min(30_000, 2000 * 2 ** attempts.current);
    attempts.current += 1;
    const t = setTimeout(() => retryRef.current?.(), wait);
    return () => clearTimeout(t);
  }, [auto, error]);
  return (
    <Alert color="red" title={title} role="alert">
      <Group justify="space-between" gap="sm">
        <Text size="sm">
          {errorMessage(error, overrides)}
          {auto ? ' This page tries again by itself.' : ''}
        </Text>
        {onRetry && (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            Try again
          </Button>
        )}
      </Group>
    </Alert>
  );
}
