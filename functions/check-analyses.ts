import { createHandler } from '../src/lambda/handler';
import { checkAnalyses, schemas } from '../src/pipeline/steps';

/** Task CheckAnalyses: done when every activated domain is analysed; relaunches workers if messages wait. */
export const handler = createHandler('checkAnalyses', schemas.checkAnalyses, checkAnalyses);
