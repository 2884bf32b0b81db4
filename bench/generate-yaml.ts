import { prng as mulberry32 } from '../src/core/prng.ts';
/**
 * A generator of realistic IngressRoute workspaces for benchmarks and scale tests: N IngressRoutes
 * across many namespaces, 1–4 routes each with varied rules, middlewares, weighted services, TLS
 * options, plus the Middlewares, TraefikServices, TLSOptions and Services they reference.
 * Deterministic for a seed.
 */

const SEGMENTS = ['api', 'users', 'orders', 'billing', 'search', 'static', 'admin', 'v1', 'v2', 'reports', 'auth', 'files'];

export interface GeneratedWorkspace {
  text: string;
  ingressRoutes: number;
  routes: number;
  documents: number;
}

export function generateWorkspace(n: number, seed = 42): GeneratedWorkspace {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const namespaces = Array.from({ length: Math.max(2, Math.ceil(n / 25)) }, (_, i) => `team-${i}`);
  const docs: string[] = [];
  let routes = 0;
  for (const ns of namespaces) {
    docs.push(`apiVersion: traefik.io/v1alpha1
kind: Middleware
metadata:
  name: strip
  namespace: ${ns}
spec:
  stripPrefix:
    prefixes: [/api, /v1]`);
    docs.push(`apiVersion: traefik.io/v1alpha1
kind: Middleware
metadata:
  name: headers
  namespace: ${ns}
spec:
  headers:
    customRequestHeaders:
      X-Team: ${ns}`);
    docs.push(`apiVersion: traefik.io/v1alpha1
kind: TLSOption
metadata:
  name: modern
  namespace: ${ns}
spec:
  minVersion: VersionTLS13`);
  }
  for (let i = 0; i < n; i++) {
    const ns = pick(namespaces);
    const host = `app${i}.${ns}.example.com`;
    const count = 1 + Math.floor(rnd() * 4);
    const lines: string[] = [];
    for (let r = 0; r < count; r++) {
      routes++;
      const kind = rnd();
      let match = `Host(\`${host}\`)`;
      if (r > 0 || kind < 0.3) match += ` && PathPrefix(\`/${pick(SEGMENTS)}${r}\`)`;
      if (kind > 0.85) match += ` && Header(\`X-Canary\`, \`on\`)`;
      if (kind > 0.93) match = `(${match}) || Host(\`www.${host}\`)`;
      const mws = rnd() < 0.6 ? `\n      middlewares:\n        - name: strip\n        - name: headers` : '';
      const services =
        rnd() < 0.25
          ? `\n        - name: svc-${i}-a\n          port: 80\n          weight: 3\n        - name: svc-${i}-b\n          port: 80\n          weight: 1`
          : `\n        - name: svc-${i}\n          port: ${pick([80, 8080, 443])}`;
      lines.push(`    - kind: Rule
      match: ${match}${r === 1 && rnd() < 0.3 ? `\n      priority: ${10 + Math.floor(rnd() * 90)}` : ''}${mws}
      services:${services}`);
    }
    const tls = rnd() < 0.7 ? `\n  tls:\n    secretName: tls-${i}${rnd() < 0.4 ? '\n    options:\n      name: modern' : ''}` : '';
    docs.push(`# IngressRoute ${i}
apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata:
  name: app-${i}
  namespace: ${ns}
spec:
  entryPoints:
    - ${tls ? 'websecure' : 'web'}
  routes:
${lines.join('\n')}${tls}`);
    if (rnd() < 0.3) {
      docs.push(`apiVersion: v1
kind: Service
metadata:
  name: svc-${i}
  namespace: ${ns}
spec:
  ports:
    - name: http
      port: 80`);
    }
  }
  return { text: docs.join('\n---\n') + '\n', ingressRoutes: n, routes, documents: docs.length };
}
