import { createHandler } from '../src/lambda/handler';
import { awaitValidation, schemas } from '../src/pipeline/steps';

/** Task AwaitValidation (.waitForTaskToken): stores the token the validation endpoint resumes. */
export const handler = createHandler('awaitValidation', schemas.awaitValidation, awaitValidation);
