/**
 * Results memoised by a string key, for pure functions the analysis calls with the same texts on every
 * edit (rules, their domains, route hashes). Emptied when it reaches `limit` entries, so a long session
 * of edits cannot grow it without bound. Results are shared between callers: treat them as read-only.
 *
 * @example
 * const hash = memoByText((text) => sha(text));
 * hash('a'); // computed
 * hash('a'); // the same result, not computed again
 */
export function memoByText<V>(compute: (key: string) => V, limit = 50_000): Memo<V> {
  const results = new Map<string, V>();
  const store = (key: string, value: V) => {
    if (results.size >= limit) results.clear();
    results.set(key, value);
  };
  const memo = (key: string): V => {
    let value = results.get(key);
    if (value === undefined && !results.has(key)) {
      value = compute(key);
      store(key, value);
    }
    return value as V;
  };
  return Object.assign(memo, {
    prime(key: string, value: () => V): void {
      if (!results.has(key)) store(key, value());
    },
  });
}

/** A memoised function, and `prime(key, value)`: records what `compute(key)` would return when a caller
 * already has the means to make it cheaply (the rule parser gives parseDomains the expression it parsed). */
export type Memo<V> = ((key: string) => V) & { prime(key: string, value: () => V): void };
