// No Traefik counterpart: builds a string that a Go RE2 pattern (pkg/muxer/http/matcher.go *Regexp matchers)
// or a gorilla/mux template (containous/mux regexp.go, v2 syntax) matches, so witnesses can satisfy regex leaves.
// Candidates are only proposals: the caller checks them with the real matcher before using them.

type Node =
  | { t: 'lit'; ch: string }
  | { t: 'set'; test: (c: string) => boolean }
  | { t: 'cat'; items: Node[] }
  | { t: 'alt'; items: Node[] }
  | { t: 'rep'; node: Node; min: number; max: number }
  | { t: 'empty' };

/** Characters tried, in order, for `.`, classes and escapes: readable, valid in hosts, paths and values. */
const PREFERRED = 'wabcdefghijklmnopqrstuvxyz0123456789-_.~/ABCDEFGHIJKLMNOPQRSTUVWXYZ!$&\'()*+,;=:@% ';

const CLASS_ESCAPES: Record<string, (c: string) => boolean> = {
  d: (c) => /[0-9]/.test(c),
  w: (c) => /[0-9A-Za-z_]/.test(c),
  s: (c) => /[\t\n\f\r ]/.test(c),
};

const POSIX: Record<string, (c: string) => boolean> = {
  alpha: (c) => /[A-Za-z]/.test(c), digit: (c) => /[0-9]/.test(c), alnum: (c) => /[0-9A-Za-z]/.test(c),
  lower: (c) => /[a-z]/.test(c), upper: (c) => /[A-Z]/.test(c), word: (c) => /\w/.test(c),
  space: (c) => /\s/.test(c), xdigit: (c) => /[0-9A-Fa-f]/.test(c), punct: (c) => /[!-/:-@[-`{-~]/.test(c),
  print: (c) => /[ -~]/.test(c), graph: (c) => /[!-~]/.test(c),
};

class GiveUp extends Error {}

/** A small recursive-descent reader of the RE2 syntax: enough for the patterns people put in rules. */
class Reader {
  i = 0;
  constructor(readonly s: string) {}

  parseAlt(): Node {
    const items = [this.parseCat()];
    while (this.s[this.i] === '|') {
      this.i++;
      items.push(this.parseCat());
    }
    return items.length === 1 ? items[0]! : { t: 'alt', items };
  }

  parseCat(): Node {
    const items: Node[] = [];
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      let atom = this.parseAtom();
      for (;;) {
        const q = this.quantifier();
        if (!q) break;
        atom = { t: 'rep', node: atom, min: q.min, max: q.max };
      }
      items.push(atom);
    }
    return { t: 'cat', items };
  }

  quantifier(): { min: number; max: number } | null {
    const c = this.s[this.i];
    let q: { min: number; max: number } | null = null;
    if (c === '*') q = { min: 0, max: Infinity };
    else if (c === '+') q = { min: 1, max: Infinity };
    else if (c === '?') q = { min: 0, max: 1 };
    if (q) this.i++;
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.s.slice(this.i));
      if (!m) return null; // a `{` that starts no repetition is a literal in RE2
      this.i += m[0].length;
      const min = Number(m[1]);
      q = { min, max: m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]) };
      if (min > 1000) throw new GiveUp();
    } else return null;
    if (this.s[this.i] === '?') this.i++; // lazy: same strings
    return q;
  }

  parseAtom(): Node {
    const c = this.s[this.i++]!;
    switch (c) {
      case '(':
        return this.group();
      case '[':
        return this.charClass();
      case '.':
        return { t: 'set', test: (x) => x !== '\n' };
      case '^':
      case '$':
        return { t: 'empty' }; // anchors: the caller checks the placement with the real matcher
      case '\\':
        return this.escape(false) as Node;
      default:
        return { t: 'lit', ch: c };
    }
  }

  group(): Node {
    if (this.s[this.i] === '?') {
      const flags = /^\?(P?<[A-Za-z0-9_]+>|[imsU-]*:|[imsU-]*\))/.exec(this.s.slice(this.i));
      if (!flags) throw new GiveUp();
      this.i += flags[0].length;
      if (flags[0].endsWith(')')) return { t: 'empty' }; // (?i) sets flags for the rest: no effect on our choice
    }
    const inner = this.parseAlt();
    if (this.s[this.i] !== ')') throw new GiveUp();
    this.i++;
    return inner;
  }

  /** An escape outside (`inClass` false) or inside a class: a literal node, or a predicate. */
  escape(inClass: boolean): Node | ((c: string) => boolean) | string {
    const e = this.s[this.i++];
    if (e === undefined) throw new GiveUp();
    const lower = e.toLowerCase();
    if (CLASS_ESCAPES[lower]) {
      const f = CLASS_ESCAPES[lower]!;
      const test = e === lower ? f : (c: string) => !f(c);
      return inClass ? test : { t: 'set', test };
    }
    let ch: string;
    if (e === 'A' || e === 'z' || e === 'b' || e === 'B') {
      if (inClass) throw new GiveUp();
      return { t: 'empty' };
    } else if (e === 'Q') {
      const end = this.s.indexOf('\\E', this.i);
      const text = this.s.slice(this.i, end < 0 ? undefined : end);
      this.i = end < 0 ? this.s.length : end + 2;
      if (inClass) throw new GiveUp();
      return { t: 'cat', items: [...text].map((x): Node => ({ t: 'lit', ch: x })) };
    } else if (e === 'x') {
      const m = /^(\{([0-9A-Fa-f]{1,6})\}|[0-9A-Fa-f]{2})/.exec(this.s.slice(this.i));
      if (!m) throw new GiveUp();
      this.i += m[0].length;
      ch = String.fromCodePoint(parseInt(m[2] ?? m[1]!, 16));
    } else if (e === 'p' || e === 'P') {
      const m = /^(\{\^?L\}|L)/.exec(this.s.slice(this.i));
      if (!m || e === 'P') throw new GiveUp(); // Unicode classes other than letters: not worth guessing
      this.i += m[0].length;
      const letter = (c: string) => /\p{L}/u.test(c);
      const test = m[0].includes('^') ? (c: string) => !letter(c) : letter; // \p{^L}: not a letter
      return inClass ? test : { t: 'set', test };
    } else if (/[0-9]/.test(e)) throw new GiveUp();
    else ch = ({ n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', a: '\x07' } as Record<string, string>)[e] ?? e;
    return inClass ? ch : { t: 'lit', ch };
  }

  charClass(): Node {
    let negated = false;
    if (this.s[this.i] === '^') {
      negated = true;
      this.i++;
    }
    const tests: ((c: string) => boolean)[] = [];
    let first = true;
    while (this.i < this.s.length && (this.s[this.i] !== ']' || first)) {
      first = false;
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(this.s.slice(this.i));
      if (posix) {
        const f = POSIX[posix[2]!];
        if (!f) throw new GiveUp();
        this.i += posix[0].length;
        tests.push(posix[1] ? (c) => !f(c) : f);
        continue;
      }
      const lo = this.classChar();
      if (typeof lo !== 'string') {
        tests.push(lo);
        continue;
      }
      if (this.s[this.i] === '-' && this.s[this.i + 1] !== ']' && this.i + 1 < this.s.length) {
        this.i++;
        const hi = this.classChar();
        if (typeof hi !== 'string') throw new GiveUp();
        tests.push((c) => c >= lo && c <= hi);
      } else tests.push((c) => c === lo);
    }
    if (this.s[this.i] !== ']') throw new GiveUp();
    this.i++;
    const any = (c: string) => tests.some((t) => t(c));
    return { t: 'set', test: negated ? (c) => c !== '\n' && !any(c) : any };
  }

  classChar(): string | ((c: string) => boolean) {
    const c = this.s[this.i++]!;
    if (c !== '\\') return c;
    const e = this.escape(true);
    if (typeof e === 'string' || typeof e === 'function') return e;
    throw new GiveUp();
  }
}

function generate(node: Node, extra: boolean, branch: number): string {
  switch (node.t) {
    case 'lit':
      return node.ch;
    case 'empty':
      return '';
    case 'set': {
      for (const c of PREFERRED) if (node.test(c)) return c;
      for (let code = 0x21; code < 0x7f; code++) if (node.test(String.fromCharCode(code))) return String.fromCharCode(code);
      throw new GiveUp();
    }
    case 'cat':
      return node.items.map((n) => generate(n, extra, branch)).join('');
    case 'alt':
      return generate(node.items[Math.min(branch, node.items.length - 1)]!, extra, branch);
    case 'rep': {
      const count = extra && node.max > node.min ? node.min + 1 : node.min;
      const one = count > 0 ? generate(node.node, extra, branch) : '';
      return one.repeat(count);
    }
  }
}

/**
 * Strings an RE2 pattern should match: the shortest choice at every step, one that takes one more
 * repetition where a quantifier allows it, and the same through the second and third alternatives.
 * Empty when the pattern uses syntax this sampler does not model.
 *
 * @example
 * regexSamples('^.+\\.example\\.com$') // ['w.example.com', 'ww.example.com']
 * regexSamples('^/api/v[0-9]+/') // ['/api/v0/', '/api/v00/']
 */
export function regexSamples(pattern: string): string[] {
  try {
    const reader = new Reader(pattern);
    const node = reader.parseAlt();
    if (reader.i !== pattern.length) return [];
    const out: string[] = [];
    for (const branch of [0, 1, 2]) {
      for (const extra of [false, true]) {
        try {
          out.push(generate(node, extra, branch));
        } catch {
          // a branch this sampler cannot model: the others may still do
        }
      }
    }
    return [...new Set(out.filter((s) => s.length <= 2000))];
  } catch {
    return [];
  }
}

/**
 * Turns a gorilla/mux template (`{name}`, `{name:re}`, literal text) into an anchored RE2 pattern, or null
 * when the braces are unbalanced. `kind` gives the default variable pattern (containous/mux regexp.go).
 *
 * @example
 * muxTemplateToRegexp('{sub:[a-z]+}.example.com', 'host') // '^(?:[a-z]+)\\.example\\.com$'
 */
export function muxTemplateToRegexp(template: string, kind: 'host' | 'path' | 'prefix' | 'query'): string | null {
  const defaultPattern = kind === 'host' ? '[^.]+' : kind === 'query' ? '.*' : '[^/]+';
  let out = '^';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      out += quoteMeta(template.slice(i));
      break;
    }
    out += quoteMeta(template.slice(i, open));
    let depth = 0;
    let close = -1;
    for (let j = open; j < template.length; j++) {
      if (template[j] === '{') depth++;
      else if (template[j] === '}' && --depth === 0) {
        close = j;
        break;
      }
    }
    if (close < 0) return null;
    const inner = template.slice(open + 1, close);
    const colon = inner.indexOf(':');
    const name = colon < 0 ? inner : inner.slice(0, colon);
    const pattern = colon < 0 ? defaultPattern : inner.slice(colon + 1);
    if (name === '' || pattern === '') return null;
    out += `(?:${pattern})`;
    i = close + 1;
  }
  if (template.slice(i).includes('}')) return null;
  return kind === 'prefix' ? out : out + '$';
}

function quoteMeta(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}
