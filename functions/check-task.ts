import { createHandler } from '../src/lambda/handler';
import { checkTask, schemas } from '../src/pipeline/steps';

/** Task CheckTriage: ECS DescribeTasks + the stored result; bounded by maxPolls. */
export const handler = createHandler('checkTask', schemas.checkTask, checkTask);
