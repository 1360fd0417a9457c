import { createHandler } from '../src/lambda/handler';
import { markFailed, schemas } from '../src/pipeline/steps';

/** Failure path: the assessment is marked failed with the stage and reason, so it can be re-run. */
export const handler = createHandler('markFailed', schemas.failure, markFailed);
