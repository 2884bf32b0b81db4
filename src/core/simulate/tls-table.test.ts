// The SNI → TLS option table row by row: pkg/server/router/tcp/manager.go buildEntryPointHandler (which
// entries a TLS router writes), router.go AddHTTPTLSConfig / SetHTTPSForwarder (`HostSNI(%q)` routes, one per
// key), pkg/muxer/tcp/matcher.go hostSNI and snicheck.go (the old Host-vs-SNI check). Expected values written out.
import { describe, expect, it } from 'vitest';
import type { DynamicRouter } from '../types.ts';
import { router, tlsOption } from './fixtures.ts';
import { buildSniTable, domainMatchHostExpression, oldSniCheck, pickTlsOption, requestedOption } from './tls-table.ts';
import { featuresOf } from './version.ts';

const domains = (rule: string): string[] | undefined =>
  rule.includes('Broken(') ? undefined : [...rule.matchAll(/Host\(`([^`]*)`\)/g)].map((m) => m[1]!.toLowerCase());
const v3 = featuresOf({ target: 'v3', version: '3.7.9' });
const v3old = featuresOf({ target: 'v3', version: '3.6.10' });
const strict = 'apps-strict@kubernetescrd';
const options = { default: tlsOption('default'), [strict]: tlsOption(strict, { sniStrict: true }) };

/** A TLS router whose requested and resolved options are set independently (the aggregator may differ). */
function tlsRouter(name: string, rule: string, requested: string | undefined, resolved: string): DynamicRouter {
  return { ...router(name, rule, { tls: true }), tls: { ...(requested === undefined ? {} : { options: requested }), resolvedOptions: resolved } };
}

describe('requestedOption (manager.go: `default` unless another name is set)', () => {
  it.each([
    [undefined, 'default'],
    ['', 'default'],
    ['default', 'default'],
    [strict, strict],
  ])('options %j → %s', (requested, expected) => {
    expect(requestedOption(tlsRouter('a@kubernetescrd', 'Host(`a.com`)', requested, 'default'))).toBe(expected);
  });

  it('a router without tls asks for default', () => {
    expect(requestedOption(router('a@kubernetescrd', 'Host(`a.com`)'))).toBe('default');
  });
});

describe('buildSniTable: the entries', () => {
  it('v3.6.18+ writes the resolved option; older versions the requested one', () => {
    const r = [tlsRouter('a@kubernetescrd', 'Host(`a.com`)', strict, 'default')];
    expect(buildSniTable(r, options, v3, domains).entries).toEqual([
      { host: 'a.com', option: 'default', broken: false, priority: 16, routers: ['a@kubernetescrd'] },
    ]);
    expect(buildSniTable(r, options, v3old, domains).entries).toEqual([
      { host: 'a.com', option: strict, broken: false, priority: 16, routers: ['a@kubernetescrd'] },
    ]);
  });

  it('an empty resolved option is `default`', () => {
    const t = buildSniTable([tlsRouter('a@kubernetescrd', 'Host(`a.com`)', undefined, '')], options, v3, domains);
    expect(t.entries[0]!.option).toBe('default');
  });

  it('a router without a Host writes `*` with the default option, whatever it asks for', () => {
    const t = buildSniTable([tlsRouter('p@kubernetescrd', 'PathPrefix(`/x`)', strict, strict)], options, v3, domains);
    expect(t.entries).toEqual([{ host: '*', option: 'default', broken: false, priority: -1, routers: ['p@kubernetescrd'] }]);
    expect(t.optionsForHost).toEqual({});
  });

  it('routers without tls and rules ParseDomains refuses add no entry', () => {
    const t = buildSniTable([router('h@kubernetescrd', 'Host(`h.com`)'), tlsRouter('b@kubernetescrd', 'Broken(`x`)', undefined, 'default')], options, v3, domains);
    expect(t).toEqual({ entries: [], optionsForHost: {}, defaultOk: true });
  });

  it('one entry per domain of a rule, each with `HostSNI("<host>")` as priority', () => {
    const t = buildSniTable([tlsRouter('a@kubernetescrd', 'Host(`a.com`) || Host(`www.a.com`)', strict, strict)], options, v3, domains);
    expect(t.entries.map((e) => [e.host, e.priority, e.option])).toEqual([['www.a.com', 20, strict], ['a.com', 16, strict]]);
    expect(t.optionsForHost).toEqual({ 'a.com': strict, 'www.a.com': strict });
  });

  it('equal priorities are listed by host; the catch-all comes last', () => {
    const t = buildSniTable(
      [tlsRouter('c@kubernetescrd', 'Host(`c.com`)', undefined, 'default'), tlsRouter('p@kubernetescrd', 'Path(`/`)', undefined, 'default'), tlsRouter('b@kubernetescrd', 'Host(`b.com`)', undefined, 'default')],
      options, v3, domains,
    );
    expect(t.entries.map((e) => e.host)).toEqual(['b.com', 'c.com', '*']);
  });

  it('an option that is not defined is broken (brokenTLSRouter); `default` never is', () => {
    const t = buildSniTable([tlsRouter('a@kubernetescrd', 'Host(`a.com`)', 'nope@kubernetescrd', 'nope@kubernetescrd'), tlsRouter('b@kubernetescrd', 'Host(`b.com`)', undefined, 'default')], {}, v3, domains);
    expect(t.entries.map((e) => [e.host, e.broken])).toEqual([['a.com', true], ['b.com', false]]);
  });

  it('hostOrIP: `*.` prefix, word characters, dots, dashes and colons only', () => {
    const t = buildSniTable(
      [tlsRouter('a@kubernetescrd', 'Host(`*.a_b-c.com`) || Host(`10.0.0.1:443`) || Host(`a*.com`) || Host(`é.com`) || Host(`a/b`)', undefined, 'default')],
      options, v3, domains,
    );
    expect(t.entries.map((e) => e.host)).toEqual(['10.0.0.1:443', '*.a_b-c.com']);
  });

  it('v3.6.21+: one key written with two resolved options keeps one of them at random (Go map overwrite)', () => {
    // Input order is not the order of writing: routers are taken by name.
    const t = buildSniTable(
      [tlsRouter('z@kubernetescrd', 'Host(`a.com`) && Path(`/m`)', undefined, 'default'), tlsRouter('m@kubernetescrd', 'Host(`a.com`)', strict, strict)],
      options, v3, domains,
    );
    expect(t.entries).toStrictEqual([{
      host: 'a.com', option: strict, broken: false, priority: 16, routers: ['m@kubernetescrd', 'z@kubernetescrd'],
      conflict: { options: [strict, 'default'], resolution: 'random' },
    }]);
    expect(t.optionsForHost).toEqual({ 'a.com': 'default' });
  });

  it('entries without a conflict have no conflict field', () => {
    const t = buildSniTable([tlsRouter('a@kubernetescrd', 'Host(`a.com`)', undefined, 'default')], options, v3, domains);
    expect(t.entries).toStrictEqual([{ host: 'a.com', option: 'default', broken: false, priority: 16, routers: ['a@kubernetescrd'] }]);
  });

  it('before v3.6.18 two options on one host give the default option; the same option twice is no conflict', () => {
    const t = buildSniTable(
      [
        tlsRouter('z@kubernetescrd', 'Host(`a.com`)', strict, strict), tlsRouter('m@kubernetescrd', 'Host(`a.com`) && Path(`/m`)', undefined, 'default'),
        tlsRouter('b1@kubernetescrd', 'Host(`b.com`)', strict, strict), tlsRouter('b2@kubernetescrd', 'Host(`b.com`) && Path(`/2`)', strict, strict),
      ],
      options, v3old, domains,
    );
    expect(t.entries).toEqual([
      { host: 'a.com', option: 'default', broken: false, priority: 16, routers: ['m@kubernetescrd', 'z@kubernetescrd'], conflict: { options: ['default', strict], resolution: 'default' } },
      { host: 'b.com', option: strict, broken: false, priority: 16, routers: ['b1@kubernetescrd', 'b2@kubernetescrd'] },
    ]);
    expect(t.optionsForHost).toEqual({ 'a.com': 'default', 'b.com': strict });
  });

  it('the catch-all written with two options (Host(`*`) asking for one) is a random pick on every version', () => {
    const routers = [tlsRouter('p@kubernetescrd', 'Path(`/`)', undefined, 'default'), tlsRouter('s@kubernetescrd', 'Host(`*`)', strict, strict)];
    for (const f of [v3, v3old]) {
      expect(buildSniTable(routers, options, f, domains).entries).toEqual([
        { host: '*', option: 'default', broken: false, priority: -1, routers: ['p@kubernetescrd', 's@kubernetescrd'], conflict: { options: ['default', strict], resolution: 'random' } },
      ]);
    }
  });
});

describe('pickTlsOption (hostSNI matcher, muxer order)', () => {
  const table = () => buildSniTable(
    [
      tlsRouter('a@kubernetescrd', 'Host(`a.example.com.`)', strict, strict),
      tlsRouter('w@kubernetescrd', 'Host(`*.example.com`)', undefined, 'default'),
      tlsRouter('p@kubernetescrd', 'PathPrefix(`/api`)', undefined, 'default'),
    ],
    options, v3, domains,
  );

  it('an entry with a trailing dot matches the SNI without it', () => {
    expect(pickTlsOption(table(), 'a.example.com')).toMatchObject({ option: strict, entry: { host: 'a.example.com.' }, ties: [], broken: false });
  });

  it('explains the entry it matched', () => {
    expect(pickTlsOption(table(), ' B.Example.com ').because).toBe('SNI "b.example.com" matched the entry `*.example.com` (from w@kubernetescrd)');
    expect(pickTlsOption(table(), 'other.org').because).toBe('SNI "other.org" matched the catch-all entry `*` (TLS routers without a Host rule)');
    expect(pickTlsOption(table(), null).because).toBe('SNI (none) matched the catch-all entry `*` (TLS routers without a Host rule)');
  });

  it('without an entry the entryPoint default is used, and said why', () => {
    const t = buildSniTable([tlsRouter('a@kubernetescrd', 'Host(`a.com`)', strict, strict)], options, v3, domains);
    expect(pickTlsOption(t, 'b.com')).toEqual({
      entry: null, option: 'default', broken: false, ties: [],
      because: 'no Host rule of a TLS router on this entryPoint covers "b.com": the entryPoint default option is used',
    });
    expect(pickTlsOption(t, '  ').because).toBe('no SNI sent, and no catch-all `*` entry: the entryPoint default option is used');
  });

  it('names the conflicts and ties in its explanation', () => {
    const old = buildSniTable(
      [tlsRouter('z@kubernetescrd', 'Host(`a.com`)', strict, strict), tlsRouter('m@kubernetescrd', 'Host(`a.com`) && Path(`/m`)', undefined, 'default')],
      options, v3old, domains,
    );
    expect(pickTlsOption(old, 'a.com').because).toBe(
      `SNI "a.com" matched the entry \`a.com\` (from m@kubernetescrd, z@kubernetescrd); routers on this host ask for different options (default, ${strict}), so Traefik uses \`default\``,
    );
    const now = buildSniTable(
      [tlsRouter('z@kubernetescrd', 'Host(`a.com`)', strict, strict), tlsRouter('m@kubernetescrd', 'Host(`a.com`) && Path(`/m`)', undefined, 'default')],
      options, v3, domains,
    );
    expect(pickTlsOption(now, 'a.com').because).toBe(
      `SNI "a.com" matched the entry \`a.com\` (from m@kubernetescrd, z@kubernetescrd); this entry was written with different options (default, ${strict}): which one is kept is random`,
    );
    const tied = buildSniTable(
      [tlsRouter('x@kubernetescrd', 'Host(`*.b.com`)', undefined, 'default'), tlsRouter('y@kubernetescrd', 'Host(`x.b.com`)', strict, strict)],
      options, v3, domains,
    );
    const pick = pickTlsOption(tied, 'x.b.com');
    expect(pick.entry?.host).toBe('*.b.com');
    expect(pick.ties.map((e) => e.host)).toEqual(['x.b.com']);
    expect(pick.because).toBe('SNI "x.b.com" matched the entry `*.b.com` (from x@kubernetescrd); entries `x.b.com` have the same priority: Traefik\'s pick between them is random');
  });

  it('an entry of another length is no tie, nor is an equal-length entry that does not match', () => {
    const t = buildSniTable(
      [tlsRouter('x@kubernetescrd', 'Host(`ab.com`)', undefined, 'default'), tlsRouter('y@kubernetescrd', 'Host(`cd.com`)', undefined, 'default'), tlsRouter('p@kubernetescrd', 'Path(`/`)', undefined, 'default')],
      options, v3, domains,
    );
    expect(pickTlsOption(t, 'ab.com').ties).toEqual([]);
  });

  it('no SNI never matches a named entry, not even `Host(`.`)` (an empty name once its dot is trimmed)', () => {
    const t = buildSniTable([tlsRouter('d@kubernetescrd', 'Host(`.`)', strict, strict)], options, v3, domains);
    expect(t.entries.map((e) => e.host)).toEqual(['.']);
    expect(pickTlsOption(t, null)).toMatchObject({ entry: null, option: 'default' });
  });

  it('a broken entry closes the connection', () => {
    const t = buildSniTable([tlsRouter('a@kubernetescrd', 'Host(`a.com`)', 'nope@kubernetescrd', 'nope@kubernetescrd')], options, v3, domains);
    expect(pickTlsOption(t, 'a.com')).toMatchObject({ option: 'nope@kubernetescrd', broken: true });
  });
});

describe('DomainMatchHostExpression (pkg/muxer/domain.go)', () => {
  it.each([
    ['a.example.com', '*.example.com', true],
    ['A.Example.COM', '*.example.com', true],
    ['a.example.com', '*.EXAMPLE.com', true],
    ['example.com', 'EXAMPLE.COM', true],
    ['a.b.example.com', '*.example.com', false],
    ['example.com', '*.example.com', false],
    ['a.example.com', 'b.example.com', false],
    ['a.example.com', 'example.com', false],
  ])('%s against %s → %s', (domain, expr, expected) => {
    expect(domainMatchHostExpression(domain, expr)).toBe(expected);
  });
});

describe('oldSniCheck (snicheck.go, before v3.6.18)', () => {
  const other = 'apps-other@kubernetescrd';
  const table = () => buildSniTable(
    [tlsRouter('a@kubernetescrd', 'Host(`a.com`)', strict, strict), tlsRouter('b@kubernetescrd', 'Host(`b.com.`)', other, other)],
    { ...options, [other]: tlsOption(other) }, v3old, domains,
  );

  it('the table of options per host', () => {
    expect(table().optionsForHost).toEqual({ 'a.com': strict, 'b.com.': other });
  });

  it('Host equal to SNI (any case): no check', () => {
    expect(oldSniCheck(table(), 'A.com', 'a.COM ')).toStrictEqual({ mode: 'host-vs-sni', result: 'passed', handshakeOption: '', because: 'Host and SNI are the same: no check' });
  });

  it('different options: 421, with both options', () => {
    expect(oldSniCheck(table(), 'a.com', 'b.com.')).toStrictEqual({
      mode: 'host-vs-sni', result: 'misdirected', handshakeOption: other, hostOption: strict,
      because: `Host "a.com" maps to TLS option ${strict} but SNI "b.com." maps to ${other}: 421`,
    });
    expect(oldSniCheck(table(), 'a.com', null).because).toBe(`Host "a.com" maps to TLS option ${strict} but SNI "(none)" maps to default: 421`);
  });

  it('same option: passed, and said why', () => {
    expect(oldSniCheck(table(), 'c.com', 'd.com')).toStrictEqual({
      mode: 'host-vs-sni', result: 'passed', handshakeOption: 'default', hostOption: 'default',
      because: 'Host "c.com" and SNI "d.com" differ but map to the same TLS option (default)',
    });
  });

  it.each([
    // findTLSOptName: the Host side also tries the FQDN variant (trailing dot added or removed), the SNI side does not.
    ['b.com', 'a.com.', other, 'default'],
    ['a.com.', 'b.com.', strict, other],
    ['x.org', 'a.com', 'default', strict],
    ['x.org.', 'y.org', 'default', 'default'],
    ['b.com', 'b.com.x', other, 'default'],
    // Then the lower-cased name, the same way.
    ['A.COM', 'b.com.', strict, other],
    ['B.COM', 'x.org', other, 'default'],
    ['b.com.', 'A.COM', other, strict],
    ['x.org', 'B.COM', 'default', 'default'],
  ])('Host %j, SNI %j → %s / %s', (host, sni, hostOption, handshakeOption) => {
    expect(oldSniCheck(table(), host, sni)).toMatchObject({ result: hostOption === handshakeOption ? 'passed' : 'misdirected', hostOption, handshakeOption });
  });
});
