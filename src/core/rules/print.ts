// No Traefik counterpart (Traefik never prints rules): renders an AST back to a rule that parses to
// the same AST, with the fewest parentheses Go's precedence (`!` > `&&` > `||`) allows.
import { chain, type RuleNode } from './ast.ts';

/** A raw string cannot hold a backtick, keeps no carriage return, and Go rejects NUL, BOM and bad UTF-8. */
function rawOk(value: string): boolean {
  for (const ch of value) {
    const c = ch.codePointAt(0)!;
    if (ch === '`' || ch === '\r' || c === 0 || c === 0xfeff || (c >= 0xd800 && c <= 0xdfff)) return false;
  }
  return true;
}

/**
 * A Go string literal for a value: backticks when possible (no backtick, carriage return, NUL or
 * byte order mark inside), otherwise double quotes with escapes.
 *
 * @example
 * goStringLiteral('a.com') // '`a.com`'
 * goStringLiteral('a`b') // '"a`b"'
 */
export function goStringLiteral(value: string): string {
  if (rawOk(value)) return '`' + value + '`';
  let out = '"';
  for (const ch of value) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c === 0xfeff) out += '\\ufeff';
    else if (c >= 0xd800 && c <= 0xdfff) out += '\\ufffd'; // a lone surrogate has no Go spelling
    else out += ch;
  }
  return out + '"';
}

const PREC: Record<RuleNode['type'], number> = { or: 1, and: 2, not: 3, matcher: 4 };

function print(n: RuleNode): string {
  switch (n.type) {
    case 'matcher':
      return `${n.spelled}(${n.args.map((a) => goStringLiteral(a.value)).join(', ')})`;
    case 'not': {
      const inner = print(n.operand);
      return PREC[n.operand.type] < PREC.not ? `!(${inner})` : `!${inner}`;
    }
    default: {
      const op = n.type === 'and' ? ' && ' : ' || ';
      // Operands of the flattened chain: anything binding looser, or a same-operator subtree on the
      // right (left-associativity), needs parentheses to come back as the same tree.
      return chain(n, n.type)
        .map((o, i) => (PREC[o.type] < PREC[n.type] || (i > 0 && o.type === n.type) ? `(${print(o)})` : print(o)))
        .join(op);
    }
  }
}

/**
 * Prints a rule AST; `parseRule(printRule(ast))` gives the same AST apart from ranges.
 *
 * @example
 * printRule(parseRule('host(`a`)&&(Path(`/x`)||Path(`/y`))', 'v3').ast!) // 'host(`a`) && (Path(`/x`) || Path(`/y`))'
 */
export function printRule(ast: RuleNode): string {
  return print(ast);
}
