import { z } from 'zod';
import { sql, type Db } from '../db/client';
import { AppError, badRequest, conflict } from '../errors';
import { profileFacts, type CompanyProfile } from '../domain/profile';
import { followUpById, isApplicable, questionById } from '../domain/questionnaire';

export const answersBodySchema = z
  .object({
    answers: z
      .array(
        z
          .object({
            questionId: z.string().min(1).max(64),
            score: z.number().int().min(1).max(5).nullable().optional(),
            text: z.string().max(4000).nullable().optional(),
          })
          .strict(),
      )
      .min(1)
      .max(200),
  })
  .strict();

export type AnswerInput = z.infer<typeof answersBodySchema>['answers'][number];

const EDITABLE = new Set(['draft', 'awaiting_payment']);

/**
 * Checks a whole autosave batch against the questionnaire and the client's profile.
 * Returns the rows to write, or throws listing every rejected answer; nothing is written on rejection.
 */
export function checkAnswers(profile: CompanyProfile | null, answers: AnswerInput[]) {
  const facts = profileFacts(profile);
  const problems: { questionId: string; message: string }[] = [];
  const seen = new Set<string>();
  const rows: { questionId: string; score: number | null; text: string | null }[] = [];
  for (const a of answers) {
    if (seen.has(a.questionId)) {
      problems.push({ questionId: a.questionId, message: 'appears more than once in this batch' });
      continue;
    }
    seen.add(a.questionId);
    const question = questionById(a.questionId);
    if (question) {
      if (!isApplicable(question, facts)) {
        problems.push({ questionId: a.questionId, message: 'does not apply to this company profile' });
      } else if (a.text !== undefined && a.text !== null) {
        problems.push({
          questionId: a.questionId,
          message: 'is a scored question: send a score from 1 to 5, not text',
        });
      } else if (a.score === undefined) {
        problems.push({
          questionId: a.questionId,
          message: 'needs a score from 1 to 5 (or null to clear it)',
        });
      } else {
        rows.push({ questionId: a.questionId, score: a.score, text: null });
      }
      continue;
    }
    const followUp = followUpById(a.questionId);
    if (followUp) {
      if (!isApplicable(followUp.question, facts)) {
        problems.push({ questionId: a.questionId, message: 'does not apply to this company profile' });
      } else if (a.score !== undefined && a.score !== null) {
        problems.push({ questionId: a.questionId, message: 'is a follow-up: send text, not a score' });
      } else if (a.text === undefined) {
        problems.push({ questionId: a.questionId, message: 'needs text (or null to clear it)' });
      } else {
        rows.push({
          questionId: a.questionId,
          score: null,
          text: a.text === null ? null : a.text.trim() || null,
        });
      }
      continue;
    }
    problems.push({ questionId: a.questionId, message: 'is not a question of this questionnaire' });
  }
  if (problems.length)
    throw badRequest('Some answers were rejected; nothing was saved', { answers: problems });
  return rows;
}

/**
 * Saves the batch with one set-based upsert (a 20-answer autosave is one statement, not twenty) and returns
 * every answer of the assessment as it now stands (same statement: the CTE's snapshot plus the batch).
 */
export async function saveAnswers(
  db: Db,
  assessment: { id: string; status: string },
  rows: ReturnType<typeof checkAnswers>,
): Promise<{ questionId: string; score: number | null; text: string | null }[]> {
  if (!EDITABLE.has(assessment.status))
    throw conflict('This assessment has been submitted and can no longer change');
  const before = await sql<{
    question_id: string;
    score: number | null;
    text: string | null;
    written: boolean;
  }>(
    db,
    `WITH guard AS (
       SELECT 1 FROM assessments WHERE id = $1::uuid AND status IN ('draft', 'awaiting_payment')
     ), written AS (
       INSERT INTO answers (id, assessment_id, question_id, score, text, updated_at)
       SELECT gen_random_uuid(), $1::uuid, u.q, u.s, u.t, now()
         FROM unnest($2::text[], $3::int[], $4::text[]) AS u(q, s, t)
        WHERE EXISTS (SELECT 1 FROM guard)
       ON CONFLICT (assessment_id, question_id)
       DO UPDATE SET score = EXCLUDED.score, text = EXCLUDED.text, updated_at = now()
       RETURNING question_id
     )
     SELECT question_id, score, text, false AS written FROM answers WHERE assessment_id = $1::uuid
     UNION ALL
     SELECT question_id, NULL, NULL, true FROM written`,
    [assessment.id, rows.map((r) => r.questionId), rows.map((r) => r.score), rows.map((r) => r.text)],
  );
  if (before.filter((r) => r.written).length !== rows.length) {
    // The assessment was submitted between our check and the write: nothing was written.
    throw new AppError(409, 'conflict', 'This assessment has been submitted and can no longer change');
  }
  const merged = new Map<string, { questionId: string; score: number | null; text: string | null }>();
  for (const r of before)
    if (!r.written) merged.set(r.question_id, { questionId: r.question_id, score: r.score, text: r.text });
  for (const r of rows) merged.set(r.questionId, r);
  return [...merged.values()];
}
