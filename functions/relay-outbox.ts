import { z } from 'zod';
import { createHandler } from '../src/lambda/handler';
import { relayOutbox } from '../src/pipeline/steps';

/** Scheduled every minute: publishes outbox records the API could not publish at once. */
export const handler = createHandler('relayOutbox', z.object({}).passthrough(), (ctx) => relayOutbox(ctx));
