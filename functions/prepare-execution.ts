import { createHandler } from '../src/lambda/handler';
import { prepareExecution, schemas } from '../src/pipeline/steps';

/** Task PrepareExecution: due times (absolute), the execution record, the submission email. */
export const handler = createHandler('prepareExecution', schemas.prepareExecution, prepareExecution);
