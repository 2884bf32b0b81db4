import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    // A guard against a hang, not a speed check (tests count work instead): the slowest test takes ~10 s on
    // an idle 2-core machine, and several times that while other work shares the cores.
    testTimeout: 120_000,
  },
});
