// Lint for the whole workspace. The statutory engine stays pure: no I/O or framework imports there.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

module.exports = tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.data/**', 'coverage/**', '**/migrations/Migration*.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly', fetch: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-declaration-merging': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    files: ['shared/statutory/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: ['@mikro-orm/*', 'bullmq', 'ioredis', '@apollo/*', 'type-graphql', 'graphql', 'pg', 'node:fs', 'fs', 'node:http', 'http', '@hub/*'],
      }],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'the rules engine is pure: pass configuration in' }],
    },
  },
  {
    // The example provider front end: plain browser scripts, served as they are.
    files: ['gateway/public/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: { window: 'readonly', document: 'readonly', location: 'readonly', history: 'readonly', URLSearchParams: 'readonly', AbortController: 'readonly', TextDecoder: 'readonly' },
    },
  },
  {
    files: ['shared/statutory/src/**/*.test.ts', 'shared/statutory/scripts/**'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-properties': 'off' },
  },
);
