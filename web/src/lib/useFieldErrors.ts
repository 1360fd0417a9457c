import { useCallback, useEffect, useRef, useState } from 'react';

export type FieldErrors = Record<string, string>;

/**
 * Field errors that behave: shown on submit with focus moved to the first field in error, and cleared (or
 * updated) field by field as the user corrects them, without new errors appearing while they type.
 *
 * `check(values)` returns every current error of the form (keyed like the `error` props); `recheck(key, values)`
 * after a change re-runs it and updates only that key, and only if it was already shown.
 */
export function useFieldErrors<V>(check: (values: V) => FieldErrors) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const focusNext = useRef(false);
  const checkRef = useRef(check);
  useEffect(() => {
    checkRef.current = check;
  });

  useEffect(() => {
    if (!focusNext.current) return;
    focusNext.current = false;
    focusFirstError(formRef.current);
  }, [errors]);

  /** Shows these errors (on submit, or from the API) and moves focus to the first one. */
  const show = useCallback((next: FieldErrors) => {
    focusNext.current = Object.keys(next).length > 0;
    setErrors(next);
  }, []);

  const recheck = useCallback((key: string, values: V) => {
    setErrors((prev) => {
      if (!(key in prev)) return prev;
      const now = checkRef.current(values);
      const next = { ...prev };
      if (now[key]) next[key] = now[key];
      else delete next[key];
      return next;
    });
  }, []);

  return { errors, show, recheck, formRef, clear: useCallback(() => setErrors({}), []) };
}

/** Focuses the first field in error inside `root` (an input marked aria-invalid, or the input of a group in error). */
export function focusFirstError(root: HTMLElement | null) {
  if (!root) return;
  const first = root.querySelector<HTMLElement>('[aria-invalid="true"], .mantine-InputWrapper-error');
  if (!first) return;
  const target = first.matches('input, select, textarea')
    ? first
    : (first
        .closest('.mantine-InputWrapper-root')
        ?.querySelector<HTMLElement>('input:checked, input, select, textarea') ?? null);
  target?.focus();
}
