import {
  Button,
  CloseButton,
  Group,
  NativeSelect,
  Paper,
  Progress,
  Stack,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/errors';
import type { DocumentInfo } from '../api/types';
import { DOMAIN_LIST, domainLabel } from '../lib/domains';
import { formatBytes } from '../lib/format';
import { ACCEPT, MAX_FILES, checkFile, uploadDocument, type UploadPhase } from './upload';

type ItemStatus = 'rejected' | 'uploading' | 'done' | 'failed' | 'cancelled';

interface Item {
  key: string;
  file: File;
  contentType: string | null;
  domain: string | null;
  status: ItemStatus;
  phase: UploadPhase;
  progress: number;
  error: string | null;
}

let nextKey = 0;

const PHASE_TEXT: Record<UploadPhase, string> = {
  preparing: 'Preparing…',
  uploading: 'Uploading',
  finishing: 'Finishing…',
};

/**
 * Drag-and-drop or file picker, checks type / size / count before anything is sent, then uploads each file
 * (POST for a presigned URL, XHR PUT with progress, POST …/complete) with its own progress bar.
 */
export function DocumentUploader({
  assessmentId,
  existingCount,
  disabled = false,
  onUploaded,
}: {
  assessmentId: string;
  existingCount: number;
  disabled?: boolean;
  onUploaded: (doc: DocumentInfo) => void;
}) {
  const [items, setItems] = useState<Item[]>([]);
  const [domain, setDomain] = useState('');
  const [dragActive, setDragActive] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const controllers = useRef(new Map<string, AbortController>());

  useEffect(() => {
    const map = controllers.current;
    return () => map.forEach((c) => c.abort());
  }, []);

  const update = (key: string, patch: Partial<Item>) =>
    setItems((list) => list.map((i) => (i.key === key ? { ...i, ...patch } : i)));

  const start = useCallback(
    (item: Item) => {
      if (!item.contentType) return;
      const controller = new AbortController();
      controllers.current.set(item.key, controller);
      update(item.key, { status: 'uploading', phase: 'preparing', progress: 0, error: null });
      uploadDocument(
        assessmentId,
        item.file,
        item.contentType,
        item.domain,
        (progress, phase) => update(item.key, { progress, phase }),
        controller.signal,
      )
        .then((doc) => {
          update(item.key, { status: 'done', progress: 1 });
          onUploaded(doc);
        })
        .catch((err: unknown) => {
          if (err instanceof Error && err.name === 'AbortError') update(item.key, { status: 'cancelled' });
          else
            update(item.key, {
              status: 'failed',
              error: errorMessage(err, { conflict: 'The upload could not be confirmed. Please try again.' }),
            });
        })
        .finally(() => controllers.current.delete(item.key));
    },
    [assessmentId, onUploaded],
  );

  const addFiles = (files: FileList | File[]) => {
    if (disabled) return;
    // Finished uploads are already counted in existingCount (the assessment's documents).
    const active = items.filter((i) => i.status === 'uploading').length;
    let slotsLeft = MAX_FILES - existingCount - active;
    const added: Item[] = [];
    for (const file of Array.from(files)) {
      const check = checkFile(file, slotsLeft);
      const item: Item = {
        key: `f${++nextKey}`,
        file,
        contentType: check.ok ? check.contentType : null,
        domain: domain || null,
        status: check.ok ? 'uploading' : 'rejected',
        phase: 'preparing',
        progress: 0,
        error: check.ok ? null : check.reason,
      };
      if (check.ok) slotsLeft -= 1;
      added.push(item);
    }
    setItems((list) => [...added, ...list]);
    for (const item of added) if (item.status === 'uploading') start(item);
  };

  const onDrop = (e: React.DragEvent) => {
    e.preventDefault();
    setDragActive(false);
    if (e.dataTransfer?.files?.length) addFiles(e.dataTransfer.files);
  };

  const dismiss = (key: string) => setItems((list) => list.filter((i) => i.key !== key));
  const slots = Math.max(0, MAX_FILES - existingCount);

  return (
    <Stack gap="md">
      <NativeSelect
        label="Related domain (optional)"
        description="Applies to the files you add next."
        value={domain}
        onChange={(e) => setDomain(e.currentTarget.value)}
        disabled={disabled}
        data={[
          { value: '', label: 'Not specific to one domain' },
          ...DOMAIN_LIST.map((d) => ({ value: d.id, label: d.name })),
        ]}
        maw={480}
      />
      <div
        className="dropzone"
        data-active={dragActive}
        data-disabled={disabled}
        onDragOver={(e) => {
          e.preventDefault();
          if (!disabled) setDragActive(true);
        }}
        onDragLeave={() => setDragActive(false)}
        onDrop={onDrop}
        data-testid="dropzone"
      >
        <Text fw={600}>Drag and drop files here</Text>
        <Text size="sm" c="dimmed" mb="sm">
          PDF, Word, Excel, CSV, PNG or JPEG, up to 10 MB each; {slots} of {MAX_FILES} places left.
        </Text>
        <Button onClick={() => inputRef.current?.click()} disabled={disabled || slots === 0}>
          Choose files
        </Button>
        <VisuallyHidden>
          <label>
            Files to upload
            <input
              ref={inputRef}
              type="file"
              multiple
              accept={ACCEPT}
              tabIndex={-1}
              disabled={disabled}
              onChange={(e) => {
                if (e.currentTarget.files?.length) addFiles(e.currentTarget.files);
                e.currentTarget.value = '';
              }}
            />
          </label>
        </VisuallyHidden>
      </div>

      {items.length > 0 && (
        <Stack
          gap="xs"
          component="ul"
          aria-label="Uploads"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {items.map((item) => (
            <Paper key={item.key} component="li" withBorder p="sm" radius="md" bg="white">
              <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
                <div style={{ minWidth: 0, flex: 1 }}>
                  <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {item.file.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatBytes(item.file.size)}
                    {item.domain ? ` · ${domainLabel(item.domain)}` : ''}
                  </Text>
                </div>
                {item.status === 'uploading' ? (
                  <Button
                    size="compact-sm"
                    variant="default"
                    onClick={() => controllers.current.get(item.key)?.abort()}
                    aria-label={`Cancel the upload of ${item.file.name}`}
                  >
                    Cancel
                  </Button>
                ) : (
                  <CloseButton
                    onClick={() => dismiss(item.key)}
                    aria-label={`Dismiss ${item.file.name}`}
                    size="sm"
                  />
                )}
              </Group>
              {item.status === 'uploading' && (
                <Stack gap={2} mt="xs">
                  <Progress
                    value={Math.round(item.progress * 100)}
                    aria-label={`Upload of ${item.file.name}`}
                    transitionDuration={150}
                  />
                  <Text size="xs">
                    {PHASE_TEXT[item.phase]}
                    {item.phase === 'uploading' ? ` ${Math.round(item.progress * 100)}%` : ''}
                  </Text>
                </Stack>
              )}
              {item.status === 'done' && (
                <Text size="sm" c="green.9" fw={600} mt={4}>
                  ✓ Uploaded
                </Text>
              )}
              {item.status === 'cancelled' && (
                <Text size="sm" mt={4}>
                  Cancelled
                </Text>
              )}
              {(item.status === 'rejected' || item.status === 'failed') && (
                <Group gap="sm" mt={4}>
                  <Text size="sm" c="red.9" fw={600} role="alert">
                    {item.status === 'rejected' ? 'Not uploaded: ' : 'Upload failed: '}
                    {item.error}
                  </Text>
                  {item.status === 'failed' && (
                    <Button size="compact-sm" variant="light" onClick={() => start(item)}>
                      Retry
                    </Button>
                  )}
                </Group>
              )}
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
