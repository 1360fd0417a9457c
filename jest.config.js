/** Jest: one run for the whole repository. Node tests use the real embedded stack set up in test/global-setup.mjs. */
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { transform: { react: { runtime: 'automatic' } } } }] };
const transformIgnorePatterns = ['/node_modules/(?!@middy/)'];

module.exports = {
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/src', '<rootDir>/test', '<rootDir>/functions', '<rootDir>/containers', '<rootDir>/scripts'],
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
      moduleNameMapper: { '\\.(css)$': '<rootDir>/test/style-stub.js' },
    },
  ],
  testTimeout: 60000,
};
