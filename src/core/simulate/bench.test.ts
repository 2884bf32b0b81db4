import { describe, expect, it } from 'vitest';
import { compileRouting } from './compile.ts';
import { baseSettings } from './fixtures.ts';
import { generateConfig, generateRequests } from './generate.ts';
import { simulate, simulateLinear } from './simulate.ts';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function measure(n: number, linear = false) {
  const conf = generateConfig(n, 42);
  const t0 = performance.now();
  const routing = compileRouting(conf, baseSettings());
  const compileMs = performance.now() - t0;
  const requests = generateRequests(conf, 400, 9);
  for (const r of requests.slice(0, 50)) simulate(routing, r);
  const times = requests.map((r) => {
    const t = performance.now();
    if (linear) simulateLinear(routing, r);
    else simulate(routing, r);
    return performance.now() - t;
  });
  return { compileMs, median: median(times), p95: [...times].sort((a, b) => a - b)[Math.floor(times.length * 0.95)]! };
}

describe('performance', () => {
  it('simulates one request against 5,000 routers in under 1 ms (median)', () => {
    const small = measure(500);
    const big = measure(5000);
    const linear = measure(5000, true);
    console.log(`500 routers: compile ${small.compileMs.toFixed(0)} ms, simulate median ${small.median.toFixed(3)} ms, p95 ${small.p95.toFixed(3)} ms`);
    console.log(`5000 routers: compile ${big.compileMs.toFixed(0)} ms, simulate median ${big.median.toFixed(3)} ms, p95 ${big.p95.toFixed(3)} ms`);
    console.log(`5000 routers, linear scan: median ${linear.median.toFixed(3)} ms`);
    expect(big.median).toBeLessThan(1);
  });
});
