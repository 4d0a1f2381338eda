/** Jest projects: domain rules, the local cloud, functions through it, the builds, the dev server as a process, the app's components (jsdom), the app in Chromium. */
const swc = ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } }, module: { type: 'commonjs' } }];
const base = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  // build output, bench scratch and the hello-world fixture hold copies of package.json files: keep them out of the module map
  modulePathIgnorePatterns: ['<rootDir>/dist-functions/', '<rootDir>/dist/', '<rootDir>/dist-h5', '<rootDir>/bench/', '<rootDir>/tests/bench/fixtures/', '<rootDir>/node_modules/.cache/'],
};
module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    { ...base, displayName: 'local', testMatch: ['<rootDir>/tests/local/**/*.test.ts'] },
    { ...base, displayName: 'functions', testMatch: ['<rootDir>/tests/functions/**/*.test.ts'] },
    { ...base, displayName: 'build', testMatch: ['<rootDir>/tests/build/**/*.test.ts'] },
    { ...base, displayName: 'gateway', testMatch: ['<rootDir>/tests/gateway/**/*.test.ts'] },
    {
      ...base,
      displayName: 'ui',
      testEnvironment: 'jsdom',
      // components and their tests sit side by side under src/, plus tests/ui/ for hooks and services
      testMatch: ['<rootDir>/src/**/*.test.ts?(x)', '<rootDir>/tests/ui/**/*.test.ts?(x)'],
      setupFiles: ['<rootDir>/tests/ui/support/setup.ts'],
      // Taro's React components ship as ES modules: compile them (and their bundled tslib) too
      transformIgnorePatterns: ['^(?!.*/node_modules/@tarojs/components/).*/node_modules/'],
      moduleNameMapper: {
        '^@tarojs/components$': '@tarojs/components/lib/react',
        // the Stencil elements behind them are not defined in jsdom (tests/ui/support/customElements.ts)
        '^@tarojs/components/dist/components$': '<rootDir>/tests/ui/support/customElements.ts',
        '^@tarojs/taro$': '<rootDir>/tests/ui/support/taro.ts',
        '\\.(css|scss)$': '<rootDir>/tests/ui/support/style.ts',
        '\\.(png|jpe?g)$': '<rootDir>/tests/ui/support/file.ts',
      },
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      // the dev server serves the H5 build: make sure it is there and current before any browser starts
      globalSetup: '<rootDir>/tests/e2e/support/globalSetup.ts',
    },
  ],
};
