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
export function memoByText<V>(compute: (key: string) => V, limit = 50_000): (key: string) => V {
  const results = new Map<string, V>();
  return (key) => {
    let value = results.get(key);
    if (value === undefined && !results.has(key)) {
      if (results.size >= limit) results.clear();
      value = compute(key);
      results.set(key, value);
    }
    return value as V;
  };
}
