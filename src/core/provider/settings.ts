import type { Settings } from '../types.ts';

/**
 * The Traefik the configuration is simulated against when nothing else is said: Traefik Proxy v3
 * latest, `web` on :80 and `websecure` on :443, the CRD provider's defaults.
 *
 * @example
 * defaultSettings().entryPoints.map((e) => e.name) // ['web', 'websecure']
 */
export function defaultSettings(): Settings {
  return {
    target: 'v3',
    version: '3.7.9',
    entryPoints: [
      { name: 'web', port: 80 },
      { name: 'websecure', port: 443 },
    ],
    provider: {
      allowCrossNamespace: false,
      allowExternalNameServices: false,
      allowEmptyServices: false,
      nativeLBByDefault: false,
      namespaces: [],
    },
    strictServices: false,
  };
}

/** Compares dotted versions: negative when a < b. */
export function compareVersion(a: string, b: string): number {
  // The provider asks the same few questions (the settings' version against a feature's) per route:
  // answered once each, without the two arrays a comparison makes.
  let byB = compared.get(a);
  if (byB === undefined) {
    if (compared.size >= 64) compared.clear();
    compared.set(a, (byB = new Map()));
  }
  let d = byB.get(b);
  if (d === undefined) {
    if (byB.size >= 64) byB.clear();
    byB.set(b, (d = compareUncached(a, b)));
  }
  return d;
}

const compared = new Map<string, Map<string, number>>();

function compareUncached(a: string, b: string): number {
  const pa = a.split('.').map((x) => parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => parseInt(x, 10) || 0);
  // Stryker disable next-line EqualityOperator: one more round compares 0 with 0, which returns nothing
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** True when the settings' Traefik version is at least `v3` (for v3/hub targets) or `v2` (for v2.11). */
export function atLeast(settings: Settings, v3: string, v2?: string): boolean {
  if (settings.target === 'v2.11') return v2 !== undefined && compareVersion(settings.version, v2) >= 0;
  return compareVersion(settings.version, v3) >= 0;
}
