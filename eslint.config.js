import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'dist-cli', 'node_modules', 'test-results', 'playwright-report', 'public', 'bench/tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // The core runs in the browser, in a worker and in Node: no UI framework, no DOM library, no Node API.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react/*'], message: 'src/core must not depend on React.' },
            { group: ['monaco-editor', 'monaco-editor/*', 'monaco-yaml'], message: 'src/core must not depend on Monaco.' },
            { group: ['@xyflow/*'], message: 'src/core must not depend on React Flow.' },
            { group: ['zustand', 'zustand/*'], message: 'src/core must not depend on the store.' },
            { group: ['node:*', 'fs', 'path', 'crypto'], message: 'src/core must run in the browser: no Node built-ins.' },
            { group: ['**/ui/**', '**/store/**', '**/worker/**', '**/cli/**'], message: 'src/core imports nothing from the other layers.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
