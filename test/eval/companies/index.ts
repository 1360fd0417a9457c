import type { EvalCompany } from '../types';
import { brightline } from './brightline-contact';
import { fenwick } from './fenwick-healthy';
import { hearthField } from './hearth-field-d2c';
import { loopwise } from './loopwise-saas';
import { northlight } from './northlight-agency';
import { tessera } from './tessera-marketplace';

/** The analysis evaluation set (issue 8): six contrasting companies. */
export const EVAL_COMPANIES: readonly EvalCompany[] = [
  loopwise,
  brightline,
  hearthField,
  tessera,
  northlight,
  fenwick,
];

/**
 * The subset that runs in CI (test/eval/analysis.eval.test.ts): a document-heavy D2C brand that already runs a
 * supplier scorecard, a one-seller agency whose problem is concentrated in two domains, and the healthy company.
 */
export const CI_COMPANY_KEYS = ['hearth-field', 'northlight', 'fenwick'] as const;

export function companiesByKey(keys: readonly string[]): EvalCompany[] {
  return keys.map((k) => {
    const c = EVAL_COMPANIES.find((x) => x.key === k);
    if (!c)
      throw new Error(
        `unknown evaluation company "${k}" (known: ${EVAL_COMPANIES.map((x) => x.key).join(', ')})`,
      );
    return c;
  });
}
