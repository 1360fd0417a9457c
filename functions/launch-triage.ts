import { createHandler } from '../src/lambda/handler';
import { launchTriage, schemas } from '../src/pipeline/steps';

/** Task LaunchTriage: ECS RunTask of the triage agent within the global cap. */
export const handler = createHandler('launchTriage', schemas.launchTriage, launchTriage);
