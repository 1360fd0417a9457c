import {
  Alert,
  Anchor,
  Badge,
  Card,
  Group,
  List,
  Stack,
  Text,
  ThemeIcon,
  Timeline,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { isApiError } from '../api/client';
import { queryKeys, useAssessment, useMe } from '../api/queries';
import type { Assessment, StageEvent } from '../api/types';
import { AssessmentNav } from '../components/AssessmentNav';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeading } from '../components/PageHeading';
import { PageLoader } from '../components/PageLoader';
import { ToneBadge } from '../components/ToneBadge';
import { domainLabel } from '../lib/domains';
import { formatDateTime, formatDuration } from '../lib/format';
import { isEditable, stageEventLabel, statusLabel, statusTone, type Tone } from '../lib/status';
import { buildTimeline, stepForFailure, type StepState, type TimelineStep } from '../lib/timeline';
import { useAssessmentEvents, type StreamState } from '../lib/useAssessmentEvents';
import { useNow } from '../lib/useNow';

const STEP_BADGE: Record<StepState, { label: string; tone: Tone }> = {
  done: { label: 'Done', tone: 'success' },
  active: { label: 'In progress', tone: 'info' },
  waiting: { label: 'Waiting', tone: 'neutral' },
  failed: { label: 'Failed', tone: 'danger' },
  skipped: { label: 'Went ahead without it', tone: 'neutral' },
};

const STREAM_TEXT: Record<StreamState, string> = {
  connecting: 'Connecting to live updates…',
  open: 'Live: this page updates by itself.',
  reconnecting: 'Live updates interrupted; reconnecting…',
  closed: 'Live updates stopped.',
  unsupported: 'This browser cannot receive live updates; the page refreshes every minute.',
};

function DueLine({ step, now }: { step: TimelineStep; now: number }) {
  if (!step.dueAt) return null;
  const due = new Date(step.dueAt).getTime();
  if (step.doneAt) {
    const late = new Date(step.doneAt).getTime() - due;
    return (
      <Text size="sm">
        Delivered {formatDateTime(step.doneAt)} (
        {late > 0 ? `${formatDuration(late)} after the promised time` : 'on time'})
      </Text>
    );
  }
  const left = due - now;
  return (
    <Text size="sm">
      Due {formatDateTime(step.dueAt)} ·{' '}
      <Text span fw={700} c={left < 0 ? 'red.9' : undefined}>
        {left >= 0 ? `${formatDuration(left)} left` : `${formatDuration(left)} overdue`}
      </Text>
    </Text>
  );
}

function stepBullet(state: StepState, index: number) {
  const colors: Record<StepState, string> = {
    done: 'green.8',
    active: 'indigo',
    waiting: 'gray.7',
    failed: 'red.8',
    skipped: 'gray.7',
  };
  return (
    <ThemeIcon radius="xl" size={26} color={colors[state]} aria-hidden="true">
      <Text size="xs" fw={700} c="white">
        {state === 'done' ? '✓' : state === 'failed' ? '!' : index + 1}
      </Text>
    </ThemeIcon>
  );
}

const STEP_TITLES: Record<string, string> = {
  submitted: 'Submission',
  triage: 'Triage',
  analysis: 'The specialist analysis',
  'executive-summary': 'The executive summary',
  'detailed-report': 'The detailed report',
  validation: 'The validation step',
  'implementation-kits': 'The implementation kits',
};

function failedStepTitle(stage: string): string {
  return STEP_TITLES[stepForFailure(stage) ?? ''] ?? 'A stage';
}

const DELIVERABLE_LINKS: Record<string, string> = {
  'executive-summary': 'Read the executive summary',
  'detailed-report': 'Read the detailed report',
  'implementation-kits': 'Open the implementation kits',
};

function StatusView({ a }: { a: Assessment }) {
  const queryClient = useQueryClient();
  const me = useMe();
  const [params] = useSearchParams();
  const now = useNow(1000);
  const base = `/assessments/${encodeURIComponent(a.id)}`;
  const finished = a.status === 'completed';
  const refetchTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // Each event means the assessment changed: refetch it (debounced, as the history replays in a burst).
  const onEvent = useCallback(
    (_e: StageEvent) => {
      clearTimeout(refetchTimer.current);
      refetchTimer.current = setTimeout(() => {
        void queryClient.invalidateQueries({ queryKey: queryKeys.assessment(a.id) });
        void queryClient.invalidateQueries({ queryKey: queryKeys.assessments, refetchType: 'none' });
      }, 250);
    },
    [a.id, queryClient],
  );
  useEffect(() => () => clearTimeout(refetchTimer.current), []);
  const stream = useAssessmentEvents(a.id, !!a.submittedAt && !finished, onEvent);

  if (!a.submittedAt) {
    return (
      <Alert color="indigo" title="Not submitted yet">
        The timeline starts when you submit.{' '}
        <Anchor component={Link} to={isEditable(a.status) ? `${base}/review` : `${base}/questionnaire`}>
          Review and submit
        </Anchor>
      </Alert>
    );
  }

  const steps = buildTimeline(a);
  const activeIndex = steps.reduce(
    (acc, s, i) => (s.state === 'done' || s.state === 'skipped' ? i : acc),
    -1,
  );
  const activated = a.triage?.activatedDomains ?? [];
  const lastEvent = stream.events[stream.events.length - 1];

  return (
    <Stack gap="lg">
      {params.get('submitted') === '1' && (
        <Alert color="green" title="Submitted" role="status">
          Thank you. We have emailed you the delivery schedule. The executive summary will arrive within 24
          hours.
        </Alert>
      )}
      {a.status === 'failed' && (
        <Alert color="red" title="A stage of your assessment failed" role="alert">
          <Text size="sm">
            {a.failure
              ? `${failedStepTitle(a.failure.stage)} failed on ${formatDateTime(a.failure.at)}. `
              : ''}
            ScaleMap&apos;s team has been alerted and will re-run it. You do not need to do anything; this
            page updates when it moves again.
          </Text>
          {a.failure?.reason && (
            <Text size="xs" mt={4}>
              Reason: {a.failure.reason}
            </Text>
          )}
        </Alert>
      )}
      {a.awaitingValidation && (
        <Alert color="yellow" title="Your input is requested">
          The detailed report is ready. Please{' '}
          <Anchor component={Link} to={`${base}/validate`}>
            validate the priorities
          </Anchor>{' '}
          so that the implementation kits fit your situation.
        </Alert>
      )}

      {me.data?.settings.localMode && me.data.settings.timeScale > 1 && (
        <Text size="sm" c="dimmed">
          Local mode: time runs {me.data.settings.timeScale}× faster, so 24 hours pass in about{' '}
          {formatDuration((24 * 3600_000) / me.data.settings.timeScale)}.
        </Text>
      )}
      <Group gap="sm">
        <ToneBadge tone={statusTone(a.status)} size="lg">
          {statusLabel(a.status)}
        </ToneBadge>
        <Text size="sm" c="dimmed">
          Submitted {formatDateTime(a.submittedAt)}
        </Text>
      </Group>

      <Card withBorder padding="lg" radius="md">
        <Title order={2} size="h3" mb="md">
          Timeline
        </Title>
        <Timeline active={activeIndex} bulletSize={26} lineWidth={2} color="green.8">
          {steps.map((s, i) => (
            <Timeline.Item
              key={s.key}
              bullet={stepBullet(s.state, i)}
              title={
                <Group gap="xs" component="span">
                  <Text fw={700} component="span">
                    {s.title}
                    {s.promise ? ` (within ${s.promise})` : ''}
                  </Text>
                  <ToneBadge tone={STEP_BADGE[s.state].tone}>{STEP_BADGE[s.state].label}</ToneBadge>
                </Group>
              }
            >
              <Text size="sm" c="dimmed">
                {s.description}
              </Text>
              <DueLine step={s} now={now} />
              {s.state === 'done' && DELIVERABLE_LINKS[s.key] && (
                <Anchor component={Link} to={`${base}/deliverables/${s.key}`} size="sm" fw={600}>
                  {DELIVERABLE_LINKS[s.key]}
                </Anchor>
              )}
              {s.key === 'validation' && a.awaitingValidation && (
                <Anchor component={Link} to={`${base}/validate`} size="sm" fw={600}>
                  Validate the priorities
                </Anchor>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      </Card>

      <Card withBorder padding="lg" radius="md">
        <Title order={2} size="h3" mb="sm">
          Specialists working on your assessment
        </Title>
        {activated.length === 0 ? (
          <Text c="dimmed">Triage has not picked the domains yet.</Text>
        ) : (
          <>
            <Text size="sm" mb="sm">
              Triage scored all twelve domains and activated {activated.length} specialist
              {activated.length === 1 ? '' : 's'}
              {a.triage ? ` (confidence ${Math.round(a.triage.confidence * 100)}%)` : ''}:
            </Text>
            <List spacing="xs">
              {activated.map((d) => {
                const analysis = a.analyses.find((x) => x.domain === d);
                const reason = a.triage?.domains.find((x) => x.domain === d)?.reason;
                return (
                  <List.Item key={d}>
                    <Text fw={600} component="span">
                      {domainLabel(d)}
                    </Text>
                    {analysis ? (
                      <Text component="span" size="sm">
                        {' '}
                        · analysed by {analysis.analyst}
                      </Text>
                    ) : null}
                    {reason && (
                      <Text size="sm" c="dimmed">
                        {reason}
                      </Text>
                    )}
                  </List.Item>
                );
              })}
            </List>
          </>
        )}
      </Card>

      {!finished && (
        <Card withBorder padding="md" radius="md">
          <Group gap="xs">
            <Badge variant="dot" color={stream.state === 'open' ? 'green.8' : 'gray'} tt="none" c="gray.9">
              {STREAM_TEXT[stream.state]}
            </Badge>
          </Group>
          <div role="log" aria-live="polite" aria-label="Latest update">
            {lastEvent && (
              <Text size="sm" mt="xs">
                Latest update: {stageEventLabel(lastEvent.stage)} ({formatDateTime(lastEvent.at)})
              </Text>
            )}
          </div>
        </Card>
      )}
    </Stack>
  );
}

export function StatusPage() {
  const { id = '' } = useParams();
  // Live events drive refetches; a slow poll covers browsers without EventSource and dropped streams.
  const assessment = useAssessment(id, { refetchInterval: 60_000 });
  let body: React.ReactNode;
  if (assessment.isPending) body = <PageLoader />;
  else if (assessment.isError)
    body = isApiError(assessment.error, 404) ? (
      <Text>This assessment does not exist, or it belongs to another account.</Text>
    ) : (
      <ErrorAlert error={assessment.error} onRetry={() => void assessment.refetch()} />
    );
  else
    body = (
      <>
        <AssessmentNav assessment={assessment.data} />
        <StatusView a={assessment.data} />
      </>
    );
  return (
    <Stack gap={0} maw={900}>
      <PageHeading>Assessment progress</PageHeading>
      {body}
    </Stack>
  );
}
