// Mirrors pkg/middlewares/auth/basic_auth.go and the CRD provider's loadBasicAuthCredentials/loadAuthCredentials
// (pkg/provider/kubernetes/crd/kubernetes.go): users come from a Secret of the Middleware's namespace.
import { delHeader, getHeader } from '../go-http.ts';
import { checkSecret, hashKind, shaSecret } from './htpasswd.ts';
import { boolOf, next, respond, strOf, type MiddlewareImpl, type MwContext } from './kit.ts';

type Users = { ok: true; users: Map<string, string> } | { ok: false; error: string } | { ok: 'unknown'; secret: string };

/**
 * The users a basicAuth middleware would load, from the workspace's Secret.
 *
 * @example
 * loadUsers({ secret: 'admins' }, { routing, namespace: 'apps' }) // { ok: true, users: Map { 'alice' => '$apr1$…' } }
 */
export function loadUsers(config: Record<string, unknown>, ctx: Pick<MwContext, 'routing' | 'namespace'>): Users {
  const name = strOf(config['secret']) ?? '';
  // Users given inline (the kubernetesIngressNGINX provider's auth-map users) need no Secret.
  const inline = Array.isArray(config['users']) ? config['users'].filter((u): u is string => typeof u === 'string') : [];
  if (name === '' && inline.length > 0) {
    const users = new Map<string, string>();
    for (const line of inline) {
      const parts = line.split(':');
      if (parts.length !== 2) return { ok: false, error: `basicAuth: error parsing BasicUser: ${line}` };
      users.set(parts[0]!, parts[1]!);
    }
    return { ok: true, users };
  }
  if (name === '') return { ok: false, error: 'basicAuth: auth secret must be set' };
  const id = `${ctx.namespace}/${name}`;
  const data = ctx.routing.secrets[id];
  if (!data) return { ok: 'unknown', secret: id };
  const keys = Object.keys(data);
  // Only the Secret's type selects loadBasicAuthCredentials: an Opaque Secret (or one without a type, which the
  // API server makes Opaque) with username and password keys has two keys, and loadAuthCredentials refuses it.
  if (ctx.routing.secretTypes[id] === 'kubernetes.io/basic-auth') {
    const user = data['username'];
    const password = data['password'];
    if (user === undefined || password === undefined) return { ok: false, error: `basicAuth: secret '${id}' must contain both username and password keys` };
    return { ok: true, users: new Map([[user, shaSecret(password)]]) };
  }
  if (keys.length !== 1) return { ok: false, error: `basicAuth: found ${keys.length} elements for secret '${id}', must be single element exactly` };
  const lines = data[keys[0]!]!.split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => l.length > 0);
  if (lines.length === 0) return { ok: false, error: `basicAuth: secret '${id}' does not contain any credentials` };
  const users = new Map<string, string>();
  for (const line of lines) {
    const parts = line.split(':');
    if (parts.length !== 2) return { ok: false, error: `basicAuth: error parsing BasicUser: ${line}` };
    users.set(parts[0]!, parts[1]!);
  }
  return { ok: true, users };
}

/** Go `Request.BasicAuth()`: user and password bytes, or undefined. */
function parseBasicAuth(header: string): { user: string; password: Uint8Array } | undefined {
  // Go checks the length before slicing; a shorter header's slice cannot equal the prefix either.
  if (header.slice(0, 6).toLowerCase() !== 'basic ') return undefined;
  const b64 = header.slice(6);
  // StdEncoding: padded groups of 4. What passes here, atob decodes without throwing (it only loosens
  // whitespace and padding, which the test has already refused).
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 !== 0) return undefined;
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const colon = bytes.indexOf(0x3a);
  if (colon < 0) return undefined;
  return { user: new TextDecoder().decode(bytes.slice(0, colon)), password: bytes.slice(colon + 1) };
}

export const basicAuth: MiddlewareImpl = {
  check(config, ctx) {
    const users = loadUsers(config, ctx);
    return users.ok === false ? users.error : null;
  },
  run(config, ctx) {
    const realm = strOf(config['realm']) || 'traefik';
    const unauthorized = (why: string) => respond(
      { status: 401, headers: { 'Content-Type': 'text/plain', 'Www-Authenticate': `Basic realm="${realm}"` }, body: '401 Unauthorized\n' },
      'unauthorized',
      `${why}: 401`,
    );
    const creds = parseBasicAuth(getHeader(ctx.req.headers, 'Authorization'));
    // runMiddlewares runs a middleware only after its check() passed, and check() refuses `ok: false`.
    const users = loadUsers(config, ctx) as Exclude<Users, { ok: false }>;
    if (!creds) return unauthorized('no valid `Authorization: Basic` header');
    if (users.ok === 'unknown') {
      return next('not-simulated', `Secret ${users.secret} is not in the workspace: the password of "${creds.user}" cannot be checked (assumed valid)`);
    }
    const secret = users.users.get(creds.user);
    if (secret === undefined) return unauthorized(`unknown user "${creds.user}"`);
    if (!checkSecret(creds.password, secret)) return unauthorized(`wrong password for "${creds.user}" (${hashKind(secret)} hash)`);
    const effects = [`user "${creds.user}" authenticated (${hashKind(secret)} hash)`];
    const headerField = strOf(config['headerField']) ?? '';
    if (headerField !== '') {
      delHeader(ctx.req.headers, headerField);
      ctx.req.headers[headerField] = [creds.user];
      effects.push(`${headerField}: ${creds.user}`);
    }
    if (boolOf(config['removeHeader'])) {
      delHeader(ctx.req.headers, 'Authorization');
      effects.push('Authorization header removed');
    }
    return next('applied', effects.join('; '));
  },
};
