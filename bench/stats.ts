/** Timing helpers: run a function repeatedly and report the median with the spread. */
export interface Timing {
  median: number;
  min: number;
  max: number;
  p90: number;
  runs: number;
}

export function time(fn: () => unknown, { runs = 15, warmup = 3 }: { runs?: number; warmup?: number } = {}): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(once(fn));
  return timing(samples);
}

/** Milliseconds one call takes. */
export function once(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

/** Median, min, max and p90 of samples (ms). */
export function timing(values: readonly number[]): Timing {
  const samples = [...values];
  const runs = samples.length;
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { median: at(0.5), min: samples[0]!, max: samples[samples.length - 1]!, p90: at(0.9), runs };
}

export function fmt(ms: number): string {
  return ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : ms < 100 ? `${ms.toFixed(2)} ms` : `${ms.toFixed(0)} ms`;
}

export function spread(t: Timing): string {
  return `${fmt(t.median)} (min ${fmt(t.min)}, p90 ${fmt(t.p90)}, n=${t.runs})`;
}
