/**
 * Finding which of many non-overlapping spans of text holds an offset. Free of the parser and the rest of the
 * analysis: the page uses it too (worker/delta.ts).
 */
import type { Range } from './types.ts';

/**
 * The item whose range in `file` holds `offset`, found by binary search over the items sorted by position (items
 * of one file must not overlap, as resources do not).
 *
 * @example
 * const find = spanFinder(summary.resources, (r) => r.file, (r) => r.range);
 * find('apps.yaml', 120)?.id // the resource whose YAML holds offset 120
 */
export function spanFinder<T>(items: readonly T[], fileOf: (item: T) => string, rangeOf: (item: T) => Range): (file: string, offset: number) => T | undefined {
  const byFile = new Map<string, T[]>();
  for (const r of items) {
    const list = byFile.get(fileOf(r)) ?? [];
    list.push(r);
    byFile.set(fileOf(r), list);
  }
  for (const list of byFile.values()) list.sort((a, b) => rangeOf(a).start - rangeOf(b).start);
  return (file, offset) => {
    const list = byFile.get(file);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (rangeOf(list[mid]!).start <= offset) lo = mid + 1;
      else hi = mid;
    }
    const r = list[lo - 1];
    return r && offset <= rangeOf(r).end ? r : undefined;
  };
}

