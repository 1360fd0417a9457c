import { z } from 'zod';
import { sql, type Db } from '../db/client';
import { AppError, badRequest, conflict, notFound } from '../errors';
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
 * Saves the batch of the owner's assessment with one set-based upsert (a 20-answer autosave is one statement, not
 * twenty) and returns the scored answers of the assessment as they now stand, what progress counts (same
 * statement: the CTE's snapshot plus the batch). The statement's guard is the access rule and the status rule at once: nothing is written unless the
 * assessment is this user's and still editable, whatever happened since the caller last looked; only then is it
 * asked why (404 for a missing or someone else's assessment, the same answer, else 409).
 */
export async function saveAnswers(
  db: Db,
  userId: string,
  assessmentId: string,
  rows: ReturnType<typeof checkAnswers>,
): Promise<{ questionId: string; score: number | null }[]> {
  // One row back: whether the guard passed, how many rows were written, and the scored answers as they stood
  // before this statement (two arrays aggregated in one pass, so aligned: cheaper to send and parse than a row per
  // answer).
  const [result] = await sql<{ allowed: boolean; written: number; ids: string[]; scores: number[] }>(
    db,
    `WITH guard AS (
       SELECT 1 FROM assessments
        WHERE id = $1::uuid AND user_id = $5::uuid AND status IN ('draft', 'awaiting_payment')
     ), written AS (
       INSERT INTO answers (id, assessment_id, question_id, score, text, updated_at)
       SELECT gen_random_uuid(), $1::uuid, u.q, u.s, u.t, now()
         FROM unnest($2::text[], $3::int[], $4::text[]) AS u(q, s, t)
        WHERE EXISTS (SELECT 1 FROM guard)
       ON CONFLICT (assessment_id, question_id)
       DO UPDATE SET score = EXCLUDED.score, text = EXCLUDED.text, updated_at = now()
       RETURNING 1
     ), scored AS (
       SELECT question_id, score FROM answers
        WHERE assessment_id = $1::uuid AND score IS NOT NULL AND EXISTS (SELECT 1 FROM guard)
     )
     SELECT EXISTS (SELECT 1 FROM guard) AS allowed,
            (SELECT count(*)::int FROM written) AS written,
            COALESCE(array_agg(question_id), '{}') AS ids,
            COALESCE(array_agg(score), '{}') AS scores
       FROM scored`,
    [assessmentId, rows.map((r) => r.questionId), rows.map((r) => r.score), rows.map((r) => r.text), userId],
  );
  if (!result.allowed) {
    const [a] = await sql<{ user_id: string; status: string }>(
      db,
      'SELECT user_id, status::text AS status FROM assessments WHERE id = $1::uuid',
      [assessmentId],
    );
    if (!a || a.user_id !== userId) throw notFound('Assessment');
    throw conflict('This assessment has been submitted and can no longer change');
  }
  if (result.written !== rows.length)
    throw new AppError(500, 'internal', 'An autosave wrote fewer answers than it was given');
  const merged = new Map<string, { questionId: string; score: number | null }>();
  result.ids.forEach((questionId, i) => merged.set(questionId, { questionId, score: result.scores[i] }));
  for (const r of rows) merged.set(r.questionId, { questionId: r.questionId, score: r.score });
  return [...merged.values()];
}
