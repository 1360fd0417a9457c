/** Jest: one run for the whole repository. Node tests use the real embedded stack set up in test/global-setup.mjs. */
const transform = {
  '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { transform: { react: { runtime: 'automatic' } } } }],
};
const transformIgnorePatterns = ['/node_modules/(?!(@middy|jose|@scure|@otplib|otplib|@noble)/)'];

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
