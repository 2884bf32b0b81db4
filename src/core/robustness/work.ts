// No Traefik counterpart: a clock-free measure of work for tests that guard complexity. A test compares the
// work of a call at two sizes (or against a bound linear in its input) instead of its time, so that it gives
// the same answer on a slow or busy machine and still fails when something becomes quadratic.

/** What one call to `countWork` counted, by kind, and in all. */
export interface WorkCount {
  total: number;
  byKind: Record<string, number>;
}

type AnyFn = (...args: unknown[]) => unknown;

/** Array methods whose callback runs once per element visited: each call of the callback is one unit. */
const CALLBACK_METHODS = ['map', 'filter', 'forEach', 'find', 'findIndex', 'findLast', 'findLastIndex', 'some', 'every', 'reduce', 'flatMap'] as const;
/** Methods that scan their receiver: each counts the receiver's length (an upper bound of what it reads). */
const SCANS: [object, string][] = [
  [Array.prototype, 'indexOf'],
  [Array.prototype, 'lastIndexOf'],
  [Array.prototype, 'includes'],
  [Array.prototype, 'slice'],
  [Array.prototype, 'concat'],
];
/** Constant-time operations, one unit each: hash lookups and stores. */
const LOOKUPS: [object, string][] = [
  [Map.prototype, 'get'],
  [Map.prototype, 'set'],
  [Map.prototype, 'has'],
  [Set.prototype, 'has'],
  [Set.prototype, 'add'],
];
/** Object enumerations (`Object.keys(x).length` in a loop is the classic hidden quadratic): their result's length. */
const ENUMERATIONS = ['keys', 'values', 'entries'] as const;

/**
 * Runs `fn` (synchronous) and counts the work it does through the built-ins most code does its work with:
 * callbacks of array iteration methods, sort comparisons, array scans (by length), Map/Set operations and
 * Object.keys/values/entries (by length); with `strings`, also characters copied by slice/substring/substr and
 * scanned by indexOf/split; with `chars`, each charCodeAt/codePointAt (slow: for small inputs). Plain loops over typed arrays are not seen, so compare counts at
 * two sizes: a quadratic path built from any of these shows as a ratio near 4 when the size doubles.
 * The built-ins are restored before it returns, even when `fn` throws.
 *
 * @example
 * const small = countWork(() => layoutGraph(generateGraph(2500, 1))).total;
 * const large = countWork(() => layoutGraph(generateGraph(5000, 1))).total;
 * expect(large / small).toBeLessThan(3); // linear or n log n: ~2; quadratic: ~4
 */
export function countWork<T>(fn: () => T, options: { strings?: boolean; chars?: boolean } = {}): WorkCount & { result: T } {
  const byKind: Record<string, number> = {};
  const restore: (() => void)[] = [];
  let total = 0;
  const add = (kind: string, n: number) => {
    total += n;
    byKind[kind] = (byKind[kind] ?? 0) + n;
  };
  const patch = (owner: object, name: string, make: (orig: AnyFn) => AnyFn) => {
    const o = owner as Record<string, AnyFn>;
    const orig = o[name]!;
    Object.defineProperty(owner, name, { value: make(orig), writable: true, configurable: true, enumerable: false });
    restore.push(() => Object.defineProperty(owner, name, { value: orig, writable: true, configurable: true, enumerable: false }));
  };
  try {
    for (const name of CALLBACK_METHODS) {
      patch(Array.prototype, name, (orig) =>
        function (this: unknown, cb: unknown, ...rest: unknown[]) {
          if (typeof cb !== 'function') return orig.call(this, cb, ...rest);
          const counted = function (this: unknown, ...args: unknown[]) {
            total++;
            byKind[name] = (byKind[name] ?? 0) + 1;
            return (cb as AnyFn).apply(this, args);
          };
          return orig.call(this, counted, ...rest);
        },
      );
    }
    patch(Array.prototype, 'sort', (orig) =>
      function (this: unknown[], cmp?: unknown) {
        if (typeof cmp !== 'function') {
          add('sort', this.length);
          return orig.call(this);
        }
        return orig.call(this, (a: unknown, b: unknown) => {
          total++;
          byKind['sort'] = (byKind['sort'] ?? 0) + 1;
          return (cmp as AnyFn)(a, b);
        });
      },
    );
    for (const [owner, name] of SCANS) {
      patch(owner, name, (orig) =>
        function (this: unknown[], ...args: unknown[]) {
          add(name, this.length);
          return orig.apply(this, args);
        },
      );
    }
    for (const [owner, name] of LOOKUPS) {
      patch(owner, name, (orig) =>
        function (this: unknown, ...args: unknown[]) {
          total++;
          byKind[name] = (byKind[name] ?? 0) + 1;
          return orig.apply(this, args);
        },
      );
    }
    for (const name of ENUMERATIONS) {
      patch(Object, name, (orig) => (x: unknown) => {
        const out = orig(x) as unknown[];
        add(`Object.${name}`, out.length);
        return out;
      });
    }
    if (options.strings) {
      // Characters copied or scanned: a text re-read from its start for each line or document is quadratic.
      for (const name of ['slice', 'substring', 'substr'] as const) {
        patch(String.prototype, name, (orig) =>
          function (this: string, ...args: unknown[]) {
            const out = orig.apply(this, args) as string;
            add(`string.${name}`, out.length);
            return out;
          },
        );
      }
      patch(String.prototype, 'indexOf', (orig) =>
        function (this: string, search: unknown, from?: unknown) {
          const start = Math.max(0, Math.min(this.length, Number(from ?? 0) || 0));
          const at = orig.call(this, search, from) as number;
          add('string.indexOf', (at < 0 ? this.length : at) - start);
          return at;
        },
      );
      patch(String.prototype, 'split', (orig) =>
        function (this: string, ...args: unknown[]) {
          add('string.split', this.length);
          return orig.apply(this, args);
        },
      );
    }
    if (options.chars) {
      // Characters read one at a time (how re2js and hand-written scanners read their input).
      for (const name of ['charCodeAt', 'codePointAt'] as const) {
        patch(String.prototype, name, (orig) =>
          function (this: string, i?: unknown) {
            total++;
            byKind[`string.${name}`] = (byKind[`string.${name}`] ?? 0) + 1;
            return orig.call(this, i);
          },
        );
      }
    }
    const result = fn();
    return { result, total, byKind };
  } finally {
    for (const undo of restore.reverse()) undo();
  }
}
