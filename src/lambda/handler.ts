import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import type { z } from 'zod';
import type { AppContext } from '../context';
import { ensureSecrets, getAppContext } from '../runtime';
import { logger, withLogContext } from '../logger';
import { isDependencyUnavailable } from '../db/unavailable';

/**
 * A step failed because the database or another dependency is down or frozen, not because of its input: named so
 * the state machine retries it for longer (the DependencyUnavailable retrier in stepfunctions/delivery.asl.yml)
 * instead of failing the assessment after the usual three quick attempts.
 */
export class DependencyUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`a dependency is unavailable: ${String((cause as Error)?.message ?? cause).slice(0, 500)}`, {
      cause,
    });
    this.name = 'DependencyUnavailable';
  }
}

/** Thrown for an event that fails validation: the message names every problem. */
export class InvalidEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidEvent';
  }
}

/** Validates the event with its zod schema before the handler runs. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyMiddleware = middy.MiddlewareObj<any, any, Error, Context>;

function validateEvent<S extends z.ZodType>(schema: S): AnyMiddleware {
  return {
    before: (request) => {
      const parsed = schema.safeParse(request.event ?? {});
      if (!parsed.success) {
        const problems = parsed.error.issues
          .map((i) => `${i.path.join('.') || 'event'}: ${i.message}`)
          .join('; ');
        throw new InvalidEventError(`invalid event: ${problems}`);
      }
      request.event = parsed.data;
    },
  };
}

/** Puts the assessment id and correlation id of the event on every log line of the invocation. */
function logContextMiddleware(name: string): AnyMiddleware {
  return {
    before: (request) => {
      const e = (request.event ?? {}) as { assessmentId?: string; correlationId?: string };
      logger.info(
        { fn: name, assessmentId: e.assessmentId, correlationId: e.correlationId },
        'handler start',
      );
    },
    onError: (request) => {
      if (isDependencyUnavailable(request.error))
        request.error = new DependencyUnavailableError(request.error);
      const e = (request.event ?? {}) as { assessmentId?: string; correlationId?: string };
      logger.error(
        { fn: name, err: request.error, assessmentId: e.assessmentId, correlationId: e.correlationId },
        'handler failed',
      );
    },
  };
}

/**
 * A thin Lambda handler: middy with event validation and log context around a step that takes the process's
 * AppContext. The same handler runs on Lambda, under `sls invoke local`, and in the local Step Functions runner.
 */
export function createHandler<S extends z.ZodType, R>(
  name: string,
  schema: S,
  step: (ctx: AppContext, input: z.infer<S>) => Promise<R>,
) {
  const run = async (event: z.infer<S>): Promise<R> => {
    await ensureSecrets();
    const e = event as { assessmentId?: string; correlationId?: string };
    return withLogContext(
      { fn: name, assessmentId: e.assessmentId, correlationId: e.correlationId ?? undefined },
      () => step(getAppContext(), event),
    );
  };
  return middy<z.infer<S>, R, Error, Context>(run).use(logContextMiddleware(name)).use(validateEvent(schema));
}
