// Mirrors pkg/provider/kubernetes/crd/kubernetes.go: the ServersTransport and ServersTransportTCP loops of
// loadConfigurationFromCRD, loadCASecret, loadCAConfigMap, loadAuthTLSSecret, getCABlocks, getCertificateBlocks.
import { arr, bool, num, obj, str } from '../model/index.ts';
import type { Path, Resource } from '../types.ts';
import { judgeMissing } from '../validate/references.ts';
import type { BuildContext } from './context.ts';
import { secretData } from './middleware-secrets.ts';
import { makeID, normalize } from './names.ts';
import { atLeast } from './settings.ts';
import { formatDuration, KNOWN_CIPHER_SUITES, parseDuration, TLS_VERSIONS } from './tls-defaults.ts';

type Raw = Record<string, unknown>;

/**
 * Reads a Secret or ConfigMap of `namespace` with `read` (which returns the value or why it cannot). Null
 * when Traefik leaves the value out (it logs the error and goes on), or when the object is outside the
 * workspace (Traefik reads it from the cluster; the export cannot show its content). Both are reported.
 */
export function readKeyed<T>(ctx: BuildContext, owner: Resource, kind: 'Secret' | 'ConfigMap', namespace: string, name: string, path: Path, what: string, read: (data: Record<string, string>) => T | { error: string }): T | null {
  const found = ctx.find(kind, namespace, name);
  if (!found) {
    const verdict = judgeMissing(ctx.scope, kind, namespace, name);
    if (verdict.kind === 'outside') {
      ctx.report('PROVIDER_SECRET_NOT_FOUND', `${kind} ${namespace}/${name} is not in the workspace; Traefik reads the ${what} from the cluster (the export cannot show it and leaves it out).`, owner, path);
    } else {
      ctx.report('PROVIDER_SECRET_SKIPPED', `${kind} ${namespace}/${name} does not exist${verdict.suggestion ? ` (did you mean ${verdict.suggestion}?)` : ''}: Traefik logs an error and leaves the ${what} out.`, owner, path);
    }
    return null;
  }
  const data = kind === 'Secret' ? secretData(found) : Object.fromEntries(Object.entries(obj(found.raw['data']) ?? {}).map(([k, v]) => [k, str(v) ?? '']));
  const value = read(data);
  if (value && typeof value === 'object' && 'error' in value) {
    ctx.report('PROVIDER_SECRET_SKIPPED', `${kind} ${namespace}/${name} ${value.error}: Traefik logs an error and leaves the ${what} out.`, owner, path);
    return null;
  }
  return value as T;
}

/** getCABlocks: `tls.ca`, else `ca.crt`; `fallback` (loadCASecret) also takes the only value of a one-key Secret. */
export function caBlock(data: Record<string, string>, fallback: boolean): string | { error: string } {
  if (data['tls.ca'] !== undefined) return data['tls.ca'];
  if (data['ca.crt'] !== undefined) return data['ca.crt'];
  const values = Object.values(data);
  if (fallback && values.length === 1) return values[0]!;
  return { error: 'contains neither tls.ca nor ca.crt' };
}

/** getCertificateBlocks: both `tls.crt` and `tls.key`, not empty. */
export function certificateBlock(data: Record<string, string>): { certFile: string; keyFile: string } | { error: string } {
  const missing = ['tls.crt', 'tls.key'].filter((k) => data[k] === undefined);
  if (missing.length) return { error: `is missing the TLS data entries ${missing.join(', ')}` };
  const empty = ['tls.crt', 'tls.key'].filter((k) => data[k] === '');
  if (empty.length) return { error: `has empty TLS data entries ${empty.join(', ')}` };
  return { certFile: data['tls.crt']!, keyFile: data['tls.key']! };
}

/** rootCAsSecrets then rootCAs (a Secret or a ConfigMap; both set is an error, skipped). */
function rootCAs(ctx: BuildContext, r: Resource, spec: Raw, base: Path): string[] {
  const ns = r.metadata.namespace;
  const out: string[] = [];
  arr(spec['rootCAsSecrets']).forEach((s, i) => {
    const ca = readKeyed(ctx, r, 'Secret', ns, str(s) ?? '', [...base, 'rootCAsSecrets', i], 'root CA', (d) => caBlock(d, true));
    if (ca !== null) out.push(ca);
  });
  arr(spec['rootCAs']).forEach((raw, i) => {
    const ref = obj(raw) ?? {};
    const secret = str(ref['secret']);
    const configMap = str(ref['configMap']);
    // Both set is refused by the CRD schema (SCHEMA_EXCLUSIVE reports it); the provider skips the entry.
    if (secret !== undefined && configMap !== undefined) return;
    const ca = secret !== undefined
      ? readKeyed(ctx, r, 'Secret', ns, secret, [...base, 'rootCAs', i, 'secret'], 'root CA', (d) => caBlock(d, true))
      : configMap !== undefined
        ? readKeyed(ctx, r, 'ConfigMap', ns, configMap, [...base, 'rootCAs', i, 'configMap'], 'root CA', (d) => caBlock(d, false))
        : null;
    if (ca !== null) out.push(ca);
  });
  return out;
}

function certificates(ctx: BuildContext, r: Resource, spec: Raw, base: Path): { certFile: string; keyFile: string }[] {
  const out: { certFile: string; keyFile: string }[] = [];
  arr(spec['certificatesSecrets']).forEach((s, i) => {
    const cert = readKeyed(ctx, r, 'Secret', r.metadata.namespace, str(s) ?? '', [...base, 'certificatesSecrets', i], 'client certificate', certificateBlock);
    if (cert !== null) out.push(cert);
  });
  return out;
}

/** A duration field: set when Traefik can read it, else the default stays (reported). */
function setDuration(ctx: BuildContext, r: Resource, out: Record<string, number>, key: string, value: unknown, path: Path): void {
  if (value === undefined || value === null) return;
  const ns = parseDuration(value);
  if (ns === null) ctx.report('PROVIDER_TRANSPORT_VALUE', `${key}: "${String(value)}" is not a duration (a number of seconds, or e.g. 30s, 1m): Traefik keeps the default.`, r, path);
  else out[key] = ns;
}

function durations(values: Record<string, number>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== 0).map(([k, v]) => [k, formatDuration(v)]));
}

/** cipherSuites, minVersion, maxVersion of a ServersTransport (v3.7+), with the provider's fallbacks. */
function tlsVersions(ctx: BuildContext, r: Resource, spec: Raw, out: Raw): void {
  const ciphers = arr(spec['cipherSuites']).map(String);
  const unknown = ciphers.find((c) => !KNOWN_CIPHER_SUITES.has(c));
  if (unknown) ctx.report('PROVIDER_TRANSPORT_VALUE', `Cipher suite ${unknown} is not supported: Traefik falls back to the default cipher suites.`, r, ['spec', 'cipherSuites', ciphers.indexOf(unknown)]);
  else if (ciphers.length) out['cipherSuites'] = ciphers;
  const version = (key: 'minVersion' | 'maxVersion') => {
    const v = str(spec[key]) ?? '';
    if (v && !TLS_VERSIONS.includes(v)) ctx.report('PROVIDER_TRANSPORT_VALUE', `${key} ${v} is not a TLS version (${TLS_VERSIONS.join(', ')}): Traefik ignores it.`, r, ['spec', key]);
    return TLS_VERSIONS.includes(v) ? v : '';
  };
  let min = version('minVersion');
  let max = version('maxVersion');
  const [wroteMin, wroteMax] = [str(spec['minVersion']) ?? '', str(spec['maxVersion']) ?? ''];
  if (wroteMin && wroteMax && TLS_VERSIONS.indexOf(min) >= TLS_VERSIONS.indexOf(max)) {
    ctx.report('PROVIDER_TRANSPORT_VALUE', `minVersion ${wroteMin} is not below maxVersion ${wroteMax}: Traefik falls back to minVersion VersionTLS12 and no maxVersion.`, r, ['spec', 'minVersion']);
    [min, max] = ['VersionTLS12', ''];
  }
  if (min) out['minVersion'] = min;
  if (max) out['maxVersion'] = max;
}

/**
 * `http.serversTransports` as the provider builds them, keyed `ns-name` (normalized), in the
 * file-provider shape: fields Traefik leaves empty are left out, forwardingTimeouts carry the defaults
 * (dial 30s, idle 90s, ping 15s), CAs and client certificates are read from the workspace's Secrets.
 */
export function buildServersTransports(ctx: BuildContext): Record<string, Raw> {
  const out: Record<string, Raw> = {};
  for (const r of ctx.all('ServersTransport')) {
    const spec = obj(r.raw['spec']) ?? {};
    const t: Raw = {};
    const serverName = str(spec['serverName']);
    if (serverName) t['serverName'] = serverName;
    if (bool(spec['insecureSkipVerify'])) t['insecureSkipVerify'] = true;
    const cas = rootCAs(ctx, r, spec, ['spec']);
    if (cas.length) t['rootCAs'] = cas;
    const certs = certificates(ctx, r, spec, ['spec']);
    if (certs.length) t['certificates'] = certs;
    if (atLeast(ctx.settings, '3.7.0')) tlsVersions(ctx, r, spec, t);
    const maxIdle = num(spec['maxIdleConnsPerHost']);
    if (maxIdle) t['maxIdleConnsPerHost'] = maxIdle;
    const timeouts: Record<string, number> = { dialTimeout: 30e9, idleConnTimeout: 90e9, pingTimeout: 15e9 };
    const written = obj(spec['forwardingTimeouts']) ?? {};
    for (const key of ['dialTimeout', 'responseHeaderTimeout', 'idleConnTimeout', 'readIdleTimeout', 'pingTimeout']) setDuration(ctx, r, timeouts, key, written[key], ['spec', 'forwardingTimeouts', key]);
    t['forwardingTimeouts'] = durations(timeouts);
    if (bool(spec['disableHTTP2'])) t['disableHTTP2'] = true;
    const uri = str(spec['peerCertURI']);
    if (uri) t['peerCertURI'] = uri;
    // peerCertSANs is mapped after v3.7.9 (Traefik's master).
    const sans = arr(spec['peerCertSANs']);
    if (sans.length && atLeast(ctx.settings, '3.8.0')) t['peerCertSANs'] = sans;
    const spiffe = obj(spec['spiffe']);
    if (spiffe && ctx.settings.target !== 'v2.11') t['spiffe'] = spiffe;
    out[normalize(makeID(r.metadata.namespace, r.metadata.name))] = t;
  }
  return out;
}
