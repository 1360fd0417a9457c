import { Alert, Anchor, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../api/client';
import { errorMessage } from '../api/errors';
import { queryKeys, useAdminAssessments } from '../api/queries';
import type { AdminAssessment, SlaState } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeading } from '../components/PageHeading';
import { PageLoader } from '../components/PageLoader';
import { ToneBadge } from '../components/ToneBadge';
import { domainLabel } from '../lib/domains';
import { formatDateTime, formatNumber, formatUsd } from '../lib/format';
import { SLA_TOLERANCE_HOURS } from '../../../src/domain/schedule';
import { SLA_LABELS, SLA_TONES, statusLabel, statusTone } from '../lib/status';
import { ErasureLog } from './admin/ErasureLog';

const STAGES: {
  key: keyof NonNullable<AdminAssessment['sla']>;
  label: string;
  dueKey: keyof NonNullable<AdminAssessment['dueTimes']>;
}[] = [
  { key: 'executiveSummary', label: '24 h summary', dueKey: 'executiveSummary' },
  { key: 'detailedReport', label: '48 h report', dueKey: 'detailedReport' },
  { key: 'implementationKits', label: '72 h kits', dueKey: 'implementationKits' },
];

function SlaCell({ row, stage }: { row: AdminAssessment; stage: (typeof STAGES)[number] }) {
  const state: SlaState = row.sla?.[stage.key] ?? 'pending';
  const due = row.dueTimes?.[stage.dueKey];
  return (
    <Stack gap={2}>
      <ToneBadge tone={SLA_TONES[state] ?? 'neutral'} miw="max-content">
        {SLA_LABELS[state] ?? state}
      </ToneBadge>
      {due && (
        <Text size="xs" className="nowrap">
          {formatDateTime(due)}
        </Text>
      )}
    </Stack>
  );
}

function RetryButton({ row }: { row: AdminAssessment }) {
  const queryClient = useQueryClient();
  const retry = useMutation({
    mutationFn: () =>
      apiFetch<void>(`/api/admin/assessments/${encodeURIComponent(row.id)}/retry`, { method: 'POST' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.admin }),
  });
  return (
    <Stack gap={2}>
      <Button
        size="compact-sm"
        color="red"
        onClick={() => retry.mutate()}
        loading={retry.isPending}
        disabled={retry.isSuccess}
        aria-label={`${retry.isSuccess ? 'Re-run started' : 'Retry'}: ${row.company || row.email}`}
      >
        {retry.isSuccess ? 'Re-run started' : 'Retry'}
      </Button>
      {retry.error && (
        <Text size="xs" c="red.9" role="alert">
          {errorMessage(retry.error, { conflict: 'This assessment is not in a failed state any more.' })}
        </Text>
      )}
    </Stack>
  );
}

export function AdminPage() {
  const list = useAdminAssessments();
  const rows = list.data ?? [];
  const totals = rows.reduce(
    (acc, r) => ({
      cost: acc.cost + (r.costUsd ?? 0),
      late:
        acc.late + Object.values(r.sla ?? {}).filter((s) => s === 'late' || s === 'delivered-late').length,
      atRisk: acc.atRisk + Object.values(r.sla ?? {}).filter((s) => s === 'at-risk').length,
      failed: acc.failed + (r.status === 'failed' ? 1 : 0),
    }),
    { cost: 0, late: 0, atRisk: 0, failed: 0 },
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <PageHeading mb={0}>Founder console</PageHeading>
        <Button
          variant="default"
          onClick={() => void list.refetch()}
          loading={list.isFetching && !list.isPending}
        >
          Refresh
        </Button>
      </Group>
      <Text c="dimmed" size="sm">
        Every assessment&apos;s pipeline stage, due times and SLA state. On time means delivered at or before
        the promise plus its stated tolerance: 24 h ± {SLA_TOLERANCE_HOURS.executiveSummary} h, 48 h ±{' '}
        {SLA_TOLERANCE_HOURS.detailedReport} h, 72 h ± {SLA_TOLERANCE_HOURS.implementationKits} h. Refreshes
        every 30 seconds.
      </Text>
      {list.isPending && <PageLoader label="Loading assessments" />}
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && (
        <>
          <Group gap="lg">
            <Text size="sm">
              <strong>{rows.length}</strong> assessments
            </Text>
            <Text size="sm">
              <strong>{totals.failed}</strong> failed
            </Text>
            <Text size="sm">
              <strong>{totals.atRisk}</strong> stages at risk
            </Text>
            <Text size="sm">
              <strong>{totals.late}</strong> stages late
            </Text>
            <Text size="sm">
              LLM cost <strong>{formatUsd(totals.cost)}</strong>
            </Text>
          </Group>
          {totals.failed > 0 && (
            <Alert color="red" title="Failed assessments need a re-run">
              Check the failure reasons below, then use Retry to re-run the failed stage.
            </Alert>
          )}
          <Card withBorder padding={0} radius="md">
            <Table.ScrollContainer minWidth={1250}>
              <Table striped highlightOnHover verticalSpacing="sm" horizontalSpacing="md" stickyHeader>
                <Table.Caption>All assessments, newest first</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col" className="sticky-col">
                      Company
                    </Table.Th>
                    <Table.Th scope="col">Stage</Table.Th>
                    <Table.Th scope="col">Failure</Table.Th>
                    {STAGES.map((s) => (
                      <Table.Th scope="col" key={s.key}>
                        {s.label}
                      </Table.Th>
                    ))}
                    <Table.Th scope="col">Submitted</Table.Th>
                    <Table.Th scope="col">Specialists</Table.Th>
                    <Table.Th scope="col">Tokens (prompt / completion)</Table.Th>
                    <Table.Th scope="col">Cost</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={10}>No assessments yet.</Table.Td>
                    </Table.Tr>
                  )}
                  {[...rows]
                    .sort((x, y) => (y.submittedAt ?? '').localeCompare(x.submittedAt ?? ''))
                    .map((r) => (
                      <Table.Tr key={r.id}>
                        <Table.Th scope="row" fw={600} className="sticky-col">
                          {r.company || '—'}
                          <Text size="xs" c="dimmed" fw={400}>
                            <Anchor href={`mailto:${r.email}`} size="xs">
                              {r.email}
                            </Anchor>
                          </Text>
                        </Table.Th>
                        <Table.Td>
                          <ToneBadge tone={statusTone(r.status)} miw="max-content">
                            {statusLabel(r.status)}
                          </ToneBadge>
                        </Table.Td>
                        <Table.Td miw={220}>
                          {r.failure ? (
                            <Stack gap={4}>
                              <Text size="xs" c="red.9" fw={600}>
                                {r.failure.stage}: {r.failure.reason}
                              </Text>
                              <Text size="xs">{formatDateTime(r.failure.at)}</Text>
                              {r.status === 'failed' && <RetryButton row={r} />}
                            </Stack>
                          ) : (
                            '—'
                          )}
                        </Table.Td>
                        {STAGES.map((s) => (
                          <Table.Td key={s.key}>
                            <SlaCell row={r} stage={s} />
                          </Table.Td>
                        ))}
                        <Table.Td className="nowrap">{formatDateTime(r.submittedAt)}</Table.Td>
                        <Table.Td miw={220}>
                          <Text size="xs">
                            {r.activatedDomains?.length
                              ? r.activatedDomains.map(domainLabel).join(', ')
                              : '—'}
                          </Text>
                        </Table.Td>
                        <Table.Td className="nowrap">
                          {formatNumber(r.tokens?.prompt ?? 0)} / {formatNumber(r.tokens?.completion ?? 0)}
                        </Table.Td>
                        <Table.Td className="nowrap">{formatUsd(r.costUsd ?? 0)}</Table.Td>
                      </Table.Tr>
                    ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
        </>
      )}
      <ErasureLog />
    </Stack>
  );
}
