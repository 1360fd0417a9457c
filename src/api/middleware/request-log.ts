import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { logger, withLogContext, type Logger } from '../../logger';

declare module 'http' {
  interface IncomingMessage {
    /** The request's correlation id (the caller's `X-Correlation-Id` when well-formed, else a new uuid). */
    id: string;
    /** The logger; every line it writes during the request carries the correlation id (logger.ts mixin). */
    log: Logger;
  }
}

const GIVEN_ID = /^[\w-]{8,64}$/;

/**
 * Correlation id and one JSON log line per request ("request completed": id, method, url, status, time), health
 * probes excepted. The correlation id goes back in `X-Correlation-Id` and into every log line written while the
 * request is handled (AsyncLocalStorage), so no per-request child logger is built.
 */
export const requestLog: RequestHandler = (req, res, next) => {
  const given = req.headers['x-correlation-id'];
  const id = typeof given === 'string' && GIVEN_ID.test(given) ? given : randomUUID();
  req.id = id;
  req.log = logger;
  res.setHeader('X-Correlation-Id', id);
  if (!req.url.startsWith('/api/health') && logger.isLevelEnabled('info')) {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const fields = {
        correlationId: id,
        req: { id, method: req.method, url: req.originalUrl },
        res: { statusCode: res.statusCode },
        responseTime: Number(process.hrtime.bigint() - started) / 1e6,
      };
      if (res.statusCode >= 500) logger.error(fields, 'request errored');
      else logger.info(fields, 'request completed');
    });
  }
  withLogContext({ correlationId: id }, next);
};
