/** Jest stand-in for web/src/runtime-env.ts (see jest.config.js moduleNameMapper). */
export const apiBaseUrl = '';
