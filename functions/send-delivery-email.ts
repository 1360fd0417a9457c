import { createHandler } from '../src/lambda/handler';
import { releaseAndNotify, schemas } from '../src/pipeline/steps';

/** Tasks Release*: at the due time, the generated deliverable is released to the client and its email sent (once). */
export const handler = createHandler('sendDeliveryEmail', schemas.sendDeliveryEmail, releaseAndNotify);
