import { createHandler } from '../src/lambda/handler';
import { generateDeliverable, schemas } from '../src/pipeline/steps';

/** Task GenerateExecutiveSummary (24 h): prioritises and stores the summary as HTML and PDF. */
export const handler = createHandler('generateExecutiveSummary', schemas.generate, (ctx, input) =>
  generateDeliverable(ctx, 'executive-summary', input),
);
