// Mirrors go/parser (Go standard library) ParseExpr, the first step of vulcand/predicate parse.go:
// the full Go expression grammar as far as a rule can meet it, so that errors land where Go's would.
import type { RuleErrorCode } from './ast.ts';
import { GoScanner, type ScanError, type Token } from './go-scanner.ts';

export type GoExpr =
  | { kind: 'ident'; name: string; start: number; end: number }
  | { kind: 'lit'; tok: Token; start: number; end: number }
  | { kind: 'paren'; x: GoExpr; start: number; end: number }
  | { kind: 'call'; fun: GoExpr; args: GoExpr[]; lparen: number; start: number; end: number }
  | { kind: 'selector'; x: GoExpr; sel: string; start: number; end: number }
  | { kind: 'index'; x: GoExpr; start: number; end: number }
  | { kind: 'unary'; op: string; opStart: number; x: GoExpr; start: number; end: number }
  | { kind: 'binary'; op: string; opStart: number; x: GoExpr; y: GoExpr; start: number; end: number };

/** Nesting deeper than this is refused (Go's own limit is 100,000; ours keeps recursion safe in JS). */
export const MAX_NESTING = 500;

/** More `&&`/`||` operators than this are refused: the tree they make is as deep, and walking a
 * 5,000-deep tree overflowed the stack when the routing tables were built (all routers then failed). */
export const MAX_OPERATORS = 2_500;

const PRECEDENCE: Record<string, number> = {
  '||': 1, '&&': 2, '==': 3, '!=': 3, '<': 3, '<=': 3, '>': 3, '>=': 3,
  '+': 4, '-': 4, '|': 4, '^': 4, '*': 5, '/': 5, '%': 5, '<<': 5, '>>': 5, '&': 5, '&^': 5,
};
const UNARY = new Set(['+', '-', '!', '^', '&', '~', '<-', '*']);
/** Words people write for the operators. */
const WORD_OPERATORS = new Map([['and', '&&'], ['or', '||'], ['not', '!']]);

class Abort {
  /** `at` is where the parser stood, which may lie after the offset the message points at. */
  constructor(
    readonly error: ScanError,
    readonly at: number,
  ) {}
}

/**
 * Is `t` the operator `op`? Only operator tokens have these texts (string and rune tokens keep their
 * quotes, a semicolon is `\n`), so the text alone decides.
 */
function isOp(t: Token, op: string): boolean {
  return t.text === op;
}

/** A token in a message (never the end of the input or a line break: those have messages of their own). */
function describe(t: Token): string {
  if (t.kind === 'string') return `the string ${t.text.length > 30 ? t.text.slice(0, 30) + '…' : t.text}`;
  return '`' + (t.text.length > 30 ? t.text.slice(0, 30) + '…' : t.text) + '`';
}

class Parser {
  private tok: Token;
  private prev: Token | null = null;
  private depth = 0;
  private operators = 0;
  private readonly opens: number[] = [];

  constructor(private readonly scanner: GoScanner) {
    this.tok = scanner.next();
  }

  /** The end of the input (the scanner leaves out the automatic semicolon Go adds there). */
  private atEnd(t: Token): boolean {
    return t.kind === 'eof';
  }

  private advance(): void {
    this.prev = this.tok;
    this.tok = this.scanner.next();
  }

  private fail(code: RuleErrorCode, message: string, offset: number, length: number): never {
    throw new Abort({ code, message, offset, length: Math.max(1, length) }, this.tok.start);
  }

  /** Go's "expected X, found Y", turned into a message that names the fix. */
  private unexpected(what: string): never {
    const t = this.tok;
    if (t.kind === 'semi') {
      // A line break only follows a token (Go inserts it after an identifier, literal, `)` or `]`).
      this.fail('RULE_LINE_BREAK', `The line break after ${describe(this.prev!)} ends the rule (Go inserts a semicolon there). Keep \`&&\`, \`||\`, \`(\` or \`,\` at the end of a line before breaking it, or write the rule on one line.`, t.start, 1);
    }
    if (this.atEnd(t) && this.opens.length > 0) {
      const open = this.opens[this.opens.length - 1]!;
      this.fail('RULE_UNBALANCED', 'This `(` is never closed: add the missing `)`.', open, 1);
    }
    if (isOp(t, ')') && this.opens.length === 0) {
      this.fail('RULE_UNBALANCED', 'This `)` has no matching `(`: remove it or add the missing `(`.', t.start, 1);
    }
    if (t.kind === 'keyword') {
      this.fail('RULE_SYNTAX', `\`${t.text}\` is a Go keyword, not a matcher; a rule combines calls such as Host(\`example.com\`) with \`&&\`, \`||\` and \`!\`.`, t.start, t.end - t.start);
    }
    const op = WORD_OPERATORS.get(t.text.toLowerCase());
    if (op) {
      this.fail('RULE_SYNTAX', `Rules use Go operators: write \`${op}\` instead of \`${t.text}\`.`, t.start, t.end - t.start);
    }
    if (what === 'the end of the rule' && t.kind === 'ident' && isOp(this.prev!, ')')) {
      this.fail('RULE_SYNTAX', `Two matchers follow each other without an operator: put \`&&\` or \`||\` before ${describe(t)}.`, t.start, t.end - t.start);
    }
    if (this.atEnd(t)) this.fail('RULE_SYNTAX', `The rule ends too early: ${what} is missing at the end.`, t.start, 1);
    // (A `(` never gets here: after an operand it starts a call.)
    const hint = what === 'the end of the rule' && t.kind === 'ident'
      ? ' Join matchers with `&&` or `||`.'
      : what === '`,` or `)`' ? ' Separate arguments with a comma.' : '';
    this.fail('RULE_SYNTAX', `Expected ${what} but found ${describe(t)}.${hint}`, t.start, t.end - t.start);
  }

  private enter(at: number): void {
    if (++this.depth > MAX_NESTING) this.fail('RULE_TOO_DEEP', `The rule nests more than ${MAX_NESTING} levels of parentheses or \`!\`; simplify it.`, at, 1);
  }

  parseTop(): GoExpr {
    const x = this.parseBinary(1);
    const last = this.prev;
    const semi = this.tok.kind === 'semi' ? this.tok : null;
    if (semi) this.advance();
    if (this.tok.kind === 'eof') return x;
    if (semi) {
      this.fail('RULE_LINE_BREAK', `The line break after ${describe(last ?? semi)} ends the rule (Go inserts a semicolon there), so ${describe(this.tok)} on the next line is an error. End the line with \`&&\` or \`||\` instead of starting the next one with it.`, semi.start, 1);
    }
    this.unexpected('the end of the rule');
  }

  private parseBinary(prec1: number): GoExpr {
    let x = this.parseUnary();
    for (;;) {
      const t = this.tok;
      const prec = t.kind === 'op' ? (PRECEDENCE[t.text] ?? 0) : 0; // `kind`: an identifier may be `constructor`
      if (prec < prec1) return x;
      if (++this.operators > MAX_OPERATORS) this.fail('RULE_TOO_DEEP', `The rule has more than ${MAX_OPERATORS} \`&&\`/\`||\` operators; split it over several routes.`, t.start, t.text.length);
      this.advance();
      const y = this.parseBinary(prec + 1);
      x = { kind: 'binary', op: t.text, opStart: t.start, x, y, start: x.start, end: y.end };
    }
  }

  private parseUnary(): GoExpr {
    const t = this.tok;
    if (UNARY.has(t.text)) {
      this.enter(t.start);
      this.advance();
      const x = this.parseUnary();
      this.depth--;
      return { kind: 'unary', op: t.text, opStart: t.start, x, start: t.start, end: x.end };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): GoExpr {
    let x = this.parseOperand();
    for (;;) {
      const t = this.tok;
      if (t.text === '.') {
        this.advance();
        const sel = this.tok;
        if (sel.kind !== 'ident') this.unexpected('a name after `.`');
        this.advance();
        x = { kind: 'selector', x, sel: sel.text, start: x.start, end: sel.end };
      } else if (t.text === '(') {
        x = this.parseCall(x);
      } else if (t.text === '[') {
        x = { kind: 'index', x, start: x.start, end: this.skipBrackets() };
      } else return x;
    }
  }

  private parseCall(fun: GoExpr): GoExpr {
    const lparen = this.tok.start;
    this.enter(lparen);
    this.opens.push(lparen);
    this.advance();
    const args: GoExpr[] = [];
    let ellipsis = false;
    // At the end of the input, parsing an argument reports the `(` never closed, as leaving the loop would.
    while (!isOp(this.tok, ')') && !ellipsis) {
      args.push(this.parseBinary(1));
      if (isOp(this.tok, '...')) {
        ellipsis = true; // Go accepts f(a...) and vulcand/predicate ignores the ellipsis
        this.advance();
      }
      if (isOp(this.tok, ',')) this.advance();
      else if (!isOp(this.tok, ')')) this.unexpected('`,` or `)`');
    }
    if (!isOp(this.tok, ')')) this.unexpected('`)`');
    const end = this.tok.end;
    this.opens.pop();
    this.depth--;
    this.advance();
    return { kind: 'call', fun, args, lparen, start: fun.start, end };
  }

  /** Index and slice expressions are never valid in a rule; consume them up to the matching `]`. */
  private skipBrackets(): number {
    const open = this.tok.start;
    let level = 0;
    for (;;) {
      const t = this.tok;
      if (t.kind === 'eof') this.fail('RULE_UNBALANCED', 'This `[` is never closed.', open, 1);
      this.advance();
      if (isOp(t, '[')) level++;
      if (isOp(t, ']') && --level === 0) return t.end;
    }
  }

  private parseOperand(): GoExpr {
    const t = this.tok;
    if (t.kind === 'ident') {
      this.advance();
      return { kind: 'ident', name: t.text, start: t.start, end: t.end };
    }
    if (t.kind === 'string' || t.kind === 'int' || t.kind === 'float' || t.kind === 'imag' || t.kind === 'char') {
      this.advance();
      return { kind: 'lit', tok: t, start: t.start, end: t.end };
    }
    if (isOp(t, '(')) {
      this.enter(t.start);
      this.opens.push(t.start);
      this.advance();
      const x = this.parseBinary(1);
      if (!isOp(this.tok, ')')) this.unexpected('`)`');
      const end = this.tok.end;
      this.opens.pop();
      this.depth--;
      this.advance();
      return { kind: 'paren', x, start: t.start, end };
    }
    this.unexpected('a matcher such as Host(`example.com`)');
  }
}

/**
 * Parses a rule as Go's `parser.ParseExpr` does; returns the expression or the first error by position
 * (scanner errors included, as Go sorts them).
 *
 * @example
 * parseGoExpr('Host(`a`) && !Path(`/`)').expr?.kind // 'binary'
 */
export function parseGoExpr(src: string): { expr: GoExpr | null; error: ScanError | null } {
  const scanner = new GoScanner(src);
  let expr: GoExpr | null = null;
  let abort: Abort | null = null;
  try {
    expr = new Parser(scanner).parseTop();
  } catch (e) {
    if (!(e instanceof Abort)) throw e;
    abort = e;
  }
  // A scanner error before the point where parsing failed is the cause (an unterminated string
  // swallows the rest); Go reports the earliest error too.
  let first: ScanError | null = null;
  for (const e of scanner.errors) if ((!abort || e.offset <= abort.at) && (!first || e.offset < first.offset)) first = e;
  first ??= abort?.error ?? null;
  return first ? { expr: null, error: first } : { expr, error: null };
}
