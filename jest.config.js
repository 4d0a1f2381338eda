/** Jest projects: domain unit tests, the local cloud, functions through the stand-in. */
const swc = ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true } }, module: { type: 'commonjs' } }];
const base = { testEnvironment: 'node', transform: { '^.+\\.(t|j)sx?$': swc }, moduleFileExtensions: ['ts', 'tsx', 'js', 'json'] };
module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    { ...base, displayName: 'local', testMatch: ['<rootDir>/tests/local/**/*.test.ts'] },
    { ...base, displayName: 'functions', testMatch: ['<rootDir>/tests/functions/**/*.test.ts'] },
    // the dev server as a separate process: the gateway contract, persistence, kill -9
    { ...base, displayName: 'build', testMatch: ['<rootDir>/tests/build/**/*.test.ts'] },
    { ...base, displayName: 'gateway', testMatch: ['<rootDir>/tests/gateway/**/*.test.ts'] },
  ],
};
