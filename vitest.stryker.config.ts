// Vitest for StrykerJS only: the tests of one area of src/core (STRYKER_TESTS, comma-separated globs, set
// by scripts/mutation.mjs), never the slow generated-input suites of src/core/robustness.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: (process.env.STRYKER_TESTS ?? 'src/core/**/*.test.ts').split(','),
    // Left out: the generated-input suites of robustness/, and the files whose tests measure time or build
    // 20,000-router workspaces (simulate/bench.test.ts, review/shadow.test.ts): every mutant they cover would
    // re-run them, and on a loaded machine they fail or time out whatever the mutant.
    exclude: ['**/node_modules/**', 'src/core/robustness/**', 'src/core/simulate/bench.test.ts', 'src/core/review/shadow.test.ts'],
    environment: 'node',
    // One module graph for all the test files a mutant run selects: Stryker switches mutants through a global,
    // so modules need not be re-imported per file (the same scores, about a quarter less time on 2 cores).
    isolate: false,
    pool: 'threads',
    testTimeout: 30_000,
    // Every mutant re-runs the property tests: 100 runs each instead of up to 3,000 (same seeds).
    env: { FC_RUNS: process.env.FC_RUNS ?? '100' },
  },
});
