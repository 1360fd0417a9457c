import { Alert, Anchor, Button, Card, Radio, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { validationSchema, type ValidationResponse } from '../../../src/domain/validation';
import { VALIDATION_WINDOW_HOURS } from '../../../src/domain/schedule';
import { apiFetch, isApiError } from '../api/client';
import { errorMessage } from '../api/errors';
import { assessmentPath, queryKeys, useAssessment, useMe } from '../api/queries';
import type { Assessment, Priority } from '../api/types';
import { AssessmentNav } from '../components/AssessmentNav';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeading } from '../components/PageHeading';
import { PageLoader } from '../components/PageLoader';
import { domainLabel } from '../lib/domains';
import { formatDateTime } from '../lib/format';
import { useFieldErrors } from '../lib/useFieldErrors';

const AGREEMENT = [
  { value: '1', label: '1 – Strongly disagree' },
  { value: '2', label: '2 – Disagree' },
  { value: '3', label: '3 – Neither agree nor disagree' },
  { value: '4', label: '4 – Agree' },
  { value: '5', label: '5 – Strongly agree' },
];
const LEVELS = [
  { value: 'high', label: 'High' },
  { value: 'medium', label: 'Medium' },
  { value: 'low', label: 'Low' },
  { value: 'very-low', label: 'Very low' },
];
const TIMELINES = [
  { value: 'aggressive', label: 'Aggressive: faster, accepting more disruption' },
  { value: 'standard', label: 'Standard: the phasing proposed in the report' },
  { value: 'conservative', label: 'Conservative: slower, with less disruption' },
  { value: 'flexible', label: 'Flexible: whatever works best' },
];

/** A reason is asked for when the client disagrees (agreement 1 or 2). */
export const REASON_REQUIRED_AT_OR_BELOW = 2;

interface PriorityForm {
  agreement: string;
  reason: string;
  context: string;
  resources: string;
}
interface FormState {
  priorities: PriorityForm[];
  capacityForChange: string;
  timelinePreference: string;
  constraints: string;
  successCriteria: string;
}

const FRIENDLY: Record<string, string> = {
  agreement: 'Choose how much you agree.',
  resources: 'Choose the resources you can give it.',
  capacityForChange: 'Choose your capacity for change.',
  timelinePreference: 'Choose a timeline.',
};

function buildPayload(priorities: Priority[], form: FormState) {
  const opt = (s: string) => (s.trim() ? s.trim() : undefined);
  return {
    priorities: priorities.map((p, i) => {
      const f = form.priorities[i];
      return {
        recommendationId: p.recommendationId,
        agreement: f.agreement ? Number(f.agreement) : undefined,
        reason: opt(f.reason),
        context: opt(f.context),
        resources: f.resources || undefined,
      };
    }),
    capacityForChange: form.capacityForChange || undefined,
    timelinePreference: form.timelinePreference || undefined,
    constraints: form.constraints.trim(),
    successCriteria: form.successCriteria.trim(),
  };
}

function ValidationForm({ a, priorities }: { a: Assessment; priorities: Priority[] }) {
  const queryClient = useQueryClient();
  const [form, setForm] = useState<FormState>({
    priorities: priorities.map(() => ({ agreement: '', reason: '', context: '', resources: '' })),
    capacityForChange: '',
    timelinePreference: '',
    constraints: '',
    successCriteria: '',
  });
  const check = (f: FormState) => {
    const next: Record<string, string> = {};
    const parsed = validationSchema.safeParse(buildPayload(priorities, f));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = issue.path.join('.');
        const field = String(issue.path[issue.path.length - 1]);
        if (!(key in next)) next[key] = FRIENDLY[field] ?? issue.message;
      }
    }
    f.priorities.forEach((p, i) => {
      if (p.agreement && Number(p.agreement) <= REASON_REQUIRED_AT_OR_BELOW && !p.reason.trim())
        next[`priorities.${i}.reason`] = 'Tell us why you disagree, so we can adjust the plan.';
    });
    return next;
  };
  const { errors, show: setErrors, recheck, formRef } = useFieldErrors(check);

  const send = useMutation({
    mutationFn: (body: ValidationResponse) =>
      apiFetch<void>(assessmentPath(a.id, '/validation'), { method: 'POST', body }),
    onSuccess: (_r, body) => {
      queryClient.setQueryData<Assessment>(queryKeys.assessment(a.id), (old) =>
        old ? { ...old, awaitingValidation: false, validation: body } : old,
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.assessment(a.id) });
    },
    onError: (err) => {
      if (isApiError(err, 409)) void queryClient.invalidateQueries({ queryKey: queryKeys.assessment(a.id) });
    },
  });

  const setPriority = (i: number, patch: Partial<PriorityForm>) => {
    const next = { ...form, priorities: form.priorities.map((p, j) => (j === i ? { ...p, ...patch } : p)) };
    setForm(next);
    for (const key of Object.keys(patch)) recheck(`priorities.${i}.${key}`, next);
    // Agreeing after all makes a missing reason fine.
    if ('agreement' in patch) recheck(`priorities.${i}.reason`, next);
  };
  const setOverall = (key: 'capacityForChange' | 'timelinePreference', value: string) => {
    const next = { ...form, [key]: value };
    setForm(next);
    recheck(key, next);
  };

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    const next = check(form);
    const parsed = validationSchema.safeParse(buildPayload(priorities, form));
    // Shows the errors and moves focus to the first field with one.
    setErrors(next);
    if (Object.keys(next).length > 0 || !parsed.success) return;
    send.mutate(parsed.data);
  };

  return (
    <form onSubmit={onSubmit} noValidate ref={formRef}>
      <Stack gap="lg">
        {priorities.map((p, i) => {
          const f = form.priorities[i];
          const disagree = !!f.agreement && Number(f.agreement) <= REASON_REQUIRED_AT_OR_BELOW;
          return (
            <Card
              key={p.recommendationId}
              withBorder
              padding="lg"
              radius="md"
              component="section"
              aria-labelledby={`prio-${i}`}
            >
              <Text size="sm" c="dimmed">
                Priority {p.rank} · {domainLabel(p.domain)}
              </Text>
              <Title order={2} size="h3" id={`prio-${i}`} mb="md">
                {p.title}
              </Title>
              <Stack gap="md">
                <Radio.Group
                  label={`How much do you agree that this should be priority ${p.rank}?`}
                  required
                  value={f.agreement || null}
                  onChange={(v) => setPriority(i, { agreement: v })}
                  error={errors[`priorities.${i}.agreement`]}
                >
                  <Stack gap={6} mt="xs">
                    {AGREEMENT.map((o) => (
                      <Radio key={o.value} value={o.value} label={o.label} />
                    ))}
                  </Stack>
                </Radio.Group>
                {disagree && (
                  <Textarea
                    label="Why do you disagree?"
                    required
                    autosize
                    minRows={2}
                    maxLength={2000}
                    value={f.reason}
                    onChange={(e) => setPriority(i, { reason: e.currentTarget.value })}
                    error={errors[`priorities.${i}.reason`]}
                  />
                )}
                <Textarea
                  label="Anything we should know about this priority? (optional)"
                  autosize
                  minRows={2}
                  maxLength={2000}
                  value={f.context}
                  onChange={(e) => setPriority(i, { context: e.currentTarget.value })}
                />
                <Radio.Group
                  label="Resources you can give it"
                  required
                  value={f.resources || null}
                  onChange={(v) => setPriority(i, { resources: v })}
                  error={errors[`priorities.${i}.resources`]}
                >
                  <SimpleGrid cols={{ base: 2, sm: 4 }} mt="xs" spacing="xs">
                    {LEVELS.map((o) => (
                      <Radio key={o.value} value={o.value} label={o.label} />
                    ))}
                  </SimpleGrid>
                </Radio.Group>
              </Stack>
            </Card>
          );
        })}

        <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="overall-heading">
          <Title order={2} size="h3" id="overall-heading" mb="md">
            Overall
          </Title>
          <Stack gap="md">
            <Radio.Group
              label="Your organisation's capacity for change right now"
              required
              value={form.capacityForChange || null}
              onChange={(v) => setOverall('capacityForChange', v)}
              error={errors.capacityForChange}
            >
              <SimpleGrid cols={{ base: 2, sm: 4 }} mt="xs" spacing="xs">
                {LEVELS.map((o) => (
                  <Radio key={o.value} value={o.value} label={o.label} />
                ))}
              </SimpleGrid>
            </Radio.Group>
            <Radio.Group
              label="Timeline preference"
              required
              value={form.timelinePreference || null}
              onChange={(v) => setOverall('timelinePreference', v)}
              error={errors.timelinePreference}
            >
              <Stack gap={6} mt="xs">
                {TIMELINES.map((o) => (
                  <Radio key={o.value} value={o.value} label={o.label} />
                ))}
              </Stack>
            </Radio.Group>
            <Textarea
              label="Constraints (optional)"
              description="Budget, people, timing, regulation: anything the plan must respect."
              autosize
              minRows={2}
              maxLength={4000}
              value={form.constraints}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setForm((f) => ({ ...f, constraints: v }));
              }}
            />
            <Textarea
              label="What would success look like in 90 days? (optional)"
              autosize
              minRows={2}
              maxLength={4000}
              value={form.successCriteria}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setForm((f) => ({ ...f, successCriteria: v }));
              }}
            />
          </Stack>
        </Card>

        {Object.keys(errors).length > 0 && (
          <Alert color="red" role="alert" title="Please check the form">
            Some answers are missing; they are marked above.
          </Alert>
        )}
        {send.error && (
          <Alert color="red" role="alert" title="Your validation was not sent">
            {errorMessage(send.error, {
              conflict: 'The validation window has closed, so this answer can no longer be used.',
            })}
          </Alert>
        )}
        <div>
          <Button type="submit" size="md" loading={send.isPending}>
            Send my validation
          </Button>
        </div>
      </Stack>
    </form>
  );
}

const label = (list: { value: string; label: string }[], value: string | number | undefined) =>
  list.find((x) => x.value === String(value))?.label ?? '';

/** What the client sent, so they have a record of it. */
function SentValidation({ a, v }: { a: Assessment; v: ValidationResponse }) {
  const byId = new Map(a.priorities.map((p) => [p.recommendationId, p]));
  return (
    <Card withBorder padding="lg" radius="md">
      <Title order={2} size="h3" mb="sm">
        What you sent us
      </Title>
      <Stack gap="sm">
        {v.priorities.map((p, i) => {
          const priority = byId.get(p.recommendationId);
          return (
            <div key={p.recommendationId}>
              <Text fw={700}>
                Priority {priority?.rank ?? i + 1}: {priority?.title ?? 'a priority of the report'}
              </Text>
              <Text size="sm">
                {label(AGREEMENT, p.agreement).replace(/^\d – /, '')}. Resources you can give it:{' '}
                {label(LEVELS, p.resources).toLowerCase()}.
              </Text>
              {p.reason && <Text size="sm">Why: {p.reason}</Text>}
              {p.context && <Text size="sm">Context: {p.context}</Text>}
            </div>
          );
        })}
        <Text size="sm">
          Capacity for change: {label(LEVELS, v.capacityForChange).toLowerCase()}. Timeline:{' '}
          {label(TIMELINES, v.timelinePreference).split(':')[0].toLowerCase()}.
        </Text>
        {v.constraints && <Text size="sm">Constraints: {v.constraints}</Text>}
        {v.successCriteria && <Text size="sm">Success in 90 days: {v.successCriteria}</Text>}
      </Stack>
    </Card>
  );
}

/** The validation window: VALIDATION_WINDOW_HOURS (scaled like the schedule locally) from the detailed report's delivery. */
export function validationDeadline(a: Assessment, timeScale: number): string | null {
  const report = a.deliverables.find((d) => d.stage === 'detailed-report' && d.deliveredAt);
  if (!report?.deliveredAt) return null;
  const at = new Date(report.deliveredAt).getTime() + (VALIDATION_WINDOW_HOURS * 3600_000) / timeScale;
  return new Date(at).toISOString();
}

function Unavailable({ a }: { a: Assessment }) {
  const base = `/assessments/${encodeURIComponent(a.id)}`;
  if (a.validation) {
    return (
      <Stack gap="md">
        <Alert color="green" title="Thank you: your validation has been received" role="status">
          The implementation kits will reflect it. They are due{' '}
          {a.dueTimes ? formatDateTime(a.dueTimes.implementationKits) : 'within 72 hours of submission'}.{' '}
          <Anchor component={Link} to={`${base}/status`}>
            Follow the progress
          </Anchor>
          .
        </Alert>
        <SentValidation a={a} v={a.validation} />
      </Stack>
    );
  }
  const reportDelivered = a.deliverables.some((d) => d.stage === 'detailed-report' && d.deliveredAt);
  const kitsDelivered = a.deliverables.some((d) => d.stage === 'implementation-kits' && d.deliveredAt);
  let text: string;
  if (!a.submittedAt)
    text = 'The validation opens after you submit the assessment and receive the detailed report.';
  else if (!reportDelivered)
    text = `The validation opens when the detailed report is delivered${
      a.dueTimes ? ` (due ${formatDateTime(a.dueTimes.detailedReport)})` : ''
    }.`;
  else if (kitsDelivered || a.status === 'completed')
    text = `The validation window has closed. With no answer within ${VALIDATION_WINDOW_HOURS} hours of the report, we went ahead with the priorities as the report set them.`;
  else if (a.status === 'failed')
    text = 'The validation is not open while a stage of your assessment is being re-run.';
  else text = 'The validation is not open at the moment.';
  return (
    <Alert color="indigo" title="Validation is not available">
      {text}{' '}
      <Anchor component={Link} to={`${base}/status`}>
        Follow the progress
      </Anchor>
      .
    </Alert>
  );
}

export function ValidatePage() {
  const { id = '' } = useParams();
  const assessment = useAssessment(id);
  const me = useMe();
  let body: React.ReactNode;
  if (assessment.isPending) body = <PageLoader />;
  else if (assessment.isError)
    body = isApiError(assessment.error, 404) ? (
      <Text>This assessment does not exist, or it belongs to another account.</Text>
    ) : (
      <ErrorAlert error={assessment.error} onRetry={() => void assessment.refetch()} />
    );
  else {
    const a = assessment.data;
    const priorities = [...a.priorities].sort((x, y) => x.rank - y.rank);
    const deadline = validationDeadline(a, me.data?.settings.timeScale ?? 1);
    body = (
      <>
        <AssessmentNav assessment={a} />
        {a.awaitingValidation && priorities.length > 0 ? (
          <Stack gap="md">
            <Text maw={760}>
              {deadline && (
                <Text component="span" fw={700} display="block" mb={6}>
                  Please answer by {formatDateTime(deadline)}. Without an answer by then, we go ahead with the
                  priorities as the report sets them.
                </Text>
              )}
              The detailed report names the priorities below. Tell us how far you agree and what you can put
              behind each; the implementation kits (due{' '}
              {a.dueTimes ? formatDateTime(a.dueTimes.implementationKits) : 'within 72 hours'}) will follow
              your answers. If you strongly disagree with the first priority, it moves down.{' '}
              <Anchor
                component={Link}
                to={`/assessments/${encodeURIComponent(a.id)}/deliverables/detailed-report`}
              >
                Read the detailed report
              </Anchor>
              .
            </Text>
            <ValidationForm a={a} priorities={priorities} />
          </Stack>
        ) : (
          <Unavailable a={a} />
        )}
      </>
    );
  }
  return (
    <Stack gap={0} maw={860}>
      <PageHeading>Validate the priorities</PageHeading>
      {body}
    </Stack>
  );
}
