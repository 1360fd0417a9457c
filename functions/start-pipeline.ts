import { z } from 'zod';
import { createHandler } from '../src/lambda/handler';
import { schemas, startPipeline } from '../src/pipeline/steps';

/** Target of the EventBridge rule on AssessmentSubmitted: StartExecution with name = assessment id. */
export const handler = createHandler(
  'startPipeline',
  z
    .object({ 'detail-type': z.literal('AssessmentSubmitted'), detail: schemas.assessmentSubmitted })
    .passthrough(),
  (ctx, event) => startPipeline(ctx, event.detail),
);
