import { prng as rng } from '../prng.ts';
// No Traefik counterpart: deterministic rule generator for the benchmark and property tests.


const METHODS = ['GET', 'POST', 'PUT', 'DELETE'];
const SEGMENTS = ['api', 'users', 'orders', 'v1', 'v2', 'static', 'admin', 'health'];

/**
 * `n` v3 rules of the shapes real IngressRoutes use (Host and PathPrefix first, then Method, Header,
 * Query, ClientIP, a few regexes, `!` and `||`), the same for the same seed. Regex patterns come from
 * a small set so that, as in real configurations, they repeat.
 *
 * @example
 * generateRules(2, 1) // ['Host(`app17.example.com`) && PathPrefix(`/api`)', …]
 */
export function generateRules(n: number, seed: number): string[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const host = () => `app${Math.floor(r() * 500)}.example.com`;
  const path = () => '/' + Array.from({ length: 1 + Math.floor(r() * 2) }, () => pick(SEGMENTS)).join('/');
  const extras: (() => string)[] = [
    () => `Method(\`${pick(METHODS)}\`)`,
    () => `Header(\`X-Canary\`, \`${pick(['on', 'off'])}\`)`,
    () => `Query(\`a\`, \`${Math.floor(r() * 3)}\`)`,
    () => `ClientIP(\`10.${Math.floor(r() * 4)}.0.0/16\`)`,
    () => `!PathPrefix(\`/${pick(SEGMENTS)}\`)`,
    () => `PathRegexp(\`^/${pick(SEGMENTS)}/[0-9]+$\`)`,
    () => `HeaderRegexp(\`User-Agent\`, \`(?i)${pick(['bot', 'curl', 'mobile'])}\`)`,
  ];
  const rules: string[] = [];
  for (let i = 0; i < n; i++) {
    const hostPart = r() < 0.1
      ? `HostRegexp(\`^app${Math.floor(r() * 20)}[0-9]*\\.example\\.com$\`)`
      : r() < 0.2 ? `(Host(\`${host()}\`) || Host(\`${host()}\`))` : `Host(\`${host()}\`)`;
    const parts = [hostPart];
    if (r() < 0.8) parts.push(`PathPrefix(\`${path()}\`)`);
    const k = Math.floor(r() * 3);
    for (let j = 0; j < k; j++) parts.push(pick(extras)());
    rules.push(parts.join(' && '));
  }
  return rules;
}
