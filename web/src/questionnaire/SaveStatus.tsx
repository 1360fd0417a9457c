import { Button, Group, Loader, Text } from '@mantine/core';
import { errorMessage } from '../api/errors';
import { useNow } from '../lib/useNow';
import type { SaveState } from './useAutosave';

/** The autosave indicator: a polite live region, plus a Retry button after a failure. */
export function SaveStatus({
  state,
  error,
  lastSavedAt,
  retryAt = null,
  onRetry,
}: {
  state: SaveState;
  error: unknown;
  lastSavedAt: Date | null;
  /** When the next automatic retry happens (epoch ms), if one is planned. */
  retryAt?: number | null;
  onRetry: () => void;
}) {
  // Re-render every second for the countdown; read the clock itself (the tick may be up to a second old).
  useNow(1000);
  const retryIn = retryAt ? Math.max(1, Math.ceil((retryAt - Date.now()) / 1000)) : null;
  let content: React.ReactNode;
  if (state === 'saving') {
    content = (
      <Group gap={6} wrap="nowrap">
        <Loader size={14} aria-hidden="true" />
        <Text size="sm">Saving…</Text>
      </Group>
    );
  } else if (state === 'saved') {
    const time = lastSavedAt?.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
    content = (
      <Text size="sm" c="green.9" fw={600}>
        ✓ All changes saved{time ? ` at ${time}` : ''}
      </Text>
    );
  } else if (state === 'failed') {
    content = (
      <Text size="sm" c="red.9" fw={600}>
        Not saved yet: {errorMessage(error)} {retryIn ? `Trying again in ${retryIn} s. ` : ''}Your answers are
        kept on this device until they are saved.
      </Text>
    );
  } else {
    content = (
      <Text size="sm" c="dimmed">
        Answers save automatically.
      </Text>
    );
  }
  return (
    <Group gap="sm" wrap="wrap" data-testid="save-status" data-state={state}>
      <div role="status" aria-live="polite">
        {content}
      </div>
      {state === 'failed' && (
        <Button size="compact-sm" color="red" onClick={onRetry}>
          Retry
        </Button>
      )}
    </Group>
  );
}
