/**
 * Generated real-world-shaped configs for tests and benchmarks: IngressRoutes with 1–4 routes,
 * middlewares, services and TLS, plus the Middlewares and Services they use, with comments and a mix
 * of quoting styles — deterministic for a given count and seed.
 */

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/**
 * A multi-document YAML stream of `n` IngressRoutes (and one Middleware and one Service per route
 * group), about 500 bytes per IngressRoute.
 *
 * @example
 * generateIngressRoutes(1000).length; // ≈ 1 MB
 */
export function generateIngressRoutes(n: number, seed = 1): string {
  const r = rng(seed);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const ns = `team-${i % 17}`;
    const host = `app${i}.example.com`;
    const routes: string[] = [];
    const count = 1 + Math.floor(r() * 4);
    for (let k = 0; k < count; k++) {
      const quoted = r() < 0.3;
      const rule = `Host(\`${host}\`) && PathPrefix(\`/api/v${k}\`)`;
      routes.push(
        `    - match: ${quoted ? JSON.stringify(rule) : rule}\n` +
          `      kind: Rule\n` +
          (r() < 0.3 ? `      priority: ${10 + k}\n` : '') +
          `      middlewares:\n` +
          `        - name: strip-${i}\n` +
          `      services:\n` +
          `        - name: svc-${i}\n` +
          `          port: ${r() < 0.5 ? 80 : "'http'"}\n`,
      );
    }
    parts.push(
      `# route group ${i}\n` +
        `apiVersion: traefik.io/v1alpha1\n` +
        `kind: IngressRoute\n` +
        `metadata:\n` +
        `  name: app-${i}\n` +
        `  namespace: ${ns}\n` +
        `  labels: {app: "app-${i}", tier: web}\n` +
        `spec:\n` +
        `  entryPoints:\n` +
        `    - websecure\n` +
        `  routes:\n` +
        routes.join('') +
        `  tls:\n` +
        `    secretName: 'tls-${i}'  # wildcard cert\n`,
    );
    if (i % 4 === 0) {
      parts.push(
        `apiVersion: traefik.io/v1alpha1\nkind: Middleware\nmetadata:\n  name: strip-${i}\n  namespace: ${ns}\nspec:\n  stripPrefix:\n    prefixes:\n      - /api\n`,
      );
      parts.push(
        `apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-${i}\n  namespace: ${ns}\nspec:\n  ports:\n    - name: http\n      port: 80\n      targetPort: 8080\n`,
      );
    }
  }
  return parts.join('---\n');
}
