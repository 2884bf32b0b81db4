// BasicAuth: pkg/middlewares/auth/basic_auth.go (ServeHTTP, headerField, removeHeader, realm), go-http-auth's
// RequireAuth and CheckSecret, net/http Request.BasicAuth, and the CRD provider's Secret loading
// (createBasicAuthMiddleware, loadBasicAuthCredentials, loadAuthCredentials in crd/kubernetes.go).
import { createHash } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { describe, expect, it } from 'vitest';
import type { CompiledRouting } from '../compiled.ts';
import { config as makeConfig, middleware } from '../fixtures.ts';
import { parseClientRequest } from '../request.ts';
import { basicAuth } from './basic-auth.ts';
import { checkSecret, hashKind } from './htpasswd.ts';
import { middlewareBuildError, runMiddlewares, type ChainState } from './index.ts';

const APR1_TEST = '$apr1$r31Xy9Qz$TPcmwuGeoEU.WG5d/lYdo/';
const SHA_TEST = '{SHA}qUqP5cyxm6YcTAhz05Hph5gvu9M=';

function routingOf(cfg: Record<string, unknown>, secrets: Record<string, Record<string, string | undefined> | undefined> = {}, secretTypes: Record<string, string | undefined> = {}): CompiledRouting {
  const config = makeConfig({ middlewares: [middleware('auth@kubernetescrd', 'basicAuth', cfg, 'apps')] });
  return { config, middlewares: config.middlewares, secrets, secretTypes } as unknown as CompiledRouting;
}

function serve(routing: CompiledRouting, headers: Record<string, string> = {}) {
  const parsed = parseClientRequest({ method: 'GET', url: 'http://a.com/', headers, clientIP: '192.0.2.1' });
  if (!parsed.ok) throw new Error(parsed.reason);
  const state: ChainState = { req: parsed.value.request, responseHeaders: {}, omitXForwardedFor: false, errorPages: [] };
  const result = runMiddlewares(['auth@kubernetescrd'], 'r@kubernetescrd', routing, state);
  return { req: state.req, response: result.response, step: result.steps[0]! };
}

const basic = (userPass: string) => ({ Authorization: 'Basic ' + btoa(userPass) });
const usersSecret = { 'apps/users': { users: `alice:${APR1_TEST}\r\nbob:${SHA_TEST}\n\n` } };
const unauthorized = (realm = 'traefik') => ({ status: 401, headers: { 'Content-Type': 'text/plain', 'Www-Authenticate': `Basic realm="${realm}"` }, body: '401 Unauthorized\n' });

describe('BasicAuth: who gets through', () => {
  const routing = routingOf({ secret: 'users' }, usersSecret);
  it.each([
    { desc: 'apr1 user', headers: basic('alice:test'), ok: true, effect: 'user "alice" authenticated (md5 hash)' },
    { desc: '{SHA} user (CRLF line ending dropped as bufio.ScanLines does)', headers: basic('bob:test'), ok: true, effect: 'user "bob" authenticated (sha hash)' },
    { desc: 'the "Basic " prefix is case-insensitive', headers: { Authorization: 'bAsIc ' + btoa('alice:test') }, ok: true, effect: 'user "alice" authenticated (md5 hash)' },
    { desc: 'wrong password', headers: basic('alice:nope'), ok: false, effect: 'wrong password for "alice" (md5 hash): 401' },
    { desc: 'unknown user', headers: basic('carol:test'), ok: false, effect: 'unknown user "carol": 401' },
    { desc: 'no Authorization header', headers: {}, ok: false, effect: 'no valid `Authorization: Basic` header: 401' },
    { desc: 'another scheme', headers: { Authorization: 'Bearer abc' }, ok: false, effect: 'no valid `Authorization: Basic` header: 401' },
    { desc: 'shorter than the prefix', headers: { Authorization: 'Basic' }, ok: false, effect: 'no valid `Authorization: Basic` header: 401' },
    { desc: 'not base64', headers: { Authorization: 'Basic !!!!' }, ok: false, effect: 'no valid `Authorization: Basic` header: 401' },
    { desc: 'base64 without padding', headers: { Authorization: 'Basic YTpi' + 'Yw' }, ok: false, effect: 'no valid `Authorization: Basic` header: 401' },
    { desc: 'no colon in the credentials', headers: basic('alicetest'), ok: false, effect: 'no valid `Authorization: Basic` header: 401' },
    { desc: 'the password is cut at the first colon only', headers: basic('alice:te:st'), ok: false, effect: 'wrong password for "alice" (md5 hash): 401' },
    // Request.BasicAuth: the prefix is checked before decoding, whatever follows it.
    { desc: 'another 6-letter scheme followed by valid base64', headers: { Authorization: 'Token ' + btoa('alice:test') }, ok: false, effect: 'no valid `Authorization: Basic` header: 401' },
    // base64.StdEncoding refuses spaces inside the data (atob would skip them).
    { desc: 'spaces inside the base64', headers: { Authorization: 'Basic YW xp Y2 U6 dGVzdA==' }, ok: false, effect: 'no valid `Authorization: Basic` header: 401' },
  ])('$desc', ({ headers, ok, effect }) => {
    const { response, step } = serve(routing, headers);
    if (ok) {
      expect(response).toBeUndefined();
      expect(step).toMatchObject({ status: 'applied', effect });
    } else {
      expect(response).toEqual({ response: unauthorized(), cause: 'unauthorized' });
      expect(step.effect).toBe(effect);
    }
  });

  it('a password holding a colon matches its user', () => {
    // {SHA} of "a:b" computed with node:crypto, independently of htpasswd.ts.
    const r = routingOf({ secret: 'users' }, { 'apps/users': { users: `dave:{SHA}${createHash('sha1').update('a:b').digest('base64')}` } });
    expect(serve(r, basic('dave:a:b')).step.status).toBe('applied');
  });

  it('an empty user name is a user like any other (Request.BasicAuth cuts at the first colon, even at 0)', () => {
    const r = routingOf({ secret: 'users' }, { 'apps/users': { users: `:${SHA_TEST}` } });
    expect(serve(r, basic(':test')).step).toMatchObject({ status: 'applied', effect: 'user "" authenticated (sha hash)' });
  });

  it('only a CR ending the line is dropped (bufio.ScanLines dropCR), not one inside it', () => {
    const r = routingOf({ secret: 'users' }, { 'apps/users': { users: `x\ry:${SHA_TEST}` } });
    expect(serve(r, basic('xy:test')).step.effect).toBe('unknown user "xy": 401');
    expect(serve(r, basic('x\ry:test')).step.status).toBe('applied');
  });

  it('a custom realm', () => {
    expect(serve(routingOf({ secret: 'users', realm: 'staff' }, usersSecret)).response?.response).toEqual(unauthorized('staff'));
  });

  it('headerField is set under the name as written (not canonicalised); Authorization stays unless removeHeader', () => {
    const { req, step } = serve(routingOf({ secret: 'users', headerField: 'x-webauth-user' }, usersSecret), { ...basic('alice:test'), 'X-Webauth-User': 'forged' });
    expect(req.headers['x-webauth-user']).toEqual(['alice']);
    expect(req.headers['X-Webauth-User']).toBeUndefined();
    expect(req.headers['Authorization']).toEqual(['Basic ' + btoa('alice:test')]);
    expect(step.effect).toBe('user "alice" authenticated (md5 hash); x-webauth-user: alice');
  });

  it('removeHeader drops Authorization', () => {
    const { req, step } = serve(routingOf({ secret: 'users', removeHeader: true }, usersSecret), basic('alice:test'));
    expect(req.headers['Authorization']).toBeUndefined();
    expect(step.effect).toBe('user "alice" authenticated (md5 hash); Authorization header removed');
  });

  it('inline users (kubernetesIngressNGINX auth) need no Secret', () => {
    expect(serve(routingOf({ users: [`alice:${APR1_TEST}`, 7] }), basic('alice:test')).step).toMatchObject({ status: 'applied' });
    expect(middlewareBuildError(['auth@kubernetescrd'], routingOf({ users: ['a:b:c'] }))).toBe('middleware auth@kubernetescrd: basicAuth: error parsing BasicUser: a:b:c');
  });

  it('a Secret outside the workspace: the password cannot be checked', () => {
    expect(serve(routingOf({ secret: 'elsewhere' }), basic('alice:x')).step).toMatchObject({ status: 'not-simulated', effect: 'Secret apps/elsewhere is not in the workspace: the password of "alice" cannot be checked (assumed valid)' });
    expect(serve(routingOf({ secret: 'elsewhere' })).response?.response.status).toBe(401);
  });
});

describe('BasicAuth: the Secret (createBasicAuthMiddleware)', () => {
  it.each([
    { desc: 'no secret', cfg: {}, secrets: {}, types: {}, error: 'basicAuth: auth secret must be set' },
    { desc: 'basic-auth Secret without password', cfg: { secret: 's' }, secrets: { 'apps/s': { username: 'u' } }, types: { 'apps/s': 'kubernetes.io/basic-auth' }, error: "basicAuth: secret 'apps/s' must contain both username and password keys" },
    { desc: 'basic-auth Secret without username', cfg: { secret: 's' }, secrets: { 'apps/s': { password: 'p' } }, types: { 'apps/s': 'kubernetes.io/basic-auth' }, error: "basicAuth: secret 'apps/s' must contain both username and password keys" },
    // loadAuthCredentials: exactly one key, at least one non-empty line, each `user:hash`.
    { desc: 'an Opaque Secret with username and password has two keys', cfg: { secret: 's' }, secrets: { 'apps/s': { username: 'u', password: 'p' } }, types: {}, error: "basicAuth: found 2 elements for secret 'apps/s', must be single element exactly" },
    { desc: 'an empty Secret', cfg: { secret: 's' }, secrets: { 'apps/s': {} }, types: {}, error: "basicAuth: found 0 elements for secret 'apps/s', must be single element exactly" },
    { desc: 'only blank lines', cfg: { secret: 's' }, secrets: { 'apps/s': { users: '\n\r\n' } }, types: {}, error: "basicAuth: secret 'apps/s' does not contain any credentials" },
    { desc: 'a line without a colon', cfg: { secret: 's' }, secrets: { 'apps/s': { users: `alice:${APR1_TEST}\nbob` } }, types: {}, error: 'basicAuth: error parsing BasicUser: bob' },
    { desc: 'a valid users file', cfg: { secret: 's' }, secrets: { 'apps/s': { users: `alice:${APR1_TEST}` } }, types: {}, error: null },
  ])('$desc', ({ cfg, secrets, types, error }) => {
    expect(middlewareBuildError(['auth@kubernetescrd'], routingOf(cfg, secrets, types))).toBe(error === null ? null : `middleware auth@kubernetescrd: ${error}`);
  });

  it('check() is the constructor: null when Traefik builds the middleware, the error otherwise', () => {
    const ctx = (r: CompiledRouting) => ({ routing: r, namespace: 'apps' });
    expect(basicAuth.check({ secret: 'users' }, ctx(routingOf({}, usersSecret)))).toBeNull();
    expect(basicAuth.check({ secret: 'elsewhere' }, ctx(routingOf({})))).toBeNull();
    expect(basicAuth.check({}, ctx(routingOf({})))).toBe('basicAuth: auth secret must be set');
  });

  it('a basic-auth Secret gives one user with {SHA} of the password', () => {
    const r = routingOf({ secret: 's' }, { 'apps/s': { username: 'admin', password: 'test' } }, { 'apps/s': 'kubernetes.io/basic-auth' });
    expect(serve(r, basic('admin:test')).step).toMatchObject({ status: 'applied', effect: 'user "admin" authenticated (sha hash)' });
    expect(serve(r, basic('admin:nope')).response?.response.status).toBe(401);
  });

  it('the same user twice: the last line wins (a map)', () => {
    const r = routingOf({ secret: 's' }, { 'apps/s': { users: `alice:${SHA_TEST}\nalice:${APR1_TEST.replace('TPc', 'XXX')}` } });
    expect(serve(r, basic('alice:test')).response?.response.status).toBe(401);
  });
});

describe('CheckSecret (go-http-auth): the prefix picks the comparator', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  const salt = '$2a$04$abcdefghijklmnopqrstuu';
  const b2a = bcrypt.hashSync('pw', salt);
  it.each([
    { desc: 'bcrypt $2a$', secret: b2a, password: 'pw', ok: true, kind: 'bcrypt' },
    { desc: 'bcrypt $2b$', secret: '$2b$' + b2a.slice(4), password: 'pw', ok: true, kind: 'bcrypt' },
    { desc: 'bcrypt $2y$', secret: '$2y$' + b2a.slice(4), password: 'pw', ok: true, kind: 'bcrypt' },
    { desc: 'bcrypt $2x$ (read as $2a$)', secret: '$2x$' + b2a.slice(4), password: 'pw', ok: true, kind: 'bcrypt' },
    { desc: 'bcrypt, wrong password', secret: b2a, password: 'px', ok: false, kind: 'bcrypt' },
    { desc: 'a malformed bcrypt hash is no match', secret: '$2y$04$short', password: 'pw', ok: false, kind: 'bcrypt' },
    // CompareHashAndPassword errors on a cost outside 4–31 or a salt that does not decode: no match.
    { desc: 'a bcrypt hash with cost 99 is no match', secret: '$2a$99$' + 'a'.repeat(53), password: 'pw', ok: false, kind: 'bcrypt' },
    { desc: 'a bcrypt hash whose salt does not decode is no match', secret: '$2y$04$' + '!'.repeat(53), password: 'pw', ok: false, kind: 'bcrypt' },
    { desc: '$2y$ later in the secret is not bcrypt (HasPrefix)', secret: 'x$2y$' + b2a.slice(4), password: 'pw', ok: false, kind: 'md5' },
    { desc: '$2c$ is not bcrypt: MD5-crypt, no match', secret: '$2c$' + b2a.slice(4), password: 'pw', ok: false, kind: 'md5' },
    { desc: 'apr1', secret: APR1_TEST, password: 'test', ok: true, kind: 'md5' },
    { desc: '$1$ MD5-crypt', secret: '$1$abcdefgh$cHJi5PXp/ki/ktXzqlk6I1', password: 'secret', ok: true, kind: 'md5' },
    { desc: 'MD5-crypt with fewer than four $ parts', secret: '$apr1$r31Xy9Qz', password: 'test', ok: false, kind: 'md5' },
    { desc: 'plain text is never a match', secret: 'test', password: 'test', ok: false, kind: 'md5' },
    { desc: '{SHA}', secret: SHA_TEST, password: 'test', ok: true, kind: 'sha' },
    { desc: '{SHA}, wrong password', secret: SHA_TEST, password: 'tesT', ok: false, kind: 'sha' },
  ])('$desc', ({ secret, password, ok, kind }) => {
    expect(hashKind(secret)).toBe(kind);
    expect(checkSecret(enc(password), secret)).toBe(ok);
  });
});
