import { Button, Card, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import { memo } from 'react';
import type { QuestionnaireQuestion } from '../api/types';
import type { AnswerValue } from './useAutosave';

/** Scores of 4 and 5 (a serious concern) open a trigger question's follow-ups. */
export const FOLLOW_UP_MIN_SCORE = 4;

interface Props {
  number: number;
  question: QuestionnaireQuestion;
  score: number | null;
  followUpTexts: Record<string, string>;
  editable: boolean;
  onAnswer: (questionId: string, value: AnswerValue) => void;
  /** Called after the question was answered with a 1–5 key (to move focus on). */
  onAnsweredByKey?: (questionId: string) => void;
}

/** The 1–5 keys answer the question in focus, unless the focus is in a text field. */
export function scoreFromKey(
  e: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey'>,
  target: EventTarget | null,
): number | null {
  if (e.altKey || e.ctrlKey || e.metaKey) return null;
  if (!/^[1-5]$/.test(e.key)) return null;
  const el = target as HTMLElement | null;
  if (
    el &&
    (el.tagName === 'TEXTAREA' ||
      (el.tagName === 'INPUT' && (el as HTMLInputElement).type !== 'radio') ||
      el.isContentEditable)
  )
    return null;
  return Number(e.key);
}

export const QuestionCard = memo(function QuestionCard({
  number,
  question,
  score,
  followUpTexts,
  editable,
  onAnswer,
  onAnsweredByKey,
}: Props) {
  const showFollowUps = score !== null && score >= FOLLOW_UP_MIN_SCORE && question.followUps.length > 0;
  return (
    <Card
      withBorder
      padding="lg"
      radius="md"
      component="section"
      aria-label={`Question ${number}`}
      data-question-id={question.id}
      onKeyDown={(e: React.KeyboardEvent<HTMLElement>) => {
        if (!editable) return;
        const value = scoreFromKey(e, e.target);
        if (value === null || !question.options.some((o) => o.score === value)) return;
        e.preventDefault();
        onAnswer(question.id, { score: value });
        // Follow-ups open at 4 and 5: stay on the chosen option, so the client can write them; else move on.
        if (value >= FOLLOW_UP_MIN_SCORE && question.followUps.length > 0)
          e.currentTarget.querySelector<HTMLInputElement>(`input[type="radio"][value="${value}"]`)?.focus();
        else onAnsweredByKey?.(question.id);
      }}
    >
      <Radio.Group
        name={`q-${question.id}`}
        label={`${number}. ${question.prompt}`}
        description={question.conditional ? 'Asked because of your company profile.' : undefined}
        value={score === null ? null : String(score)}
        onChange={(v) => onAnswer(question.id, { score: Number(v) })}
        readOnly={!editable}
        styles={{ label: { fontSize: 'var(--mantine-font-size-md)', fontWeight: 600, marginBottom: 4 } }}
      >
        <Stack gap={8} mt="xs">
          {question.options.map((o) => {
            const chosen = score === o.score;
            return (
              <Radio
                key={o.score}
                value={String(o.score)}
                label={`${o.score} – ${o.label}`}
                description={!editable && chosen ? 'Your answer' : undefined}
                // Read-only: the radios stay enabled (so the chosen one keeps its colour) but cannot change.
                className={!editable ? (chosen ? 'qn-answer-chosen' : 'qn-answer-other') : undefined}
              />
            );
          })}
        </Stack>
      </Radio.Group>
      {editable && score !== null && (
        <Group justify="flex-end" mt="xs">
          <Button
            variant="subtle"
            size="compact-sm"
            color="gray"
            c="gray.8"
            onClick={() => onAnswer(question.id, { score: null })}
            aria-label={`Clear answer to question ${number}`}
          >
            Clear answer
          </Button>
        </Group>
      )}
      {showFollowUps && (
        <Stack gap="sm" mt="md" pl="md" style={{ borderLeft: '3px solid var(--mantine-color-indigo-8)' }}>
          <Text size="sm" fw={600}>
            You marked this as a serious concern. A few words help the analysts (optional):
          </Text>
          {question.followUps.map((f) => (
            <Textarea
              key={f.id}
              label={f.prompt}
              autosize
              minRows={2}
              maxLength={2000}
              value={followUpTexts[f.id] ?? ''}
              readOnly={!editable}
              onChange={(e) => onAnswer(f.id, { text: e.currentTarget.value })}
            />
          ))}
        </Stack>
      )}
    </Card>
  );
});
