import { Alert, Anchor, Box, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { apiFetch, isApiError } from '../api/client';
import { assessmentPath, queryKeys, useAssessment, useMe, useQuestionnaire } from '../api/queries';
import type { Answer, Assessment, Questionnaire, SaveAnswersResponse } from '../api/types';
import { AssessmentNav } from '../components/AssessmentNav';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeading } from '../components/PageHeading';
import { PageLoader } from '../components/PageLoader';
import { DOMAIN_LIST } from '../lib/domains';
import { formatDateTime, formatPercent } from '../lib/format';
import { isEditable, isProfileComplete } from '../lib/status';
import { readStorage, writeStorage } from '../lib/storage';
import { domainProgress, overallProgress, timeLeftLabel, type LocalProgress } from './progress';
import { QuestionCard } from './QuestionCard';
import { SaveStatus } from './SaveStatus';
import { mergeAnswers, useAutosave, type AnswerMap } from './useAutosave';

/** Buttons whose long labels (domain names) wrap instead of being cut off on phones. */
const WRAP = {
  root: { height: 'auto', minHeight: 36, paddingBlock: 8, maxWidth: '100%' },
  label: { whiteSpace: 'normal' as const, textAlign: 'left' as const },
};

export function lastDomainKey(assessmentId: string): string {
  return `scalemap:last-domain:${assessmentId}`;
}

/** Where to resume: the domain last visited on this device, else the first incomplete one, else the first. */
export function resumeDomain(
  assessmentId: string,
  questionnaire: Questionnaire,
  answers: AnswerMap,
): string | null {
  const active = questionnaire.domains.filter((d) => d.questions.length > 0);
  const last = readStorage(lastDomainKey(assessmentId));
  if (last && active.some((d) => d.id === last)) return last;
  return (active.find((d) => !domainProgress(d, answers).complete) ?? active[0])?.id ?? null;
}

function DomainNavItem({
  name,
  progress,
  current,
  onSelect,
}: {
  name: string;
  progress: LocalProgress;
  current: boolean;
  onSelect: () => void;
}) {
  return (
    <li>
      <button
        type="button"
        className="qn-nav-button"
        aria-current={current ? 'step' : undefined}
        onClick={onSelect}
      >
        <Text size="sm" fw={600} lineClamp={2} component="span" display="block">
          {name}
        </Text>
        <Text size="xs" c={progress.complete ? 'green.9' : 'gray.7'} component="span" display="block">
          {progress.answered} of {progress.applicable} answered
          {progress.complete ? ' · complete' : ''}
          {progress.answered < progress.applicable ? ` · ${timeLeftLabel(progress)}` : ''}
        </Text>
        <Progress
          value={Math.round(progress.ratio * 100)}
          size="xs"
          mt={4}
          color={progress.complete ? 'green.8' : 'indigo'}
          aria-hidden="true"
        />
      </button>
    </li>
  );
}

function QuestionnaireView({
  assessment,
  questionnaire,
}: {
  assessment: Assessment;
  questionnaire: Questionnaire;
}) {
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const editable = isEditable(assessment.status);
  const id = assessment.id;
  const headingRef = useRef<HTMLHeadingElement>(null);

  const save = useCallback(
    (answers: Answer[]) =>
      apiFetch<SaveAnswersResponse>(assessmentPath(id, '/answers'), { method: 'PUT', body: { answers } }),
    [id],
  );
  const onSaved = useCallback(
    (batch: Answer[], res: SaveAnswersResponse) => {
      queryClient.setQueryData<Assessment>(queryKeys.assessment(id), (old) =>
        old
          ? { ...old, progress: res.progress ?? old.progress, answers: mergeAnswers(old.answers, batch) }
          : old,
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.assessments, refetchType: 'none' });
    },
    [id, queryClient],
  );
  const autosave = useAutosave({
    assessmentId: id,
    initialAnswers: assessment.answers,
    editable,
    save,
    onSaved,
  });
  const { answers, setAnswer } = autosave;

  // 409: the assessment was submitted meanwhile (another tab?): reload it, the page turns read-only.
  useEffect(() => {
    if (isApiError(autosave.error, 409))
      void queryClient.invalidateQueries({ queryKey: queryKeys.assessment(id) });
  }, [autosave.error, id, queryClient]);

  const active = useMemo(() => questionnaire.domains.filter((d) => d.questions.length > 0), [questionnaire]);
  // The API leaves out domains without applicable questions (supply chain without physical products...).
  const notApplicable = DOMAIN_LIST.filter((d) => !active.some((a) => a.id === d.id));
  const resumeAt = resumeDomain(id, questionnaire, answers);
  const requested = params.get('domain');
  const currentId = requested && active.some((d) => d.id === requested) ? requested : resumeAt;
  const index = Math.max(
    0,
    active.findIndex((d) => d.id === currentId),
  );
  const domain = active[index];

  // Pin the resumed domain in the URL, so that answering does not move the client to another domain.
  useEffect(() => {
    if (currentId && requested !== currentId) setParams({ domain: currentId }, { replace: true });
  }, [currentId, requested, setParams]);

  useEffect(() => {
    if (domain) writeStorage(lastDomainKey(id), domain.id);
  }, [domain, id]);

  const goTo = (domainId: string) => {
    setParams({ domain: domainId });
    window.scrollTo?.({ top: 0 });
    requestAnimationFrame(() => headingRef.current?.focus());
  };

  const overall = overallProgress(active, answers);

  /** After a 1–5 key, focus goes to the next question's radio group (the checked radio, else the first). */
  const focusNextQuestion = useCallback((questionId: string) => {
    const cards = Array.from(document.querySelectorAll<HTMLElement>('[data-question-id]'));
    const at = cards.findIndex((c) => c.dataset.questionId === questionId);
    const next = cards[at + 1];
    if (!next) return;
    const radio =
      next.querySelector<HTMLInputElement>('input[type="radio"]:checked') ??
      next.querySelector<HTMLInputElement>('input[type="radio"]');
    radio?.focus();
    next.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  }, []);

  if (!domain) {
    return (
      <Alert color="yellow" title="No questions yet">
        The questionnaire has no questions for your profile. Check your{' '}
        <Anchor component={Link} to="/profile">
          company profile
        </Anchor>
        .
      </Alert>
    );
  }

  const progress = domainProgress(domain, answers);
  const base = `/assessments/${encodeURIComponent(id)}`;
  const prev = active[index - 1];
  const next = active[index + 1];

  return (
    <Stack gap="lg">
      {!editable && (
        <Alert color="indigo" title="Answers are locked">
          This assessment was submitted
          {assessment.submittedAt ? ` on ${formatDateTime(assessment.submittedAt)}` : ''}. You can read your
          answers, but no longer change them.
        </Alert>
      )}
      <Paper withBorder p="sm" radius="md" bg="white" className="qn-sticky">
        <Group justify="space-between" align="center" gap="xs">
          <Box style={{ flex: '1 1 16rem' }}>
            <Text size="sm" fw={600} id="overall-label">
              Overall: {overall.answered} of {overall.applicable} answered ({formatPercent(overall.ratio)})
              {editable && overall.answered < overall.applicable ? ` · ${timeLeftLabel(overall)}` : ''}
            </Text>
            <Progress value={Math.round(overall.ratio * 100)} mt={6} aria-label="Overall progress" />
          </Box>
          {editable && (
            <SaveStatus
              state={autosave.state}
              error={autosave.error}
              lastSavedAt={autosave.lastSavedAt}
              retryAt={autosave.retryAt}
              onRetry={autosave.retry}
            />
          )}
        </Group>
      </Paper>

      <div className="qn-layout">
        <nav className="qn-nav" aria-label="Questionnaire domains">
          <ol className="qn-nav-list">
            {active.map((d) => (
              <DomainNavItem
                key={d.id}
                name={d.name}
                progress={domainProgress(d, answers)}
                current={d.id === domain.id}
                onSelect={() => goTo(d.id)}
              />
            ))}
          </ol>
          {notApplicable.length > 0 && (
            <Text size="xs" c="dimmed" mt="sm">
              Not applicable to your company: {notApplicable.map((d) => d.name).join(', ')}.
            </Text>
          )}
        </nav>

        <Stack gap="md">
          <div>
            <Text size="sm" c="dimmed">
              Domain {index + 1} of {active.length}
            </Text>
            <Title order={2} ref={headingRef} tabIndex={-1} style={{ outline: 'none' }}>
              {domain.name}
            </Title>
            {domain.description && <Text mt={4}>{domain.description}</Text>}
            <Text size="sm" mt="xs">
              {progress.answered} of {progress.applicable} answered
              {editable && progress.answered < progress.applicable
                ? ` (${timeLeftLabel(progress)} in this domain)`
                : ''}
              . A domain is complete at 80%. Score each statement from 1 (a strength) to 5 (a serious
              concern).
            </Text>
            {editable && (
              <Text size="sm" c="dimmed" mt={4} visibleFrom="sm">
                Keyboard: press 1 to 5 to answer the question in focus; focus then moves to the next one.
              </Text>
            )}
          </div>
          {domain.questions.map((q, i) => {
            const raw = answers[q.id]?.score;
            const texts: Record<string, string> = {};
            for (const f of q.followUps) texts[f.id] = answers[f.id]?.text ?? '';
            return (
              <QuestionCard
                key={q.id}
                number={i + 1}
                question={q}
                score={typeof raw === 'number' ? raw : null}
                followUpTexts={texts}
                editable={editable}
                onAnswer={setAnswer}
                onAnsweredByKey={focusNextQuestion}
              />
            );
          })}
          <Group justify="space-between" gap="sm" mt="sm">
            {prev ? (
              <Button variant="default" onClick={() => goTo(prev.id)} styles={WRAP}>
                Previous: {prev.name}
              </Button>
            ) : (
              <span />
            )}
            {next ? (
              <Button onClick={() => goTo(next.id)} styles={WRAP}>
                Next: {next.name}
              </Button>
            ) : editable ? (
              <Group gap="sm">
                <Button component={Link} to={`${base}/documents`} variant="default">
                  Upload documents
                </Button>
                <Button component={Link} to={`${base}/review`}>
                  Review and submit
                </Button>
              </Group>
            ) : null}
          </Group>
        </Stack>
      </div>
    </Stack>
  );
}

export function QuestionnairePage() {
  const { id = '' } = useParams();
  const assessment = useAssessment(id);
  const questionnaire = useQuestionnaire();
  const me = useMe({ enabled: true });

  let body: React.ReactNode;
  if (assessment.isPending || questionnaire.isPending)
    body = <PageLoader label="Loading the questionnaire" />;
  else if (assessment.isError)
    body = isApiError(assessment.error, 404) ? (
      <Text>This assessment does not exist, or it belongs to another account.</Text>
    ) : (
      <ErrorAlert error={assessment.error} onRetry={() => void assessment.refetch()} />
    );
  else if (questionnaire.isError)
    body = <ErrorAlert error={questionnaire.error} onRetry={() => void questionnaire.refetch()} />;
  else
    body = (
      <>
        <AssessmentNav assessment={assessment.data} />
        {me.data && !isProfileComplete(me.data.profile) && isEditable(assessment.data.status) && (
          <Alert color="indigo" title="Tell us about your company" mb="md">
            Some questions apply only to some companies. Fill in your{' '}
            <Anchor
              component={Link}
              to={`/profile?next=${encodeURIComponent(`/assessments/${id}/questionnaire`)}`}
            >
              company profile
            </Anchor>{' '}
            so that the questionnaire fits you.
          </Alert>
        )}
        <QuestionnaireView key={id} assessment={assessment.data} questionnaire={questionnaire.data} />
      </>
    );

  return (
    <Stack gap={0}>
      <PageHeading>Questionnaire</PageHeading>
      {body}
    </Stack>
  );
}
