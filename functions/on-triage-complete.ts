import { z } from 'zod';
import { createHandler } from '../src/lambda/handler';
import { onTriageComplete, schemas } from '../src/pipeline/steps';

/** Target of the EventBridge rule on DomainTriageComplete (the event's detail is validated). */
export const handler = createHandler(
  'onTriageComplete',
  z.object({ detail: schemas.triageComplete }).passthrough(),
  (ctx, event) => onTriageComplete(ctx, event.detail),
);
