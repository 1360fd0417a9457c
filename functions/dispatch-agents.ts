import { createHandler } from '../src/lambda/handler';
import { dispatchAgents, schemas } from '../src/pipeline/steps';

/** Task DispatchAgents: one FIFO message per activated domain, workers up to the cap of 5. */
export const handler = createHandler('dispatchAgents', schemas.dispatchAgents, dispatchAgents);
