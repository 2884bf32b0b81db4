// Cases modelled on pkg/rules/parser_test.go, mux_test.go TestMuxer and Go's own expression syntax
// (go/scanner, go/parser) as vulcand/predicate meets it, written anew.
import { describe, expect, it } from 'vitest';
import { forEachLeaf, type MatcherNode, type RuleNode } from './ast.ts';
import { evaluateRule } from './evaluate.ts';
import { spellings } from './names.ts';
import { parseRule, parsingRulesOnce } from './parser.ts';
import { firstError } from './test-support.ts';

/** A compact view of an AST: `and(Host[a], not(Path[/]))`. */
function shape(n: RuleNode | null): string {
  if (!n) return 'null';
  switch (n.type) {
    case 'matcher':
      return `${n.name}[${n.args.map((a) => a.value).join(',')}]`;
    case 'not':
      return `not(${shape(n.operand)})`;
    default:
      return `${n.type}(${shape(n.left)}, ${shape(n.right)})`;
  }
}

describe('rule syntax errors', () => {
  it.each([
    { desc: 'empty rule', rule: '', code: 'RULE_EMPTY', at: [0, 0] },
    { desc: 'blank rule', rule: ' \n\t', code: 'RULE_EMPTY', at: [0, 3] },
    { desc: 'comment only', rule: '// nothing', code: 'RULE_SYNTAX' },
    { desc: 'bare identifier', rule: 'rulewithnotmatcher', code: 'RULE_NOT_A_MATCHER', at: [0, 18] },
    { desc: 'bare matcher name', rule: 'Host', code: 'RULE_NOT_A_MATCHER', at: [0, 4] },
    { desc: 'bare string', rule: '`Host(a)`', code: 'RULE_NOT_A_MATCHER', at: [0, 9] },
    { desc: 'bare number', rule: '42', code: 'RULE_NOT_A_MATCHER', at: [0, 2] },
    { desc: 'number as an operand of &&', rule: 'Host(`a`) && 42', code: 'RULE_NOT_A_MATCHER', at: [13, 2] },
    { desc: 'index expression', rule: 'Host(`a`)[0]', code: 'RULE_NOT_A_MATCHER', at: [0, 12] },
    { desc: 'argument without quotes', rule: 'Host(example.com)', code: 'RULE_NON_STRING_ARG', at: [5, 11] },
    { desc: 'identifier argument', rule: 'Host(tchouk)', code: 'RULE_NON_STRING_ARG', at: [5, 6] },
    { desc: 'single-quoted rune', rule: "Host('a')", code: 'RULE_NON_STRING_ARG', at: [5, 3] },
    { desc: 'single-quoted string', rule: "Host('example.com')", code: 'RULE_NON_STRING_ARG', at: [5, 13] },
    { desc: 'integer argument', rule: 'Host(8080)', code: 'RULE_NON_STRING_ARG', at: [5, 4] },
    { desc: 'float argument', rule: 'Path(1.5)', code: 'RULE_NON_STRING_ARG', at: [5, 3] },
    { desc: 'nested call argument', rule: 'Host(Path(`/`))', code: 'RULE_NON_STRING_ARG', at: [5, 9] },
    { desc: 'parenthesised argument', rule: 'Host((`a`))', code: 'RULE_NON_STRING_ARG', at: [5, 5] },
    { desc: 'concatenated argument', rule: 'Host(`a` + `b`)', code: 'RULE_NON_STRING_ARG', at: [5, 9] },
    { desc: 'second argument not a string', rule: 'Header(`X`, 1)', code: 'RULE_NON_STRING_ARG', at: [12, 1] },
    { desc: 'dangling &&', rule: 'Host(`1`) &&', code: 'RULE_SYNTAX', at: [12, 1] },
    { desc: 'dangling ||', rule: 'Host(`1`) ||', code: 'RULE_SYNTAX' },
    { desc: 'leading &&', rule: '&& Host(`1`)', code: 'RULE_SYNTAX', at: [0, 2] },
    { desc: 'lone !', rule: '!', code: 'RULE_SYNTAX' },
    { desc: 'empty parentheses', rule: '()', code: 'RULE_SYNTAX', at: [1, 1] },
    { desc: 'missing back tick', rule: 'Host(`1)', code: 'RULE_BAD_STRING', at: [5, 3] },
    { desc: 'unterminated double quote', rule: 'Host("a)', code: 'RULE_BAD_STRING', at: [5, 3] },
    { desc: 'double quote across a line', rule: 'Host("a\nb")', code: 'RULE_BAD_STRING' },
    { desc: 'unknown escape in double quotes', rule: 'PathRegexp("^/a\\.b")', code: 'RULE_BAD_STRING', at: [15, 2] },
    { desc: 'short hex escape', rule: 'Host("\\x4")', code: 'RULE_BAD_STRING', at: [6, 3] },
    { desc: 'surrogate \\u escape', rule: 'Host("\\ud800")', code: 'RULE_BAD_STRING', at: [6, 6] },
    { desc: "escaped ' in a double-quoted string", rule: 'Host("a\\\'b")', code: 'RULE_BAD_STRING', at: [7, 2] },
    { desc: 'extra closing parenthesis', rule: 'Host(`1`))', code: 'RULE_UNBALANCED', at: [9, 1] },
    { desc: 'missing closing parenthesis', rule: '(Host(`1`)', code: 'RULE_UNBALANCED', at: [0, 1] },
    { desc: 'missing closing parenthesis of a call', rule: 'Host(`1`', code: 'RULE_UNBALANCED', at: [4, 1] },
    { desc: 'inner group not closed', rule: '((Host(`a`))', code: 'RULE_UNBALANCED', at: [0, 1] },
    { desc: 'unknown matcher', rule: 'w(`1`)', code: 'RULE_UNKNOWN_MATCHER', at: [0, 1] },
    { desc: 'camelCase spelling is not accepted', rule: 'pathPrefix(`/a`)', code: 'RULE_UNKNOWN_MATCHER', at: [0, 10] },
    { desc: 'mixed-case spelling is not accepted', rule: 'HoSt(`a`)', code: 'RULE_UNKNOWN_MATCHER', at: [0, 4] },
    { desc: 'v2 matcher in v3', rule: 'Host(`a`) && Headers(`X`, `y`)', code: 'RULE_UNKNOWN_MATCHER', at: [13, 7] },
    { desc: 'TCP matcher', rule: 'HostSNI(`a`)', code: 'RULE_UNKNOWN_MATCHER', at: [0, 7] },
    { desc: 'selector call', rule: 'a.Host(`x`)', code: 'RULE_UNKNOWN_MATCHER', at: [0, 6] },
    { desc: 'operator &', rule: 'Host(`a`) & Path(`/`)', code: 'RULE_UNSUPPORTED_OPERATOR', at: [10, 1] },
    { desc: 'operator |', rule: 'Host(`a`) | Path(`/`)', code: 'RULE_UNSUPPORTED_OPERATOR', at: [10, 1] },
    { desc: 'operator ==', rule: 'Host(`a`) == Host(`b`)', code: 'RULE_UNSUPPORTED_OPERATOR', at: [10, 2] },
    { desc: 'unary minus', rule: '-Host(`a`)', code: 'RULE_UNSUPPORTED_OPERATOR', at: [0, 1] },
    { desc: 'unary ^', rule: '^Host(`a`)', code: 'RULE_UNSUPPORTED_OPERATOR', at: [0, 1] },
    { desc: 'pointer star', rule: '*Host(`a`)', code: 'RULE_UNSUPPORTED_OPERATOR', at: [0, 1] },
    { desc: '&&&', rule: 'Host(`a`) &&& Path(`/`)', code: 'RULE_UNSUPPORTED_OPERATOR', at: [12, 1] },
    { desc: 'word and', rule: 'Host(`a`) and Path(`/`)', code: 'RULE_SYNTAX', at: [10, 3] },
    { desc: 'word OR', rule: 'Host(`a`) OR Path(`/`)', code: 'RULE_SYNTAX', at: [10, 2] },
    { desc: 'two matchers without operator', rule: 'Host(`a`) Path(`/`)', code: 'RULE_SYNTAX', at: [10, 4] },
    { desc: 'arguments without comma', rule: 'Host(`a` `b`)', code: 'RULE_SYNTAX', at: [9, 3] },
    { desc: 'leading comma', rule: 'Host(,`a`)', code: 'RULE_SYNTAX', at: [5, 1] },
    { desc: 'explicit semicolon', rule: 'Host(`a`);', code: 'RULE_SYNTAX', at: [9, 1] },
    { desc: 'illegal character', rule: 'Host(`a`) @ Path(`/`)', code: 'RULE_SYNTAX', at: [10, 1] },
    { desc: 'non-breaking space', rule: 'Host(`a`)\u00a0&& Path(`/`)', code: 'RULE_SYNTAX', at: [9, 1] },
    { desc: 'NUL inside a string', rule: 'Host(`a\u0000`)', code: 'RULE_SYNTAX', at: [7, 1] },
    { desc: 'unclosed comment', rule: 'Host(`a`) /* note', code: 'RULE_SYNTAX', at: [10, 7] },
    { desc: 'newline before && (semicolon insertion)', rule: 'Host(`a`)\n&& Path(`/`)', code: 'RULE_LINE_BREAK', at: [9, 1] },
    { desc: 'newline before || after a string-ending call', rule: 'Path(`/a`)\n|| Path(`/b`)', code: 'RULE_LINE_BREAK', at: [10, 1] },
    { desc: 'newline before a closing parenthesis', rule: '(Host(`a`)\n)', code: 'RULE_LINE_BREAK', at: [10, 1] },
    { desc: 'newline after the last argument', rule: 'Host(\n`a`\n)', code: 'RULE_LINE_BREAK', at: [9, 1] },
    { desc: 'newline after a matcher name', rule: 'Host\n(`a`)', code: 'RULE_LINE_BREAK', at: [4, 1] },
    { desc: 'multi-line comment after a call', rule: 'Host(`a`) /* x\n */ && Path(`/`)', code: 'RULE_LINE_BREAK', at: [14, 1] },
    { desc: 'too deep', rule: '('.repeat(600) + 'Host(`a`)' + ')'.repeat(600), code: 'RULE_TOO_DEEP' },
    { desc: 'too many NOTs', rule: '!'.repeat(600) + 'Host(`a`)', code: 'RULE_TOO_DEEP' },
  ])('$desc', ({ rule, code, at }) => {
    const e = firstError(rule, 'v3');
    expect(e?.[0]).toBe(code);
    if (at) expect([e?.[1], e?.[2]]).toEqual(at);
  });
});

describe('rule structure', () => {
  it.each([
    { desc: 'one matcher', rule: 'Host(`1`)', shape: 'Host[1]' },
    { desc: 'superfluous parentheses', rule: '((Host(`1`)))', shape: 'Host[1]' },
    { desc: 'CAPS spelling', rule: 'HOST(`1`)', shape: 'Host[1]' },
    { desc: 'lower spelling', rule: 'pathprefix("/css")', shape: 'PathPrefix[/css]' },
    { desc: 'Title spelling', rule: 'Pathprefix("/css")', shape: 'PathPrefix[/css]' },
    { desc: 'Title spelling of ClientIP', rule: 'Clientip(`::1`)', shape: 'ClientIP[::1]' },
    { desc: 'two values', rule: 'Header(`1`, `2`)', shape: 'Header[1,2]' },
    { desc: 'not', rule: '!Host(`1`)', shape: 'not(Host[1])' },
    { desc: 'and', rule: 'Host(`1`) && Path(`/2`)', shape: 'and(Host[1], Path[/2])' },
    { desc: 'and is left-associative', rule: 'Host(`1`) && Path(`/2`) && Method(`3`)', shape: 'and(and(Host[1], Path[/2]), Method[3])' },
    { desc: '&& binds tighter than ||', rule: 'Host(`a`) || Host(`b`) && Path(`/c`)', shape: 'or(Host[a], and(Host[b], Path[/c]))' },
    { desc: '&& binds tighter than ||, left', rule: 'Host(`a`) && Host(`b`) || Path(`/c`)', shape: 'or(and(Host[a], Host[b]), Path[/c])' },
    { desc: 'parentheses override precedence', rule: '(Host(`a`) || Host(`b`)) && Path(`/c`)', shape: 'and(or(Host[a], Host[b]), Path[/c])' },
    { desc: '! binds tighter than &&', rule: '!Host(`a`) && Path(`/c`)', shape: 'and(not(Host[a]), Path[/c])' },
    { desc: 'negated group', rule: '!(Host(`a`) && Path(`/c`))', shape: 'not(and(Host[a], Path[/c]))' },
    { desc: 'double negation', rule: '!!Host(`a`)', shape: 'not(not(Host[a]))' },
    { desc: 'trailing comma', rule: 'Host(`a`,)', shape: 'Host[a]' },
    { desc: 'multi-line call with trailing comma', rule: 'Header(\n  `X`,\n  `y`,\n)', shape: 'Header[X,y]' },
    { desc: 'variadic ellipsis is ignored', rule: 'Host(`a`...)', shape: 'Host[a]' },
    { desc: 'line comment', rule: 'Host(`a`) // the API', shape: 'Host[a]' },
    { desc: 'block comment between matchers', rule: 'Host(`a`) /* x */ && Path(`/`)', shape: 'and(Host[a], Path[/])' },
    { desc: 'newline after &&', rule: 'Host(`a`) &&\nPath(`/`)', shape: 'and(Host[a], Path[/])' },
    { desc: 'CRLF after ||', rule: 'Host(`a`) ||\r\n  Host(`b`)', shape: 'or(Host[a], Host[b])' },
    { desc: 'one trailing newline (YAML block scalar)', rule: 'Host(`a`)\n', shape: 'Host[a]' },
    { desc: 'several trailing newlines', rule: 'Host(`a`)\n\n\n', shape: 'Host[a]' },
    { desc: 'newline inside parentheses before an operand', rule: '(\nHost(`a`) ||\nHost(`b`))', shape: 'or(Host[a], Host[b])' },
    { desc: 'leading byte order mark', rule: '\uFEFFHost(`a`)', shape: 'Host[a]' },
    { desc: 'double-quoted hex escape', rule: 'Host("a\\x2eb")', shape: 'Host[a.b]' },
    { desc: 'double-quoted octal escape', rule: 'Host("a\\056b")', shape: 'Host[a.b]' },
    { desc: 'double-quoted \\u escape', rule: 'Path("/caf\\u00e9")', shape: 'Path[/café]' },
    { desc: 'double-quoted \\U escape', rule: 'Path("/\\U0001F9AD")', shape: 'Path[/🦭]' },
    { desc: 'UTF-8 bytes as hex escapes', rule: 'Path("/caf\\xc3\\xa9")', shape: 'Path[/café]' },
    { desc: 'invalid UTF-8 byte becomes U+FFFD', rule: 'Path("/\\xff")', shape: 'Path[/\uFFFD]' },
    { desc: 'escaped backslash and quote', rule: 'PathRegexp("^/a\\\\.b\\"")', shape: 'PathRegexp[^/a\\.b"]' },
    { desc: 'raw string keeps backslashes', rule: 'PathRegexp(`^/a\\.b`)', shape: 'PathRegexp[^/a\\.b]' },
    { desc: 'raw string drops carriage returns', rule: 'Path(`/a\r\nb`)', shape: 'Path[/a\nb]' },
    { desc: 'raw string may contain double quotes', rule: 'Header(`X`, `"q"`)', shape: 'Header[X,"q"]' },
    { desc: 'every one-letter escape (strconv.Unquote)', rule: 'Path("/\\a\\b\\f\\n\\r\\t\\v\\\\\\"")', shape: 'Path[/\u0007\b\f\n\r\t\v\\"]' },
    { desc: 'octal, \\x, \\u and \\U spell the same letter', rule: 'Path("/\\101\\x41\\u0041\\U00000041")', shape: 'Path[/AAAA]' },
    { desc: '\\u just below the surrogates', rule: 'Path("/\\uD7FF")', shape: 'Path[/\ud7ff]' },
    { desc: '\\u just above the surrogates', rule: 'Path("/\\uE000")', shape: 'Path[/\ue000]' },
    { desc: 'the highest code point', rule: 'Path("/\\U0010FFFF")', shape: 'Path[/\u{10ffff}]' },
    { desc: 'octal \\377 is the single byte FF, invalid UTF-8', rule: 'Path("/\\377")', shape: 'Path[/\ufffd]' },
    { desc: 'mixed-case hex escape', rule: 'Path("/\\xFf\\x2F")', shape: 'Path[/\ufffd/]' },
    { desc: 'a carriage return at the end of a raw string is dropped', rule: 'Host(`a\r`)', shape: 'Host[a]' },
    { desc: 'a trailing ... after the last of two arguments', rule: 'Header(`a`, `b`...)', shape: 'Header[a,b]' },
    { desc: 'comments before the rule', rule: '/* a */ /* b\n */ // c\nHost(`a`)', shape: 'Host[a]' },
    { desc: 'a multi-line comment at the end', rule: 'Host(`a`) /* x\n */', shape: 'Host[a]' },
    { desc: 'a blank line after &&', rule: 'Host(`a`) &&\n\nPath(`/`)', shape: 'and(Host[a], Path[/])' },
    { desc: 'tabs around the operator', rule: 'Host(`a`)\t&&\tPath(`/`)', shape: 'and(Host[a], Path[/])' },
  ])('$desc', ({ rule, shape: want }) => {
    const parsed = parseRule(rule, 'v3');
    expect(parsed.errors).toEqual([]);
    expect(shape(parsed.ast)).toBe(want);
  });
});

describe('parse results', () => {
  it('keeps argument ranges with their quotes and the spelling as written', () => {
    const { ast } = parseRule('host(`a.com`) && !PATH("/x")', 'v3');
    expect(ast).toMatchObject({
      type: 'and',
      range: { start: 0, end: 28 },
      left: { type: 'matcher', name: 'Host', spelled: 'host', args: [{ value: 'a.com', range: { start: 5, end: 12 } }], range: { start: 0, end: 13 } },
      right: { type: 'not', range: { start: 17, end: 28 }, operand: { name: 'Path', spelled: 'PATH', range: { start: 18, end: 28 } } },
    });
  });

  it('keeps the AST when only leaves are wrong, and reports every leaf error in order', () => {
    const parsed = parseRule('Path(`x`) && Host(``) && Nope(`1`)', 'v3');
    expect(parsed.ast).not.toBeNull();
    expect(parsed.errors.map((e) => e.code)).toEqual(['RULE_PATH_SLASH', 'RULE_EMPTY_ARG', 'RULE_UNKNOWN_MATCHER']);
  });

  it('has no AST for a syntax error', () => {
    expect(parseRule('Host(`a`) &&', 'v3').ast).toBeNull();
  });

  it('uses the v2 table for syntax v2 and v3 for anything else', () => {
    expect(parseRule('Headers(`X`, `y`)', 'v2').errors).toEqual([]);
    expect(parseRule('Header(`X`, `y`)', 'v2').errors[0]?.code).toBe('RULE_UNKNOWN_MATCHER');
    expect(parseRule('Header(`X`, `y`)', 'default' as never).errors).toEqual([]);
  });

  it('explains an unknown spelling with the accepted ones', () => {
    expect(parseRule('pathPrefix(`/a`)', 'v3').errors[0]?.message).toContain('`PathPrefix`, `pathprefix`, `PATHPREFIX`, `Pathprefix`');
    expect(parseRule('Hots(`a`)', 'v3').errors[0]?.message).toContain('Did you mean `Host`?');
    expect(parseRule('Headers(`a`, `b`)', 'v3').errors[0]?.message).toContain('Header(');
  });

  it('names the fix for a line break before an operator', () => {
    expect(parseRule('Host(`a`)\n&& Path(`/`)', 'v3').errors[0]?.message).toMatch(/End the line with `&&`/);
  });
});

describe('spellings (pkg/rules/parser.go NewParser: name, lower, UPPER, Title of lower)', () => {
  it.each([
    { name: 'PathPrefix', want: ['PathPrefix', 'pathprefix', 'PATHPREFIX', 'Pathprefix'] },
    { name: 'ClientIP', want: ['ClientIP', 'clientip', 'CLIENTIP', 'Clientip'] },
    { name: 'Host', want: ['Host', 'host', 'HOST'] },
  ])('$name', ({ name, want }) => expect(spellings(name)).toEqual(want));
});

describe('what a parse keeps', () => {
  it('keeps no matcher on the leaves it checks: a leaf keeps one once a request is evaluated against it', () => {
    const { ast, errors } = parseRule('Host(`keep.example.com`) && PathPrefix(`/kept`)', 'v3');
    expect(errors).toEqual([]);
    const leaves: MatcherNode[] = [];
    forEachLeaf(ast!, (leaf) => leaves.push(leaf));
    expect(leaves.map((l) => Object.getOwnPropertySymbols(l).length)).toEqual([0, 0]);
    const request = { method: 'GET', host: 'keep.example.com', path: '/kept/a', query: {}, headers: {}, clientIP: '10.0.0.1', rawHost: 'keep.example.com' };
    expect(evaluateRule(ast!, request).matched).toBe(true);
    expect(leaves.map((l) => Object.getOwnPropertySymbols(l).length)).toEqual([1, 1]);
    // Parsed again (from the memo), the rule reports the same, from the kept checks.
    expect(parseRule('Host(`keep.example.com`) && PathPrefix(`/kept`)', 'v3').errors).toEqual([]);
    expect(parseRule('Host(`keep.example.com`) && Path(`kept`)', 'v3').errors.map((e) => e.code)).toEqual(['RULE_PATH_SLASH']);
  });
});

describe('parsingRulesOnce', () => {
  it('keeps nothing parsed inside it, keeps what was parsed before, and keeps again after', () => {
    const kept = 'Host(`kept-before.example.com`)';
    const before = parseRule(kept, 'v3').ast;
    const once = 'Host(`parsed-once.example.com`) && Path(`once`)';
    const inside = parsingRulesOnce(() => {
      const a = parseRule(once, 'v3');
      const b = parseRule(once, 'v3');
      expect(b.ast).not.toBe(a.ast);
      expect(b).toEqual(a);
      expect(parseRule(kept, 'v3').ast).toEqual(before);
      return a;
    });
    expect(inside.errors.map((e) => e.code)).toEqual(['RULE_PATH_SLASH']);
    // Outside again, rules are kept: the same tree each time.
    expect(parseRule(once, 'v3').ast).toBe(parseRule(once, 'v3').ast);
    expect(parseRule(kept, 'v3').ast).toBe(before);
  });

  it('restores keeping when its function throws', () => {
    expect(() => parsingRulesOnce(() => { throw new Error('boom'); })).toThrow('boom');
    const rule = 'Host(`after-throw.example.com`)';
    expect(parseRule(rule, 'v3').ast).toBe(parseRule(rule, 'v3').ast);
  });
});
