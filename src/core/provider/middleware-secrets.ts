// Mirrors pkg/provider/kubernetes/crd/kubernetes.go: createBasicAuthMiddleware, createDigestAuthMiddleware,
// createForwardAuthMiddleware, createRateLimitMiddleware (Redis Secrets), createPluginMiddleware (loadSecretKeys, getSecretValue), loadCASecret,
// loadAuthTLSSecret, loadBasicAuthCredentials, loadAuthCredentials. Each error there drops the Middleware.
import { sha1 } from '@noble/hashes/legacy.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { obj, str } from '../model/index.ts';
import { decodeBase64 } from '../secrets.ts';
import type { Path, Resource } from '../types.ts';
import { judgeMissing } from '../validate/references.ts';
import type { BuildContext } from './context.ts';

type Raw = Record<string, unknown>;

/** `dropped`: the provider cannot build the Middleware (reported); `assumed`: a Secret outside the workspace. */
export type SecretRead<T> = { value: T } | { dropped: true } | { assumed: true };

/** A Secret's values, decoded: `data` base64, `stringData` plain (it wins per key, as the API server merges it). */
export function secretData(secret: Resource): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj(secret.raw['data']) ?? {})) out[k] = decodeBase64(str(v) ?? '') ?? '';
  for (const [k, v] of Object.entries(obj(secret.raw['stringData']) ?? {})) out[k] = str(v) ?? '';
  return out;
}

/** Reads a Secret of the Middleware's namespace with `read`, following the reference rule when it is absent. */
function withSecret<T>(ctx: BuildContext, mw: Resource, name: string, path: Path, read: (data: Record<string, string>, type: string | undefined) => { value: T } | { error: string }): SecretRead<T> {
  const ns = mw.metadata.namespace;
  const secret = ctx.find('Secret', ns, name);
  const what = `Middleware ${ns}/${mw.metadata.name}`;
  if (!secret) {
    const verdict = judgeMissing(ctx.scope, 'Secret', ns, name);
    if (verdict.kind === 'outside') {
      ctx.report('PROVIDER_SECRET_NOT_FOUND', `Secret ${ns}/${name} is not in the workspace; Traefik reads it from the cluster (the export keeps the reference, the simulator cannot use its content).`, mw, path);
      return { assumed: true };
    }
    ctx.report('PROVIDER_MIDDLEWARE_DROPPED', `Secret ${ns}/${name} does not exist${verdict.suggestion ? ` (did you mean ${verdict.suggestion}?)` : ''}: Traefik cannot build ${what} and drops it; routers using it fail.`, mw, path);
    return { dropped: true };
  }
  const result = read(secretData(secret), str(secret.raw['type']));
  if ('error' in result) {
    ctx.report('PROVIDER_MIDDLEWARE_DROPPED', `Secret ${ns}/${name}: ${result.error}. Traefik cannot build ${what} and drops it; routers using it fail.`, mw, path);
    return { dropped: true };
  }
  return result;
}

/** loadBasicAuthCredentials (basic-auth Secrets: `user:{SHA}base64(sha1(password))`) or loadAuthCredentials (one key, one user a line). */
function credentials(data: Record<string, string>, type: string | undefined, basic: boolean): { value: string[] } | { error: string } {
  if (basic && type === 'kubernetes.io/basic-auth') {
    if (data['username'] === undefined || data['password'] === undefined) return { error: 'it must contain both username and password keys' };
    const digest = String.fromCharCode(...sha1(utf8ToBytes(data['password'])));
    return { value: [`${data['username']}:{SHA}${btoa(digest)}`] };
  }
  const values = Object.values(data);
  if (values.length !== 1) return { error: `it has ${values.length} keys; it must have exactly one (the users file)` };
  const users = values[0]!.split(/\r?\n/).filter((l) => l.length > 0);
  return users.length ? { value: users } : { error: 'it holds no credentials' };
}

/** basicAuth / digestAuth: the Secret's users replace `secret` in what the provider emits. */
export function authConfig(ctx: BuildContext, mw: Resource, type: 'basicAuth' | 'digestAuth', cfg: Raw): Raw | null | undefined {
  const name = str(cfg['secret']) ?? '';
  if (name === '') {
    ctx.report('PROVIDER_MIDDLEWARE_DROPPED', `${type} needs secret (the Secret holding the users): Traefik drops Middleware ${mw.metadata.namespace}/${mw.metadata.name}.`, mw, ['spec', type], { key: true });
    return null;
  }
  const read = withSecret(ctx, mw, name, ['spec', type, 'secret'], (data, secretType) => credentials(data, secretType, type === 'basicAuth'));
  if ('dropped' in read) return null;
  if ('assumed' in read) return undefined;
  const { secret: _secret, ...rest } = cfg;
  return { users: read.value, ...rest };
}

/** forwardAuth: address required; tls.caSecret and tls.certSecret read into ca, cert and key. */
export function forwardAuthConfig(ctx: BuildContext, mw: Resource, cfg: Raw, tlsPath: Path = ['spec', 'forwardAuth', 'tls']): Raw | null | undefined {
  if ((str(cfg['address']) ?? '') === '') {
    ctx.report('PROVIDER_MIDDLEWARE_DROPPED', `forwardAuth needs address: Traefik drops Middleware ${mw.metadata.namespace}/${mw.metadata.name}.`, mw, ['spec', 'forwardAuth'], { key: true });
    return null;
  }
  const tls = obj(cfg['tls']);
  if (!tls) return undefined;
  const out: Raw = { ...tls };
  let assumed = false;
  const ca = str(tls['caSecret']);
  if (ca) {
    const read = withSecret(ctx, mw, ca, [...tlsPath, 'caSecret'], (data) => {
      const value = data['tls.ca'] ?? data['ca.crt'] ?? (Object.keys(data).length === 1 ? Object.values(data)[0] : undefined);
      return value !== undefined ? { value } : { error: 'it has neither tls.ca nor ca.crt' };
    });
    if ('dropped' in read) return null;
    if ('assumed' in read) assumed = true;
    else {
      delete out['caSecret'];
      out['ca'] = read.value;
    }
  }
  const cert = str(tls['certSecret']);
  if (cert) {
    const read = withSecret(ctx, mw, cert, [...tlsPath, 'certSecret'], (data) => (data['tls.crt'] && data['tls.key'] ? { value: { cert: data['tls.crt'], key: data['tls.key'] } } : { error: 'it needs non-empty tls.crt and tls.key' }));
    if ('dropped' in read) return null;
    if ('assumed' in read) assumed = true;
    else {
      delete out['certSecret'];
      Object.assign(out, read.value);
    }
  }
  return assumed ? undefined : { ...cfg, tls: out };
}

/** plugin: every `urn:k8s:secret:<name>:<key>` string, at any depth, is replaced by the Secret's value. */
export function pluginConfig(ctx: BuildContext, mw: Resource, cfg: Raw): Raw | null | undefined {
  let dropped = false;
  let assumed = false;
  const walk = (v: unknown, path: Path): unknown => {
    if (dropped) return v;
    if (typeof v === 'string') {
      if (!v.startsWith('urn:k8s:secret:')) return v;
      const parts = v.split(':');
      if (parts.length !== 5) {
        ctx.report('PROVIDER_MIDDLEWARE_DROPPED', `Malformed secret URN "${v}" (urn:k8s:secret:<name>:<key>): Traefik drops Middleware ${mw.metadata.namespace}/${mw.metadata.name}.`, mw, path);
        dropped = true;
        return v;
      }
      const read = withSecret(ctx, mw, parts[3]!, path, (data) => (data[parts[4]!] !== undefined ? { value: data[parts[4]!]! } : { error: `it has no key "${parts[4]}"` }));
      if ('dropped' in read) dropped = true;
      else if ('assumed' in read) assumed = true;
      else return read.value;
      return v;
    }
    if (Array.isArray(v)) return v.map((x, i) => walk(x, [...path, i]));
    const o = obj(v);
    if (o) return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, walk(x, [...path, k])]));
    return v;
  };
  const out = walk(cfg, ['spec', 'plugin']) as Raw;
  if (dropped) return null;
  return assumed ? undefined : out;
}

/** rateLimit.redis (createRateLimitMiddleware): `secret` read into username/password (loadRedisCredentials), tls.caSecret and tls.certSecret into ca, cert and key. */
export function rateLimitConfig(ctx: BuildContext, mw: Resource, cfg: Raw): Raw | null | undefined {
  const redis = obj(cfg['redis']);
  if (!redis) return undefined;
  const out: Raw = { ...redis };
  let assumed = false;
  const secret = str(redis['secret']);
  if (secret) {
    const read = withSecret(ctx, mw, secret, ['spec', 'rateLimit', 'redis', 'secret'], (data) =>
      data['username'] !== undefined && data['password'] !== undefined ? { value: { username: data['username'], password: data['password'] } } : { error: 'it must contain both username and password keys' });
    if ('dropped' in read) return null;
    if ('assumed' in read) assumed = true;
    else {
      delete out['secret'];
      Object.assign(out, read.value);
    }
  }
  const tls = obj(redis['tls']);
  if (tls) {
    // The same Secret shapes as forwardAuth's tls: reuse its reading under this path.
    const read = forwardAuthConfig(ctx, mw, { address: 'redis', tls }, ['spec', 'rateLimit', 'redis', 'tls']);
    if (read === null) return null;
    if (read === undefined) assumed = true;
    else out['tls'] = read['tls'];
  }
  return assumed ? undefined : { ...cfg, redis: out };
}
