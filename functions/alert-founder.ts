import { createHandler } from '../src/lambda/handler';
import { alertFounder, schemas } from '../src/pipeline/steps';

/** Failure path: SNS alert to the founders. */
export const handler = createHandler('alertFounder', schemas.failure, alertFounder);
