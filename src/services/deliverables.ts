import type { Db } from '../db/client';
import type { ObjectStore } from '../ports';
import { notFound } from '../errors';

export type StageKey = 'executive_summary' | 'detailed_report' | 'implementation_kits';

export async function readDeliverable(
  db: Db,
  store: ObjectStore,
  assessmentId: string,
  stage: StageKey,
  format: 'html' | 'pdf',
) {
  const row = await db.deliverable.findUnique({
    where: { assessmentId_stage_format: { assessmentId, stage, format } },
  });
  // Generated ahead of time but not yet released: to the client it does not exist yet.
  if (!row || !row.deliveredAt) throw notFound('Deliverable');
  return store.get(row.objectKey);
}
