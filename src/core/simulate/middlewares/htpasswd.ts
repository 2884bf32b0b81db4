// Mirrors github.com/containous/go-http-auth basic.go CheckSecret and md5crypt.go MD5Crypt (the comparators
// Traefik's BasicAuth uses): `$apr1$`/`$1$` MD5-crypt (the default), `{SHA}`, and bcrypt `$2a$ $2b$ $2x$ $2y$`.
import { md5, sha1 } from '@noble/hashes/legacy.js';
import bcrypt from 'bcryptjs';

const ITOA64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SWAPS = [12, 6, 0, 13, 7, 1, 14, 8, 2, 15, 9, 3, 5, 10, 4, 11];

const enc = (s: string) => new TextEncoder().encode(s);

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Go `MD5Crypt(password, salt, magic)`.
 *
 * @example
 * md5Crypt(enc('myPassword'), enc('r31.....'), enc('$apr1$'))
 */
export function md5Crypt(password: Uint8Array, salt: Uint8Array, magic: Uint8Array): string {
  const d: Uint8Array[] = [password, magic, salt];
  const mixin = md5(concat(password, salt, password));
  for (let i = 0; i < password.length; i++) d.push(Uint8Array.of(mixin[i % 16]!));
  for (let i = password.length; i !== 0; i >>= 1) d.push(Uint8Array.of(i & 1 ? 0 : password[0]!));
  let final = md5(concat(...d));
  for (let i = 0; i < 1000; i++) {
    const parts: Uint8Array[] = [i & 1 ? password : final];
    if (i % 3 !== 0) parts.push(salt);
    if (i % 7 !== 0) parts.push(password);
    parts.push(i & 1 ? final : password);
    final = md5(concat(...parts));
  }
  let result = '';
  let v = 0;
  let bits = 0;
  for (const i of SWAPS) {
    v |= final[i]! << bits;
    // Stryker disable next-line EqualityOperator: 6 whole bits written now or after the next byte is or-ed in above them give the same characters (128 bits = 21 × 6 + 2 either way)
    for (bits += 8; bits > 6; bits -= 6) {
      result += ITOA64[v & 0x3f];
      v >>>= 6;
    }
  }
  result += ITOA64[v & 0x3f];
  return new TextDecoder().decode(magic) + new TextDecoder().decode(salt) + '$' + result;
}

function base64Of(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

export type HashKind = 'md5' | 'sha' | 'bcrypt';

/**
 * Which comparator CheckSecret picks for a stored hash.
 *
 * @example
 * hashKind('$2y$05$…') // 'bcrypt'
 */
export function hashKind(secret: string): HashKind {
  if (secret.startsWith('{SHA}')) return 'sha';
  if (/^\$2[abxy]\$/.test(secret)) return 'bcrypt';
  return 'md5';
}

/**
 * Go `CheckSecret(password, secret)`; never throws.
 *
 * @example
 * checkSecret('test', '{SHA}qUqP5cyxm6YcTAhz05Hph5gvu9M=') // true
 */
export function checkSecret(password: Uint8Array, secret: string): boolean {
  const kind = hashKind(secret);
  switch (kind) {
    case 'sha':
      return secret.slice(5) === base64Of(sha1(password));
    case 'bcrypt':
      // Go's bcrypt reads the minor version letter without checking it; bcryptjs accepts a, b and y only (and
      // writes its own letter back), so every prefix is compared as $2a$.
      try {
        return bcrypt.compareSync(new TextDecoder().decode(password), '$2a$' + secret.slice(4));
      } catch {
        // A hash bcrypt cannot read (bad cost, short salt): CompareHashAndPassword errors, no match.
        return false;
      }
    case 'md5': {
      // bytes.SplitN(secret, "$", 4) must give 4 parts; with fewer, MD5Crypt's "$magic$salt$hash" (always 4
      // parts) cannot equal the secret, so the comparison below refuses it just the same.
      const parts = secret.split('$');
      const magic = enc('$' + parts[1] + '$');
      const salt = enc(parts[2]!); // TextEncoder encodes a missing part (undefined) as no bytes
      return md5Crypt(password, salt, magic) === secret;
    }
  }
}

/**
 * `{SHA}` + base64(sha1(password)): what the CRD provider stores for `kubernetes.io/basic-auth` secrets.
 *
 * @example
 * shaSecret('test') // '{SHA}qUqP5cyxm6YcTAhz05Hph5gvu9M='
 */
export function shaSecret(password: string): string {
  return '{SHA}' + base64Of(sha1(enc(password)));
}
