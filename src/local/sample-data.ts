import { applicableQuestions } from '../domain/questionnaire';
import type { CompanyProfile } from '../domain/profile';
import { profileSchema } from '../domain/profile';

/**
 * A full answer set for a profile: weak (score 5, with follow-up notes) in the given domains, healthy (2) elsewhere.
 */
export function answersFor(
  profileInput: unknown,
  weak: string[] = [],
  opts: { skipDomains?: string[] } = {},
) {
  const profile: CompanyProfile = profileSchema.parse(profileInput);
  const out: { questionId: string; score?: number; text?: string }[] = [];
  for (const q of applicableQuestions(profile)) {
    if (opts.skipDomains?.includes(q.domain)) continue;
    const score = weak.includes(q.domain) ? 5 : 2;
    out.push({ questionId: q.id, score });
    if (score >= 4)
      for (const f of q.followUps ?? [])
        out.push({
          questionId: f.id,
          text: `On ${q.topic}: we tried a spreadsheet and it costs us about two days a month.`,
        });
  }
  return out;
}

export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
