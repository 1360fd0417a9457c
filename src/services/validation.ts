import type { Db } from '../db/client';
import { Prisma } from '../db/client';
import type { Workflow } from '../ports';
import { badRequest, conflict } from '../errors';
import type { ValidationResponse } from '../domain/validation';
import { recordStage } from './assessments';
import { emitMetric } from '../metrics';
import { logger } from '../logger';

/**
 * Stores the client's validation and resumes the pipeline waiting on it (SendTaskSuccess with the stored token).
 * Allowed only while the pipeline awaits it; every priority of the report must be answered once.
 */
export async function submitValidation(
  db: Db,
  workflow: Workflow,
  assessmentId: string,
  response: ValidationResponse,
) {
  const assessment = await db.assessment.findUniqueOrThrow({
    where: { id: assessmentId },
    include: { executions: { where: { taskToken: { not: null } }, orderBy: { startedAt: 'desc' }, take: 1 } },
  });
  const execution = assessment.executions[0];
  if (assessment.status !== 'awaiting_validation' || !execution?.taskToken)
    throw conflict('The report is not awaiting validation right now');
  const priorities = (Array.isArray(assessment.finalPriorities) ? assessment.finalPriorities : []) as {
    recommendationId: string;
  }[];
  const expected = new Set(priorities.map((p) => p.recommendationId));
  const given = response.priorities.map((p) => p.recommendationId);
  const unknown = given.filter((id) => !expected.has(id));
  const missing = [...expected].filter((id) => !given.includes(id));
  if (unknown.length || missing.length || new Set(given).size !== given.length)
    throw badRequest('Answer each priority of the report exactly once', { unknown, missing });
  try {
    await db.$transaction([
      db.validation.create({ data: { assessmentId, response: response as never } }),
      db.assessment.update({ where: { id: assessmentId }, data: { status: 'report_delivered' } }),
      db.pipelineExecution.update({ where: { id: execution.id }, data: { taskToken: null } }),
    ]);
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002')
      throw conflict('This report has already been validated');
    throw err;
  }
  await recordStage(db, assessmentId, 'validation_received', { priorities: given.length });
  emitMetric('ValidationsReceived', 1, {});
  try {
    await workflow.sendTaskSuccess(execution.taskToken, { validated: true });
  } catch (err) {
    // The validation is saved; if the callback is lost, the 24 h timeout path still delivers the kits,
    // and the kits step reads the stored validation.
    logger.error({ err, assessmentId }, 'could not resume the pipeline after validation');
  }
}
