// Mirrors pkg/provider/configuration.go Normalize and pkg/provider/kubernetes/crd/kubernetes_http.go makeServiceKey.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { memoByText } from '../memo.ts';

export const PROVIDER = 'kubernetescrd';

/**
 * Traefik's Normalize: splits on every rune that is neither a letter nor a number and joins
 * the non-empty pieces with `-`.
 *
 * @example
 * normalize('default-test.route') // 'default-test-route'
 */
export function normalize(name: string): string {
  // Fast path for the common name (every router and service name passes here): ASCII letters and
  // digits in runs joined by single dashes is already normalized and is returned as it is.
  let clean = true;
  let afterSeparator = true;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 0x80) return normalizeUnicode(name);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) afterSeparator = false;
    else {
      if (c !== 45 || afterSeparator) clean = false;
      afterSeparator = true;
    }
  }
  if (clean && !afterSeparator) return name;
  // ASCII: the letters and numbers of ASCII are A–Z, a–z and 0–9.
  return name.split(/[^A-Za-z0-9]+/).filter(Boolean).join('-');
}

function normalizeUnicode(name: string): string {
  // unicode.IsNumber is the whole N category (Nd, Nl, No: `²`, `Ⅻ`, `½` are kept), not only digits.
  // Stryker disable next-line Regex: without `+` a run of separators splits into empty pieces, which filter(Boolean) drops
  return name.split(/[^\p{L}\p{N}]+/u).filter(Boolean).join('-');
}

/** `namespace-name`, or `name` when the namespace is empty (makeID). */
export function makeID(namespace: string, name: string): string {
  return namespace === '' ? name : `${namespace}-${name}`;
}

/** First 20 hex characters of sha256(match). */
export function matchHash(match: string): string {
  return hashOf(match);
}

/** SHA-256 of every route's match on every analysis was ~10 ms at 2,500 routes: each is hashed once. */
const hashOf = memoByText((match) => sha256Hex(match).slice(0, 20));

/** SHA-256 of a text's UTF-8 bytes as lowercase hex, in plain JavaScript (@noble/hashes): the core's default. */
export const portableSha256Hex = (text: string): string => bytesToHex(sha256(utf8ToBytes(text)));

let sha256Hex = portableSha256Hex;

/**
 * Makes router names with another SHA-256 of a text's UTF-8 bytes, as lowercase hex. The CLI passes Node's own
 * (`crypto.hash`), which hashes 12,500 rules of a cold process in ~10 ms against ~53 ms; the browser has no
 * synchronous one, so the core's default stays @noble/hashes.
 *
 * @example
 * useSha256Hex((text) => hash('sha256', text, 'hex')); // node:crypto
 */
export function useSha256Hex(hex: (text: string) => string): void {
  sha256Hex = hex;
}

/**
 * The router name Traefik gives a route, without the provider suffix.
 *
 * @example
 * routerKey('default', 'test.route', 'Host(`foo.com`) && PathPrefix(`/bar`)') // 'default-test-route-6b204d94623b3df4370c'
 */
export function routerKey(namespace: string, ingressName: string, match: string): string {
  return normalize(makeID(namespace, `${ingressName}-${matchHash(match)}`));
}

export function qualify(name: string): string {
  return name.includes('@') ? name : `${name}@${PROVIDER}`;
}

export function unqualify(name: string): string {
  return name.endsWith(`@${PROVIDER}`) ? name.slice(0, -PROVIDER.length - 1) : name;
}
