/**
 * Jest projects split by suffix: unit (*.test.ts, no I/O), int (*.int.test.ts, real PostgreSQL/Redis),
 * e2e (test/*.e2e.test.ts, the whole hub through the gateway).
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];
const moduleNameMapper = {
  '^@hub/statutory$': '<rootDir>/shared/statutory/src/index.ts',
  '^@hub/service-kit$': '<rootDir>/shared/service-kit/src/index.ts',
  '^@hub/service-kit/testing$': '<rootDir>/shared/service-kit/src/testing/index.ts',
  '^@hub/service-kit/tracing$': '<rootDir>/shared/service-kit/src/runtime/tracing.ts',
  '^@hub/(children|plans|reviews|notifications)$': '<rootDir>/subgraphs/$1/src/index.ts',
  '^@hub/gateway$': '<rootDir>/gateway/src/index.ts',
  '^@hub/launcher$': '<rootDir>/shared/launcher/src/index.ts',
};
/**
 * @graphql-hive/router-runtime (the gateway's Rust query planner) loads its native planner with `import()` from
 * CommonJS, which Jest's module VM refuses without --experimental-vm-modules; under Jest alone that one file is
 * compiled with its `import()` turned into `require()` (node itself runs it unchanged).
 */
const dynamicImportAsRequire = ['@swc/jest', { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } }];
const common = {
  rootDir: __dirname,
  transform: { '^.+\\.ts$': swc, '/node_modules/@graphql-hive/router-runtime/dist/index\\.cjs$': dynamicImportAsRequire },
  transformIgnorePatterns: ['/node_modules/(?!@graphql-hive/router-runtime/dist/)'],
  moduleNameMapper,
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/', '<rootDir>/.data/'],
};
module.exports = {
  testTimeout: 120000,
  // Each end-to-end file loads the whole hub into its own module registry, and a process running file after file
  // grows past 2.5 GB, its garbage collection slowing every later file. With a bound, Jest runs the files in a
  // worker process and starts a fresh one once a file leaves it above the bound (one worker on two cores, as before).
  workerIdleMemoryLimit: '1GB',
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{shared,subgraphs,gateway}/**/src/**/*.test.ts'],
      testPathIgnorePatterns: ['\\.int\\.test\\.ts$', '/node_modules/'],
    },
    {
      ...common,
      displayName: 'int',
      testMatch: ['<rootDir>/{shared,subgraphs,gateway}/**/*.int.test.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e.test.ts'],
    },
  ],
};
