// No Traefik counterpart: generators and checks for the robustness (fuzz) tests of this folder. Plausible
// IngressRoute workspaces are built by walking the JSON Schema of each kind (so every field of every kind is
// reached), filled from pools of realistic and hostile values, rendered as YAML in random styles and then
// mutated line by line. Everything is drawn from a `Picker`, so fast-check (through `fc.gen`) shrinks it.
import fc from 'fast-check';
import type { Analysis, WorkspaceFile } from '../analyze.ts';
import { defaultSettings } from '../provider/settings.ts';
import { API_VERSIONS, schemaFor, type JsonSchema } from '../schema/index.ts';
import { verdictToJson, type CompiledRouting, type SimRequest, type Verdict } from '../simulate/index.ts';
import type { Diagnostic, ResourceKind, Settings } from '../types.ts';
import { CATALOG } from '../validate/codes.ts';

// ---------------------------------------------------------------------------------------------
// Random choices

/** The random choices a generator makes. The first element of a pool is what a choice shrinks to. */
export interface Picker {
  /** An integer in [0, max]. */
  nat(max: number): number;
  /** True with probability p (shrinks to false). */
  chance(p: number): boolean;
  pick<T>(xs: readonly T[]): T;
  /** An arbitrary string of code points (any plane), up to maxLength. */
  text(maxLength: number): string;
  /** Clean mode: common values only, no wrong types, no broken YAML, no mutations (so routers get served). */
  clean: boolean;
}

// Unbiased: fast-check's bias towards 0 and max would skew every probability below.
const natArb = (max: number) => fc.noBias(fc.nat({ max }));
const textArb = (maxLength: number) => fc.string({ unit: 'binary', maxLength });

/** A Picker over fast-check's `fc.gen()` value: every choice is recorded and shrinks. */
export function genPicker(g: fc.GeneratorValue): Picker {
  const nat = (max: number) => (max <= 0 ? 0 : g(natArb, max));
  return {
    nat,
    chance: (p) => nat(999) >= 1000 * (1 - p),
    pick: <T>(xs: readonly T[]): T => xs[nat(xs.length - 1)]!,
    text: (maxLength) => g(textArb, maxLength),
    clean: false,
  };
}

// ---------------------------------------------------------------------------------------------
// Pools of values, realistic first, hostile after

/** A YAML token written as is (tags, aliases, odd numbers, flow collections, broken quoting). */
export class Raw {
  constructor(readonly text: string) {}
}
const raw = (text: string) => new Raw(text);

/** How many leading entries of a pool are its common values: drawn 60 % of the time, so references resolve. */
const CORE = 4;

/** An element of a pool, one of its first CORE entries more often than not. */
function biased<T>(p: Picker, pool: readonly T[]): T {
  return p.clean || p.chance(0.6) ? pool[p.nat(Math.min(CORE, pool.length) - 1)]! : p.pick(pool);
}

export const HOSTS = [
  'example.com', 'shop.example.com', 'api.example.com', 'app.example.com', 'www.app.example.com', 'admin.shop.example.com',
  'pay.example.com', 'status.example.com', 'blog.example.com', 'portal.example.com', 'docs.example.com', 'localhost',
  'bücher.example', 'xn--bcher-kva.example', 'ÉXAMPLE.com', 'UPPER.EXAMPLE.COM', '例え.テスト', '🦭.io', '*.example.com', '*',
  '1.2.3.4', '10.0.0.1', '[::1]', '::1', '[2001:db8::1]', 'a..b', '', ' ', '-bad-.com', 'example.com.', 'host:8080', 'a_b.com',
  '%41.example.com', 'a b.com', `${'a'.repeat(70)}.com`, `${'label.'.repeat(50)}com`,
];

export const PATHS = [
  '/', '/api', '/api/', '/users', '/orders', '/orders/export', '/checkout', '/admin', '/v1', '/legacy', '/é', '/%2F', '/%2f', '/%zz',
  '/%', '/%00', '/a%20b', '', 'api', '//double', '/..', '/./x', '/a/../b', '/{id}', '/{id:[0-9]+}', '/{p:.*}', '/x;y', '/日本',
  '/\\', '/a?b', '/a#b', `/${'a'.repeat(300)}`,
];

const REGEXES = [
  '^.+\\.example\\.com$', '.*', '^/api/(.*)', '^/v[0-9]+/(?P<rest>.*)$', '(a+)+$', '^(a|aa)+$', '(', '[a-', ')', '(?P<n>x)',
  '(?i)ADMIN', '\\p{L}+', '\\', '{sub:[a-z]+}.example.com', '{sub}', '{', '}', '^$', 'a{1000}', 'a{1001}', '(?=x)', '\\1',
  '[[:alpha:]]', 'é+', '\\bword\\b', 'x*?', '\\Q.*\\E', '(?s).', '[^\\x00-\\x{10FFFF}]', '\\x{110000}', '',
];

const IPS = [
  '10.0.0.0/8', '10.20.0.0/16', '192.0.2.10', '192.0.2.1', '127.0.0.1', '0.0.0.0/0', '::/0', '::1', '2001:db8::/32',
  'fe80::1%eth0', '::ffff:10.0.0.0/104', '10.0.0.0/33', '1.2.3', '256.0.0.1', '*', '', '10.0.0.1/8', '1.2.3.4/-1', '1.2.3.4:80',
  '[::1]:80', 'not-an-ip',
];

export const METHODS = ['GET', 'POST', 'get', 'PUT', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'CONNECT', 'TRACE', 'PRI', 'Get', 'FOO', '', 'G ET', 'GÉT', '\u0000'];

export const HEADER_NAMES = [
  'X-Canary', 'X-Tenant', 'Host', 'host', 'Authorization', 'Cookie', 'Origin', 'X-Forwarded-For', 'X-Forwarded-Host',
  'X-Forwarded-Proto', 'X-Forwarded-Port', 'X-Real-Ip', 'Forwarded', 'Content-Type', 'Accept-Encoding', 'Connection', 'Upgrade',
  'Access-Control-Request-Method', 'Access-Control-Request-Headers', 'Content-Length', 'Transfer-Encoding', 'Te', 'Trailer',
  'X-Served-By', '__proto__', 'constructor', 'toString', '', 'Bad Header', 'Ünï', 'x:y', 'x'.repeat(100),
];

export const HEADER_VALUES = [
  'on', 'off', 'acme', '1', '', '  ', '*', 'text/html', 'Basic YWRtaW46Y2hhbmdlbWU=', 'Basic YWRtaW46d3Jvbmc=', 'Basic !!!', 'Basic ',
  'Bearer x', 'checkout_version=checkout-v1', 'a=b; c=d', '1.2.3.4', '1.2.3.4, 10.0.0.1', 'unknown, ::1', 'https', 'http', 'GET',
  'close, X-Canary', 'chunked', 'gzip, br', '-1', '99999999999999999999', 'https://example.com', 'null', 'é', '\u0000', 'a\r\nb',
  'for=192.0.2.60;proto=http;by=203.0.113.43',
];

const NAMES = [
  'web', 'api', 'a', 'strip', 'auth', 'svc', 'http', 'modern', 'default', 'my-app', 'blog', 'storefront', 'api-canary', 'admin-users',
  'shop-example-com-tls', 'chain', 'errors-page', 'api@kubernetescrd', 'auth@file', 'noop@internal', 'api@internal',
  'dashboard@internal', 'x@y@z', 'UPPER', 'ünï', '-bad-', '', 'a.b', 'default-strip', 'a'.repeat(260), '__proto__', 'constructor',
  'hasOwnProperty', 'toString@kubernetescrd',
];
const NAMESPACES = ['default', 'shop', 'apps', 'other', '', 'UPPER', 'kube-system', 'ns.with.dots', 'ünï', '__proto__', 'constructor'];
const ENTRY_POINTS = ['websecure', 'web', 'websecure', 'web', 'traefik', '', 'WEB', 'nope', '__proto__', 'constructor', 'toString'];
const PORTS: unknown[] = [80, 8080, 443, 'http', 'https', 9000, 0, -1, 65535, 65536, 70000, '80', raw('"80"'), 'a b', 1e10, 80.5];
const PRIORITIES: unknown[] = [
  0, 1, 10, 100, -1, 2 ** 31, 2 ** 53, raw('9223372036854774807'), raw('9223372036854774808'), raw('9223372036854775807'),
  raw('18446744073709551616'), raw('1e308'), raw('1e400'), raw('-0'), raw('1.5'), raw('.inf'), raw('0x7fffffff'), raw('"100"'),
  raw('99999999999999999999999999999999999999'),
];
const NUMBERS: unknown[] = [1, 0, 5, 10, 95, 100, -1, 0.5, 1e9, 2 ** 53, raw('1e400'), raw('-0'), raw('.nan'), raw('99999999999999999999')];
const SECRET_NAMES = ['shop-example-com-tls', 'admin-users', 'tls', 'missing', '', 'ünï'];
const HTPASSWD = [
  'admin:$apr1$wRc7rGbT$ulKXbdqVj/Jk7iWfcCAB2/', 'user:{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=',
  'bob:$2y$05$c4WoMPo3SXsafkva.HHa6uXQZWr7oboPiC2bT/r7q1BB8I2s0BRqC', 'plain:password', 'nocolon', '', ':', 'a:b:c', 'x:$apr1$',
  'y:$2y$99$', 'z:{SHA}!!!',
];
const GENERIC_STRINGS = ['a', 'x', '10s', '1m30s', '250ms', 'true', '80', '', ' ', 'é', '{{ .Values.x }}', '${VAR}', '-', 'null', '0x1F'];

/** Values of the wrong type, or YAML that constructs to something odd. */
const WRONG: unknown[] = [
  raw('[]'), raw('{}'), raw('~'), raw('null'), raw('yes'), raw('no'), raw('on'), raw('0x1F'), raw('0o17'), raw('017'), raw('1e400'),
  raw('.inf'), raw('-.inf'), raw('.nan'), raw('2001-12-14'), raw('2001-12-14T21:59:43.10-05:00'), raw('1:30'), raw('!!binary aGVsbG8='),
  raw('!!str 80'), raw('!!int "x"'), raw('!!float abc'), raw('!!map [a]'), raw('!custom x'), raw('"\\ud800"'), raw('*undefinedAlias'),
  raw('&anchor value'), raw('[a, [b, {c: d}]]'), raw('{a: 1, a: 2}'), raw("'unterminated"), raw('"bad \\q escape"'), raw('? complex'),
  raw('12345678901234567890'), raw('1_000'), raw('+12'), raw('!!null ""'), 'string', 42, true, -1, [], {}, [[['deep']]],
];

/** A value of WRONG; containers are copied, so no two places of a document share one. */
function wrong(p: Picker): unknown {
  const w = p.pick(WRONG);
  return typeof w === 'object' && w !== null && !(w instanceof Raw) ? JSON.parse(JSON.stringify(w)) : w;
}

/** Bits of YAML and rule syntax inserted anywhere by the mutations. */
const GARBAGE = [
  'a: ', '- ', ': ', '\n', '\t', '---\n', '...\n', '# c', '[', ']', '{', '}', ',', '"', "'", '\\', '|', '>-', '&x ', '*x', '!!str ',
  '? ', '%YAML 1.1\n', '\uFEFF', 'é', '😀', '{{ .Values.x }}', '\u0000', '\r', '\r\n', '\u2028', '`', '&&', '||', '!', 'Host(',
  '`)', '\ud800', '<<: *x\n', 'kind: List\n',
];

const RULE_TOKENS = ['Host', 'host', 'Path', 'PathPrefix', 'Headers', 'ClientIP', 'HostRegexp', '(', ')', '`a.com`', '"q\\n"', "'c'", '42', '&&', '||', '!', ',', '\n', ' ', '/*c*/', '//c\n', '&', '`', '"', '\\', '{', '}', 'é', '\u0000', ';'];

/** A certificate of the examples (shop.example.com), as DER in base64, for the PEM generators. */
const EXAMPLE_CERT_DER =
  'MIIBvTCCAWSgAwIBAgIUQLHSj0owk63cul1V6EKfW3vtBsowCgYIKoZIzj0EAwIwGzEZMBcGA1UEAwwQc2hvcC5leGFtcGxlLmNvbTAeFw0yNjExMjIxNTE0NDlaFw0zNjExMTkxNTE0NDlaMBsxGTAXBgNVBAMMEHNob3AuZXhhbXBsZS5jb20wWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAARlIMB3vS2KVEbzF9WZ2CrdZjSB8sfokFCr2eiK07G6RjOQZmBWVzRBsztyzHohrS7vJtD9M1blNABykHvadmxbo4GFMIGCMB0GA1UdDgQWBBRYXbOFeW3uOZeUUcn+wq3YUcJS9zAfBgNVHSMEGDAWgBRYXbOFeW3uOZeUUcn+wq3YUcJS9zAPBgNVHRMBAf8EBTADAQH/MC8GA1UdEQQoMCaCEHNob3AuZXhhbXBsZS5jb22CEiouc2hvcC5leGFtcGxlLmNvbTAKBggqhkjOPQQDAgNHADBEAiAn5rmVCSO23TXTG33rsuFlkusdEHg3cepxkt5QvOImWQIgCbuWCjh9/3X/pmkzmCm94f6sCq3Ap8+1Qh1SfEdnvRI=';

function bytesToBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function utf8Base64(text: string): string {
  return bytesToBase64(new TextEncoder().encode(text));
}

/** A PEM certificate: the example one, a corrupted copy of it, random DER, or broken armour. */
function certificatePem(p: Picker): string {
  const der = Uint8Array.from(atob(EXAMPLE_CERT_DER), (c) => c.charCodeAt(0));
  let body: Uint8Array;
  switch (p.nat(3)) {
    case 0:
      body = der;
      break;
    case 1: {
      body = der.slice(0, p.chance(0.5) ? der.length : p.nat(der.length));
      for (let i = p.nat(4); i > 0 && body.length > 0; i--) body[p.nat(body.length - 1)] = p.nat(255);
      break;
    }
    case 2:
      body = Uint8Array.from({ length: p.nat(120) }, () => p.nat(255));
      break;
    default:
      return p.pick(['-----BEGIN CERTIFICATE-----\n', '-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----\n', 'not a pem', '']);
  }
  const b64 = bytesToBase64(body).replace(/.{64}/g, '$&\n');
  return `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`;
}

// ---------------------------------------------------------------------------------------------
// Rules

type ArgsOf = (p: Picker) => string[];
const one = (pool: readonly string[]): ArgsOf => (p) => [biased(p, pool)];
const MATCHERS: [string, ArgsOf][] = [
  ['Host', one(HOSTS)],
  ['PathPrefix', one(PATHS)],
  ['Path', one(PATHS)],
  ['Method', one(METHODS)],
  ['Host', (p) => [biased(p, HOSTS), biased(p, HOSTS)]],
  ['HostRegexp', one(REGEXES)],
  ['PathRegexp', one(REGEXES)],
  ['Header', (p) => [p.pick(HEADER_NAMES), p.pick(HEADER_VALUES)]],
  ['HeaderRegexp', (p) => [p.pick(HEADER_NAMES), p.pick(REGEXES)]],
  ['Query', (p) => p.pick([['a'], ['a', '1'], ['debug=true'], ['a='], ['b={v:[0-9]+}'], [''], ['é', '%zz']])],
  ['QueryRegexp', (p) => [p.pick(['a', 'q', '']), p.pick(REGEXES)]],
  ['ClientIP', (p) => (p.chance(0.3) ? [p.pick(IPS), p.pick(IPS)] : [p.pick(IPS)])],
  ['Headers', (p) => [p.pick(HEADER_NAMES), p.pick(HEADER_VALUES)]],
  ['HeadersRegexp', (p) => [p.pick(HEADER_NAMES), p.pick(REGEXES)]],
  ['HostHeader', one(HOSTS)],
  ['HostSNI', one(HOSTS)],
  ['HostSNIRegexp', one(REGEXES)],
  ['ALPN', (p) => [p.pick(['h2', 'http/1.1', ''])]],
  ['host', one(HOSTS)],
  ['PATHPREFIX', one(PATHS)],
  ['Bogus', one(HOSTS)],
  ['Method', () => []],
  ['Header', (p) => [p.pick(HEADER_NAMES)]],
];

function quoteArg(arg: string, p: Picker): string {
  switch (p.clean ? 0 : p.nat(9)) {
    case 7:
      return JSON.stringify(arg);
    case 8:
      return `'${arg}'`;
    case 9:
      return arg;
    default:
      return `\`${arg}\``;
  }
}

function matcher(p: Picker): string {
  const [name, argsOf] = biased(p, MATCHERS);
  return `${name}(${argsOf(p).map((a) => quoteArg(a, p)).join(p.pick([', ', ',', ' , ']))})`;
}

function ruleExpr(p: Picker, depth: number): string {
  if (depth >= 3 || !p.chance(0.3)) return matcher(p);
  switch (p.nat(3)) {
    case 0:
      return `${ruleExpr(p, depth + 1)} && ${ruleExpr(p, depth + 1)}`;
    case 1:
      return `${ruleExpr(p, depth + 1)} || ${ruleExpr(p, depth + 1)}`;
    case 2:
      return `!${ruleExpr(p, depth + 1)}`;
    default:
      return `(${ruleExpr(p, depth + 1)})`;
  }
}

/** A rule: mostly well-formed matchers combined, sometimes malformed, empty, garbage or very long. */
export function rule(p: Picker): string {
  if (p.clean) return ruleExpr(p, 1);
  switch (p.nat(24)) {
    case 1:
      return Array.from({ length: 1 + p.nat(25) }, () => p.pick(RULE_TOKENS)).join('');
    case 2:
      return Array.from({ length: 50 + p.nat(250) }, (_, i) => `Host(\`h${i}.example.com\`)`).join(' || ');
    case 3:
      return `${'('.repeat(60)}Host(\`a.com\`)${')'.repeat(p.chance(0.5) ? 60 : 59)}`;
    case 4:
      return p.text(40);
    case 5:
      return '';
    case 6: {
      const r = ruleExpr(p, 0);
      const at = p.nat(r.length);
      return r.slice(0, at) + p.pick(RULE_TOKENS) + r.slice(at + p.nat(2));
    }
    default:
      return ruleExpr(p, 0);
  }
}

// ---------------------------------------------------------------------------------------------
// Schema walk: a plausible value for a schema, filled from the pools by field name

type Semantic = (p: Picker) => unknown;
const SEMANTIC: Record<string, Semantic> = {
  match: rule,
  name: (p) => biased(p, NAMES),
  namespace: (p) => biased(p, NAMESPACES),
  port: (p) => p.pick(PORTS),
  priority: (p) => p.pick(PRIORITIES),
  weight: (p) => p.pick(NUMBERS),
  percent: (p) => p.pick(NUMBERS),
  entryPoints: (p) => p.pick(ENTRY_POINTS),
  secretName: (p) => p.pick(SECRET_NAMES),
  secret: (p) => p.pick(SECRET_NAMES),
  secretNames: (p) => p.pick(SECRET_NAMES),
  sourceRange: (p) => p.pick(IPS),
  excludedIPs: (p) => p.pick(IPS),
  trustedIPs: (p) => p.pick(IPS),
  addresses: (p) => p.pick(IPS),
  clusterIP: (p) => p.pick(['10.96.0.10', 'None', '', '::1', 'garbage']),
  prefixes: (p) => p.pick(PATHS),
  prefix: (p) => p.pick(PATHS),
  path: (p) => p.pick(PATHS),
  query: (p) => p.pick(['/{status}.html', '/{status}', '/{url}', '', '{originalStatus}', '/%zz']),
  regex: (p) => p.pick(REGEXES),
  replacement: (p) => p.pick(['$1', '${1}', '/x/$1', '$name', '', '/', 'https://${1}/x', '$$']),
  scheme: (p) => p.pick(['https', 'http', 'h2c', 'HTTPS', 'ftp', '']),
  status: (p) => p.pick(['404', '500-599', '400-', 'abc', '5xx', '600-100', '404-404', '-1', '']),
  address: (p) => p.pick(['http://auth.default.svc:8080/verify', 'https://[::1]:443', 'not a url', '', 'http://%zz']),
  users: (p) => p.pick(HTPASSWD),
  main: (p) => p.pick(HOSTS),
  sans: (p) => p.pick(HOSTS),
  serverName: (p) => p.pick(HOSTS),
  externalName: (p) => p.pick(HOSTS),
  hostname: (p) => p.pick(HOSTS),
  cipherSuites: (p) => p.pick(['TLS_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'BOGUS', '']),
  curvePreferences: (p) => p.pick(['CurveP256', 'X25519', 'bogus']),
  expression: (p) => p.pick(['NetworkErrorRatio() > 0.5', 'ResponseCodeRatio(500, 600, 0, 600) > 0.25', 'garbage(', '']),
  accessControlAllowOriginList: (p) => p.pick(['*', 'https://example.com', 'https://shop.example.com', 'null', '', 'http://*.example.com']),
  accessControlAllowOriginListRegex: (p) => p.pick(REGEXES),
  accessControlAllowMethods: (p) => p.pick(METHODS),
  accessControlAllowHeaders: (p) => p.pick(HEADER_NAMES),
  accessControlExposeHeaders: (p) => p.pick(HEADER_NAMES),
  authResponseHeadersRegex: (p) => p.pick(REGEXES),
  allowedHosts: (p) => p.pick(HOSTS),
  hostsProxyHeaders: (p) => p.pick(HEADER_NAMES),
  headerField: (p) => p.pick(HEADER_NAMES),
  requestHeaderName: (p) => p.pick(HEADER_NAMES),
  customFrameOptionsValue: (p) => p.pick(['DENY', 'SAMEORIGIN', '', 'allow-from https://x']),
  realm: (p) => p.pick(['traefik', '', '"quoted"', 'é']),
  depth: (p) => p.pick([0, 1, 2, -1, 100, raw('1e400')]),
  'tls.crt': certificatePem,
  'tls.key': (p) => p.pick(['-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n', '', 'x']),
  'ca.crt': certificatePem,
};

/** Keys drawn for free-form maps, by the map's field name. */
function mapKeys(field: string): readonly string[] {
  if (/headers/i.test(field)) return HEADER_NAMES;
  if (field === 'labels' || field === 'annotations') return ['kubernetes.io/ingress.class', 'app', 'kubernetes.io/service-name', 'traefik.io/x', ''];
  if (field === 'data' || field === 'stringData') return ['tls.crt', 'tls.key', 'users', 'ca.crt', 'x'];
  if (field === 'statusRewrites') return ['404', '500-599', 'abc'];
  return ['a', 'b', 'key', ''];
}

/** Fields that are usually there in real configurations. */
const COMMON = new Set(['spec', 'metadata', 'routes', 'services', 'middlewares', 'entryPoints', 'tls', 'match', 'kind', 'name', 'port', 'ports', 'weighted', 'mirrors', 'data', 'type', 'prefixes', 'sourceRange', 'endpoints', 'addresses']);

function isScalarSchema(s: JsonSchema): boolean {
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  return !types.includes('object') && !types.includes('array');
}

function scalarFor(s: JsonSchema, type: string, field: string, p: Picker): unknown {
  switch (type) {
    case 'string':
      if (s.enum && p.clean) return p.chance(0.7) ? s.enum[0] : p.pick(s.enum);
      if (s.enum && p.chance(0.9)) return p.pick(s.enum);
      if (s.examples && p.chance(0.5)) return p.pick(s.examples);
      return !p.clean && p.chance(0.05) ? p.text(20) : p.pick(GENERIC_STRINGS);
    case 'integer':
    case 'number': {
      const bounds = [s.minimum, s.maximum, s.maximum !== undefined ? s.maximum + 1 : undefined].filter((x) => x !== undefined);
      return p.pick([...NUMBERS, ...bounds, field === 'maxBodySize' ? -1 : 3]);
    }
    case 'boolean':
      return p.chance(0.5);
    default:
      return null;
  }
}

/** A plausible value for `s`, the schema of the field `field`. */
export function valueFor(s: JsonSchema, field: string, p: Picker, depth: number): unknown {
  if (depth > 0 && !p.clean && p.chance(0.015)) return wrong(p);
  const semantic = Object.hasOwn(SEMANTIC, field) ? SEMANTIC[field] : undefined;
  if (semantic && isScalarSchema(s)) return semantic(p);
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : ['object'];
  const type = p.pick(types);
  if (type === 'array') {
    if (depth > 8) return [];
    const count = p.clean ? (field === 'services' || field === 'routes' ? 1 : p.nat(1)) : p.nat(p.chance(0.1) ? 6 : 3);
    return Array.from({ length: count }, () => (s.items ? valueFor(s.items, field, p, depth + 1) : wrong(p)));
  }
  if (type !== 'object') return scalarFor(s, type, field, p);
  if (depth > 8) return {};
  const out: Record<string, unknown> = {};
  const props = Object.entries(s.properties ?? {});
  if (s['x-exactlyOne'] && props.length > 0) {
    const count = p.chance(0.1) ? p.pick([0, 2]) : 1;
    for (let i = 0; i < count; i++) {
      const [k, v] = p.pick(props);
      out[k] = valueFor(v, k, p, depth + 1);
    }
  } else {
    let optional = 0;
    for (const [k, v] of props) {
      const required = s.required?.includes(k) ?? false;
      const take = required ? !p.chance(0.05) : optional < 6 && p.chance(COMMON.has(k) ? 0.7 : p.clean ? 0.03 : 0.1);
      if (!take) continue;
      if (!required) optional++;
      out[k] = valueFor(v, k, p, depth + 1);
    }
  }
  if (s.additionalProperties && typeof s.additionalProperties === 'object') {
    const values = s.additionalProperties;
    for (let i = p.nat(3); i > 0; i--) {
      const key = p.pick(mapKeys(field));
      const semanticOfKey = Object.hasOwn(SEMANTIC, key) && field !== 'labels' && field !== 'annotations' ? SEMANTIC[key] : undefined;
      const value = semanticOfKey ? semanticOfKey(p) : valueFor(values, key, p, depth + 1);
      // defineProperty: keys such as `__proto__` must become own properties, as YAML makes them.
      Object.defineProperty(out, key, { value: field === 'data' && typeof value === 'string' && p.chance(0.9) ? utf8Base64(value) : value, enumerable: true, writable: true, configurable: true });
    }
  }
  if (!p.clean && p.chance(0.03)) out[p.pick(['bogusField', 'servics', 'entrypoints', 'Match', 'spec'])] = p.pick([1, 'x', raw('{}')]);
  return out;
}

const KINDS: ResourceKind[] = [
  'IngressRoute', 'Middleware', 'IngressRoute', 'Service', 'TraefikService', 'IngressRoute', 'Middleware', 'TLSOption', 'Secret',
  'ServersTransport', 'TLSStore', 'EndpointSlice', 'Service', 'IngressRouteTCP', 'IngressRouteUDP', 'MiddlewareTCP', 'ServersTransportTCP',
];

/** One resource of a random kind (or of `kind`), with mostly plausible identity fields. */
export function resourceValue(p: Picker, kind: ResourceKind = p.pick(KINDS)): Record<string, unknown> {
  const v = valueFor(schemaFor(kind, 'v3'), kind, p, 0) as Record<string, unknown>;
  if (p.chance(0.95)) v['apiVersion'] = p.chance(0.9) ? API_VERSIONS[kind][0] : p.pick([...API_VERSIONS[kind], 'v1', 'traefik.io/v1', 'garbage', raw('[]')]);
  if (p.chance(0.97)) v['kind'] = p.chance(0.95) ? kind : p.pick([kind.toLowerCase(), 'Unknown', '', raw('[]'), 'List']);
  const meta = v['metadata'];
  if (meta && typeof meta === 'object' && !Array.isArray(meta) && !(meta instanceof Raw)) {
    const m = meta as Record<string, unknown>;
    if (p.chance(0.9)) m['name'] = biased(p, NAMES);
    if (p.chance(0.7)) m['namespace'] = p.chance(p.clean ? 0.85 : 0.5) ? 'default' : biased(p, NAMESPACES);
  }
  return v;
}

// ---------------------------------------------------------------------------------------------
// YAML rendering in random styles

const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`\s]/;
const LOOKS_TYPED = /^(?:true|false|yes|no|on|off|y|n|null|~|[-+.]?\d.*|\.inf|\.nan|<<|=)$/i;

/** Characters a plain scalar cannot hold as is: controls, C1, line/paragraph separators, BOM, surrogates. */
function hasUnprintable(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 || c === 0xfeff || (c >= 0xd800 && c <= 0xdfff)) return true;
  }
  return false;
}

function plainSafe(s: string, flow: boolean): boolean {
  if (s === '' || INDICATOR_START.test(s) || /\s$/.test(s) || LOOKS_TYPED.test(s)) return false;
  if (/: |:$| #/.test(s) || hasUnprintable(s)) return false;
  return !flow || !/[,[\]{}]/.test(s);
}

function renderString(s: string, p: Picker, flow: boolean): string {
  const style = p.nat(p.clean ? 39 : 40);
  if (style <= 25) return plainSafe(s, flow) ? s : JSON.stringify(s);
  if (style <= 33) return JSON.stringify(s);
  if (style <= 39) return `'${s.replace(/'/g, "''")}'`;
  return s; // plain whatever it holds: often broken YAML, on purpose
}

function renderKey(k: string, p: Picker): string {
  return /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/.test(k) && !LOOKS_TYPED.test(k) && !p.chance(0.03) ? k : JSON.stringify(k);
}

function isContainer(v: unknown): v is Record<string, unknown> | unknown[] {
  return typeof v === 'object' && v !== null && !(v instanceof Raw);
}

function isEmpty(v: Record<string, unknown> | unknown[]): boolean {
  return Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0;
}

function inline(v: unknown, p: Picker, flow: boolean): string {
  if (v instanceof Raw) return v.text;
  if (v === null || v === undefined) return p.pick(['null', '~', '']);
  if (typeof v === 'boolean') return p.chance(0.9) ? String(v) : p.pick(v ? ['True', 'yes', 'on'] : ['False', 'no', 'off']);
  if (typeof v === 'number') return Number.isFinite(v) ? (Object.is(v, -0) ? '-0' : String(v)) : v > 0 ? '.inf' : v < 0 ? '-.inf' : '.nan';
  if (typeof v === 'string') return renderString(v, p, flow);
  if (Array.isArray(v)) return `[${v.map((x) => inline(x, p, true)).join(', ')}]`;
  const entries = Object.entries(v as Record<string, unknown>);
  return `{${entries.map(([k, x]) => `${renderKey(k, p)}: ${inline(x, p, true)}`).join(', ')}}`;
}

function block(v: Record<string, unknown> | unknown[], pad: string, ind: string, p: Picker): string[] {
  const lines: string[] = [];
  const child = (head: string, x: unknown, nested: string) => {
    if (typeof x === 'string' && x.includes('\n') && !/^\s/.test(x) && p.chance(0.5)) {
      lines.push(`${head} ${p.pick(['|-', '|', '>-'])}`, ...x.split('\n').map((l) => (l === '' ? '' : nested + l)));
    } else if (!isContainer(x) || isEmpty(x) || p.chance(0.1)) {
      lines.push(`${head} ${inline(x, p, false)}`.trimEnd());
    } else {
      lines.push(head, ...block(x, nested, ind, p));
    }
  };
  if (Array.isArray(v)) {
    for (const item of v) {
      if (isContainer(item) && !isEmpty(item) && !p.chance(0.1)) {
        const sub = block(item, pad + '  ', ind, p);
        sub[0] = `${pad}- ${sub[0]!.slice(pad.length + 2)}`;
        lines.push(...sub);
      } else {
        lines.push(`${pad}- ${inline(item, p, false)}`.trimEnd());
      }
    }
  } else {
    for (const [k, x] of Object.entries(v)) {
      const nested = Array.isArray(x) && p.chance(0.3) ? pad : pad + ind;
      child(`${pad}${renderKey(k, p)}:`, x, nested);
    }
  }
  return lines;
}

/** YAML text for a value: block style mostly, flow sometimes, random indentation width. */
export function renderYaml(v: unknown, p: Picker): string {
  if (!isContainer(v) || isEmpty(v)) return inline(v, p, false);
  return block(v, '', p.pick(['  ', '    ', ' ', '   ']), p).join('\n');
}

// ---------------------------------------------------------------------------------------------
// Mutations and workspaces

/** Deletes, duplicates, swaps, re-indents lines, truncates, inserts garbage: 0–3 edits. */
export function mutateText(text: string, p: Picker): string {
  let out = text;
  const count = !p.clean && p.chance(0.3) ? 1 + p.nat(2) : 0;
  for (let i = 0; i < count; i++) {
    const lines = out.split('\n');
    const at = p.nat(lines.length - 1);
    switch (p.nat(8)) {
      case 0:
        lines.splice(at, 1);
        break;
      case 1:
        lines.splice(at, 0, lines[at]!);
        break;
      case 2:
        lines[at] = ' '.repeat(1 + p.nat(3)) + lines[at]!;
        break;
      case 3:
        lines[at] = lines[at]!.replace(/^ {1,3}/, '');
        break;
      case 4:
        lines[at] = lines[at]!.replace(/^ +/, '\t');
        break;
      case 5: {
        const b = p.nat(lines.length - 1);
        [lines[at], lines[b]] = [lines[b]!, lines[at]!];
        break;
      }
      case 6:
        out = out.slice(0, p.nat(out.length));
        continue;
      case 7: {
        const pos = p.nat(out.length);
        out = out.slice(0, pos) + p.pick(GARBAGE) + out.slice(pos);
        continue;
      }
      default: {
        const pos = p.nat(Math.max(0, out.length - 1));
        out = out.slice(0, pos) + p.text(2) + out.slice(pos + 1);
        continue;
      }
    }
    out = lines.join('\n');
  }
  return out;
}

function record(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Raw) ? (v as Record<string, unknown>) : undefined;
}

/** Clean mode: routes get a service with a port, and refer only to Middlewares and TraefikServices that exist. */
function reconcile(resources: readonly Record<string, unknown>[], p: Picker): void {
  const named = (kind: string) => resources.filter((r) => r['kind'] === kind).map((r) => record(r['metadata'])?.['name']).filter((n): n is string => typeof n === 'string');
  const middlewares = named('Middleware');
  const traefikServices = named('TraefikService');
  for (const r of resources) {
    if (r['kind'] !== 'IngressRoute') continue;
    for (const route of (Array.isArray(record(r['spec'])?.['routes']) ? (record(r['spec'])!['routes'] as unknown[]) : []).map(record)) {
      if (!route) continue;
      if (!Array.isArray(route['services']) || route['services'].length === 0) route['services'] = [{ name: biased(p, NAMES), port: 80 }];
      for (const svc of (route['services'] as unknown[]).map(record)) {
        if (!svc) continue;
        if (svc['kind'] === 'TraefikService' && traefikServices.length > 0) svc['name'] = p.pick(traefikServices);
        else if (svc['kind'] === 'TraefikService') delete svc['kind'];
        if (svc['kind'] !== 'TraefikService' && svc['port'] === undefined) svc['port'] = biased(p, PORTS);
      }
      if (middlewares.length > 0 && p.chance(0.5)) route['middlewares'] = [{ name: p.pick(middlewares) }];
      else delete route['middlewares'];
    }
  }
}

/** The text of one file: 1–6 resources (sometimes inside a `kind: List`), separators, then mutations. */
export function fileText(p: Picker): string {
  const resources = Array.from({ length: 1 + p.nat(5) }, (_, i) => resourceValue(p, i === 0 && p.chance(0.7) ? 'IngressRoute' : p.pick(KINDS)));
  if (p.clean) reconcile(resources, p);
  const docs: unknown[] = [];
  if (resources.length > 1 && !p.clean && p.chance(0.1)) {
    const k = 2 + p.nat(resources.length - 2);
    docs.push({ apiVersion: 'v1', kind: p.pick(['List', 'IngressRouteList', 'MiddlewareList']), items: resources.splice(0, k) });
  }
  docs.push(...resources);
  const sep = p.clean ? '\n---\n' : p.pick(['\n---\n', '\n---\n', '\n---\n', '\n---\n# comment\n', '\n--- \n', '\n...\n---\n', '\n---\n\n', '\n---\n', '\n---\n', '\n---\n', '\n---\n', '\n---']);
  const head = p.pick(['', '', '---\n', '# header\n', '%YAML 1.1\n---\n', '\uFEFF']);
  return mutateText(head + docs.map((d) => renderYaml(d, p)).join(sep) + p.pick(['\n', '', '\n\n']), p);
}

/** 1–3 files of generated resources, a third of the time in clean mode. */
export function workspaceFiles(picker: Picker): WorkspaceFile[] {
  const p = { ...picker, clean: picker.chance(0.35) };
  const names = ['a.yaml', 'b.yml', 'c.yaml'];
  return Array.from({ length: p.chance(0.3) ? 2 + p.nat(1) : 1 }, (_, i) => ({ name: names[i]!, text: fileText(p) }));
}

/** Default settings, or a random target/version/entryPoints/provider combination. */
export function randomSettings(p: Picker): Settings {
  const s = defaultSettings();
  if (!p.chance(0.5)) return s;
  s.target = p.pick(['v3', 'v2.11', 'hub'] as const);
  s.version = p.pick(s.target === 'v2.11' ? ['2.11.50', '2.11.47', '2.11.0', 'junk'] : ['3.7.9', '3.6.0', '3.6.18', '3.6.21', '3.0.0', '3.3.0', '', 'junk']);
  if (p.chance(0.3)) s.defaultRuleSyntax = p.pick(['v2', 'v3'] as const);
  s.strictServices = p.chance(0.3);
  s.provider = {
    allowCrossNamespace: p.chance(0.5), allowExternalNameServices: p.chance(0.5), allowEmptyServices: p.chance(0.5),
    nativeLBByDefault: p.chance(0.5), namespaces: p.chance(0.2) ? [p.pick(NAMESPACES)] : [],
  };
  if (p.chance(0.2)) s.provider.ingressClass = p.pick(['traefik', '', 'other']);
  const [web, websecure] = s.entryPoints;
  if (p.chance(0.3)) web!.redirectTo = { to: p.pick(['websecure', ':443', 'nope', '']), scheme: 'https', permanent: p.chance(0.5), ...(p.chance(0.3) ? { priority: p.pick([1, 2 ** 53, -1]) } : {}) };
  if (p.chance(0.2)) web!.tls = p.pick([{}, { options: 'modern' }, null]);
  if (p.chance(0.2)) websecure!.middlewares = [p.pick(['auth@file', 'default-strip@kubernetescrd', 'nope', ''])];
  if (p.chance(0.2)) web!.forwardedHeaders = { insecure: p.chance(0.5), trustedIPs: [p.pick(IPS)] };
  if (p.chance(0.1)) websecure!.asDefault = true;
  if (p.chance(0.15)) s.entryPoints.push({ name: p.pick(['traefik', 'web', '', '__proto__', 'constructor', 'toString']), port: p.pick([8080, 80, 0, 443]) });
  return s;
}

// ---------------------------------------------------------------------------------------------
// Requests

const portArb = fc.constantFrom('', ':80', ':443', ':8080', ':0', ':65535', ':65536', ':99999999999999', ':abc', ':', ':-1', ':8443');
const segmentArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('api', 'users', 'orders', 'export', 'checkout', 'admin', 'v1', 'legacy', 'x', '', '..', '.', '%2F', '%2f', '%zz', '%', '%00', '%C3%A9', 'é', 'a;b', '%3B', '%25', '%5C', '\\', '~', '日本', ' ', '%20', '{id}', 'a'.repeat(200)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
);
const pathArb = fc.tuple(fc.oneof({ weight: 6, arbitrary: fc.constant('/') }, { weight: 1, arbitrary: fc.constantFrom('', '//', '*') }), fc.array(segmentArb, { maxLength: 5 }), fc.boolean()).map(([lead, segs, slash]) => lead + segs.join('/') + (slash ? '/' : ''));
const queryArb = fc.oneof(
  fc.constant(''),
  fc.array(fc.constantFrom('a=1', 'debug=true', 'b', 'a=%ff', '%zz=1', ';', 'x=1;y=2', '', '=', 'q=é', 'a=1&a=2', 'b=42', '#frag', '?'), { minLength: 1, maxLength: 4 }).map((q) => `?${q.join('&')}`),
);
const urlHostArb = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...HOSTS.slice(0, CORE)) }, { weight: 4, arbitrary: fc.constantFrom(...HOSTS) }, { weight: 1, arbitrary: fc.domain() }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) });

/** A URL: mostly well-formed with odd hosts, ports, paths and queries; sometimes anything. */
export const urlArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.oneof({ weight: 6, arbitrary: fc.constantFrom('https', 'http') }, { weight: 1, arbitrary: fc.constantFrom('HTTP', 'HtTpS', 'ftp', 'ws', '') }), fc.constantFrom('', '', '', 'user:pass@', 'u@', '@'), urlHostArb, portArb, pathArb, queryArb, fc.constantFrom('', '', '#f', '#'))
    .map(([scheme, user, host, port, path, query, frag]) => `${scheme}${scheme ? '://' : '//'}${user}${host}${port}${path.startsWith('/') || path === '' ? path : `/${path}`}${query}${frag}`) },
  { weight: 1, arbitrary: fc.constantFrom('', '/', 'http://', 'https://', 'https://[::1', 'http://a b/', '//x', 'http://%zz/', 'mailto:x', 'http://[fe80::1%25eth0]:80/', 'http://[::1]:443/', 'https://1.2.3.4/', 'http://example.com:80:80/', '*', 'http://\u0000/') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }) },
);

const headerValueArb = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...HEADER_VALUES, ...HOSTS) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) });
const headersArb = fc
  .array(fc.tuple(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...HEADER_NAMES) }, { weight: 1, arbitrary: fc.string({ maxLength: 10 }) }), fc.oneof({ weight: 3, arbitrary: headerValueArb }, { weight: 1, arbitrary: fc.array(headerValueArb, { maxLength: 3 }) })), { maxLength: 5 })
  // A Host header given as an empty list (`headers: { Host: [] }`) made simulate fail (fixed; kept in).
  .map((entries) => Object.fromEntries(entries) as Record<string, string | string[]>);
const clientIPArb = fc.oneof(
  fc.ipV4(), fc.ipV6(), fc.ipV4().map((ip) => `${ip}:1234`), fc.ipV6().map((ip) => `[${ip}]:80`),
  fc.constantFrom('', '10.20.1.1', '192.0.2.10', '::ffff:10.0.0.1', 'fe80::1%eth0', '1.2.3', 'garbage', '999.1.1.1', '[::1]', '::'),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

/** A SimRequest with random method, URL, headers (Host included), client IP, SNI and entryPoint. */
export const requestArb: fc.Arbitrary<SimRequest> = fc.record(
  {
    method: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('GET', 'POST') }, { weight: 3, arbitrary: fc.constantFrom(...METHODS) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }),
    url: urlArb,
    headers: headersArb,
    clientIP: clientIPArb,
    sni: fc.oneof(fc.constant(null), fc.constantFrom(...HOSTS), fc.string({ unit: 'binary', maxLength: 12 })),
    entryPoint: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('web', 'websecure') }, { weight: 1, arbitrary: fc.constantFrom('traefik', '', 'nope', '__proto__', 'constructor', 'toString') }),
  },
  { requiredKeys: ['method', 'url', 'headers', 'clientIP'] },
);

// ---------------------------------------------------------------------------------------------
// Checks: each returns the problems found (empty when all is well), cheap enough for 50,000 diagnostics

const SEVERITIES = new Set(['error', 'warning', 'info']);
const FAMILIES = new Set(['yaml', 'schema', 'reference', 'rule', 'runtime']);

function rangeProblem(range: unknown, length: number | undefined): string | null {
  const r = range as { start?: unknown; end?: unknown } | null;
  if (!r || typeof r !== 'object') return 'no range';
  const { start, end } = r;
  if (!Number.isInteger(start) || !Number.isInteger(end)) return `range ${String(start)}..${String(end)} is not integral`;
  if (length === undefined) return 'range in a file not in the workspace';
  const s = start as number;
  const e = end as number;
  return 0 <= s && s <= e && e <= length ? null : `range ${s}..${e} outside 0..${length}`;
}

/**
 * Whether every diagnostic is well-formed: a catalogued code of its family, a known severity, a message,
 * a file of the workspace and 0 ≤ start ≤ end ≤ text length (ranges are half-open UTF-16 offsets, so end may
 * be the length); the same for related information and quick-fix edits (edits of one fix must not overlap).
 */
export function diagnosticProblems(diagnostics: readonly Diagnostic[], files: readonly WorkspaceFile[]): string[] {
  const lengths = new Map(files.map((f) => [f.name, f.text.length]));
  const problems: string[] = [];
  if (!Array.isArray(diagnostics)) return ['diagnostics is not an array'];
  for (const d of diagnostics) {
    const add = (what: string) => problems.push(`${String(d.code)} "${String(d.message).slice(0, 80)}" @${d.file}:${d.range?.start}..${d.range?.end}: ${what}`);
    if (typeof d.code !== 'string' || !CATALOG[d.code]) add('code not in the catalog');
    else if (d.family !== CATALOG[d.code]!.family) add(`family ${d.family}, catalog says ${CATALOG[d.code]!.family}`);
    if (!SEVERITIES.has(d.severity)) add(`severity ${String(d.severity)}`);
    if (!FAMILIES.has(d.family)) add(`family ${String(d.family)}`);
    if (typeof d.message !== 'string' || d.message.trim() === '') add('empty message');
    if (!lengths.has(d.file)) add('file not in the workspace');
    const rp = rangeProblem(d.range, lengths.get(d.file));
    if (rp) add(rp);
    for (const rel of d.related ?? []) {
      if (typeof rel.message !== 'string' || rel.message.trim() === '') add('related information without message');
      const relProblem = rangeProblem(rel.range, lengths.get(rel.file ?? d.file));
      if (relProblem) add(`related: ${relProblem}`);
    }
    for (const fix of d.fixes ?? []) {
      if (typeof fix.title !== 'string' || fix.title.trim() === '') add('fix without title');
      const byFile = new Map<string, { start: number; end: number }[]>();
      for (const e of fix.edits) {
        const file = e.file ?? d.file;
        const editProblem = rangeProblem(e.range, lengths.get(file));
        if (editProblem) add(`fix "${fix.title}": ${editProblem}`);
        if (typeof e.text !== 'string') add(`fix "${fix.title}": edit text is not a string`);
        byFile.set(file, [...(byFile.get(file) ?? []), e.range]);
      }
      for (const ranges of byFile.values()) {
        const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
        for (let i = 1; i < sorted.length; i++) if (sorted[i]!.start < sorted[i - 1]!.end) add(`fix "${fix.title}": overlapping edits`);
      }
    }
    if (problems.length > 20) break;
  }
  return problems;
}

/** Applies one quick fix's edits to the texts (edits are non-overlapping: applied from the end). */
export function applyFix(files: readonly WorkspaceFile[], d: Diagnostic, fixIndex: number): WorkspaceFile[] {
  const edits = d.fixes?.[fixIndex]?.edits ?? [];
  return files.map((f) => {
    const mine = edits.filter((e) => (e.file ?? d.file) === f.name).sort((a, b) => b.range.start - a.range.start || b.range.end - a.range.end);
    let text = f.text;
    for (const e of mine) text = text.slice(0, e.range.start) + e.text + text.slice(e.range.end);
    return { name: f.name, text };
  });
}

/** Routing tables that compileRouting had to replace by empty ones (its internal catch). */
export function compileProblems(routing: CompiledRouting): string[] {
  return routing.notes.filter((n) => n.includes('could not be built'));
}

/**
 * Whether a verdict is sound: not the simulator's internal-failure verdict, of a known type, naming only
 * routers of the compiled routing, with a plausible status, JSON-serializable (verdictToJson round-trips) and
 * structured-cloneable (the worker posts it).
 */
export function verdictProblems(routing: CompiledRouting, v: Verdict, options: { clone?: boolean } = {}): string[] {
  const problems: string[] = [];
  if (!v || typeof v !== 'object') return ['no verdict'];
  if (v.type !== 'forwarded' && v.type !== 'responded' && v.type !== 'no-response') problems.push(`type ${String((v as { type: unknown }).type)}`);
  if (v.type === 'no-response' && v.reason.startsWith('the simulator failed')) problems.push(v.reason);
  if (v.router !== null && !routing.routers[v.router]) problems.push(`winner ${v.router} is not a router`);
  for (const step of v.routing) {
    if (step.winner !== null && !routing.routers[step.winner]) problems.push(`step winner ${step.winner} is not a router`);
    for (const e of step.ranking) if (!routing.routers[e.router]) problems.push(`ranked ${e.router} is not a router`);
  }
  if (v.type === 'responded' && !(Number.isInteger(v.response.status) && v.response.status >= 100 && v.response.status <= 599)) {
    problems.push(`status ${v.response.status}`);
  }
  try {
    const json = verdictToJson(v);
    const text = JSON.stringify(json);
    if (typeof text !== 'string') problems.push('verdictToJson is not serializable');
    else if (!deepEqualJson(JSON.parse(text), json)) problems.push(`verdictToJson does not round-trip: ${text.slice(0, 200)}`);
  } catch (e) {
    problems.push(`verdictToJson/JSON.stringify threw: ${String(e)}`);
  }
  if (options.clone !== false) {
    try {
      structuredClone(v);
    } catch (e) {
      problems.push(`verdict is not structured-cloneable: ${String(e)}`);
    }
  }
  return problems;
}

/** Deep equality of a JSON round-trip and its source: NaN, Infinity, undefined, -0 or functions differ. */
function deepEqualJson(a: unknown, b: unknown): boolean {
  if (typeof b === 'number') return typeof a === 'number' && Object.is(a, b);
  if (b === null || typeof b !== 'object') return a === b;
  if (Array.isArray(b)) return Array.isArray(a) && a.length === b.length && b.every((x, i) => deepEqualJson(a[i], x));
  if (a === null || typeof a !== 'object' || Array.isArray(a)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && kb.every((k) => deepEqualJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Everything the analysis exposes that a caller walks: resources and router origins stay inside the workspace. */
export function analysisProblems(a: Analysis, files: readonly WorkspaceFile[]): string[] {
  const problems = diagnosticProblems(a.diagnostics, files);
  const lengths = new Map(files.map((f) => [f.name, f.text.length]));
  for (const r of a.resources) {
    const rp = rangeProblem(r.source.node.range, lengths.get(r.source.file));
    if (rp) problems.push(`resource ${r.id}: ${rp}`);
  }
  for (const router of Object.values(a.config.routers)) {
    if (router.origin.file === '') continue;
    const rp = rangeProblem(router.origin.range, lengths.get(router.origin.file));
    if (rp) problems.push(`router ${router.name}: ${rp}`);
  }
  return problems;
}

/**
 * Requests near the given ones (a router's sample requests): another method, scheme, port, path suffix,
 * query, extra headers, client IP, SNI or entryPoint, each changed or kept at random.
 */
export function variantsOf(bases: readonly SimRequest[]): fc.Arbitrary<SimRequest> {
  if (bases.length === 0) return requestArb;
  const keepOr = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { freq: 2, nil: undefined });
  return fc
    .record({
      base: fc.constantFrom(...bases),
      method: keepOr(fc.constantFrom(...METHODS)),
      scheme: keepOr(fc.constantFrom('http', 'https', 'HTTPS', 'ftp')),
      port: keepOr(portArb),
      suffix: keepOr(fc.tuple(fc.array(segmentArb, { maxLength: 3 }), queryArb).map(([segs, q]) => `${segs.join('/')}${q}`)),
      headers: headersArb,
      clientIP: keepOr(clientIPArb),
      sni: fc.option(fc.oneof(fc.constant(null), fc.constantFrom(...HOSTS)), { freq: 3, nil: undefined }),
      entryPoint: fc.option(fc.constantFrom('web', 'websecure', 'nope'), { freq: 3, nil: undefined }),
    })
    .map(({ base, method, scheme, port, suffix, headers, clientIP, sni, entryPoint }) => {
      const m = /^([^:/?#]*):\/\/([^/?#]*)(.*)$/s.exec(base.url);
      let url = base.url;
      if (m) {
        const authority = port === undefined ? m[2]! : m[2]!.replace(/:\d*$/, '') + port;
        url = `${scheme ?? m[1]!}://${authority}${m[3]!}${suffix ?? ''}`;
      }
      const out: SimRequest = { ...base, url, headers: { ...base.headers, ...headers } };
      if (method !== undefined) out.method = method;
      if (clientIP !== undefined) out.clientIP = clientIP;
      if (sni !== undefined) out.sni = sni;
      if (entryPoint !== undefined) out.entryPoint = entryPoint;
      return out;
    });
}

/** A request as untyped JSON or YAML may give it (test-case files, the CLI): any field may be any JSON value. */
export const untypedRequestArb: fc.Arbitrary<SimRequest> = fc
  .record(
    {
      method: fc.oneof(fc.constantFrom('GET', 'POST'), fc.jsonValue({ maxDepth: 1 })),
      url: fc.oneof(urlArb, fc.jsonValue({ maxDepth: 1 })),
      headers: fc.oneof(headersArb, fc.jsonValue({ maxDepth: 2 }), fc.dictionary(fc.constantFrom(...HEADER_NAMES), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 })),
      clientIP: fc.oneof(clientIPArb, fc.jsonValue({ maxDepth: 1 })),
      sni: fc.jsonValue({ maxDepth: 1 }),
      entryPoint: fc.jsonValue({ maxDepth: 1 }),
    },
    { requiredKeys: [] },
  )
  .map((r) => r as unknown as SimRequest);
