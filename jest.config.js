/** Jest: one run for the whole repository. Node tests use the real embedded stack set up in test/global-setup.mjs. */
const swc = ['@swc/jest', { jsc: { transform: { react: { runtime: 'automatic' } } } }];
const transform = {
  '^.+\\.(t|j)sx?$': swc,
  // unpdf's PDF.js build is ESM only (.mjs): compiled to CommonJS for Jest (src/documents/pdf.ts loads it).
  '/node_modules/unpdf/dist/.+\\.mjs$': swc,
};
const transformIgnorePatterns = ['/node_modules/(?!(@middy|jose|@scure|@otplib|otplib|@noble|unpdf)/)'];

module.exports = {
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: [
        '<rootDir>/src',
        '<rootDir>/test',
        '<rootDir>/functions',
        '<rootDir>/containers',
        '<rootDir>/scripts',
      ],
      testMatch: ['**/*.test.ts'],
      transform,
      transformIgnorePatterns,
      globalSetup: '<rootDir>/test/global-setup.mjs',
      globalTeardown: '<rootDir>/test/global-teardown.mjs',
      moduleNameMapper: { '^unpdf/pdfjs$': '<rootDir>/node_modules/unpdf/dist/pdfjs.mjs' },
    },
    {
      displayName: 'web',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/web/src'],
      testMatch: ['**/*.test.tsx', '**/*.test.ts'],
      transform,
      transformIgnorePatterns,
      moduleNameMapper: {
        '\\.(css)$': '<rootDir>/test/style-stub.js',
        // import.meta.env exists only under Vite: tests get a stand-in for the one module that reads it.
        '^(\\.{1,2}/)+runtime-env$': '<rootDir>/web/src/test/runtime-env.ts',
      },
      setupFilesAfterEnv: ['<rootDir>/web/src/test/setup.ts'],
    },
  ],
  testTimeout: 60000,
};
