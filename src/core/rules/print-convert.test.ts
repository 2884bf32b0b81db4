// printRule and convertV2ToV3; the v2 semantics the conversion keeps come from matcher_v2.go.
import { describe, expect, it } from 'vitest';
import { convertV2ToV3 } from './convert.ts';
import { MATCHER_DOCS } from './docs.ts';
import { parseRule } from './parser.ts';
import { goStringLiteral, printRule } from './print.ts';
import { RULE_CODES } from './codes.ts';
import { matches } from './test-support.ts';

describe('printRule', () => {
  it.each([
    { desc: 'minimal parentheses', rule: '((Host(`a`)) && ((Path(`/`))))', want: 'Host(`a`) && Path(`/`)' },
    { desc: 'keeps needed parentheses', rule: '(Host(`a`) || Host(`b`)) && Path(`/`)', want: '(Host(`a`) || Host(`b`)) && Path(`/`)' },
    { desc: 'right-nested same operator keeps its group', rule: 'Host(`a`) || (Host(`b`) || Host(`c`))', want: 'Host(`a`) || (Host(`b`) || Host(`c`))' },
    { desc: 'not of a group', rule: '!(Host(`a`) && Path(`/`))', want: '!(Host(`a`) && Path(`/`))' },
    { desc: 'spelling kept', rule: 'pathprefix("/x")', want: 'pathprefix(`/x`)' },
    { desc: 'backtick value printed in double quotes', rule: 'Header(`X`, "a`b")', want: 'Header(`X`, "a`b")' },
    { desc: 'several arguments', rule: 'Host(`a`,`b`,)', want: 'Host(`a`, `b`)' },
  ])('$desc', ({ rule, want }) => {
    const { ast } = parseRule(rule, 'v2');
    expect(printRule(ast!)).toBe(want);
  });

  it.each([
    { value: 'plain', want: '`plain`' },
    { value: 'a`b', want: '"a`b"' },
    { value: 'cr\r"q"\\', want: '"cr\\r\\"q\\"\\\\"' },
    { value: 'nul\0', want: '"nul\\x00"' },
    { value: 'a\nb', want: '`a\nb`' },
    { value: 'a\tb', want: '`a\tb`' },
    { value: 'a`\n\t', want: '"a`\\n\\t"' },
    { value: '`\u001f\u007f\u0080é', want: '"`\\x1f\\x7f\u0080é"' },
    { value: 'bom\ufeff', want: '"bom\\ufeff"' },
    { value: 'lone\ud800', want: '"lone\\ufffd"' },
    { value: 'low\udc00', want: '"low\\ufffd"' },
    { value: 'pair\u{1f9ad}', want: '`pair\u{1f9ad}`' },
    { value: 'cr\r', want: '"cr\\r"' },
    { value: ' ~', want: '` ~`' },
  ])('literal for $value', ({ value, want }) => expect(goStringLiteral(value)).toBe(want));
});

describe('convertV2ToV3', () => {
  it.each([
    { desc: 'plain host', v2: 'Host(`a.com`)', v3: 'Host(`a.com`)' },
    { desc: 'variadic host', v2: 'Host(`a.com`, `b.com`)', v3: 'Host(`a.com`) || Host(`b.com`)' },
    { desc: 'variadic host inside and', v2: 'Host(`a.com`, `b.com`) && Path(`/`)', v3: '(Host(`a.com`) || Host(`b.com`)) && Path(`/`)' },
    { desc: 'HostHeader', v2: 'HostHeader(`a.com`)', v3: 'Host(`a.com`)' },
    { desc: 'Headers', v2: 'Headers(`X-Env`, `prod`)', v3: 'Header(`X-Env`, `prod`)' },
    { desc: 'Headers pairs', v2: 'Headers(`X-A`, `1`, `X-B`, `2`)', v3: 'Header(`X-A`, `1`) && Header(`X-B`, `2`)' },
    { desc: 'Headers repeated name keeps last', v2: 'Headers(`X-A`, `1`, `X-A`, `2`)', v3: 'Header(`X-A`, `2`)' },
    { desc: 'HeadersRegexp', v2: 'HeadersRegexp(`X-A`, `^a`)', v3: 'HeaderRegexp(`X-A`, `^a`)' },
    { desc: 'Query pair', v2: 'Query(`k=v`)', v3: 'Query(`k`, `v`)' },
    { desc: 'Query pairs', v2: 'Query(`a=1`, `b=2`)', v3: 'Query(`a`, `1`) && Query(`b`, `2`)' },
    { desc: 'Query any value', v2: 'Query(`k=`)', v3: 'QueryRegexp(`k`, `.*`)' },
    { desc: 'Query template', v2: 'Query(`id={id:[0-9]+}`)', v3: 'QueryRegexp(`id`, `^(?:[0-9]+)$`)' },
    { desc: 'Method list', v2: 'Method(`GET`, `POST`)', v3: 'Method(`GET`) || Method(`POST`)' },
    { desc: 'ClientIP list', v2: 'ClientIP(`10.0.0.0/8`, `::1`)', v3: 'ClientIP(`10.0.0.0/8`) || ClientIP(`::1`)' },
    { desc: 'HostRegexp template', v2: 'HostRegexp(`{sub:[a-z]+}.example.com`)', v3: 'HostRegexp(`(?i)^(?:[a-z]+)\\.example\\.com$`)' },
    { desc: 'HostRegexp default variable', v2: 'HostRegexp(`{sub}.example.com`)', v3: 'HostRegexp(`(?i)^(?:[^.]+)\\.example\\.com$`)' },
    { desc: 'HostRegexp plain string', v2: 'HostRegexp(`example.com`)', v3: 'HostRegexp(`(?i)^example\\.com$`)' },
    { desc: 'Path without template', v2: 'Path(`/a`)', v3: 'Path(`/a`)' },
    { desc: 'Path template', v2: 'Path(`/users/{id:[0-9]+}`)', v3: 'PathRegexp(`^/users/(?:[0-9]+)$`)' },
    { desc: 'PathPrefix template', v2: 'PathPrefix(`/v{n}/`)', v3: 'PathRegexp(`^/v(?:[^/]+)/`)' },
    { desc: 'not kept', v2: '!Host(`a.com`, `b.com`)', v3: '!(Host(`a.com`) || Host(`b.com`))' },
  ])('$desc', ({ v2, v3 }) => expect(convertV2ToV3(v2)).toEqual({ rule: v3 }));

  it.each([
    { desc: 'two bare Query arguments pair up', v2: 'Query(`a`, `b`)', v3: 'Query(`a`, `b`)' },
    { desc: 'Query value holding =', v2: 'Query(`k=v=w`)', v3: 'Query(`k`, `v=w`)' },
    { desc: 'a * inside a host is literal in both', v2: 'Host(`a.*.com`)', v3: 'Host(`a.*.com`)' },
    { desc: 'Headers pairs splice into the surrounding &&', v2: 'Headers(`X`, `1`, `Y`, `2`) && Headers(`Z`, `3`)', v3: 'Header(`X`, `1`) && Header(`Y`, `2`) && Header(`Z`, `3`)' },
    { desc: 'variadic Method splices into the surrounding ||', v2: 'Method(`a`, `b`) || Method(`c`)', v3: 'Method(`a`) || Method(`b`) || Method(`c`)' },
    { desc: 'double negation kept', v2: '!!Host(`a`)', v3: '!!Host(`a`)' },
    { desc: 'a repeated name moves to its last place', v2: 'Headers(`X`, `1`, `Y`, `2`, `X`, `3`)', v3: 'Header(`Y`, `2`) && Header(`X`, `3`)' },
    { desc: 'HeadersRegexp repeated name keeps the last', v2: 'HeadersRegexp(`X`, `1`, `X`, `2`)', v3: 'HeaderRegexp(`X`, `2`)' },
    { desc: 'Query any value and default query variable', v2: 'Query(`a=`, `b={n}`)', v3: 'QueryRegexp(`a`, `.*`) && QueryRegexp(`b`, `^(?:.*)$`)' },
    { desc: 'PathPrefix list with one template', v2: 'PathPrefix(`/a`, `/b/{x}`)', v3: 'PathPrefix(`/a`) || PathRegexp(`^/b/(?:[^/]+)`)' },
    { desc: 'HostRegexp list', v2: 'HostRegexp(`a.com`, `{x}.b.com`)', v3: 'HostRegexp(`(?i)^a\\.com$`) || HostRegexp(`(?i)^(?:[^.]+)\\.b\\.com$`)' },
  ])('$desc', ({ v2, v3 }) => expect(convertV2ToV3(v2)).toEqual({ rule: v3 }));

  it.each([
    { desc: 'invalid v2', v2: 'Query(`k`)', error: 'The rule is not valid v2 syntax: Query: `k` is not a `key=value` pair; v2 Query wants e.g. Query(`k=value`), or Query(`k=`) for any value.' },
    { desc: 'v3-only matcher', v2: 'PathRegexp(`^/a`)', error: 'The rule is not valid v2 syntax: `PathRegexp` exists only in the v3 rule syntax, but this rule is parsed as v2; use the v2 equivalent or drop `syntax: v2`.' },
    { desc: 'syntax error', v2: 'Host(`a`) &&', error: 'The rule is not valid v2 syntax: The rule ends too early: a matcher such as Host(`example.com`) is missing at the end.' },
    { desc: 'wildcard changes meaning', v2: 'Host(`*.a.com`)', error: 'Cannot convert automatically: v2 compares "*.a.com" literally (it never matches a real host) but v3 reads a leading * as a wildcard; rewrite this Host by hand.' },
    { desc: 'HostHeader `*` too', v2: 'HostHeader(`a`, `*`)', error: 'Cannot convert automatically: v2 compares "*" literally (it never matches a real host) but v3 reads a leading * as a wildcard; rewrite this Host by hand.' },
    { desc: 'template in a query key', v2: 'Query(`{k}=v`)', error: 'Cannot convert automatically: the query key "{k}" is a template, which v3 cannot express.' },
  ])('refuses: $desc', ({ v2, error }) => expect(convertV2ToV3(v2)).toEqual({ error }));

  it.each([
    { v2: 'Host(`a.com`, `b.com`) && PathPrefix(`/api/{v:v[0-9]}`)', url: 'https://b.com/api/v2/x', expected: true },
    { v2: 'HostRegexp(`{sub}.example.com`) && Method(`GET`, `PUT`)', url: 'https://API.example.com/', expected: true },
    { v2: 'Path(`/users/{id:[0-9]+}`)', url: 'https://a/users/12/x', expected: false },
    { v2: 'Headers(`X-A`, `1`) || Query(`k=`)', url: 'https://a/?k=zz', expected: true },
  ])('keeps the verdict: $v2', ({ v2, url, expected }) => {
    const out = convertV2ToV3(v2);
    expect(matches(v2, 'v2', url)).toBe(expected);
    expect('rule' in out && matches(out.rule, 'v3', url)).toBe(expected);
  });
});

describe('catalog and docs', () => {
  it('catalogues every code as a rule error', () => {
    for (const info of Object.values(RULE_CODES)) expect(info).toMatchObject({ family: 'rule', severity: 'error' });
  });

  it('documents every matcher of both tables', () => {
    expect(MATCHER_DOCS.filter((d) => d.syntax === 'v3').map((d) => d.name).sort()).toEqual(
      ['ClientIP', 'Header', 'HeaderRegexp', 'Host', 'HostRegexp', 'Method', 'Path', 'PathPrefix', 'PathRegexp', 'Query', 'QueryRegexp'],
    );
    expect(MATCHER_DOCS.filter((d) => d.syntax === 'v2')).toHaveLength(10);
  });
});
