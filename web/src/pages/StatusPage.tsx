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
import { buildTimeline, type StepState, type TimelineStep } from '../lib/timeline';
import { useAssessmentEvents, type StreamState } from '../lib/useAssessmentEvents';
import { useNow } from '../lib/useNow';
import { countdownWithTolerance } from '../../../src/domain/schedule';

const STEP_BADGE: Record<StepState, { label: string; tone: Tone }> = {
  done: { label: 'Done', tone: 'success' },
  active: { label: 'In progress', tone: 'info' },
  waiting: { label: 'Waiting', tone: 'neutral' },
  failed: { label: 'Delayed', tone: 'warning' },
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
    // The API says whether it was on time (due + stated tolerance); older answers fall back to the same rule.
    const onTime = step.onTime ?? late <= (step.toleranceMs ?? 0);
    return (
      <Text size="sm">
        Delivered {formatDateTime(step.doneAt)} ·{' '}
        <Text span fw={700} c={onTime ? 'green.9' : undefined}>
          {onTime ? 'on time' : `${formatDuration(late)} after the promised time`}
        </Text>
      </Text>
    );
  }
  const c = countdownWithTolerance(due, now, step.toleranceMs ?? 0);
  return (
    <Text size="sm">
      Due {formatDateTime(step.dueAt)} ·{' '}
      <Text span fw={700} c={c.kind === 'late' ? 'orange.9' : undefined}>
        {c.kind === 'left'
          ? `${formatDuration(c.ms)} left`
          : c.kind === 'arriving'
            ? 'on time, arriving now'
            : 'taking longer than planned; our team has been alerted'}
      </Text>
    </Text>
  );
}

function stepBullet(state: StepState, index: number) {
  const colors: Record<StepState, string> = {
    done: 'green.8',
    active: 'indigo',
    waiting: 'gray.7',
    failed: 'orange.9',
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
        <Alert color="orange" title="Taking longer than planned" role="status">
          <Text size="sm">
            {a.failure?.message ??
              'A step is taking longer than planned. Our team has been alerted and is on it; you do not need to do anything. This page updates by itself.'}
          </Text>
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
          AI specialists working on your assessment
        </Title>
        {activated.length === 0 ? (
          <Text c="dimmed">The domains to analyse in depth are chosen shortly after submission.</Text>
        ) : (
          <>
            <Text size="sm" mb="sm">
              All twelve domains were reviewed, and {activated.length} need a closer look. Each is analysed by
              an AI specialist for that domain, and the findings are checked before they reach you.
            </Text>
            <List spacing="xs">
              {activated.map((d) => {
                const analysis = a.analyses.find((x) => x.domain === d);
                return (
                  <List.Item key={d}>
                    <Text fw={600} component="span">
                      {domainLabel(d)}
                    </Text>
                    <Text component="span" size="sm">
                      {analysis ? ' · analysed by its AI specialist' : ' · AI specialist at work'}
                    </Text>
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
