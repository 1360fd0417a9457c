import { createHandler } from '../src/lambda/handler';
import { generateDeliverable, schemas } from '../src/pipeline/steps';

/** Task GenerateImplementationKits (72 h): kits shaped by the validation (or the report's priorities). */
export const handler = createHandler('generateImplementationKits', schemas.generate, (ctx, input) =>
  generateDeliverable(ctx, 'implementation-kits', input),
);
