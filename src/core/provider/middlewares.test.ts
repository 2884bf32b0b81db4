// Middleware CRDs and references as pkg/provider/kubernetes/crd/kubernetes.go builds them: one type per
// Middleware, createForwardAuthMiddleware (loadCASecret, loadAuthTLSSecret), createBasicAuthMiddleware /
// createDigestAuthMiddleware (loadAuthCredentials: exactly one key, one user a line), createPluginMiddleware
// (getSecretValue: urn:k8s:secret:<name>:<key> at any depth), createRateLimitMiddleware (loadRedisCredentials),
// makeMiddlewareKeys; each error there drops the Middleware. Expected values are written out.
import { describe, expect, it } from 'vitest';
import { parseFile } from '../yaml/index.ts';
import { extractResources } from '../model/index.ts';
import { buildDynamicConfig, defaultSettings, toFileProviderShape } from './index.ts';
import type { Settings } from '../types.ts';

function build(text: string, provider: Partial<Settings['provider']> = {}, patch: Partial<Settings> = {}) {
  const settings = { ...defaultSettings(), ...patch };
  settings.provider = { ...settings.provider, ...provider };
  const { resources } = extractResources([parseFile('t.yaml', text)]);
  const result = buildDynamicConfig(resources, settings, { texts: { 't.yaml': text } });
  const shape = toFileProviderShape(result.config) as { http: { middlewares: Record<string, unknown> } };
  return { text, ...result, middlewares: shape.http.middlewares };
}
type Built = ReturnType<typeof build>;
const diag = (r: Built, code: string) => r.diagnostics.find((d) => d.code === code);
const at = (r: Built, code: string) => {
  const d = diag(r, code);
  return d ? r.text.slice(d.range.start, d.range.end) : undefined;
};

const mw = (name: string, spec: string, ns = 'default') => `---
apiVersion: traefik.io/v1alpha1
kind: Middleware
metadata: { name: ${name}, namespace: ${ns} }
spec: ${spec}
`;
const secret = (name: string, data: Record<string, string | undefined>, extra = '', ns = 'default') => `---
apiVersion: v1
kind: Secret
metadata: { name: ${name}, namespace: ${ns} }
${extra}data:
${Object.entries(data).filter(([, v]) => v !== undefined).map(([k, v]) => `  ${k}: ${btoa(v!)}`).join('\n')}
`;
const route = (middlewares: string, ns = 'default') => `---
apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata: { name: web, namespace: ${ns} }
spec:
  routes:
    - match: Host(\`a.com\`)
      middlewares: ${middlewares}
      services: [{ name: web, port: 80 }]
`;
const WEB = '---\napiVersion: v1\nkind: Service\nmetadata: { name: web, namespace: default }\nspec: { ports: [{ name: http, port: 80 }] }\n';
const router = (r: Built) => Object.values(r.config.routers)[0]!;

describe('one type per Middleware', () => {
  it.each([
    { desc: 'none', spec: '{}', message: 'Middleware default/m sets no type: routers using it fail.' },
    { desc: 'two', spec: '{ stripPrefix: { prefixes: [/a] }, addPrefix: { prefix: /b }, headers: null }', message: 'Middleware default/m sets 2 types (stripPrefix, addPrefix): Traefik refuses it ("multi-types middleware not supported") and routers using it fail. Keep one.' },
  ])('$desc: not built, and a router using it fails', ({ spec, message }) => {
    const r = build(mw('m', spec) + route('[{ name: m }]'));
    expect(r.middlewares).toEqual({});
    expect(diag(r, 'PROVIDER_MIDDLEWARE_TYPES')!.message).toBe(message);
    expect(at(r, 'PROVIDER_MIDDLEWARE_TYPES')).toBe('spec');
    expect(router(r).disabled).toEqual({ reason: 'the router fails to build: middleware default/m cannot be built', code: 'PROVIDER_MIDDLEWARE_NOT_FOUND' });
    expect(diag(r, 'PROVIDER_MIDDLEWARE_NOT_FOUND')!.message).toBe('Middleware default/m is invalid (see its own problems), so Traefik will not serve this router.');
    expect(at(r, 'PROVIDER_MIDDLEWARE_NOT_FOUND')).toBe('m');
  });
});

describe('forwardAuth (createForwardAuthMiddleware)', () => {
  const CA = '-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----';
  it.each([
    { desc: 'tls.ca', data: { 'tls.ca': CA, other: 'x' } },
    { desc: 'ca.crt', data: { 'ca.crt': CA, other: 'x' } },
    { desc: 'the only key of the Secret (backward compatibility)', data: { ca: CA } },
  ])('caSecret read from $desc; certSecret into cert and key', ({ data }) => {
    const r = build(mw('auth', '{ forwardAuth: { address: "http://auth", trustForwardHeader: true, tls: { caSecret: ca, certSecret: cert, insecureSkipVerify: true } } }') +
      secret('ca', data) + secret('cert', { 'tls.crt': 'CRT', 'tls.key': 'KEY' }));
    expect(r.middlewares).toEqual({ 'default-auth': { forwardAuth: { address: 'http://auth', trustForwardHeader: true, tls: { insecureSkipVerify: true, ca: CA, cert: 'CRT', key: 'KEY' } } } });
  });

  it.each([
    { desc: 'a CA Secret with two keys and no CA block', ca: { a: '1', b: '2' }, cert: { 'tls.crt': 'CRT', 'tls.key': 'KEY' }, where: 'ca', message: 'Secret default/ca: it has neither tls.ca nor ca.crt. Traefik cannot build Middleware default/auth and drops it; routers using it fail.' },
    { desc: 'a certificate Secret without tls.key', ca: { 'tls.ca': 'CA' }, cert: { 'tls.crt': 'CRT' }, where: 'cert', message: 'Secret default/cert: it needs non-empty tls.crt and tls.key. Traefik cannot build Middleware default/auth and drops it; routers using it fail.' },
  ])('dropped: $desc', ({ ca, cert, where, message }) => {
    const r = build(mw('auth', '{ forwardAuth: { address: "http://auth", tls: { caSecret: ca, certSecret: cert } } }') + secret('ca', ca) + secret('cert', cert) + route('[{ name: auth }]'));
    expect(r.middlewares).toEqual({});
    expect(diag(r, 'PROVIDER_MIDDLEWARE_DROPPED')!.message).toBe(message);
    expect(at(r, 'PROVIDER_MIDDLEWARE_DROPPED')).toBe(where);
    expect(router(r).disabled?.code).toBe('PROVIDER_MIDDLEWARE_NOT_FOUND');
  });

  it('"forward authentication requires an address": dropped, said at the forwardAuth key', () => {
    const r = build(mw('auth', '{ forwardAuth: { trustForwardHeader: true } }'));
    expect(r.middlewares).toEqual({});
    expect(at(r, 'PROVIDER_MIDDLEWARE_DROPPED')).toBe('forwardAuth');
  });

  it('Secrets outside the workspace are assumed: the Middleware is emitted as written', () => {
    const r = build(mw('auth', '{ forwardAuth: { address: "http://auth", tls: { caSecret: ca, certSecret: cert } } }'));
    expect(r.middlewares).toEqual({ 'default-auth': { forwardAuth: { address: 'http://auth', tls: { caSecret: 'ca', certSecret: 'cert' } } } });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['PROVIDER_SECRET_NOT_FOUND', 'PROVIDER_SECRET_NOT_FOUND']);
  });

  it('without tls the configuration is emitted as written', () => {
    expect(build(mw('auth', '{ forwardAuth: { address: "http://auth", authResponseHeaders: [X-User] } }')).middlewares).toEqual({ 'default-auth': { forwardAuth: { address: 'http://auth', authResponseHeaders: ['X-User'] } } });
  });
});

describe('basicAuth and digestAuth (loadAuthCredentials)', () => {
  it.each([
    { desc: 'CRLF lines and empty lines', users: 'test:$apr1$H6uskkkW$IgXLP6ewTrSuBkTrqE8wj/\r\n\r\ntest2:$apr1$d9hr9HBB$4HxwgUir3HP4EsggP/QNo0\n', expected: ['test:$apr1$H6uskkkW$IgXLP6ewTrSuBkTrqE8wj/', 'test2:$apr1$d9hr9HBB$4HxwgUir3HP4EsggP/QNo0'] },
  ])('digestAuth users: $desc', ({ users, expected }) => {
    const r = build(mw('digest', '{ digestAuth: { secret: users, realm: shop } }') + secret('users', { users }));
    expect(r.middlewares).toEqual({ 'default-digest': { digestAuth: { users: expected, realm: 'shop' } } });
  });

  it.each([
    { desc: 'two keys', data: { a: 'u:p', b: 'v:q' }, error: 'it has 2 keys; it must have exactly one (the users file)' },
    { desc: 'no credentials', data: { users: '\n\n' }, error: 'it holds no credentials' },
  ])('"found N elements" / "does not contain any credentials": $desc drops it', ({ data, error }) => {
    const r = build(mw('digest', '{ digestAuth: { secret: users } }') + secret('users', data));
    expect(r.middlewares).toEqual({});
    expect(diag(r, 'PROVIDER_MIDDLEWARE_DROPPED')!.message).toBe(`Secret default/users: ${error}. Traefik cannot build Middleware default/digest and drops it; routers using it fail.`);
  });

  it('a kubernetes.io/basic-auth Secret is one key-per-field only for basicAuth; digestAuth reads it as a users file', () => {
    const r = build(mw('digest', '{ digestAuth: { secret: creds } }') + secret('creds', { username: 'alice' }, 'type: kubernetes.io/basic-auth\n'));
    expect(r.middlewares).toEqual({ 'default-digest': { digestAuth: { users: ['alice'] } } });
    const basic = build(mw('basic', '{ basicAuth: { secret: creds } }') + secret('creds', { password: 'secret' }, 'type: kubernetes.io/basic-auth\n'));
    expect(basic.middlewares).toEqual({});
    expect(diag(basic, 'PROVIDER_MIDDLEWARE_DROPPED')!.message).toContain('it must contain both username and password keys');
  });

  it('"auth secret must be set": said at the type key', () => {
    const r = build(mw('digest', '{ digestAuth: { realm: x } }'));
    expect(r.middlewares).toEqual({});
    expect(diag(r, 'PROVIDER_MIDDLEWARE_DROPPED')!.message).toBe('digestAuth needs secret (the Secret holding the users): Traefik drops Middleware default/digest.');
    expect(at(r, 'PROVIDER_MIDDLEWARE_DROPPED')).toBe('digestAuth');
  });

  it('a Secret outside the workspace is assumed: emitted as written; missing where the namespace has Secrets: dropped with a suggestion', () => {
    expect(build(mw('basic', '{ basicAuth: { secret: users } }')).middlewares).toEqual({ 'default-basic': { basicAuth: { secret: 'users' } } });
    const r = build(mw('basic', '{ basicAuth: { secret: user } }') + secret('users', { users: 'a:b' }));
    expect(r.middlewares).toEqual({});
    expect(diag(r, 'PROVIDER_MIDDLEWARE_DROPPED')!.message).toBe('Secret default/user does not exist (did you mean users?): Traefik cannot build Middleware default/basic and drops it; routers using it fail.');
    expect(at(r, 'PROVIDER_MIDDLEWARE_DROPPED')).toBe('user');
  });

  it('stringData wins over data per key (the API server merges them)', () => {
    const text = mw('digest', '{ digestAuth: { secret: users } }') + secret('users', { users: 'old:x' }, 'stringData: { users: "new:y" }\n');
    expect(build(text).middlewares).toEqual({ 'default-digest': { digestAuth: { users: ['new:y'] } } });
  });
});

describe('plugin (createPluginMiddleware, getSecretValue)', () => {
  const SECRET = secret('name', { key: 'this_is_the_secret', other: 'second' });
  it('urn:k8s:secret values at any depth: maps in arrays, arrays of values (with_plugin_deep_read_secret.yml, with_plugin_read_array_of_*.yml)', () => {
    const r = build(mw('p', '{ plugin: { demo: { a: { b: { c: "urn:k8s:secret:name:key" } }, list: ["urn:k8s:secret:name:other", plain, 3], maps: [{ s: "urn:k8s:secret:name:key" }], flag: true } } }') + SECRET);
    expect(r.middlewares).toEqual({ 'default-p': { plugin: { demo: { a: { b: { c: 'this_is_the_secret' } }, list: ['second', 'plain', 3], maps: [{ s: 'this_is_the_secret' }], flag: true } } } });
  });

  it.each([
    { desc: 'a malformed URN', value: 'urn:k8s:secret:name', message: 'Malformed secret URN "urn:k8s:secret:name" (urn:k8s:secret:<name>:<key>): Traefik drops Middleware default/p.' },
    { desc: 'a key the Secret does not have', value: 'urn:k8s:secret:name:nokey', message: 'Secret default/name: it has no key "nokey". Traefik cannot build Middleware default/p and drops it; routers using it fail.' },
  ])('$desc drops the Middleware; later values are not read', ({ value, message }) => {
    const r = build(mw('p', `{ plugin: { demo: { list: ["${value}", "urn:k8s:secret:gone:key"] } } }`) + SECRET);
    expect(r.middlewares).toEqual({});
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([['PROVIDER_MIDDLEWARE_DROPPED', message]]);
    expect(at(r, 'PROVIDER_MIDDLEWARE_DROPPED')).toBe(`"${value}"`);
  });

  it('a Secret outside the workspace: emitted as written', () => {
    expect(build(mw('p', '{ plugin: { demo: { s: "urn:k8s:secret:name:key", t: "urn:k8s:secret:name:key" } } }')).middlewares).toEqual({ 'default-p': { plugin: { demo: { s: 'urn:k8s:secret:name:key', t: 'urn:k8s:secret:name:key' } } } });
  });
});

describe('rateLimit.redis (createRateLimitMiddleware)', () => {
  it('without redis, or with a Secret outside the workspace, the configuration is emitted as written', () => {
    expect(build(mw('rl', '{ rateLimit: { average: 5 } }')).middlewares).toEqual({ 'default-rl': { rateLimit: { average: 5 } } });
    expect(build(mw('rl', '{ rateLimit: { average: 5, redis: { secret: creds, tls: { caSecret: ca } } } }')).middlewares).toEqual({ 'default-rl': { rateLimit: { average: 5, redis: { secret: 'creds', tls: { caSecret: 'ca' } } } } });
  });

  it.each([
    { desc: 'the credentials Secret outside the workspace', spec: '{ rateLimit: { redis: { secret: creds, db: 1 } } }' },
    { desc: 'a TLS Secret outside the workspace', spec: '{ rateLimit: { redis: { db: 1, tls: { caSecret: ca } } } }' },
  ])('$desc: emitted as written', ({ spec }) => {
    const r = build(mw('rl', spec));
    expect(r.middlewares).toEqual({ 'default-rl': { rateLimit: { redis: spec.includes('creds') ? { secret: 'creds', db: 1 } : { db: 1, tls: { caSecret: 'ca' } } } } });
  });

  it.each([
    { desc: 'without password', data: { username: 'u' } },
    { desc: 'without username', data: { password: 'p' } },
  ])('"must contain both username and password keys": credentials $desc drop the Middleware, said at the secret', ({ data }) => {
    const r = build(mw('rl', '{ rateLimit: { redis: { secret: creds } } }') + secret('creds', data));
    expect(r.middlewares).toEqual({});
    expect(diag(r, 'PROVIDER_MIDDLEWARE_DROPPED')!.message).toBe('Secret default/creds: it must contain both username and password keys. Traefik cannot build Middleware default/rl and drops it; routers using it fail.');
    expect(at(r, 'PROVIDER_MIDDLEWARE_DROPPED')).toBe('creds');
  });

  it('a TLS Secret that cannot be read drops the Middleware', () => {
    const r = build(mw('rl', '{ rateLimit: { redis: { tls: { certSecret: cert } } } }') + secret('cert', { 'tls.crt': 'CRT', 'tls.key': '' }));
    expect(r.middlewares).toEqual({});
    expect(diag(r, 'PROVIDER_MIDDLEWARE_DROPPED')!.message).toContain('it needs non-empty tls.crt and tls.key');
    expect(at(r, 'PROVIDER_MIDDLEWARE_DROPPED')).toBe('cert');
  });

  it('TLS Secrets only, read into the redis tls', () => {
    expect(build(mw('rl', '{ rateLimit: { redis: { endpoints: [r:6379], tls: { certSecret: cert } } } }') + secret('cert', { 'tls.crt': 'CRT', 'tls.key': 'KEY' })).middlewares)
      .toEqual({ 'default-rl': { rateLimit: { redis: { endpoints: ['r:6379'], tls: { cert: 'CRT', key: 'KEY' } } } } });
  });
});

describe('makeMiddlewareKeys and the reference rule', () => {
  it('name@file is assumed to exist in that provider (info, at the name)', () => {
    const r = build(route('[{ name: auth@file }]'));
    expect(router(r).middlewares).toEqual(['auth@file']);
    expect(router(r).disabled).toBeUndefined();
    expect(at(r, 'PROVIDER_MIDDLEWARE_EXTERNAL')).toBe('auth@file');
  });

  it('name@file from a namespace not in crossProviderNamespaces: the route is skipped', () => {
    const r = build(route('[{ name: auth@file }]'), { crossProviderNamespaces: [] });
    expect(router(r).disabled).toEqual({ reason: 'Traefik skips this route: a middleware reference is not allowed', code: 'PROVIDER_ROUTE_SKIPPED' });
    expect(at(r, 'PROVIDER_CROSS_PROVIDER')).toBe('auth@file');
  });

  describe('ns-name@kubernetescrd with allowCrossNamespace', () => {
    const open = { allowCrossNamespace: true };
    it('found: used as written', () => {
      const r = build(mw('strip', '{ stripPrefix: { prefixes: [/a] } }', 'other') + route('[{ name: other-strip@kubernetescrd }]'), open);
      expect(router(r)).toMatchObject({ middlewares: ['other-strip@kubernetescrd'], keepQualified: ['other-strip@kubernetescrd'] });
      expect(router(r).disabled).toBeUndefined();
      expect(r.diagnostics.map((d) => d.code)).toEqual(['PROVIDER_SERVICE_ASSUMED']);
    });
    it('found but failing (a chain with a missing member): the router fails with the reason', () => {
      const r = build(mw('chain', '{ chain: { middlewares: [{ name: gone }] } }', 'other') + route('[{ name: other-chain@kubernetescrd }]'), open);
      expect(router(r).disabled).toEqual({ reason: 'the router fails to build: middleware other-chain@kubernetescrd: middleware other/gone does not exist', code: 'PROVIDER_MIDDLEWARE_NOT_FOUND' });
    });
    it('in no namespace of the workspace: assumed outside', () => {
      const r = build(route('[{ name: shop-auth@kubernetescrd }]'), open);
      expect(router(r).disabled).toBeUndefined();
      expect(r.config.outside).toEqual(['shop-auth@kubernetescrd']);
      expect(at(r, 'PROVIDER_REFERENCE_OUTSIDE')).toBe('shop-auth@kubernetescrd');
    });
    it.each([
      { desc: 'a namespace of the workspace prefixes it', provider: open, patch: {} },
      { desc: 'strict', provider: open, patch: { strictServices: true } },
    ])('missing: $desc (with the closest name)', ({ provider, patch }) => {
      const r = build(mw('strip', '{ stripPrefix: { prefixes: [/a] } }') + WEB + route(`[{ name: ${patch.strictServices ? 'shop' : 'default'}-strp@kubernetescrd }]`), provider, patch);
      const d = diag(r, 'PROVIDER_MIDDLEWARE_NOT_FOUND')!;
      expect(d.message).toBe(`Middleware ${patch.strictServices ? 'shop' : 'default'}-strp@kubernetescrd is not defined in the workspace: Traefik will not serve this router.${patch.strictServices ? '' : ' Did you mean default-strip@kubernetescrd?'}`);
      expect(router(r).disabled?.code).toBe('PROVIDER_MIDDLEWARE_NOT_FOUND');
    });
  });

  it('a missing Middleware of the namespace: an error with a quick fix to the closest name', () => {
    const r = build(mw('strip-prefix', '{ stripPrefix: { prefixes: [/a] } }') + route('[{ name: strip-prefx }]'));
    const d = diag(r, 'PROVIDER_MIDDLEWARE_NOT_FOUND')!;
    expect(d.message).toBe('Middleware default/strip-prefx is not defined: Traefik will not serve this router. Did you mean strip-prefix? Create it, or fix the name or namespace.');
    const start = r.text.indexOf('strip-prefx');
    expect(d.fixes).toEqual([{ title: 'Change to strip-prefix', edits: [{ range: { start, end: start + 'strip-prefx'.length }, text: 'strip-prefix' }] }]);
    expect(router(r).disabled).toEqual({ reason: 'the router fails to build: middleware default/strip-prefx does not exist', code: 'PROVIDER_MIDDLEWARE_NOT_FOUND' });
  });

  it('a Middleware of a namespace the workspace does not hold: assumed outside', () => {
    const r = build(route('[{ name: auth, namespace: shop }]'), { allowCrossNamespace: true });
    expect(router(r)).toMatchObject({ middlewares: ['shop-auth@kubernetescrd'] });
    expect(router(r).disabled).toBeUndefined();
    expect(r.config.outside).toEqual(['shop-auth@kubernetescrd']);
  });

  it('the first failing middleware names the reason; later ones are still reported', () => {
    const r = build(mw('a', '{}') + route('[{ name: a }, { name: zz-missing }]'));
    expect(router(r).disabled?.reason).toBe('the router fails to build: middleware default/a cannot be built');
    expect(r.diagnostics.filter((d) => d.code === 'PROVIDER_MIDDLEWARE_NOT_FOUND')).toHaveLength(2);
  });
});

describe('chain and errors Middlewares', () => {
  it('a chain whose member reference is refused is dropped (createChainMiddleware)', () => {
    const r = build(mw('c', '{ chain: { middlewares: [{ name: x, namespace: other }] } }') + route('[{ name: c }]'));
    expect(r.middlewares).toEqual({});
    expect(at(r, 'PROVIDER_CROSS_NAMESPACE')).toBe('other');
    expect(router(r).disabled?.code).toBe('PROVIDER_MIDDLEWARE_NOT_FOUND');
  });

  it('errors with a TraefikService: the service name is kept, no errorpage service is built', () => {
    const r = build(mw('err', '{ errors: { status: ["500"], query: /e, service: { name: pages, kind: TraefikService } } }') + `---
apiVersion: traefik.io/v1alpha1
kind: TraefikService
metadata: { name: pages, namespace: default }
spec: { weighted: { services: [{ name: web, port: 80 }] } }
`);
    expect(r.middlewares).toEqual({ 'default-err': { errors: { status: ['500'], query: '/e', service: 'default-pages' } } });
    expect(r.config.middlewares['default-err@kubernetescrd']!.config['service']).toBe('default-pages@kubernetescrd');
    expect(Object.keys(r.config.services).filter((k) => k.includes('errorpage'))).toEqual([]);
  });

  it('errors with a Kubernetes Service: its load balancer is `<middleware>-errorpage-service`, pointing at the reference', () => {
    const r = build(WEB + mw('err', '{ errors: { status: ["500"], service: { name: web, port: 80 } } }'));
    expect(r.middlewares).toEqual({ 'default-err': { errors: { status: ['500'], service: 'default-err-errorpage-service' } } });
    const range = r.config.services['default-err-errorpage-service@kubernetescrd']!.origin!.range;
    expect(r.text.slice(range.start, range.end)).toBe('{ name: web, port: 80 }');
  });

  it('errors with a Service of another provider: kept as written', () => {
    expect(build(mw('err', '{ errors: { status: ["500"], service: { name: pages@file, kind: TraefikService } } }')).middlewares).toEqual({ 'default-err': { errors: { status: ['500'], service: 'pages@file' } } });
  });

  it('errors without service: emitted as written', () => {
    expect(build(mw('err', '{ errors: { status: ["500"] } }')).middlewares).toEqual({ 'default-err': { errors: { status: ['500'] } } });
  });

  it('errors whose statusRewrites match one status with different codes: a warning (Go map order), none for the same code', () => {
    const pages = ', service: { name: pages, kind: TraefikService }';
    const r = build(mw('err', `{ errors: { status: ["400-599"], statusRewrites: { "500-599": 503, "400-404": 418, "502": 404, "4xx": 400 }${pages} } }`));
    const warnings = r.diagnostics.filter((d) => d.code === 'PROVIDER_ERRORS_REWRITE_OVERLAP');
    expect(warnings.map((d) => [d.severity, d.message, r.text.slice(d.range.start, d.range.end)])).toEqual([
      ['warning', 'statusRewrites "502": 404 and "500-599": 503 of Middleware default/err both match 502: Traefik reads statusRewrites in random order (a Go map), so a 502 may become 404 or 503, and can change when Traefik restarts. Make the ranges disjoint.', '503'],
    ]);
    expect(build(mw('err', `{ errors: { status: ["500"], statusRewrites: { "500-599": 503, "502": 503, "400-499": 404 }${pages} } }`)).diagnostics.filter((d) => d.code === 'PROVIDER_ERRORS_REWRITE_OVERLAP')).toEqual([]);
  });

  it('errors whose service cannot be built: dropped, said at the service', () => {
    const r = build(mw('err', '{ errors: { status: ["500"], service: { name: web } } }') + route('[{ name: err }]'));
    expect(r.middlewares).toEqual({});
    expect(diag(r, 'PROVIDER_MIDDLEWARE_DROPPED')!.message).toBe('The errors service of Middleware default/err cannot be built: Traefik drops the Middleware and routers using it fail.');
    expect(at(r, 'PROVIDER_MIDDLEWARE_DROPPED')).toBe('{ name: web }');
    // No port: said at the nearest key, the service's.
    expect(at(r, 'PROVIDER_SERVICE_PORT')).toBe('service');
  });
});

describe('what each middleware problem says', () => {
  const message = (r: Built, code: string) => r.diagnostics.find((d) => d.code === code)?.message;
  it.each([
    { desc: '@kubernetescrd without allowCrossNamespace', text: route('[{ name: other-a@kubernetescrd }]'), provider: {}, code: 'PROVIDER_CROSS_NAMESPACE', expected: 'Middleware "other-a@kubernetescrd" uses the @kubernetescrd form, which needs allowCrossNamespace: drop the suffix and set namespace instead, or enable allowCrossNamespace.' , where: 'other-a@kubernetescrd' },
    { desc: 'another namespace', text: route('[{ name: a, namespace: other }]'), provider: {}, code: 'PROVIDER_CROSS_NAMESPACE', expected: 'Middleware other/a is in another namespace than default: add namespace: default (the IngressRoute\'s), or enable allowCrossNamespace in the provider settings.' , where: 'other' },
    { desc: 'another provider', text: route('[{ name: a@file }]'), provider: {}, code: 'PROVIDER_MIDDLEWARE_EXTERNAL', expected: 'Middleware a@file comes from another provider; it is assumed to exist there.' , where: 'a@file' },
    { desc: 'another provider, refused', text: route('[{ name: a@file }]'), provider: { crossProviderNamespaces: ['x'] }, code: 'PROVIDER_CROSS_PROVIDER', expected: 'Middleware a@file names another provider, but namespace default is not in the provider\'s crossProviderNamespaces: Traefik skips the route. Add default to crossProviderNamespaces, or reference an object of this provider.' , where: 'a@file' },
    { desc: '@kubernetescrd outside', text: route('[{ name: shop-a@kubernetescrd }]'), provider: { allowCrossNamespace: true }, code: 'PROVIDER_REFERENCE_OUTSIDE', expected: 'Middleware shop-a@kubernetescrd belongs to no namespace of the workspace: assumed to exist outside it; its effect is unknown to the simulator. Add its file, or use Strict to make this an error.' , where: 'shop-a@kubernetescrd' },
    { desc: '@kubernetescrd missing, nothing close', text: route('[{ name: default-zzzzzz@kubernetescrd }]'), provider: { allowCrossNamespace: true }, code: 'PROVIDER_MIDDLEWARE_NOT_FOUND', expected: 'Middleware default-zzzzzz@kubernetescrd is not defined in the workspace: Traefik will not serve this router.' , where: 'default-zzzzzz@kubernetescrd' },
    { desc: 'namespaced outside', text: route('[{ name: a, namespace: shop }]'), provider: { allowCrossNamespace: true }, code: 'PROVIDER_REFERENCE_OUTSIDE', expected: 'Middleware shop/a is outside the workspace (no resource of namespace shop is in it): assumed to exist; its effect is unknown to the simulator. Add its file, or use Strict to make this an error.' , where: 'a' },
    { desc: 'missing, nothing close', text: route('[{ name: zzzzzz }]'), provider: {}, code: 'PROVIDER_MIDDLEWARE_NOT_FOUND', expected: 'Middleware default/zzzzzz is not defined: Traefik will not serve this router. Create it, or fix the name or namespace.' , where: 'zzzzzz' },
    { desc: 'a Secret outside the workspace', text: mw('b', '{ basicAuth: { secret: users } }'), provider: {}, code: 'PROVIDER_SECRET_NOT_FOUND', expected: 'Secret default/users is not in the workspace; Traefik reads it from the cluster (the export keeps the reference, the simulator cannot use its content).' , where: 'users' },
    { desc: 'a missing Secret, nothing close', text: mw('b', '{ basicAuth: { secret: zzzzzz } }') + secret('users', { users: 'a:b' }), provider: {}, code: 'PROVIDER_MIDDLEWARE_DROPPED', expected: 'Secret default/zzzzzz does not exist: Traefik cannot build Middleware default/b and drops it; routers using it fail.' , where: 'zzzzzz' },
    { desc: 'forwardAuth without address', text: mw('f', '{ forwardAuth: {} }'), provider: {}, code: 'PROVIDER_MIDDLEWARE_DROPPED', expected: 'forwardAuth needs address: Traefik drops Middleware default/f.' , where: 'forwardAuth' },
    { desc: 'a users Secret without keys', text: mw('d', '{ digestAuth: { secret: users } }') + '---\napiVersion: v1\nkind: Secret\nmetadata: { name: users, namespace: default }\ntype: Opaque\n', provider: {}, code: 'PROVIDER_MIDDLEWARE_DROPPED', expected: 'Secret default/users: it has 0 keys; it must have exactly one (the users file). Traefik cannot build Middleware default/d and drops it; routers using it fail.' , where: 'users' },
  ])('$desc', ({ text, provider, code, expected, where }) => {
    const r = build(WEB + text, provider);
    expect(message(r, code)).toBe(expected);
    expect(at(r, code)).toBe(where);
    expect(r.diagnostics.find((d) => d.code === code)?.fixes).toBeUndefined();
  });

  it('a chain member that does not exist: the router names the chain and the member', () => {
    const r = build(WEB + mw('chain', '{ chain: { middlewares: [{ name: gone }] } }') + route('[{ name: chain }]'));
    expect(router(r).disabled?.reason).toBe('the router fails to build: middleware default-chain: middleware default/gone does not exist');
    // The chain's members are resolved to qualified names (createChainMiddleware), as the export writes them without the suffix.
    expect(r.config.middlewares['default-chain@kubernetescrd']!.config['middlewares']).toEqual(['default-gone@kubernetescrd']);
    expect(r.middlewares).toEqual({ 'default-chain': { chain: { middlewares: ['default-gone'] } } });
  });

  it('Middleware names are normalized: my.strip_v2 is default-my-strip-v2', () => {
    const r = build(WEB + mw('my.strip_v2', '{ stripPrefix: { prefixes: [/a] } }') + route('[{ name: my.strip_v2 }]'));
    expect(Object.keys(r.middlewares)).toEqual(['default-my-strip-v2']);
    expect(router(r).middlewares).toEqual(['default-my-strip-v2@kubernetescrd']);
    expect(router(r).disabled).toBeUndefined();
  });

  it('basic-auth Secret: {SHA} of the UTF-8 password (sha1, base64)', () => {
    // sha1("pässwörd") in base64, from `printf 'pässwörd' | openssl sha1 -binary | base64`.
    const r = build(mw('b', '{ basicAuth: { secret: creds } }') + secret('creds', { username: 'bob', password: 'pässwörd' }, 'type: kubernetes.io/basic-auth\n').replace(/password: .*/, `password: ${Buffer.from('pässwörd', 'utf8').toString('base64')}`));
    expect(r.middlewares).toEqual({ 'default-b': { basicAuth: { users: ['bob:{SHA}9Rfd8dMqES/xrVXGbRsSyzjn6Pc='] } } });
  });
});
