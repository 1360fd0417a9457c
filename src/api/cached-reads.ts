import type { RequestHandler } from 'express';
import type { Db } from '../db/client';
import { loadViewRow, type ViewRow } from '../services/assessments';
import { loadProfile } from '../services/profiles';
import type { CompanyProfile } from '../domain/profile';
import type { ReadCache } from './read-cache';

/**
 * The hot reads of the API through the process's ReadCache: an assessment's view row (GET /api/assessments/:id)
 * and a user's company profile (the autosave checks answers against it). Triggers in PostgreSQL notify every
 * process of a change (read-cache.ts); without a live listener (Lambda, listener down) every read goes to
 * PostgreSQL.
 */
export interface CachedReads {
  viewRow(id: string): Promise<ViewRow | null>;
  /** The view of a row as JSON text, built once per row and role (a cached row is never changed, only dropped). */
  viewJson(row: ViewRow, isFounder: boolean, build: () => string): string;
  profile(userId: string): Promise<CompanyProfile | null>;
  /** After the autosave committed: every process (this one at once) reads the view again. */
  answersChanged(assessmentId: string): Promise<void>;
  /**
   * Drops, in this process, what a changing request is about to change, right before its response is sent:
   * the client's next read here sees its own write even before the trigger's notification has arrived.
   */
  dropOnWrite: { assessment: RequestHandler; profile: RequestHandler };
}

export function cachedReads(db: Db, cache?: ReadCache): CachedReads {
  const beforeResponse = (drop: (req: Parameters<RequestHandler>[0]) => void): RequestHandler => {
    return (req, res, next) => {
      if (req.method === 'GET' || req.method === 'HEAD') return next();
      const writeHead = res.writeHead;
      res.writeHead = function (this: typeof res, ...args: unknown[]) {
        drop(req);
        return (writeHead as (...a: unknown[]) => typeof res).apply(this, args);
      } as typeof res.writeHead;
      next();
    };
  };
  const built = new WeakMap<ViewRow, { client?: string; founder?: string }>();
  return {
    viewJson: (row, isFounder, build) => {
      let texts = built.get(row);
      if (!texts) built.set(row, (texts = {}));
      return (texts[isFounder ? 'founder' : 'client'] ??= build());
    },
    viewRow: (id) =>
      cache
        ? cache.get(
            'view',
            id,
            () => loadViewRow(db, id),
            (row) => row?.userId ?? null,
          )
        : loadViewRow(db, id),
    profile: (userId) =>
      cache
        ? cache.get(
            'profile',
            userId,
            () => loadProfile(db, userId),
            () => userId,
          )
        : loadProfile(db, userId),
    answersChanged: async (id) => {
      await cache?.notifyAssessment(id);
    },
    dropOnWrite: {
      assessment: beforeResponse((req) => cache?.dropAssessment(String(req.params.id))),
      profile: beforeResponse((req) => req.user && cache?.dropProfile(req.user.id)),
    },
  };
}
