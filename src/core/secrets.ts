/** Secret data of the workspace, decoded, keyed by `namespace/name`: for BasicAuth verification
 * and certificates. `data` is base64 (Kubernetes); `stringData` is plain text and wins per key. */
import type { Resource } from './types.ts';
import { obj, str } from './model/read.ts';

export type SecretData = Record<string, Record<string, string>>;

/**
 * @example
 * secretsOf(resources)['shop/admin-users']?.['users'] // 'admin:$apr1$…'
 */
export function secretsOf(resources: readonly Resource[]): SecretData {
  const out: SecretData = {};
  for (const r of resources) {
    if (r.kind !== 'Secret') continue;
    const values: Record<string, string> = {};
    for (const [k, v] of Object.entries(obj(r.raw['data']) ?? {})) {
      const text = str(v);
      if (text !== undefined) values[k] = decodeBase64(text) ?? '';
    }
    for (const [k, v] of Object.entries(obj(r.raw['stringData']) ?? {})) {
      const text = str(v);
      if (text !== undefined) values[k] = text;
    }
    out[`${r.metadata.namespace}/${r.metadata.name}`] = values;
  }
  return out;
}

/** Decodes base64 (whitespace allowed) to a UTF-8 string; undefined when it is not base64. */
export function decodeBase64(text: string): string | undefined {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) return undefined;
  try {
    const binary = atob(clean);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder().decode(bytes);
  } catch {
    return undefined;
  }
}
