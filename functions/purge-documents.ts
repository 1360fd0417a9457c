import { z } from 'zod';
import { createHandler } from '../src/lambda/handler';
import { purgeExpiredDocuments } from '../src/services/privacy';

/** Scheduled daily: deletes documents of assessments completed more than DOCUMENT_RETENTION_MONTHS ago. */
export const handler = createHandler('purgeExpiredDocuments', z.object({}).passthrough(), (ctx) =>
  purgeExpiredDocuments(ctx.db, ctx.objectStore, { months: ctx.config.DOCUMENT_RETENTION_MONTHS }),
);
