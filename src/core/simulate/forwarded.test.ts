// The forwarded-headers step of an entry point: rows of Traefik's forwarded_header_test.go (TestServeHTTP,
// Test_isWebsocketRequest, TestConnection) that do not need the options this simulator does not model
// (forwardedHeaders.connection, addXForwardedSchemeHeaders), plus Go's net.SplitHostPort and the IP parsing
// of ip.NewChecker (net.ParseIP / net.ParseCIDR) and ip.Checker.Contains (netip.ParseAddr).
import { describe, expect, it } from 'vitest';
import { applyForwardedHeaders, ipInList, isManagedXHeader, parseIPStrict, splitHostPort, validIPOrCIDR } from './forwarded.ts';
import { headerMap } from './go-http.ts';
import type { GoRequest } from './request.ts';

interface Row {
  insecure?: boolean;
  trusted?: string[];
  remoteAddr?: string;
  headers?: Record<string, string[]>;
  tls?: boolean;
  websocket?: boolean;
  host?: string;
}

function forward(row: Row) {
  const headers = headerMap(row.headers ?? {});
  // Go's server keeps underscore spellings under their own (canonicalised) key.
  for (const k of Object.keys(row.headers ?? {})) if (k.includes('_')) headers[k.charAt(0).toUpperCase() + k.slice(1).toLowerCase()] = row.headers![k]!;
  if (row.websocket) {
    headers['Connection'] = ['Upgrade'];
    headers['Upgrade'] = ['websocket'];
  }
  const req: GoRequest = {
    method: 'GET', host: row.host ?? '', url: { path: '/', rawPath: '', rawQuery: '', forceQuery: false }, requestURI: '/', headers,
    remoteAddr: row.remoteAddr ?? '', tls: row.tls ?? false, sni: null,
  };
  const result = applyForwardedHeaders(req, { ...(row.insecure ? { insecure: true } : {}), ...(row.trusted ? { trustedIPs: row.trusted } : {}) });
  return { h: req.headers, result };
}

const INCOMING = {
  'X-Forwarded-For': ['10.0.1.0, 10.0.1.12'], 'X-Forwarded-Uri': ['/bar'], 'X-Forwarded-Method': ['GET'],
  'X-Forwarded-Tls-Client-Cert': ['Cert'], 'X-Forwarded-Tls-Client-Cert-Info': ['CertInfo'], 'X-Forwarded-Prefix': ['/prefix'],
};
const KEPT = { 'X-Forwarded-For': ['10.0.1.0, 10.0.1.12'], 'X-Forwarded-Uri': ['/bar'], 'X-Forwarded-Method': ['GET'], 'X-Forwarded-Tls-Client-Cert': ['Cert'], 'X-Forwarded-Tls-Client-Cert-Info': ['CertInfo'], 'X-Forwarded-Prefix': ['/prefix'] };
const GONE = { 'X-Forwarded-For': undefined, 'X-Forwarded-Uri': undefined, 'X-Forwarded-Method': undefined, 'X-Forwarded-Tls-Client-Cert': undefined, 'X-Forwarded-Tls-Client-Cert-Info': undefined, 'X-Forwarded-Prefix': undefined };

describe('TestServeHTTP (forwarded_header_test.go)', () => {
  it.each([
    { desc: 'insecure true with incoming X-Forwarded headers', row: { insecure: true, headers: INCOMING }, expected: KEPT, trusted: true },
    { desc: 'insecure false with incoming X-Forwarded headers', row: { headers: { ...INCOMING, X_forwarded_host: ['evil.example'] } }, expected: { ...GONE, X_forwarded_host: undefined }, trusted: false },
    { desc: 'valid Trusted Ips', row: { trusted: ['10.0.1.100'], remoteAddr: '10.0.1.100:80', headers: INCOMING }, expected: KEPT, trusted: true },
    { desc: 'invalid Trusted Ips', row: { trusted: ['10.0.1.100'], remoteAddr: '10.0.1.101:80', headers: INCOMING }, expected: GONE, trusted: false },
    { desc: 'valid Trusted Ips CIDR', row: { trusted: ['1.2.3.4/24'], remoteAddr: '1.2.3.156:80', headers: INCOMING }, expected: KEPT, trusted: true },
    { desc: 'invalid Trusted Ips CIDR', row: { trusted: ['1.2.3.4/24'], remoteAddr: '10.0.1.101:80', headers: INCOMING }, expected: GONE, trusted: false },
    { desc: 'xForwardedFor with multiple header(s) values', row: { insecure: true, headers: { 'X-Forwarded-For': ['10.0.0.4, 10.0.0.3', '10.0.0.2, 10.0.0.1', '10.0.0.0'] } }, expected: { 'X-Forwarded-For': ['10.0.0.4, 10.0.0.3, 10.0.0.2, 10.0.0.1, 10.0.0.0'] }, trusted: true },
    { desc: 'xRealIP populated from remote address', row: { remoteAddr: '10.0.1.101:80' }, expected: { 'X-Real-Ip': ['10.0.1.101'] }, trusted: false },
    { desc: 'xRealIP was already populated from previous headers', row: { insecure: true, remoteAddr: '10.0.1.101:80', headers: { 'X-Real-Ip': ['10.0.1.12'] } }, expected: { 'X-Real-Ip': ['10.0.1.12'] }, trusted: true },
    { desc: 'xRealIP drops an IPv6 zone', row: { remoteAddr: '[fe80::1%eth0]:80' }, expected: { 'X-Real-Ip': ['fe80::1'] }, trusted: false },
    { desc: 'no xRealIP without a port in the remote address', row: { remoteAddr: '10.0.1.101' }, expected: { 'X-Real-Ip': undefined }, trusted: false },
    { desc: 'xForwardedProto with no tls', row: {}, expected: { 'X-Forwarded-Proto': ['http'], 'X-Forwarded-Port': ['80'] }, trusted: false },
    { desc: 'xForwardedProto with tls', row: { tls: true }, expected: { 'X-Forwarded-Proto': ['https'], 'X-Forwarded-Port': ['443'] }, trusted: false },
    { desc: 'xForwardedProto with websocket', row: { websocket: true }, expected: { 'X-Forwarded-Proto': ['ws'], 'X-Forwarded-Port': ['80'] }, trusted: false },
    { desc: 'xForwardedProto with websocket and tls', row: { tls: true, websocket: true }, expected: { 'X-Forwarded-Proto': ['wss'] }, trusted: false },
    { desc: 'xForwardedProto with websocket and tls and already x-forwarded-proto with wss', row: { tls: true, websocket: true, headers: { 'X-Forwarded-Proto': ['wss'] } }, expected: { 'X-Forwarded-Proto': ['wss'] }, trusted: false },
    { desc: 'xForwardedPort with explicit port', row: { host: 'foo.com:8080' }, expected: { 'X-Forwarded-Port': ['8080'] }, trusted: false },
    { desc: 'xForwardedPort with implicit tls port from proto header', row: { insecure: true, headers: { 'X-Forwarded-Proto': ['https'] } }, expected: { 'X-Forwarded-Proto': ['https'], 'X-Forwarded-Port': ['443'] }, trusted: true },
    { desc: 'xForwardedPort from a trusted wss proto header', row: { insecure: true, headers: { 'X-Forwarded-Proto': ['wss'] } }, expected: { 'X-Forwarded-Port': ['443'] }, trusted: true },
    { desc: 'xForwardedPort with implicit tls port from TLS in req', row: { tls: true }, expected: { 'X-Forwarded-Port': ['443'] }, trusted: false },
    { desc: 'an empty port in the Host falls back to the scheme', row: { host: 'foo.com:' }, expected: { 'X-Forwarded-Port': ['80'], 'X-Forwarded-Host': ['foo.com:'] }, trusted: false },
    { desc: 'xForwardedHost from req host', row: { host: 'foo.com:8080' }, expected: { 'X-Forwarded-Host': ['foo.com:8080'] }, trusted: false },
    { desc: 'no xForwardedHost for an empty host', row: {}, expected: { 'X-Forwarded-Host': undefined }, trusted: false },
    { desc: 'xForwardedServer is Traefik\'s host name', row: { host: 'foo.com:8080' }, expected: { 'X-Forwarded-Server': ['traefik'] }, trusted: false },
    { desc: 'insecure false preserves non-matching underscore headers', row: { remoteAddr: '10.0.1.101:80', headers: { X_custom_header: ['value'], X_forwarded_proto: ['spoofed'] } }, expected: { X_custom_header: ['value'], X_forwarded_proto: undefined }, trusted: false },
  ])('$desc', ({ row, expected, trusted }) => {
    const { h, result } = forward(row as Row);
    for (const [k, v] of Object.entries(expected)) expect(h[k], k).toEqual(v);
    expect(result.trusted).toBe(trusted);
  });

  it('Untrusted: a Connection header has no effect on X- forwarded headers', () => {
    const { h } = forward({ headers: { Connection: ['X-Forwarded-Proto, X-Forwarded-For, X-Real-Ip, X_forwarded_proto'], 'X-Forwarded-Proto': ['foo'] } });
    expect(h['X-Forwarded-Proto']).toEqual(['http']);
    expect(h['Connection']).toBeUndefined();
  });

  it('Trusted: the Connection header keeps the managed X- headers, drops the others it names', () => {
    const { h, result } = forward({ insecure: true, headers: { Connection: ['x-forwarded-proto, Foo', 'bar'], 'X-Forwarded-Proto': ['foo'], Foo: ['1'], Bar: ['2'], Baz: ['3'] } });
    expect(h['X-Forwarded-Proto']).toEqual(['foo']);
    expect(h['Foo']).toBeUndefined();
    expect(h['Bar']).toBeUndefined();
    expect(h['Baz']).toEqual(['3']);
    expect(h['Connection']).toBeUndefined();
    expect(result.removed).toEqual(['Foo', 'Bar']);
  });

  it('reports what it removed and set', () => {
    const { result } = forward({ remoteAddr: '10.0.0.1:1', host: 'a.com', headers: { 'X-Forwarded-For': ['1.1.1.1'] } });
    expect(result).toEqual({
      trusted: false, removed: ['X-Forwarded-For'],
      set: ['X-Real-Ip: 10.0.0.1', 'X-Forwarded-Proto: http', 'X-Forwarded-Port: 80', 'X-Forwarded-Host: a.com', 'X-Forwarded-Server: traefik'],
    });
  });
});

describe('Test_isWebsocketRequest', () => {
  it.each([
    { desc: 'connection Header multiple values middle', connection: 'foo,upgrade,bar', upgrade: 'websocket', ws: true },
    { desc: 'connection Header multiple values end', connection: 'foo,bar,upgrade', upgrade: 'websocket', ws: true },
    { desc: 'connection headers multiple values begin', connection: 'Upgrade,foo,bar', upgrade: 'websocket', ws: true },
    { desc: 'connection header multiple values with spaces', connection: 'foo, upgrade , bar', upgrade: 'WebSocket', ws: true },
    { desc: 'no websocket upgrade', connection: 'keep-alive', upgrade: 'websocket', ws: false },
    { desc: 'another upgrade', connection: 'upgrade', upgrade: 'h2c', ws: false },
  ])('$desc', ({ connection, upgrade, ws }) => {
    expect(forward({ headers: { Connection: [connection], Upgrade: [upgrade] } }).h['X-Forwarded-Proto']).toEqual([ws ? 'ws' : 'http']);
  });

  it('an upgrade keeps Upgrade and sets Connection: Upgrade', () => {
    const { h } = forward({ headers: { Connection: ['keep-alive, Upgrade'], Upgrade: ['websocket'] } });
    expect(h['Upgrade']).toEqual(['websocket']);
    expect(h['Connection']).toEqual(['Upgrade']);
  });
});

describe('isManagedXHeader', () => {
  it.each([
    ['X-Forwarded-For', true], ['X-Real-Ip', true], ['X-Scheme', true], ['X-Forwarded-Tls-Client-Cert-Info', true],
    ['X_Forwarded_For', true], ['X_forwarded_for', true], ['X_real_ip', true], ['X-Custom', false], ['X_custom', false],
    ['x-forwarded-for', false], ['', false], ['Forwarded', false],
  ] as const)('%s → %s', (key, managed) => {
    expect(isManagedXHeader(key)).toBe(managed);
  });
});

describe('net.SplitHostPort', () => {
  it.each([
    ['localhost:http', { host: 'localhost', port: 'http' }],
    ['127.0.0.1:80', { host: '127.0.0.1', port: '80' }],
    ['[::1]:80', { host: '::1', port: '80' }],
    ['[fe80::1%lo0]:80', { host: 'fe80::1%lo0', port: '80' }],
    ['golang.org:', { host: 'golang.org', port: '' }],
    [':80', { host: '', port: '80' }],
    ['[]:80', { host: '', port: '80' }],
    ['golang.org', undefined],
    ['127.0.0.1', undefined],
    ['[::1]', undefined],
    ['::1', undefined],
    ['[::1]:80:90', undefined],
    ['[::1]x:80', undefined],
    ['[::1:80', undefined],
    ['[a[b]:80', undefined],
    ['[::1]:8]0', undefined],
    ['a]b:80', undefined],
    ['a[b:80', undefined],
    ['', undefined],
  ] as const)('%s', (hostport, expected) => {
    expect(splitHostPort(hostport)).toEqual(expected);
  });
});

describe('IP parsing (net.ParseIP / ParseCIDR, netip.ParseAddr)', () => {
  it.each([
    ['10.0.0.1', true], ['010.0.0.1', false], ['10.1', false], ['::1', true], ['::ffff:10.0.0.1', true],
    ['fe80::1%eth0', true], ['1.2.3.4.5', false], ['foo', false], ['', false],
  ] as const)('parseIPStrict(%s) → %s', (text, ok) => {
    expect(parseIPStrict(text) !== undefined).toBe(ok);
  });

  it.each([
    ['10.0.0.0/8', true], ['10.0.0.1/8', true], ['10.0.0.0/08', true], ['10.0.0.0/32', true], ['10.0.0.0/33', false],
    ['::/0', true], ['::/128', true], ['::/129', false], ['10.0.0.0/', false], ['10.0.0.0/x', false], ['10.0.0.0/-1', false],
    ['1.2.3.4', true], ['fe80::1%eth0', false], ['fe80::1%eth0/64', false], ['nope/8', false],
  ] as const)('validIPOrCIDR(%s) → %s', (entry, ok) => {
    expect(validIPOrCIDR(entry)).toBe(ok);
  });

  it.each([
    ['10.1.2.3', ['10.0.0.0/8'], true],
    ['11.1.2.3', ['10.0.0.0/8'], false],
    ['10.0.0.1', ['10.0.0.1'], true],
    ['10.0.0.2', ['10.0.0.1'], false],
    ['::ffff:10.1.2.3', ['10.0.0.0/8'], true],
    ['10.1.2.3', ['::ffff:10.0.0.0/104'], true],
    ['2001:db8::5', ['2001:db8::/32'], true],
    ['2001:db9::5', ['2001:db8::/32'], false],
    ['10.1.2.3', ['bad', '10.0.0.0/8'], true],
    ['10.1.2.3', ['2001:db8::/32'], false],
    ['not-an-ip', ['0.0.0.0/0'], false],
    ['fe80::1%eth0', ['fe80::/10'], true],
  ] as const)('ipInList(%s, %j) → %s', (address, list, inside) => {
    expect(ipInList(address, list)).toBe(inside);
  });
});
