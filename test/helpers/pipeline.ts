import { newUser, SAMPLE_PROFILE, type TestStack } from './stack';
import { answersFor, chunk } from './answers';

export const WEAK_PROFILE = {
  ...SAMPLE_PROFILE,
  industry: 'professional-services',
  challenges: 'Cash runs out every quarter, sales are lumpy and good people keep leaving.',
};

/** A client with a complete questionnaire (weak in the given domains), submitted. */
export async function submitAssessment(
  stack: TestStack,
  weak = ['financial-management', 'revenue-engine', 'people-organization'],
  profile = WEAK_PROFILE,
) {
  const user = await newUser(stack.url);
  await user.client.put('/api/me/profile', profile);
  const id = (await user.client.post('/api/assessments')).body.id as string;
  for (const batch of chunk(answersFor(profile, weak), 60)) {
    const r = await user.client.put(`/api/assessments/${id}/answers`, { answers: batch });
    if (r.status !== 200) throw new Error(`answers rejected: ${r.text}`);
  }
  const submitted = await user.client.post(`/api/assessments/${id}/submit`);
  if (submitted.status !== 202) throw new Error(`submit failed: ${submitted.status} ${submitted.text}`);
  return { ...user, id };
}

export async function waitUntil<T>(
  what: string,
  fn: () => Promise<T | undefined | null | false>,
  timeoutMs = 60_000,
  everyMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
