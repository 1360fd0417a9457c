import type { z } from 'zod';
import { badRequest } from '../../errors';
import { formatZodIssues } from './errors';

/** Parses `value` with `schema`; a failure is a 400 naming every problem. */
export function parse<S extends z.ZodType>(schema: S, value: unknown, what = 'request body'): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw badRequest(`The ${what} is not valid`, formatZodIssues(result.error));
  return result.data;
}
