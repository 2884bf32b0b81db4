// Mirrors pkg/provider/kubernetes/crd/kubernetes.go buildTLSOptions / buildTLSStores and
// pkg/server/aggregator.go resolveHTTPTLSOptions (per-entryPoint conflicts, v3.6.21+ / v2.11.50+).
import { arr, bool, obj, str } from '../model/index.ts';
import { parseDomains } from '../rules/index.ts';
import type { DynamicCertificate, DynamicConfig, DynamicRouter, DynamicTLSOption, Resource } from '../types.ts';
import type { BuildContext } from './context.ts';
import { certificateNames, secretValue } from './certificates.ts';
import { atLeast } from './settings.ts';
import { makeID, PROVIDER } from './names.ts';
import { DEFAULT_ALPN, DEFAULT_CIPHER_SUITES } from './tls-defaults.ts';
import { caBlock, certificateBlock, readKeyed } from './transports.ts';
import { secretData } from './middleware-secrets.ts';
import { judgeMissing } from '../validate/references.ts';

/** tls.Options as buildTLSOptions fills it: SetDefaults (ALPN, cipher suites) then the spec; client CAs from Secrets. */
function providerTLSOption(ctx: BuildContext, r: Resource, spec: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const written = (key: string) => spec[key] !== undefined && spec[key] !== null;
  for (const key of ['minVersion', 'maxVersion'] as const) {
    const v = str(spec[key]);
    if (v) out[key] = v;
  }
  const ciphers = written('cipherSuites') ? arr(spec['cipherSuites']).map(String) : [...DEFAULT_CIPHER_SUITES];
  if (ciphers.length) out['cipherSuites'] = ciphers;
  const curves = arr(spec['curvePreferences']).map(String);
  if (curves.length) out['curvePreferences'] = curves;
  const clientAuth = obj(spec['clientAuth']) ?? {};
  const caFiles: string[] = [];
  arr(clientAuth['secretNames']).forEach((s, i) => {
    // buildTLSOptions uses getCABlocks directly: no one-key fallback here.
    const ca = readKeyed(ctx, r, 'Secret', r.metadata.namespace, str(s) ?? '', ['spec', 'clientAuth', 'secretNames', i], 'client CA', (d) => caBlock(d, false));
    if (ca !== null) caFiles.push(ca);
  });
  const type = str(clientAuth['clientAuthType']);
  if (caFiles.length || type) out['clientAuth'] = { ...(caFiles.length ? { caFiles } : {}), ...(type ? { clientAuthType: type } : {}) };
  if (bool(spec['sniStrict'])) out['sniStrict'] = true;
  const alpn = written('alpnProtocols') ? arr(spec['alpnProtocols']).map(String) : [...DEFAULT_ALPN];
  if (alpn.length) out['alpnProtocols'] = alpn;
  // disableSessionTickets is mapped since v3.4; preferServerCipherSuites is in the CRD but never mapped.
  if (bool(spec['disableSessionTickets']) && atLeast(ctx.settings, '3.4.0')) out['disableSessionTickets'] = true;
  return out;
}

/**
 * `tls.certificates` as getTLSConfig emits them: TLSStore certificates (with their store) first, then
 * IngressRoute secrets, each `ns/secret` once, sorted by it; Secrets that cannot be read are left out.
 */
export function buildTLSCertificates(ctx: BuildContext): Record<string, unknown>[] {
  const found = new Map<string, Record<string, unknown>>();
  const add = (ns: string, name: string, store?: string) => {
    const key = `${ns}/${name}`;
    if (found.has(key)) return;
    const secret = ctx.find('Secret', ns, name);
    const cert = secret ? certificateBlock(secretData(secret)) : undefined;
    if (cert && !('error' in cert)) found.set(key, { ...cert, ...(store ? { stores: [store] } : {}) });
  };
  for (const t of ctx.all('TLSStore')) {
    const id = t.metadata.name === 'default' ? 'default' : makeID(t.metadata.namespace, t.metadata.name);
    for (const c of arr(obj(t.raw['spec'])?.['certificates'])) add(t.metadata.namespace, str(obj(c)?.['secretName']) ?? '', id);
  }
  for (const key of ctx.routeSecrets) add(key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1));
  return [...found.keys()].sort().map((k) => found.get(k)!);
}

/**
 * `tls.stores` as buildTLSStores emits them: `default` (dropped when several namespaces define it) or
 * `ns-name`; a store whose defaultCertificate Secret cannot be read is left out entirely.
 */
export function buildTLSStores(ctx: BuildContext): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  const defaults = ctx.all('TLSStore').filter((t) => t.metadata.name === 'default');
  for (const t of ctx.all('TLSStore')) {
    const isDefault = t.metadata.name === 'default';
    const spec = obj(t.raw['spec']) ?? {};
    const store: Record<string, unknown> = {};
    const secretName = str(obj(spec['defaultCertificate'])?.['secretName']);
    if (obj(spec['defaultCertificate'])) {
      // buildCertificates reports the Secret; here only what the store becomes. Traefik drops the whole
      // store when its default certificate cannot be read; one outside the workspace is assumed readable.
      const secret = ctx.find('Secret', t.metadata.namespace, secretName ?? '');
      const cert = secret ? certificateBlock(secretData(secret)) : undefined;
      if (cert && !('error' in cert)) store['defaultCertificate'] = cert;
      else if (cert || judgeMissing(ctx.scope, 'Secret', t.metadata.namespace, secretName ?? '').kind !== 'outside') continue;
    }
    const generated = obj(spec['defaultGeneratedCert']);
    if (generated) store['defaultGeneratedCert'] = generated;
    if (isDefault && defaults.length > 1) continue;
    out[isDefault ? 'default' : makeID(t.metadata.namespace, t.metadata.name)] = store;
  }
  return out;
}

/** The TLS options Traefik would hold: `ns-name@kubernetescrd` (not normalized) and the global `default`. */
export function buildTLSOptions(ctx: BuildContext): Record<string, DynamicTLSOption> {
  const out: Record<string, DynamicTLSOption> = {};
  const defaults = ctx.all('TLSOption').filter((r) => r.metadata.name === 'default');
  for (const r of ctx.all('TLSOption')) {
    const spec = obj(r.raw['spec']) ?? {};
    const isDefault = r.metadata.name === 'default';
    if (isDefault && defaults.length > 1) {
      ctx.report('PROVIDER_TLS_DEFAULT_DUPLICATE', `TLSOption "default" is defined in ${defaults.length} namespaces (${defaults.map((d) => d.metadata.namespace).join(', ')}): Traefik drops them all and routers relying on it fail. Keep one.`, r, ['metadata', 'name']);
      continue;
    }
    if (/[._]/.test(r.metadata.name)) {
      ctx.report('PROVIDER_TLS_OPTION_NAME', `TLSOption "${r.metadata.name}" is defined as ${makeID(r.metadata.namespace, r.metadata.name)} but references are normalized to ${makeID(r.metadata.namespace, r.metadata.name).replace(/[._]+/g, '-')}: it can never be referenced. Rename it without "." or "_".`, r, ['metadata', 'name']);
    }
    const name = isDefault ? 'default' : `${makeID(r.metadata.namespace, r.metadata.name)}@${PROVIDER}`;
    const option: DynamicTLSOption = { name, sniStrict: bool(spec['sniStrict']) ?? false, origin: { resourceId: r.id, file: r.source.file, range: r.source.node.range } };
    const minVersion = str(spec['minVersion']);
    const maxVersion = str(spec['maxVersion']);
    if (minVersion) option.minVersion = minVersion;
    if (maxVersion) option.maxVersion = maxVersion;
    const ciphers = arr(spec['cipherSuites']).map(String);
    if (ciphers.length) option.cipherSuites = ciphers;
    const curves = arr(spec['curvePreferences']).map(String);
    if (curves.length) option.curvePreferences = curves;
    const alpn = arr(spec['alpnProtocols']).map(String);
    if (alpn.length) option.alpnProtocols = alpn;
    const clientAuth = obj(spec['clientAuth']);
    if (clientAuth) {
      option.clientAuth = { secretNames: arr(clientAuth['secretNames']).map(String) };
      const type = str(clientAuth['clientAuthType']);
      if (type) option.clientAuth.clientAuthType = type;
    }
    option.providerConfig = providerTLSOption(ctx, r, spec);
    out[name] = option;
  }
  if (!out['default']) out['default'] = { name: 'default', minVersion: 'VersionTLS12', sniStrict: false, alpnProtocols: ['h2', 'http/1.1', 'acme-tls/1'], builtin: true };
  return out;
}

export function certificate(ctx: BuildContext, owner: Resource, namespace: string, secretName: string, path: (string | number)[], isDefault = false): DynamicCertificate {
  const secret = ctx.find('Secret', namespace, secretName);
  const cert: DynamicCertificate = { secret: `${namespace}/${secretName}`, sans: [], present: false, origin: { resourceId: owner.id, file: owner.source.file, range: ctx.range(owner, path) } };
  if (isDefault) cert.isDefault = true;
  if (!secret) {
    ctx.report('PROVIDER_SECRET_NOT_FOUND', `Secret ${namespace}/${secretName} is not in the workspace; Traefik loads it from the cluster (the simulator cannot show which names it serves).`, owner, path);
    return cert;
  }
  const pem = secretValue(secret, 'tls.crt');
  const names = pem ? certificateNames(pem) : null;
  if (!names || !secretValue(secret, 'tls.key')) {
    ctx.report('PROVIDER_SECRET_INVALID', `Secret ${namespace}/${secretName} has no readable PEM certificate in tls.crt (and a tls.key): Traefik cannot load it.`, owner, path);
    return cert;
  }
  return { ...cert, sans: names, present: true };
}

/** Certificates of the default store: IngressRoute `tls.secretName`s and TLSStore certificates, de-duplicated by ns/secret. */
export function buildCertificates(ctx: BuildContext): DynamicCertificate[] {
  const out = new Map<string, DynamicCertificate>();
  for (const store of ctx.all('TLSStore')) {
    const spec = obj(store.raw['spec']) ?? {};
    const def = str(obj(spec['defaultCertificate'])?.['secretName']);
    if (def && store.metadata.name === 'default') out.set(`default:${store.metadata.namespace}/${def}`, certificate(ctx, store, store.metadata.namespace, def, ['spec', 'defaultCertificate', 'secretName'], true));
    arr(spec['certificates']).forEach((c, i) => {
      const name = str(obj(c)?.['secretName']);
      if (name && !out.has(`${store.metadata.namespace}/${name}`)) out.set(`${store.metadata.namespace}/${name}`, certificate(ctx, store, store.metadata.namespace, name, ['spec', 'certificates', i, 'secretName']));
    });
  }
  for (const ir of ctx.all('IngressRoute')) {
    const name = str(obj(obj(ir.raw['spec'])?.['tls'])?.['secretName']);
    const key = `${ir.metadata.namespace}/${name}`;
    if (name && !out.has(key)) out.set(key, certificate(ctx, ir, ir.metadata.namespace, name, ['spec', 'tls', 'secretName']));
  }
  return [...out.values()];
}

/**
 * Per entryPoint, a host served by TLS routers with different options is a conflict: since v3.6.21
 * (v2.11.50) every router serving it there is re-emitted as `<ep>-conflicted-<name>` with the default
 * option; before, the host was mapped to the default option and names were kept.
 */
export function resolveTLSConflicts(ctx: BuildContext, config: DynamicConfig): void {
  const renaming = atLeast(ctx.settings, '3.6.21', '2.11.50');
  // Children have no entryPoints of their own (routes.ts): they never join an entryPoint's routers here.
  const routers = Object.values(config.routers).filter((r) => r.tls && !r.disabled);
  const eps = new Set(routers.flatMap((r) => r.entryPoints));
  for (const ep of eps) {
    const onEp = routers.filter((r) => r.entryPoints.includes(ep));
    const byDomain = new Map<string, Map<string, DynamicRouter[]>>();
    const conflicted = new Set<DynamicRouter>();
    for (const r of onEp) {
      const domains = parseDomains(r.rule);
      const option = r.tls!.resolvedOptions;
      if (domains.length === 0 && option !== 'default') conflicted.add(r);
      for (const d of domains) {
        const m = byDomain.get(d) ?? new Map<string, DynamicRouter[]>();
        m.set(option, [...(m.get(option) ?? []), r]);
        byDomain.set(d, m);
      }
    }
    for (const [domain, options] of byDomain) {
      if (options.size < 2) continue;
      const involved = [...options.values()].flat();
      involved.forEach((r) => conflicted.add(r));
      const first = involved[0]!;
      const owner = ctx.resources.find((x) => x.id === first.origin.resourceId);
      if (owner) {
        ctx.report(
          'PROVIDER_TLS_CONFLICT',
          `On entryPoint ${ep}, host ${domain} is served with different TLS options (${[...options.keys()].join(', ')}) by ${involved.map((r) => r.name).join(', ')}: ${renaming ? `Traefik applies the default TLS option to all of them and renames them ${ep}-conflicted-…` : 'Traefik maps the host to the default TLS option'}. Use one TLS option per host.`,
          owner,
          ['spec', 'tls', 'options'],
          { related: involved.slice(1).flatMap((r) => { const o = ctx.resources.find((x) => x.id === r.origin.resourceId); return o ? [{ message: `${r.name} uses ${r.tls!.resolvedOptions}`, resource: o, path: ['spec', 'tls'] }] : []; }) },
        );
      }
    }
    if (!renaming) continue;
    for (const r of conflicted) {
      const name = r.name.slice(0, r.name.lastIndexOf('@'));
      const copy: DynamicRouter = { ...r, name: `${ep}-conflicted-${name}@${PROVIDER}`, entryPoints: [ep], tls: { ...r.tls!, resolvedOptions: 'default' } };
      config.routers[copy.name] = copy;
      r.entryPoints = r.entryPoints.filter((e) => e !== ep);
      if (r.entryPoints.length === 0) delete config.routers[r.name];
    }
  }
}
