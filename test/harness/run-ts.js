/**
 * Runs a service's TypeScript entry point in a real child process without a build: `node -r
 * ./test/harness/run-ts.js subgraphs/notifications/src/main.ts`. Sources are compiled by swc with the options
 * jest uses, and the workspace packages (@hub/*) resolve to their sources, as they do under jest.
 */
const Module = require('node:module');
const path = require('node:path');
const fs = require('node:fs');
const { transformSync } = require('@swc/core');

const ROOT = path.resolve(__dirname, '../..');
const SOURCES = {
  '@hub/statutory': 'shared/statutory/src/index.ts',
  '@hub/service-kit': 'shared/service-kit/src/index.ts',
  '@hub/service-kit/testing': 'shared/service-kit/src/testing/index.ts',
  '@hub/service-kit/tracing': 'shared/service-kit/src/runtime/tracing.ts',
  '@hub/children': 'subgraphs/children/src/index.ts',
  '@hub/plans': 'subgraphs/plans/src/index.ts',
  '@hub/reviews': 'subgraphs/reviews/src/index.ts',
  '@hub/notifications': 'subgraphs/notifications/src/index.ts',
  '@hub/gateway': 'gateway/src/index.ts',
};

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (SOURCES[request]) return path.join(ROOT, SOURCES[request]);
  return resolve.call(this, request, ...rest);
};

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
