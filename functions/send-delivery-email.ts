import { createHandler } from '../src/lambda/handler';
import { sendDeliveryEmail, schemas } from '../src/pipeline/steps';

/** Tasks Send*Email: the 24/48/72 h emails, once each (emails_sent). */
export const handler = createHandler('sendDeliveryEmail', schemas.sendDeliveryEmail, sendDeliveryEmail);
