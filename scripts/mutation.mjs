// `npm run test:mutation [folder]`: StrykerJS over src/core, or over one area of it (yaml/edit, review,
// simulate, rules, provider, or any folder of src/core). Incremental: each area keeps its own
// reports/stryker-incremental/<area>.json, so a re-run only tests the mutants whose code or tests changed.
// The HTML and JSON reports go to reports/mutation/<area>.html|json. Not part of `npm test`: it takes
// minutes to hours on 2 cores. STRYKER_CONCURRENCY (default 2) sets the number of test processes.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const arg = (process.argv[2] ?? '').replace(/^src\/core\/?/, '').replace(/\/$/, '');
if (arg && !/^[a-z][a-z0-9/-]*\*?$/.test(arg)) {
  console.error(`test:mutation: bad folder "${arg}" (e.g. yaml/edit, review, simulate, rules, provider)`);
  process.exit(2);
}

/**
 * Builders of test and benchmark inputs that the product never runs (no import from src/ui, src/worker or
 * src/cli): like test-support.ts, they are not mutated.
 */
const TEST_BUILDERS = ['rules/generate.ts', 'simulate/generate.ts', 'simulate/fixtures.ts', 'simulate/e2e-fixture.ts', 'graph/generate.ts'];

/** Files to mutate and tests to run for an area. `yaml/edit` is the planEdit part of yaml/ only. */
function area(name) {
  if (name === '') {
    return { mutate: ['src/core/**/*.ts', '!src/core/**/*.test.ts', '!src/core/**/test-support.ts', '!src/core/robustness/**', '!src/core/**/*.d.ts', ...TEST_BUILDERS.map((f) => `!src/core/${f}`)], tests: ['src/core/**/*.test.ts'] };
  }
  if (name === 'yaml/edit') {
    return { mutate: ['src/core/yaml/edit*.ts', '!src/core/yaml/*.test.ts'], tests: ['src/core/yaml/edit*.test.ts'] };
  }
  if (!existsSync(`src/core/${name}`)) {
    console.error(`test:mutation: no folder src/core/${name}`);
    process.exit(2);
  }
  const builders = TEST_BUILDERS.filter((f) => f.startsWith(`${name}/`)).map((f) => `!src/core/${f}`);
  return { mutate: [`src/core/${name}/**/*.ts`, `!src/core/${name}/**/*.test.ts`, `!src/core/${name}/**/test-support.ts`, ...builders], tests: [`src/core/${name}/**/*.test.ts`] };
}

const { mutate, tests } = area(arg);
const id = arg === '' ? 'core' : arg.replace(/\//g, '-');
const args = ['stryker', 'run', 'stryker.config.mjs'];
console.log(`mutating ${mutate.join(' ')}\ntests ${tests.join(' ')}`);
const run = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, STRYKER_AREA: id, STRYKER_MUTATE: mutate.join(','), STRYKER_TESTS: tests.join(',') } });
process.exit(run.status ?? 1);
