/**
 * Build-time settings read from Vite's import.meta.env. They live in this one module so that Jest (which runs
 * the code as CommonJS, where import.meta does not exist) can replace it with web/src/test/runtime-env.ts.
 */
export const apiBaseUrl: string = (import.meta.env.VITE_API_BASE_URL ?? '').trim().replace(/\/+$/, '');
