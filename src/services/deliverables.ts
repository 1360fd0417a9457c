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

const STAGE_TITLES: Record<StageKey, string> = {
  executive_summary: 'Executive summary',
  detailed_report: 'Detailed report',
  implementation_kits: 'Implementation kits',
};

/**
 * The Content-Disposition of a downloaded PDF, named after the company and the stage: an ASCII `filename`
 * ("brightpath-consulting-ltd-scalemap-executive-summary.pdf") for old clients and an RFC 5987 `filename*`
 * ("Brightpath Consulting Ltd – ScaleMap executive summary.pdf") that keeps accents.
 */
export function pdfDisposition(companyName: string | null | undefined, stage: StageKey): string {
  const company = (companyName ?? '')
    .replace(/[\r\n"\\/]+/g, ' ')
    .trim()
    .slice(0, 80);
  const title = STAGE_TITLES[stage];
  const ascii = `${company} scalemap ${title}`
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const pretty = `${company ? `${company} – ` : ''}ScaleMap ${title.toLowerCase()}.pdf`;
  return `attachment; filename="${ascii}.pdf"; filename*=UTF-8''${encodeURIComponent(pretty)}`;
}

/** The company name an assessment was submitted under (its profile snapshot), else the owner's current one. */
export async function assessmentCompanyName(
  db: Db,
  a: { userId: string; profileSnapshot: unknown },
): Promise<string | null> {
  const snap = a.profileSnapshot as { companyName?: unknown } | null;
  if (snap && typeof snap.companyName === 'string' && snap.companyName.trim()) return snap.companyName;
  const profile = await db.companyProfile.findUnique({
    where: { userId: a.userId },
    select: { companyName: true },
  });
  return profile?.companyName ?? null;
}
