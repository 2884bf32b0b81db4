// Mirrors pkg/tls/certificate_store.go (GetBestCertificate, matchDomain, appendCertificate) and the fallback of
// pkg/tls/tlsmanager.go Get (sniStrict → handshake failure; else the store's default certificate).
import type { DynamicCertificate } from '../types.ts';
import type { CertificateChoice } from './verdict.ts';

export interface CertificateStore {
  /** Certificate keys (sorted SANs joined by `,`) in the order GetBestCertificate scans them (reverse lexicographic). */
  keys: { key: string; secret: string }[];
  /** TLSStore `default` defaultCertificate secret, if any. */
  defaultSecret: string | null;
  /** Certificates whose Secret is not in the workspace (SANs unknown). */
  unknown: string[];
}

/**
 * Builds the default certificate store from the dynamic configuration's certificates.
 *
 * @example
 * buildCertificateStore([{ secret: 'apps/tls', sans: ['b.com', 'a.com'], present: true }]).keys[0].key // 'a.com,b.com'
 */
export function buildCertificateStore(certificates: readonly DynamicCertificate[]): CertificateStore {
  const byKey = new Map<string, string>();
  let defaultSecret: string | null = null;
  const unknown: string[] = [];
  const seen = new Set<string>(); // unknown.includes per certificate was quadratic (13,000 secrets in the 10 MB workspace)
  for (const cert of certificates) {
    if (cert.isDefault) {
      defaultSecret ??= cert.secret;
      continue;
    }
    if (!cert.present || cert.sans.length === 0) {
      if (!seen.has(cert.secret)) unknown.push(cert.secret);
      seen.add(cert.secret);
      continue;
    }
    const key = [...cert.sans].map((s) => s.toLowerCase()).sort().join(',');
    if (!byKey.has(key)) byKey.set(key, cert.secret); // appendCertificate: an existing key is kept
  }
  const keys = [...byKey].map(([key, secret]) => ({ key, secret }));
  // Stryker disable next-line EqualityOperator: keys are unique (byKey), so a.key === b.key never happens
  keys.sort((a, b) => (a.key < b.key ? 1 : -1));
  return { keys, defaultSecret, unknown };
}

/** `matchDomain`: the SAN that matches serverName, exactly or as a one-label wildcard. */
function matchDomain(serverName: string, key: string): string | undefined {
  for (const san of key.split(',')) {
    if (serverName === san) return san;
    const trimmed = san.replace(/\.+$/, '');
    const labels = serverName.split('.');
    labels[0] = '*';
    if (trimmed === labels.join('.')) return san;
  }
  return undefined;
}

export interface CertificatePick {
  choice: CertificateChoice;
  because: string;
  handshake: 'ok' | 'failed';
}

/**
 * The certificate Traefik serves for an SNI (null = no SNI), given the handshake option's `sniStrict`.
 *
 * @example
 * pickCertificate(store, 'a.com', false).choice.type // 'store'
 */
export function pickCertificate(store: CertificateStore, sniRaw: string | null, sniStrict: boolean): CertificatePick {
  const sni = (sniRaw ?? '').trim().toLowerCase();
  if (sni !== '') {
    for (const { key, secret } of store.keys) {
      const san = matchDomain(sni, key);
      if (san !== undefined) {
        return {
          choice: { type: 'store', secret, key, matchedSan: san },
          because: `certificate ${secret} (SANs ${key}) matches "${sni}" through ${san === sni ? 'its SAN' : `its wildcard SAN ${san}`}; keys are tried in reverse lexicographic order`,
          handshake: 'ok',
        };
      }
    }
  }
  const why = sni === ''
    ? 'no SNI: Traefik looks the certificate up by its own local IP address, which matches no certificate SAN here'
    : `no certificate in the store covers "${sni}"`;
  if (sniStrict) {
    return { choice: { type: 'none', reason: why }, because: `${why}, and the TLS option has sniStrict: the handshake fails`, handshake: 'failed' };
  }
  if (store.defaultSecret) {
    return { choice: { type: 'default-store', secret: store.defaultSecret }, because: `${why}: the TLSStore default certificate ${store.defaultSecret} is served`, handshake: 'ok' };
  }
  return { choice: { type: 'traefik-default' }, because: `${why}: Traefik serves its self-signed "TRAEFIK DEFAULT CERT"`, handshake: 'ok' };
}
