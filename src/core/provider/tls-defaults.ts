// Mirrors pkg/tls/cipher.go (the cipher suite names Traefik accepts), pkg/tls/tlsmanager.go (DefaultTLSOptions)
// and paerser's Duration.Set (an integer is seconds, anything else a Go duration), as the provider uses them.

/** The cipher suite names Traefik knows (tls.CipherSuites in pkg/tls/cipher.go). */
export const KNOWN_CIPHER_SUITES: ReadonlySet<string> = new Set([
  'TLS_RSA_WITH_RC4_128_SHA', 'TLS_RSA_WITH_3DES_EDE_CBC_SHA', 'TLS_RSA_WITH_AES_128_CBC_SHA', 'TLS_RSA_WITH_AES_256_CBC_SHA',
  'TLS_RSA_WITH_AES_128_CBC_SHA256', 'TLS_RSA_WITH_AES_128_GCM_SHA256', 'TLS_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_ECDSA_WITH_RC4_128_SHA', 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA', 'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA',
  'TLS_ECDHE_RSA_WITH_RC4_128_SHA', 'TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA', 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA',
  'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA', 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256', 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305', 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
  'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305', 'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256', 'TLS_AES_128_GCM_SHA256',
  'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256', 'TLS_FALLBACK_SCSV',
]);

/**
 * DefaultTLSOptions.CipherSuites: the names of Go's crypto/tls CipherSuites() in its order, as Traefik's
 * own test tables (kubernetes_test.go) list them for a TLSOption without cipherSuites.
 */
export const DEFAULT_CIPHER_SUITES: readonly string[] = [
  'TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA', 'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA', 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA',
  'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA', 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
  'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256',
];

/** DefaultTLSOptions.ALPNProtocols: HTTP/2 kept on, and the TLS-ALPN-01 ACME challenge. */
export const DEFAULT_ALPN: readonly string[] = ['h2', 'http/1.1', 'acme-tls/1'];

/** tls.MinVersion / tls.MaxVersion keys, in increasing order. */
export const TLS_VERSIONS: readonly string[] = ['VersionTLS10', 'VersionTLS11', 'VersionTLS12', 'VersionTLS13'];

const UNITS: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/**
 * A duration as paerser's Duration.Set reads it (an integer is seconds, else Go's time.ParseDuration), in
 * nanoseconds; null when Traefik cannot read it.
 *
 * @example
 * parseDuration(42) // 42e9
 * parseDuration('1m30s') // 90e9
 */
export function parseDuration(value: unknown): number | null {
  if (typeof value === 'number') return Number.isInteger(value) ? value * 1e9 : null;
  if (typeof value !== 'string') return null;
  if (/^[-+]?\d+$/.test(value)) return parseInt(value, 10) * 1e9;
  // time.ParseDuration takes `5.s` and `.5s`, not `.s`.
  const m = /^([-+]?)((?:(?:\d+\.?\d*|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+)$/.exec(value);
  if (!m) return null;
  let total = 0;
  for (const part of m[2]!.matchAll(/(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) total += parseFloat(part[1]!) * UNITS[part[2]!]!;
  return Math.round(m[1] === '-' ? -total : total);
}

/** Up to 9 decimals without trailing zeros, never in exponent notation (8m0.000000001s). */
function trim(n: number): string {
  return n.toFixed(9).replace(/\.?0+$/, '');
}

/**
 * Go's time.Duration.String(): how Traefik writes a duration back (`1m30s`, `42ms`, `0s`).
 *
 * @example
 * formatDuration(90e9) // '1m30s'
 */
export function formatDuration(ns: number): string {
  if (ns === 0) return '0s';
  // Stryker disable next-line EqualityOperator: 0 has returned above
  const sign = ns < 0 ? '-' : '';
  const abs = Math.abs(ns);
  if (abs < 1e3) return `${sign}${abs}ns`;
  if (abs < 1e6) return `${sign}${trim(abs / 1e3)}µs`;
  if (abs < 1e9) return `${sign}${trim(abs / 1e6)}ms`;
  const h = Math.floor(abs / 3600e9);
  const min = Math.floor((abs - h * 3600e9) / 60e9);
  const s = trim((abs - h * 3600e9 - min * 60e9) / 1e9);
  if (h > 0) return `${sign}${h}h${min}m${s}s`;
  if (min > 0) return `${sign}${min}m${s}s`;
  return `${sign}${s}s`;
}
