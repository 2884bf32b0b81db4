// Mirrors go/scanner/scanner.go (Go standard library), which vulcand/predicate's parse.go runs on
// every rule through go/parser.ParseExpr: tokens, string literals, comments and semicolon insertion.
import type { RuleErrorCode } from './ast.ts';
import { goDecodeUtf8, hexVal, isDecimal, isIdentPart, isLetter, utf8Bytes } from './go-text.ts';

export type TokenKind = 'ident' | 'keyword' | 'int' | 'float' | 'imag' | 'char' | 'string' | 'op' | 'semi' | 'eof' | 'illegal';

export interface Token {
  kind: TokenKind;
  /** Source text; for an automatic semicolon `\n` (an explicit `;` is an `op`: either way the rule ends there). */
  text: string;
  start: number;
  end: number;
  /** Decoded value of a string literal. */
  value?: string;
}

export interface ScanError {
  code: RuleErrorCode;
  message: string;
  offset: number;
  length: number;
}

const KEYWORDS = new Set(['break', 'case', 'chan', 'const', 'continue', 'default', 'defer', 'else', 'fallthrough', 'for', 'func', 'go', 'goto', 'if', 'import', 'interface', 'map', 'package', 'range', 'return', 'select', 'struct', 'switch', 'type', 'var']);
// Go's operators and delimiters; the scanner takes the longest one present.
const OPERATORS = ['...', '&^=', '<<=', '>>=', '&&', '||', '<-', '++', '--', '==', '!=', '<=', '>=', ':=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<', '>>', '&^', '+', '-', '*', '/', '%', '&', '|', '^', '<', '>', '=', '!', '~', '(', ')', '[', ']', '{', '}', ',', ';', '.', ':'];
/** The operators by their first character, longest first: the scanner matches them in place. */
const OPERATORS_BY_FIRST = new Map<string, string[]>();
for (const op of OPERATORS) {
  const list = OPERATORS_BY_FIRST.get(op[0]!);
  if (list) list.push(op);
  else OPERATORS_BY_FIRST.set(op[0]!, [op]);
}

/** The longest operator at `start`, without making a string per candidate (12,500 rules: ~60,000 operators). */
function operatorAt(s: string, start: number, c: string): string | undefined {
  const candidates = OPERATORS_BY_FIRST.get(c);
  if (candidates === undefined) return undefined;
  for (const op of candidates) if (s.startsWith(op, start)) return op;
  return undefined;
}
/** An automatic semicolon at a line break. */
function semiAt(at: number): Token {
  // Stryker disable next-line ArithmeticOperator: the parser reads a semicolon's start, never its end
  return { kind: 'semi', text: '\n', start: at, end: at + 1 };
}

/** Go's scanner over a rule string; `next()` returns tokens until `eof`, errors pile up in `errors`. */
export class GoScanner {
  readonly errors: ScanError[] = [];
  private pos = 0;
  private insertSemi = false;
  /** Where a multi-line comment put an automatic semicolon still to return. */
  private pendingSemi: number | null = null;

  constructor(private readonly src: string) {
    if (src.charCodeAt(0) === 0xfeff) this.pos = 1;
    this.checkCharacters();
  }

  /** Go rejects NUL, a byte order mark after the start and invalid UTF-8 anywhere, even in strings. */
  private checkCharacters(): void {
    const s = this.src;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 0) this.error('RULE_SYNTAX', 'The rule contains a NUL character; remove it.', i, 1);
      else if (c === 0xfeff && i > 0) this.error('RULE_SYNTAX', 'The rule contains a byte order mark (U+FEFF); remove it.', i, 1);
      else if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
      else if (c >= 0xd800 && c <= 0xdfff) this.error('RULE_SYNTAX', 'The rule contains an invalid (unpaired) UTF-16 character; remove it.', i, 1);
    }
  }

  private error(code: RuleErrorCode, message: string, offset: number, length: number): void {
    this.errors.push({ code, message, offset, length: Math.max(1, length) });
  }

  /**
   * The next token, with Go's automatic semicolons (`text` `\n`) after a line's last identifier,
   * literal, `)` or `]`. Go also inserts one after `}`, `++`, `--` and return-like keywords, but a rule
   * stops parsing at those, so it makes no difference. The one Go adds at the very end of the input is
   * left out: the parser accepts it as the end, so `eof` stands for both.
   *
   * @example
   * new GoScanner('Host(`a`)').next() // { kind: 'ident', text: 'Host', start: 0, end: 4 }
   */
  next(): Token {
    const s = this.src;
    for (;;) {
      if (this.pendingSemi !== null) {
        const at = this.pendingSemi;
        this.pendingSemi = null;
        return semiAt(at);
      }
      while (this.pos < s.length) {
        const c = s[this.pos];
        if (c === ' ' || c === '\t' || c === '\r' || (c === '\n' && !this.insertSemi)) this.pos++;
        else break;
      }
      const start = this.pos;
      if (start >= s.length) return { kind: 'eof', text: '', start, end: start };
      const c = s[start]!;
      if (c === '\n') {
        this.pos++;
        this.insertSemi = false;
        return semiAt(start);
      }
      if (c === '/' && (s[start + 1] === '/' || s[start + 1] === '*')) {
        this.skipComment(start); // may leave a pending semicolon, returned first
        continue;
      }
      return this.scanToken(start, c);
    }
  }

  private skipComment(start: number): void {
    const s = this.src;
    if (s[start + 1] === '/') {
      let i = start + 2;
      while (i < s.length && s[i] !== '\n') i++;
      this.pos = i; // the newline itself is scanned next, so it still ends the line
      return;
    }
    const close = s.indexOf('*/', start + 2);
    const end = close < 0 ? s.length : close + 2;
    if (close < 0) this.error('RULE_SYNTAX', 'This /* comment is never closed; end it with */.', start, s.length - start);
    const nl = s.slice(start, end).indexOf('\n');
    // A /*…*/ comment spanning lines acts like a newline (an automatic semicolon at its first newline).
    if (this.insertSemi && nl !== -1) {
      this.insertSemi = false;
      this.pendingSemi = start + nl;
    }
    this.pos = end;
  }

  private scanToken(start: number, c: string): Token {
    const s = this.src;
    const cp = s.codePointAt(start)!;
    const ch = String.fromCodePoint(cp);
    if (isLetter(ch)) {
      let i = start + ch.length;
      while (i < s.length) {
        const n = String.fromCodePoint(s.codePointAt(i)!);
        if (!isIdentPart(n)) break;
        i += n.length;
      }
      this.pos = i;
      const text = s.slice(start, i);
      this.insertSemi = true;
      return { kind: KEYWORDS.has(text) ? 'keyword' : 'ident', text, start, end: i };
    }
    if (isDecimal(c) || (c === '.' && isDecimal(s[start + 1]))) return this.scanNumber(start);
    if (c === '"') return this.scanString(start);
    if (c === '`') return this.scanRawString(start);
    if (c === "'") return this.scanRune(start);
    const op = operatorAt(s, start, c);
    if (op) {
      this.pos = start + op.length;
      this.insertSemi = op === ')' || op === ']';
      return { kind: 'op', text: op, start, end: this.pos };
    }
    this.pos = start + ch.length; // the parser stops here, but skipping `[…]` reads on
    const printable = cp > 0x20 && !(cp >= 0x7f && cp <= 0xa0) && !(cp >= 0x2000 && cp <= 0x206f) && cp !== 0x3000;
    const what = printable ? '`' + ch + '`' : `The character U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
    const fix = printable ? 'put values in backticks, e.g. Host(`example.com`)' : 'replace it with a plain space or remove it';
    // NUL, a BOM and lone surrogates also get here; checkCharacters reported them first, and the first
    // error at an offset is the one reported.
    this.error('RULE_SYNTAX', `${what} cannot appear outside a string; ${fix}.`, start, ch.length);
    // Stryker disable next-line StringLiteral: the parser has no branch for 'illegal'; any token it does not expect ends the parse
    return { kind: 'illegal', text: ch, start, end: this.pos };
  }

  private scanNumber(start: number): Token {
    const s = this.src;
    let i = start;
    let hex = false;
    let kind: TokenKind = 'int';
    if (s[i] === '0' && /[xXbBoO]/.test(s.charAt(i + 1))) {
      hex = /[xX]/.test(s[i + 1]!);
      i += 2;
    }
    const digit = (x: string | undefined) => (hex ? hexVal(x) !== 99 : isDecimal(x)) || x === '_';
    while (digit(s[i])) i++;
    if (s[i] === '.') {
      kind = 'float';
      i++;
      while (digit(s[i])) i++;
    }
    if (/[eE]/.test(s.charAt(i)) && !hex || /[pP]/.test(s.charAt(i))) {
      kind = 'float';
      i++;
      if (s[i] === '+' || s[i] === '-') i++;
      while (isDecimal(s[i]) || s[i] === '_') i++;
    }
    if (s[i] === 'i') {
      kind = 'imag';
      i++;
    }
    this.pos = i;
    this.insertSemi = true;
    return { kind, text: s.slice(start, i), start, end: i };
  }

  private scanRawString(start: number): Token {
    const s = this.src;
    const close = s.indexOf('`', start + 1);
    this.insertSemi = true;
    if (close < 0) {
      this.error('RULE_BAD_STRING', 'This backtick string is never closed; add the closing ` after the value.', start, s.length - start);
      this.pos = s.length;
      // Stryker disable next-line StringLiteral,MethodExpression,ArithmeticOperator: the error above is reported whatever this token holds
      return { kind: 'string', text: s.slice(start), start, end: s.length, value: s.slice(start + 1).replace(/\r/g, '') };
    }
    this.pos = close + 1;
    // strconv.Unquote drops carriage returns from raw strings.
    return { kind: 'string', text: s.slice(start, close + 1), start, end: close + 1, value: s.slice(start + 1, close).replace(/\r/g, '') };
  }

  private scanString(start: number): Token {
    const s = this.src;
    let i = start + 1;
    let bytes: number[] | null = null;
    let plainFrom = i;
    // Called once escapes have started: the plain text since the last escape, as UTF-8 bytes.
    const flush = (to: number) => {
      for (const b of utf8Bytes(s.slice(plainFrom, to))) bytes!.push(b);
    };
    for (;;) {
      const c = s[i];
      if (c === undefined || c === '\n') {
        this.error('RULE_BAD_STRING', 'This double-quoted string is not closed on its line; close it with ", or use backticks for values that span lines.', start, i - start);
        break;
      }
      if (c === '"') break;
      if (c !== '\\') {
        i++;
        continue;
      }
      if (!bytes) bytes = [];
      flush(i);
      i = this.scanEscape(i, bytes);
      plainFrom = i;
    }
    const end = s[i] === '"' ? i + 1 : i;
    this.pos = end;
    this.insertSemi = true;
    let value: string;
    if (bytes) {
      flush(i);
      value = goDecodeUtf8(bytes);
    } else value = s.slice(start + 1, i);
    return { kind: 'string', text: s.slice(start, end), start, end, value };
  }

  /** One escape of an interpreted string starting at the backslash; appends its bytes, returns the next index. */
  private scanEscape(at: number, out: number[], quote = '"'): number {
    const s = this.src;
    const e = s[at + 1];
    const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };
    if (e !== undefined && (simple[e] !== undefined || e === quote)) {
      out.push(simple[e] ?? quote.charCodeAt(0));
      return at + 2;
    }
    const spec = e === 'x' ? [2, 16, 255] : e === 'u' ? [4, 16, 0x10ffff] : e === 'U' ? [8, 16, 0x10ffff] : e !== undefined && e >= '0' && e <= '7' ? [3, 8, 255] : null;
    if (!spec) {
      const seq = e === undefined || e === '\n' ? '\\' : '\\' + e;
      const hint = e === "'" ? "a single quote needs no escape inside double quotes" : 'write `\\\\` for a literal backslash, or use a backtick string where backslashes are literal';
      this.error('RULE_BAD_STRING', `\`${seq}\` is not a Go escape sequence: ${hint}.`, at, seq.length);
      return e === undefined || e === '\n' ? at + 1 : at + 2;
    }
    const [n, base, max] = spec as [number, number, number];
    // An octal escape's first digit is the letter after the backslash.
    let i = base === 8 ? at + 1 : at + 2;
    let x = 0;
    for (let k = 0; k < n; k++, i++) {
      const d = hexVal(s[i]);
      if (d >= base) {
        this.error('RULE_BAD_STRING', `The escape \`${s.slice(at, i)}\` needs ${n} ${base === 8 ? 'octal' : 'hex'} digits; complete it, or use a backtick string.`, at, i - at);
        return i;
      }
      x = x * base + d;
    }
    if (x > max || (x >= 0xd800 && x < 0xe000)) {
      this.error('RULE_BAD_STRING', `The escape \`${s.slice(at, i)}\` is not a valid Unicode code point or byte.`, at, i - at);
      return i;
    }
    if (e === 'u' || e === 'U') for (const b of utf8Bytes(String.fromCodePoint(x))) out.push(b);
    else out.push(x); // \x and octal escapes are single bytes
    return i;
  }

  private scanRune(start: number): Token {
    const s = this.src;
    let i = start + 1;
    let n = 0;
    let terminated = false;
    const sink: number[] = [];
    while (i < s.length && s[i] !== '\n') {
      if (s[i] === "'") {
        terminated = true;
        i++;
        break;
      }
      i = s[i] === '\\' ? this.scanEscape(i, sink, "'") : i + String.fromCodePoint(s.codePointAt(i)!).length;
      n++;
    }
    this.pos = i;
    this.insertSemi = true;
    const text = s.slice(start, i);
    const fix = `Single quotes make a Go rune (one character), not a string: write the value in backticks instead of ${text.length > 30 ? 'single quotes' : text}.`;
    if (!terminated || n !== 1) this.error('RULE_NON_STRING_ARG', fix, start, i - start);
    return { kind: 'char', text, start, end: i };
  }
}
