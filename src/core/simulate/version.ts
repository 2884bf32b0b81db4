// Version landmarks of traefik-semantics.md (no single Go file: gathered from the tags that changed behaviour).
import type { Settings } from '../types.ts';

/** A parsed `major.minor.patch` version. */
export interface Version {
  major: number;
  minor: number;
  patch: number;
}

/** What the simulated Traefik binary does differently from one release to another. */
export interface Features {
  /** The binary: v2.11 (gorilla/mux muxer) or v3. Hub routes like v3. */
  binary: 'v2' | 'v3';
  version: Version;
  /** v3.7.0+: equal priorities are ordered by `providers.precedence`. */
  providerTieBreak: boolean;
  /** v3.6.18+ / v2.11.47+: 421 when the router's resolved TLS option differs from the handshake's;
   * before: entryPoint-level Host-vs-SNI comparison. */
  sniCheck: 'resolved-option' | 'host-vs-sni';
  /** v3.6.21+ / v2.11.50+: the aggregator renames conflicting routers; before, the SNI table maps a
   * conflicting host to the default option. */
  conflictRename: boolean;
  /** v2.11 binary: a request failing only on Method gets 405 instead of 404. */
  methodNotAllowed: boolean;
  /** v3.6.5–v3.6.6 / v2.11.33–34: encoded `%2F %5C %00 %3B %25 %3F %23` rejected by default. */
  denyEncodedByDefault: boolean;
  /** Rule of the entryPoint redirection router and its syntax. */
  redirectRule: { rule: string; syntax: 'v2' | 'v3' };
}

const LATEST_V3: Version = { major: 3, minor: 7, patch: 9 };
const LATEST_V2: Version = { major: 2, minor: 11, patch: 50 };

/**
 * Parses `3.7.9`, `v2.11.47`, `3.6` (patch 0). Undefined when not a version.
 *
 * @example
 * parseVersion('v3.6.18') // { major: 3, minor: 6, patch: 18 }
 */
export function parseVersion(text: string): Version | undefined {
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(text.trim());
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0) };
}

/** Compares two versions: negative, zero or positive. */
export function compareVersions(a: Version, b: Version): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

function atLeast(v: Version, text: string): boolean {
  const other = parseVersion(text);
  return other !== undefined && compareVersions(v, other) >= 0;
}

function within(v: Version, from: string, to: string): boolean {
  const hi = parseVersion(to);
  return atLeast(v, from) && hi !== undefined && compareVersions(v, hi) <= 0;
}

/**
 * The behaviour switches for the Traefik the settings describe. An unreadable or mismatching version
 * falls back to the latest release of the target's line.
 *
 * @example
 * featuresOf({ ...defaultSettings(), target: 'v2.11', version: '2.11.40' }).sniCheck // 'host-vs-sni'
 */
export function featuresOf(settings: Pick<Settings, 'target' | 'version'>): Features {
  const binary = settings.target === 'v2.11' ? 'v2' : 'v3';
  let version = parseVersion(settings.version);
  if (!version || (binary === 'v2' && version.major !== 2) || (binary === 'v3' && version.major !== 3)) {
    version = binary === 'v2' ? LATEST_V2 : LATEST_V3;
  }
  if (binary === 'v2') {
    return {
      binary,
      version,
      providerTieBreak: false,
      sniCheck: atLeast(version, '2.11.47') ? 'resolved-option' : 'host-vs-sni',
      conflictRename: atLeast(version, '2.11.50'),
      methodNotAllowed: true,
      denyEncodedByDefault: within(version, '2.11.33', '2.11.34'),
      redirectRule: { rule: 'HostRegexp(`{host:.+}`)', syntax: 'v2' },
    };
  }
  return {
    binary,
    version,
    providerTieBreak: atLeast(version, '3.7.0'),
    sniCheck: atLeast(version, '3.6.18') ? 'resolved-option' : 'host-vs-sni',
    conflictRename: atLeast(version, '3.6.21'),
    methodNotAllowed: false,
    denyEncodedByDefault: within(version, '3.6.5', '3.6.6'),
    redirectRule: { rule: 'HostRegexp(`^.+$`)', syntax: 'v3' },
  };
}

/** Formats a version as `3.7.9`. */
export function versionText(v: Version): string {
  return `${v.major}.${v.minor}.${v.patch}`;
}
