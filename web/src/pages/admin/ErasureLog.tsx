import { Card, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../lib/format';

export interface ErasureEntry {
  id: string;
  userId: string | null;
  actor: string;
  at: string;
  removed: Record<string, number>;
  kept: Array<{ what: string; reason: string; count: number }>;
}

const ACTORS: Record<string, string> = {
  client: 'The client (self-service)',
  founder: 'A founder',
  retention: 'Retention job',
};

const LABELS: Record<string, string> = {
  documents: 'documents',
  deliverables: 'deliverables',
  objects: 'stored files',
  answers: 'answers',
  analyses: 'analyses',
  emails: 'email records',
  assessments: 'assessments',
  profile: 'profile',
  userPoolAccount: 'sign-in account',
};

/** The founder console's erasure log: who, when, by whom and what was removed or kept. Never any content. */
export function ErasureLog() {
  const log = useQuery({
    queryKey: ['admin', 'erasures'],
    queryFn: () => apiFetch<{ erasures: ErasureEntry[] }>('/api/admin/erasures').then((r) => r.erasures),
    staleTime: 30_000,
  });
  return (
    <Card withBorder padding="lg" radius="md" aria-labelledby="erasure-log-title">
      <Title order={2} size="h3" mb="xs" id="erasure-log-title">
        Erasure log
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Accounts deleted at the client&apos;s request and documents removed by the retention period. Counts
        only: the erased content is gone.
      </Text>
      {log.error && <ErrorAlert error={log.error} />}
      {log.data && log.data.length === 0 && <Text size="sm">Nothing has been erased yet.</Text>}
      {log.data && log.data.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Who</Table.Th>
                <Table.Th>Requested by</Table.Th>
                <Table.Th>Removed</Table.Th>
                <Table.Th>Kept</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {log.data.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td className="nowrap">{formatDateTime(e.at)}</Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace">
                      {e.userId ? `account ${e.userId.slice(0, 8)}` : '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>{ACTORS[e.actor] ?? e.actor}</Table.Td>
                  <Table.Td>
                    {Object.entries(e.removed)
                      .filter(([, n]) => n > 0)
                      .map(([k, n]) => `${n} ${LABELS[k] ?? k}`)
                      .join(', ') || '—'}
                  </Table.Td>
                  <Table.Td>
                    {e.kept.length
                      ? e.kept.map((k) => (
                          <Text size="xs" key={k.what}>
                            {k.count > 0 ? `${k.count} ${k.what}` : k.what}: {k.reason}
                          </Text>
                        ))
                      : '—'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
