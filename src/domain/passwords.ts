import { COMMON_PASSWORDS_TEXT } from './common-passwords';

/**
 * The one password rule, the same as the production user pool's policy (resources/auth.yml): at least 12
 * characters with a lower-case letter, an upper-case letter and a digit, and not one of the common passwords
 * shipped in ./common-passwords.ts. Pure: the API and the web app both import it.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export const PASSWORD_RULES: { id: string; text: string; test: (p: string) => boolean }[] = [
  {
    id: 'length',
    text: `At least ${PASSWORD_MIN_LENGTH} characters`,
    test: (p) => p.length >= PASSWORD_MIN_LENGTH,
  },
  { id: 'upper', text: 'An upper-case letter', test: (p) => /[A-Z]/.test(p) },
  { id: 'lower', text: 'A lower-case letter', test: (p) => /[a-z]/.test(p) },
  { id: 'digit', text: 'A digit', test: (p) => /[0-9]/.test(p) },
  { id: 'common', text: 'Not a commonly used password', test: (p) => !isCommonPassword(p) },
];

let common: Set<string> | undefined;

/** Undoes the usual letter-for-symbol swaps (P@ssw0rd → password). */
function unleet(p: string): string {
  return p
    .replace(/[@4]/g, 'a')
    .replace(/0/g, 'o')
    .replace(/[$5]/g, 's')
    .replace(/3/g, 'e')
    .replace(/[1!]/g, 'i');
}

/** True for a password on the shipped list, ignoring case and the usual symbol swaps. */
export function isCommonPassword(password: string): boolean {
  if (!common) {
    common = new Set<string>();
    for (const line of COMMON_PASSWORDS_TEXT.split('\n')) {
      const p = line.trim();
      if (p) {
        common.add(p);
        common.add(unleet(p));
      }
    }
  }
  const lower = password.toLowerCase();
  return common.has(lower) || common.has(unleet(lower));
}

/** The rules a password breaks (their texts, for messages); empty when it is acceptable. */
export function passwordProblems(password: string): string[] {
  const problems = PASSWORD_RULES.filter((r) => !r.test(password)).map((r) => r.text);
  if (password.length > PASSWORD_MAX_LENGTH) problems.push(`At most ${PASSWORD_MAX_LENGTH} characters`);
  return problems;
}
