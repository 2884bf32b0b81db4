// Mirrors the resolvers of pkg/provider/kubernetes/ingress-nginx/build.go: buildServersTransport,
// certificateBlocks, buildClientAuthTLSOption, resolveBasicAuth (auth-file and auth-map), resolveCustomHeaders.
import { obj } from '../../model/index.ts';
import { secretValue } from '../../provider/certificates.ts';
import type { BuildContext } from '../../provider/context.ts';
import { normalize } from '../../provider/names.ts';
import type { Resource } from '../../types.ts';
import type { NginxProviderOptions } from '../options.ts';
import { backendScheme, type NginxConfig } from './annotations.ts';
import { clientAuthTypeOf } from './middleware.ts';

/** certificateBlocks: `ca.crt`, `tls.crt` and `tls.key` of a Secret; a string says why it cannot be read. */
export function certificateBlocks(ctx: BuildContext, ns: string, name: string): { ca?: string; cert?: string; key?: string } | string {
  const secret = ctx.find('Secret', ns, name);
  if (!secret) return `Secret ${ns}/${name} is not in the workspace`;
  const cert = secretValue(secret, 'tls.crt');
  const key = secretValue(secret, 'tls.key');
  const ca = secretValue(secret, 'ca.crt');
  if (cert === undefined && key === undefined && ca === undefined) return `secret ${ns}/${name} does not contain a keypair or CA certificate`;
  if (ca === '') return `secret ${ns}/${name} contains an empty CA certificate`;
  const out: { ca?: string; cert?: string; key?: string } = {};
  if (ca !== undefined) out.ca = ca;
  if (cert !== undefined && key !== undefined) {
    if (cert === '' || key === '') return `secret ${ns}/${name} contains an empty certificate or key`;
    out.cert = cert;
    out.key = key;
  }
  return out;
}

const seconds = (n: number) => `${n}s`;

/**
 * buildServersTransport: one per Ingress, `<ns>-<name>`, with the proxy timeouts (annotation, else the
 * provider's), proxy-http-version 1.1 → disableHTTP2, and for HTTPS backends the proxy-ssl-* settings.
 *
 * @example
 * serversTransport(ctx, 'default', 'web', {}, o) // { name: 'default-web', config: { forwardingTimeouts: { dialTimeout: '60s', … } } }
 */
export function serversTransport(ctx: BuildContext, ns: string, name: string, c: NginxConfig, o: NginxProviderOptions): { name: string; config: Record<string, unknown>; warning?: string } | string {
  const config: Record<string, unknown> = {
    forwardingTimeouts: {
      dialTimeout: seconds(c['proxy-connect-timeout'] ?? o.proxyConnectTimeout),
      readTimeout: seconds(c['proxy-read-timeout'] ?? o.proxyReadTimeout),
      writeTimeout: seconds(c['proxy-send-timeout'] ?? o.proxySendTimeout),
      idleConnTimeout: seconds(o.upstreamKeepaliveTimeout),
    },
  };
  let warning: string | undefined;
  const version = c['proxy-http-version'] ?? '';
  if (version === '1.1') config['disableHTTP2'] = true;
  else if (version === '1.0') warning = "proxy-http-version '1.0' is not supported: Traefik ignores it";
  else if (version !== '') warning = `invalid proxy-http-version "${version}": Traefik ignores it`;
  const out = { name: normalize(`${ns}-${name}`), config, ...(warning ? { warning } : {}) };
  if (backendScheme(c['backend-protocol']) !== 'https') return out;
  const serverName = c['proxy-ssl-name'] ?? c['proxy-ssl-server-name'] ?? '';
  if (serverName !== '') config['serverName'] = serverName;
  config['insecureSkipVerify'] = (c['proxy-ssl-verify'] ?? 'off').toLowerCase() !== 'on';
  const ref = c['proxy-ssl-secret'] ?? '';
  if (ref === '') return out;
  const parts = ref.split('/');
  if (parts.length !== 2) return `malformed proxy SSL secret: ${ref}`;
  const [sns, sname] = parts as [string, string];
  if (!o.allowCrossNamespaceResources && sns !== ns) return `cross-namespace proxy SSL secret not allowed: ${sns}/${sname}`;
  const blocks = certificateBlocks(ctx, sns, sname);
  if (typeof blocks === 'string') return `getting certificate blocks: ${blocks}`;
  // The PEM contents stay in the Secret: the export names it, as a CRD ServersTransport would.
  if (blocks.ca) config['rootCAsSecrets'] = [`${sns}/${sname}`];
  if (blocks.cert && blocks.key) config['certificatesSecrets'] = [`${sns}/${sname}`];
  return out;
}

/** buildClientAuthTLSOption: auth-tls-secret (`namespace/name`, with `ca.crt`) → a TLS option requiring client certificates. */
export function clientAuthTLSOption(ctx: BuildContext, ing: Resource, c: NginxConfig, o: NginxProviderOptions): { name: string; secret: string; clientAuthType: string } | string {
  const ref = c['auth-tls-secret'] ?? '';
  const slash = ref.indexOf('/');
  const [sns, sname] = slash < 0 ? ['', ''] : [ref.slice(0, slash), ref.slice(slash + 1)];
  if (sns === '' || sname === '') return 'auth-tls-secret must be in namespace/name format';
  if (!o.allowCrossNamespaceResources && sns !== ing.metadata.namespace) return `cross-namespace auth-tls-secret not allowed: ${sns}/${sname}`;
  const blocks = certificateBlocks(ctx, sns, sname);
  if (typeof blocks === 'string') return `reading client certificate: ${blocks}`;
  if (!blocks.ca) return `secret ${sns}/${sname} does not contain a CA certificate (ca.crt)`;
  return { name: normalize(`${ing.metadata.namespace}-${ing.metadata.name}-${ref}`), secret: `${sns}/${sname}`, clientAuthType: clientAuthTypeOf(c['auth-tls-verify-client']) };
}

/** The CA of auth-tls-secret forwarded by pass-certificate-to-upstream (optional_no_ca only). */
export function passCertificateCA(ctx: BuildContext, ns: string, c: NginxConfig, o: NginxProviderOptions): string | undefined {
  if (!c['auth-tls-pass-certificate-to-upstream'] || clientAuthTypeOf(c['auth-tls-verify-client']) !== 'RequestClientCert') return undefined;
  const parts = (c['auth-tls-secret'] ?? '').split('/');
  if (parts.length < 2 || parts[0] === '' || parts[1] === '') return undefined;
  const [sns, sname] = [parts[0]!, parts.slice(1).join('/')];
  if (!o.allowCrossNamespaceResources && sns !== ns) return undefined;
  const blocks = certificateBlocks(ctx, sns, sname);
  return typeof blocks === 'string' ? undefined : blocks.ca;
}

/**
 * resolveBasicAuth: the users of auth-secret, from its `auth` file (auth-file, one htpasswd line per user)
 * or from its keys (auth-map, `user:hash` per key); digest when auth-type is digest.
 */
export function resolveAuth(ctx: BuildContext, ing: Resource, c: NginxConfig, o: NginxProviderOptions): { users: string[]; secret: string; realm: string; digest?: boolean } | string {
  // `secret` is left empty for auth-map: its users cannot be read back from the Secret by a CRD Middleware.
  if (c['auth-type'] !== 'basic' && c['auth-type'] !== 'digest') return `invalid auth-type "${c['auth-type']}"`;
  const ref = c['auth-secret'] ?? '';
  if (ref === '') return 'auth-secret must not be empty';
  const parts = ref.split('/');
  if (parts.length > 2) return `invalid auth secret format "${ref}"`;
  const [ns, name] = parts.length === 2 ? [parts[0]!, parts[1]!] : [ing.metadata.namespace, parts[0]!];
  if (ns !== ing.metadata.namespace && !o.allowCrossNamespaceResources) return `cross-namespace auth secret not allowed: ${ns}/${name}`;
  const secret = ctx.find('Secret', ns, name);
  if (!secret) return `Secret ${ns}/${name} is not in the workspace`;
  const type = c['auth-secret-type'] ?? 'auth-file';
  if (type !== 'auth-file' && type !== 'auth-map') return `invalid auth-secret-type "${type}"`;
  let users: string[];
  if (type === 'auth-map') {
    // Go ranges over a map: the order is random, so the users are listed sorted.
    const keys = [...new Set([...Object.keys(obj(secret.raw['data']) ?? {}), ...Object.keys(obj(secret.raw['stringData']) ?? {})])].sort();
    if (keys.length === 0) return `secret ${ns}/${name} contains no user credentials`;
    users = keys.map((k) => `${k}:${secretValue(secret, k) ?? ''}`);
  } else {
    const file = secretValue(secret, 'auth');
    if (file === undefined) return `secret ${ns}/${name} missing key 'auth'`;
    users = file.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  }
  return { users, secret: type === 'auth-map' ? '' : name, realm: c['auth-realm'] ?? '', ...(c['auth-type'] === 'digest' ? { digest: true } : {}) };
}

/**
 * resolveCustomHeaders + the value check of buildCustomHeaders: the ConfigMap `namespace/name`, every key
 * among the allowed headers, every value printable. A string says why the location answers 503.
 */
export function customHeaders(ctx: BuildContext, ns: string, ref: string, o: NginxProviderOptions): Record<string, string> | string {
  const parts = ref.split('/');
  if (parts.length !== 2) return `invalid custom-headers configmap reference "${ref}"`;
  const [cns, cname] = parts as [string, string];
  if (!o.allowCrossNamespaceResources && cns !== ns) return `cross-namespace custom-headers is not allowed: configMap ${cns}/${cname} is not from ingress namespace "${ns}"`;
  const cm = ctx.find('ConfigMap', cns, cname);
  if (!cm) return `ConfigMap ${cns}/${cname} is not in the workspace`;
  const allowed = o.globalAllowedResponseHeaders.filter((h) => /^[a-zA-Z\d\-_]+$/.test(h));
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj(cm.raw['data']) ?? {})) {
    if (!allowed.includes(k)) return `header "${k}" is not in globalAllowedResponseHeaders`;
    headers[k] = String(v);
  }
  for (const [k, v] of Object.entries(headers)) {
    if (!/^[a-zA-Z\d_ :;.,\\/"'?!(){}[\]@<>=\-+*#$&`|~^%]+$/.test(v)) return `the value of header "${k}" has characters ingress-nginx refuses`;
  }
  return headers;
}
