import { AsyncLocalStorage } from 'node:async_hooks';
import pino from 'pino';

/** Structured JSON logs. Every line carries the correlation id (and assessment id) of the work in progress. */
export interface LogContext {
  correlationId?: string;
  assessmentId?: string;
  [key: string]: unknown;
}

const storage = new AsyncLocalStorage<LogContext>();

export const rootLogger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: { service: process.env.SCALEMAP_SERVICE ?? 'scalemap' },
  redact: {
    paths: [
      'password',
      '*.password',
      'req.headers.authorization',
      'req.headers.cookie',
      '*.token',
      '*.idToken',
      '*.accessToken',
      '*.refreshToken',
      'taskToken',
      '*.taskToken',
    ],
    censor: '[redacted]',
  },
  timestamp: pino.stdTimeFunctions.isoTime,
  mixin: () => ({ ...(storage.getStore() ?? {}) }),
});

export type Logger = pino.Logger;

export function withLogContext<T>(ctx: LogContext, fn: () => T): T {
  const parent = storage.getStore() ?? {};
  return storage.run({ ...parent, ...ctx }, fn);
}

export function logContext(): LogContext {
  return storage.getStore() ?? {};
}

export const logger = rootLogger;
