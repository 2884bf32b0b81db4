// Mirrors pkg/tls/certificate.go (the SAN list that keys a certificate in the store): CN + DNS + IP SANs.
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate, SubjectAlternativeName, id_ce_subjectAltName } from '@peculiar/asn1-x509';
import { decodeBase64 } from '../secrets.ts';
import { obj, str } from '../model/index.ts';
import type { Resource } from '../types.ts';

/** The PEM text of a Secret key: `stringData` as is, `data` base64-decoded. */
export function secretValue(secret: Resource, key: string): string | undefined {
  const plain = str(obj(secret.raw['stringData'])?.[key]);
  if (plain !== undefined) return plain;
  const encoded = str(obj(secret.raw['data'])?.[key]);
  return encoded === undefined ? undefined : decodeBase64(encoded);
}

/**
 * The names a PEM certificate serves, lower-cased: its CN and its DNS and IP SANs. Null when the
 * text holds no readable certificate.
 *
 * @example
 * certificateNames(pem) // ['*.shop.example.com', '10.0.0.1', 'shop.example.com']
 */
export function certificateNames(pem: string): string[] | null {
  const m = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(pem);
  if (!m) return null;
  try {
    const der = Uint8Array.from(atob(m[1]!.replace(/\s/g, '')), (c) => c.charCodeAt(0));
    const cert = AsnConvert.parse(der, Certificate);
    const names = new Set<string>();
    for (const rdn of cert.tbsCertificate.subject) {
      for (const atv of rdn) if (atv.type === '2.5.4.3') names.add(atv.value.toString().toLowerCase());
    }
    for (const ext of cert.tbsCertificate.extensions ?? []) {
      if (ext.extnID !== id_ce_subjectAltName) continue;
      for (const g of AsnConvert.parse(ext.extnValue, SubjectAlternativeName)) {
        if (g.dNSName) names.add(g.dNSName.toLowerCase());
        if (g.iPAddress) names.add(g.iPAddress.toLowerCase());
      }
    }
    return [...names].sort();
  } catch {
    return null;
  }
}
