// The review diff's text and Markdown, byte for byte, from hand-built diffs (no analysis): every line a
// reviewer reads in a terminal or a pull-request comment.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../types.ts';
import { diffSummary, formatDiffMarkdown, formatDiffText, outcomeText } from './diff-format.ts';
import type { RoutingChange, RoutingSummary, WorkspaceDiff } from './types.ts';

const summary = (over: Partial<RoutingSummary> = {}): RoutingSummary => ({
  outcome: 'forwarded', router: 'a@kubernetescrd', status: null, tlsOption: null, middlewares: [], service: 'a@kubernetescrd',
  backend: null, upstream: null, location: null, reason: null, ...over,
});

const diag = (over: Partial<Diagnostic> = {}): Diagnostic => ({
  code: 'REF_MISSING', severity: 'error', family: 'reference', message: 'Middleware `x` does not exist.\nSecond line.', file: 'apps.yaml',
  range: { start: 0, end: 1 }, ...over,
});

const empty = (over: Partial<WorkspaceDiff> = {}): WorkspaceDiff => ({
  routers: { added: [], removed: [], changed: [] }, diagnostics: { introduced: [], fixed: [] }, routing: [], replayed: 0, ...over,
});

const change = (over: Partial<RoutingChange> = {}): RoutingChange => ({
  request: { method: 'GET', url: 'https://a.com/x', headers: {}, clientIP: '203.0.113.7' },
  label: 'GET https://a.com/x', witnessOf: ['a@kubernetescrd'],
  before: summary(), after: summary({ router: 'b@kubernetescrd', backend: 'apps/b:80' }),
  changes: ['winner: a@kubernetescrd → b@kubernetescrd'], winnerChanged: true, ...over,
});

const full = empty({
  routing: [change()],
  replayed: 3,
  routers: {
    added: [{ name: 'n@kubernetescrd', rule: 'Host(`n.com`)', entryPoints: ['web'], route: 'apps/n#0' }],
    removed: [{ name: 'o@kubernetescrd', rule: 'Host(`o.com`) || Path(`/a|b`)', entryPoints: ['web'], route: null }],
    changed: [
      { name: 'c2@kubernetescrd', previousName: 'c1@kubernetescrd', route: 'apps/c#1', fields: [{ field: 'rule', before: 'Host(`c.com`)', after: 'Host(`c.org`)' }] },
      { name: 'd@kubernetescrd', previousName: null, route: null, fields: [{ field: 'priority', before: '5', after: '7' }] },
    ],
  },
  diagnostics: { introduced: [diag(), diag({ severity: 'warning', code: 'W_X', message: 'a_b *c*' })], fixed: [diag({ code: 'F_X', file: 'b.yaml', message: 'fixed <one>' })] },
});

describe('diffSummary', () => {
  it.each([
    [empty(), 'no routing change (0 requests replayed) · 0 routers added · 0 removed · 0 changed · 0 new problems · 0 fixed'],
    [empty({ replayed: 1 }), 'no routing change (1 request replayed) · 0 routers added · 0 removed · 0 changed · 0 new problems · 0 fixed'],
    [full, '1 request routed differently · 1 router added · 1 removed · 2 changed · 2 new problems (1 error) · 1 fixed'],
    [
      empty({ routing: [change(), change()], diagnostics: { introduced: [diag(), diag()], fixed: [] } }),
      '2 requests routed differently · 0 routers added · 0 removed · 0 changed · 2 new problems (2 errors) · 0 fixed',
    ],
    [empty({ diagnostics: { introduced: [diag({ severity: 'info' })], fixed: [] } }), 'no routing change (0 requests replayed) · 0 routers added · 0 removed · 0 changed · 1 new problem · 0 fixed'],
  ])('%#', (diff, line) => {
    expect(diffSummary(diff)).toBe(line);
  });
});

describe('outcomeText', () => {
  it.each([
    [summary({ backend: 'apps/a:80' }), 'a@kubernetescrd → apps/a:80'],
    [summary(), 'a@kubernetescrd → a@kubernetescrd'],
    [summary({ service: null }), 'a@kubernetescrd → ?'],
    [summary({ router: null, service: null }), 'no router → ?'],
    [summary({ outcome: 'responded', status: 301, service: null, location: 'https://a.com/' }), 'a@kubernetescrd → 301 https://a.com/'],
    [summary({ outcome: 'responded', router: null, status: 404, service: null }), 'no router → 404'],
    [summary({ outcome: 'no-response', router: null, service: null, reason: 'no entryPoint' }), 'no response (no entryPoint)'],
    [summary({ outcome: 'no-response', router: null, service: null }), 'no response ()'],
  ])('%#: %s', (s, text) => {
    expect(outcomeText(s)).toBe(text);
  });
});

describe('formatDiffText', () => {
  it('writes every section', () => {
    expect(formatDiffText(full)).toBe(
      [
        '1 request routed differently · 1 router added · 1 removed · 2 changed · 2 new problems (1 error) · 1 fixed',
        '',
        'Routing changes:',
        '  GET https://a.com/x',
        '    a@kubernetescrd → a@kubernetescrd  ⇒  b@kubernetescrd → apps/b:80',
        '    winner: a@kubernetescrd → b@kubernetescrd',
        '',
        'Routers:',
        '  + n@kubernetescrd  Host(`n.com`)',
        '  - o@kubernetescrd  Host(`o.com`) || Path(`/a|b`)',
        '  ~ c2@kubernetescrd (was c1@kubernetescrd)',
        '      rule: Host(`c.com`) → Host(`c.org`)',
        '  ~ d@kubernetescrd',
        '      priority: 5 → 7',
        '',
        'Diagnostics:',
        '  + error REF_MISSING apps.yaml: Middleware `x` does not exist.',
        '  + warning W_X apps.yaml: a_b *c*',
        '  - error F_X b.yaml: fixed <one>',
        '',
      ].join('\n'),
    );
  });

  it('only the summary when nothing changed', () => {
    expect(formatDiffText(empty({ replayed: 2 }))).toBe('no routing change (2 requests replayed) · 0 routers added · 0 removed · 0 changed · 0 new problems · 0 fixed\n');
  });

  it.each([
    ['only added', empty({ routers: { added: full.routers.added, removed: [], changed: [] } }), 'Routers:\n  + n@kubernetescrd  Host(`n.com`)\n'],
    ['only removed', empty({ routers: { added: [], removed: full.routers.removed, changed: [] } }), 'Routers:\n  - o@kubernetescrd  Host(`o.com`) || Path(`/a|b`)\n'],
    ['only changed', empty({ routers: { added: [], removed: [], changed: [full.routers.changed[1]!] } }), 'Routers:\n  ~ d@kubernetescrd\n      priority: 5 → 7\n'],
    ['only fixed', empty({ diagnostics: { introduced: [], fixed: full.diagnostics.fixed } }), 'Diagnostics:\n  - error F_X b.yaml: fixed <one>\n'],
    ['only introduced', empty({ diagnostics: { introduced: [diag()], fixed: [] } }), 'Diagnostics:\n  + error REF_MISSING apps.yaml: Middleware `x` does not exist.\n'],
  ])('a section with %s entries', (_, diff, section) => {
    const text = formatDiffText(diff);
    expect(text.slice(text.indexOf('\n\n') + 2)).toBe(section);
  });
});

describe('formatDiffMarkdown', () => {
  it('writes every section, escaping Markdown and fencing code', () => {
    expect(formatDiffMarkdown(full)).toBe(
      [
        '### Routing review',
        '',
        '1 request routed differently · 1 router added · 1 removed · 2 changed · 2 new problems (1 error) · 1 fixed',
        '',
        '#### Requests routed differently',
        '',
        '| Request | Before | After | Changes |',
        '|---|---|---|---|',
        '| `GET https://a.com/x` | `a@kubernetescrd` → `a@kubernetescrd` | **`b@kubernetescrd`** → `apps/b:80` | winner: a@kubernetescrd → b@kubernetescrd |',
        '',
        '#### Routers',
        '',
        '- **added** `n@kubernetescrd` (apps/n\\#0): `` Host(`n.com`) ``',
        '- **removed** `o@kubernetescrd`: `` Host(`o.com`) \\|\\| Path(`/a\\|b`) ``',
        '- **changed** `c2@kubernetescrd` (was `c1@kubernetescrd`)',
        '  - rule: `` Host(`c.com`) `` → `` Host(`c.org`) ``',
        '- **changed** `d@kubernetescrd`',
        '  - priority: `5` → `7`',
        '',
        '#### Diagnostics',
        '',
        '- **new error** `REF_MISSING` in `apps.yaml`: Middleware \\`x\\` does not exist.',
        '- **new warning** `W_X` in `apps.yaml`: a\\_b \\*c\\*',
        '- **fixed** `F_X` in `b.yaml`: fixed \\<one\\>',
        '',
      ].join('\n'),
    );
  });

  it('says how many requests were replayed when nothing is routed differently', () => {
    expect(formatDiffMarkdown(empty({ replayed: 1 }))).toBe(
      '### Routing review\n\nno routing change (1 request replayed) · 0 routers added · 0 removed · 0 changed · 0 new problems · 0 fixed\n\n'
      + 'No request is routed differently (1 witness request replayed against both versions).\n',
    );
  });

  it.each<[string, RoutingChange, string]>([
    [
      'a redirect with a Location, winner unchanged',
      change({
        before: summary({ outcome: 'responded', status: 302, service: null, location: 'https://a.com/`x`' }),
        after: summary({ outcome: 'responded', status: 301, service: null }),
        changes: ['status: 302 → 301', 'Location: https://a.com/ → none'], winnerChanged: false,
      }),
      '| `GET https://a.com/x` | `a@kubernetescrd` → 302 `` https://a.com/`x` `` | `a@kubernetescrd` → 301 | status: 302 → 301<br>Location: https://a.com/ → none |',
    ],
    [
      'no router, no response, a service without a backend',
      change({
        label: '`GET` a|b',
        before: summary({ router: null, service: null }),
        after: summary({ outcome: 'no-response', router: null, service: null, reason: 'no TLS <cert>' }),
        changes: ['outcome: forwarded → no-response'],
      }),
      '| `` `GET` a\\|b `` | no router → `?` | no response (no TLS \\<cert\\>) | outcome: forwarded → no-response |',
    ],
    [
      'no reason given, the service named when there is no backend',
      change({
        before: summary({ outcome: 'no-response', router: null, service: null }),
        after: summary({ service: 'svc@file' }),
        changes: ['line\nbreak'],
        winnerChanged: false,
      }),
      '| `GET https://a.com/x` | no response () | `a@kubernetescrd` → `svc@file` | line break |',
    ],
  ])('a table row: %s', (_, c, row) => {
    const md = formatDiffMarkdown(empty({ routing: [c] })).split('\n');
    expect(md[8]).toBe(row);
  });

  it.each<[string, WorkspaceDiff, string]>([
    [
      'a removed router of a route',
      empty({ routers: { added: [], removed: [{ name: 'o@kubernetescrd', rule: 'Host(`o.com`)', entryPoints: [], route: 'apps/o#2' }], changed: [] } }),
      '#### Routers\n\n- **removed** `o@kubernetescrd` (apps/o\\#2): `` Host(`o.com`) ``\n',
    ],
    ['only fixed diagnostics', empty({ diagnostics: { introduced: [], fixed: [diag({ message: '' })] } }), '#### Diagnostics\n\n- **fixed** `REF_MISSING` in `apps.yaml`: \n'],
    ['only introduced diagnostics', empty({ diagnostics: { introduced: [diag({ severity: 'info', message: 'a\nb' })], fixed: [] } }), '#### Diagnostics\n\n- **new info** `REF_MISSING` in `apps.yaml`: a\n'],
  ])('a Markdown section: %s', (_, diff, section) => {
    const md = formatDiffMarkdown(diff);
    expect(md.slice(md.indexOf('#### '))).toBe(section);
  });

  it('fences code holding backticks at its ends with spaces, and code with runs of backticks with a longer fence', () => {
    const md = formatDiffMarkdown(empty({
      routers: { added: [{ name: '`edge`', rule: 'Host(`a``b`)\n  && Path(`/`)', entryPoints: [], route: null }], removed: [], changed: [] },
    }));
    expect(md.split('\n')).toContain('- **added** `` `edge` ``: ``` Host(`a``b`) && Path(`/`) ```');
  });
});
