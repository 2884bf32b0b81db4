/* global process */
// StrykerJS 9.6 (the last major for Node 20) over src/core. Run through `npm run test:mutation [folder]`
// (scripts/mutation.mjs), which chooses the files to mutate, the tests to run and the report names.
const id = process.env.STRYKER_AREA ?? 'core';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: (process.env.STRYKER_MUTATE ?? 'src/core/**/*.ts,!src/core/**/*.test.ts,!src/core/robustness/**,!src/core/**/*.d.ts').split(','),
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts', related: true },
  // The TypeScript checker (installed) would drop mutants that do not compile before running them; on 2
  // shared cores its compiler costs more than running those mutants, which mostly crash and count as
  // killed. STRYKER_CHECK=1 turns it on.
  ...(process.env.STRYKER_CHECK === '1' ? { checkers: ['typescript'], tsconfigFile: 'src/core/tsconfig.json', typescriptChecker: { prioritizePerformanceOverAccuracy: true } } : {}),
  coverageAnalysis: 'perTest',
  // Mutants in module-level code (tables, constants) need a fresh module graph for every test run: far too
  // slow on 2 shared cores. They are left out of the score rather than run.
  ignoreStatic: true,
  // One incremental file per area: a run over one folder would otherwise forget the others' results.
  incremental: true,
  incrementalFile: `reports/stryker-incremental/${id}.json`,
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
  timeoutMS: 10_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${id}.html` },
  jsonReporter: { fileName: `reports/mutation/${id}.json` },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  ignorePatterns: ['dist', 'dist-cli', 'test-results', 'playwright-report', 'bench/out', 'bench/tmp', 'reports', 'docs'],
};
