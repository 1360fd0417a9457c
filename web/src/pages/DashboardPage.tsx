import { Alert, Anchor, Button, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { apiFetch } from '../api/client';
import { errorMessage } from '../api/errors';
import { queryKeys, useAssessments, useMe } from '../api/queries';
import type { Assessment, AssessmentSummary } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeading } from '../components/PageHeading';
import { PageLoader } from '../components/PageLoader';
import { ToneBadge } from '../components/ToneBadge';
import { formatDate, formatDateTime, formatPercent } from '../lib/format';
import { isEditable, isProfileComplete, nextStep, statusLabel, statusTone } from '../lib/status';

function AssessmentCard({ a, index }: { a: AssessmentSummary; index: number }) {
  const step = nextStep(a);
  const headingId = `assessment-${a.id}`;
  return (
    <Card withBorder padding="lg" radius="md" component="article" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <div>
          <Title order={2} size="h4" id={headingId}>
            Assessment {index}, started {formatDate(a.createdAt)}
          </Title>
          {a.submittedAt && (
            <Text size="sm" c="dimmed">
              Submitted {formatDateTime(a.submittedAt)}
            </Text>
          )}
        </div>
        <ToneBadge tone={statusTone(a.status)} size="lg">
          {statusLabel(a.status)}
        </ToneBadge>
      </Group>
      {isEditable(a.status) && (
        <Stack gap={4} mt="md">
          <Text size="sm">Questionnaire {formatPercent(a.progress.overall)} answered</Text>
          <Progress value={Math.round(a.progress.overall * 100)} aria-label="Questionnaire progress" />
        </Stack>
      )}
      {a.dueTimes && a.status !== 'completed' && (
        <Text size="sm" mt="md">
          Executive summary due {formatDateTime(a.dueTimes.executiveSummary)}; detailed report{' '}
          {formatDateTime(a.dueTimes.detailedReport)}; implementation kits{' '}
          {formatDateTime(a.dueTimes.implementationKits)}.
        </Text>
      )}
      <Group mt="md" gap="md">
        <Button component={Link} to={step.to}>
          {step.label}
        </Button>
        {!isEditable(a.status) && step.to.endsWith('/status') === false && (
          <Anchor component={Link} to={`/assessments/${encodeURIComponent(a.id)}/status`}>
            Progress and deliverables
          </Anchor>
        )}
      </Group>
    </Card>
  );
}

export function DashboardPage() {
  const me = useMe({ enabled: true });
  const assessments = useAssessments();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const hasProfile = isProfileComplete(me.data?.profile);

  const start = useMutation({
    mutationFn: () => apiFetch<Assessment>('/api/assessments', { method: 'POST' }),
    onSuccess: (a) => {
      queryClient.setQueryData(queryKeys.assessment(a.id), a);
      void queryClient.invalidateQueries({ queryKey: queryKeys.assessments });
      const questionnaire = `/assessments/${encodeURIComponent(a.id)}/questionnaire`;
      navigate(hasProfile ? questionnaire : `/profile?next=${encodeURIComponent(questionnaire)}`);
    },
  });

  const list = assessments.data ?? [];
  // With a draft under way, continuing it is the main action; starting another is secondary.
  const hasDraft = list.some((a) => isEditable(a.status));
  // Oldest first for numbering, newest first for display.
  const numbered = [...list]
    .sort((x, y) => x.createdAt.localeCompare(y.createdAt))
    .map((a, i) => ({ a, n: i + 1 }))
    .reverse();

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <PageHeading mb={4}>Your assessments</PageHeading>
          {me.data && <Text c="dimmed">Welcome, {me.data.user.firstName}.</Text>}
        </div>
        <Button
          onClick={() => start.mutate()}
          loading={start.isPending}
          variant={hasDraft ? 'default' : 'filled'}
        >
          {hasDraft ? 'Start another assessment' : 'Start an assessment'}
        </Button>
      </Group>
      {start.error && (
        <Alert color="red" role="alert" title="The assessment was not started">
          {errorMessage(start.error)}
        </Alert>
      )}
      {me.data && !hasProfile && (
        <Alert color="indigo" title="Start with your company profile">
          Your profile decides which questions apply to you.{' '}
          <Anchor component={Link} to="/profile">
            Fill in your company profile
          </Anchor>
          .
        </Alert>
      )}
      {assessments.isPending && <PageLoader label="Loading your assessments" />}
      {assessments.isError && (
        <ErrorAlert error={assessments.error} onRetry={() => void assessments.refetch()} />
      )}
      {assessments.isSuccess && list.length === 0 && (
        <Card withBorder padding="lg" radius="md">
          <Text>
            You have no assessments yet. Start one: you can stop at any time and pick up where you left off;
            nothing is charged until you submit.
          </Text>
        </Card>
      )}
      {numbered.map(({ a, n }) => (
        <AssessmentCard key={a.id} a={a} index={n} />
      ))}
    </Stack>
  );
}
