/**
 * Compact score lists: `scored('fin', [2, 3, null, 4])` gives fin-01 = 2, fin-02 = 3, fin-04 = 4 (null = the
 * question does not apply to this company). The evaluation's unit test checks every company answers exactly
 * its applicable questions.
 */
export type Score = 1 | 2 | 3 | 4 | 5;

export function scored(prefix: string, scores: (Score | null)[]): Record<string, Score> {
  const out: Record<string, Score> = {};
  scores.forEach((s, i) => {
    if (s !== null) out[`${prefix}-${String(i + 1).padStart(2, '0')}`] = s;
  });
  return out;
}

export function scoresOf(byPrefix: Record<string, (Score | null)[]>): Record<string, Score> {
  return Object.assign({}, ...Object.entries(byPrefix).map(([p, s]) => scored(p, s)));
}
