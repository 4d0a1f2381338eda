/** Jest projects: domain rules, the local cloud, functions through it, the builds, the dev server as a process. */
const swc = ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true } }, module: { type: 'commonjs' } }];
const base = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  // build output and bench scratch hold copies of package.json files: keep them out of the module map
  modulePathIgnorePatterns: ['<rootDir>/dist-functions/', '<rootDir>/dist/', '<rootDir>/dist-h5/', '<rootDir>/bench/', '<rootDir>/tests/bench/fixtures/', '<rootDir>/node_modules/.cache/'],
};
module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    { ...base, displayName: 'local', testMatch: ['<rootDir>/tests/local/**/*.test.ts'] },
    { ...base, displayName: 'functions', testMatch: ['<rootDir>/tests/functions/**/*.test.ts'] },
    { ...base, displayName: 'build', testMatch: ['<rootDir>/tests/build/**/*.test.ts'] },
    { ...base, displayName: 'gateway', testMatch: ['<rootDir>/tests/gateway/**/*.test.ts'] },
  ],
};
