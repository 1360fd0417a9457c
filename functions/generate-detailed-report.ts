import { createHandler } from '../src/lambda/handler';
import { generateDeliverable, schemas } from '../src/pipeline/steps';

/** Task GenerateDetailedReport (48 h): the report with the 12-domain heatmap, as HTML and PDF. */
export const handler = createHandler('generateDetailedReport', schemas.generate, (ctx, input) =>
  generateDeliverable(ctx, 'detailed-report', input),
);
