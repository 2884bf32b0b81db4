import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.ts';
import { defaultSettings } from '../provider/settings.ts';
import { formatDiffMarkdown, formatDiffText } from './diff-format.ts';
import { diffHasFindings, diffWorkspaces } from './diff.ts';

/** A small shop: storefront for the host, an API under /api with a strip middleware, an admin host. */
function shop(opts: { apiPriority?: number; strip?: string; tlsOption?: string; withApi?: boolean; adminMiddleware?: string } = {}): string {
  const strip = opts.strip ?? 'strip-api';
  const api = opts.withApi === false ? '' : `
    - kind: Rule
      match: Host(\`shop.example.com\`) && PathPrefix(\`/api\`)${opts.apiPriority !== undefined ? `\n      priority: ${opts.apiPriority}` : ''}
      middlewares:
        - name: ${strip}
      services:
        - name: api
          port: 8080`;
  return `apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata:
  name: shop
  namespace: apps
spec:
  entryPoints: [websecure]
  routes:
    - kind: Rule
      match: Host(\`shop.example.com\`)
      services:
        - name: storefront
          port: 80${api}
  tls:
    options:
      name: ${opts.tlsOption ?? 'modern'}
---
apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata:
  name: admin
  namespace: apps
spec:
  entryPoints: [websecure]
  routes:
    - kind: Rule
      match: Host(\`admin.example.com\`)
      middlewares:
        - name: ${opts.adminMiddleware ?? 'office-only'}
      services:
        - name: admin
          port: 80
  tls: {}
---
apiVersion: traefik.io/v1alpha1
kind: Middleware
metadata:
  name: ${strip}
  namespace: apps
spec:
  stripPrefix:
    prefixes: [/api]
---
apiVersion: traefik.io/v1alpha1
kind: Middleware
metadata:
  name: office-only
  namespace: apps
spec:
  ipAllowList:
    sourceRange: [0.0.0.0/0]
---
apiVersion: traefik.io/v1alpha1
kind: TLSOption
metadata:
  name: modern
  namespace: apps
spec:
  minVersion: VersionTLS13
---
apiVersion: traefik.io/v1alpha1
kind: TLSOption
metadata:
  name: legacy
  namespace: apps
spec:
  minVersion: VersionTLS10
---
apiVersion: v1
kind: Service
metadata: { name: storefront, namespace: apps }
spec:
  ports: [{ port: 80 }]
---
apiVersion: v1
kind: Service
metadata: { name: api, namespace: apps }
spec:
  ports: [{ port: 8080 }]
---
apiVersion: v1
kind: Service
metadata: { name: admin, namespace: apps }
spec:
  ports: [{ port: 80 }]
`;
}

const settings = defaultSettings();
const diffOf = (base: string, head: string) =>
  diffWorkspaces(analyze([{ name: 'apps.yaml', text: base }], settings), analyze([{ name: 'apps.yaml', text: head }], settings));

describe('diffWorkspaces on realistic before/after pairs', () => {
  it('no change: nothing to report, exit 0', () => {
    const d = diffOf(shop(), shop());
    expect(d.routers).toEqual({ added: [], removed: [], changed: [] });
    expect(d.routing).toEqual([]);
    expect(d.replayed).toBeGreaterThan(0);
    expect(diffHasFindings(d)).toBe(false);
  });

  it('a priority change that changes the winner', () => {
    const d = diffOf(shop(), shop({ apiPriority: 1 }));
    expect(d.routers.changed).toHaveLength(1);
    expect(d.routers.changed[0]!.fields.map((f) => f.field)).toEqual(['priority']);
    const api = d.routing.find((c) => c.request.url === 'https://shop.example.com/api');
    expect(api, JSON.stringify(d.routing.map((c) => c.label))).toBeDefined();
    expect(api!.winnerChanged).toBe(true);
    expect(api!.before.router).toMatch(/^apps-shop-[0-9a-f]{20}@kubernetescrd$/);
    expect(api!.after.router).not.toBe(api!.before.router);
    expect(api!.changes[0]).toMatch(/^winner: /);
    expect(api!.changes.some((c) => c.startsWith('middlewares:'))).toBe(true);
    expect(api!.changes.some((c) => c.startsWith('service:'))).toBe(true);
    expect(diffHasFindings(d)).toBe(true);
  });

  it('a renamed middleware changes the chain, not the winner', () => {
    const d = diffOf(shop(), shop({ strip: 'strip-api-prefix' }));
    const changed = d.routers.changed.find((c) => c.fields.some((f) => f.field === 'middlewares'));
    expect(changed?.fields.find((f) => f.field === 'middlewares')).toMatchObject({
      before: 'apps-strip-api@kubernetescrd',
      after: 'apps-strip-api-prefix@kubernetescrd',
    });
    const api = d.routing.find((c) => c.request.url === 'https://shop.example.com/api');
    expect(api?.winnerChanged).toBe(false);
    expect(api?.changes).toEqual(['middlewares: apps-strip-api@kubernetescrd ⇒ apps-strip-api-prefix@kubernetescrd']);
  });

  it('a TLS option change', () => {
    const d = diffOf(shop(), shop({ tlsOption: 'legacy' }));
    const fields = d.routers.changed.flatMap((c) => c.fields.filter((f) => f.field === 'tls'));
    expect(fields.length).toBeGreaterThan(0);
    expect(fields[0]).toMatchObject({ before: 'options apps-modern@kubernetescrd', after: 'options apps-legacy@kubernetescrd' });
    const home = d.routing.find((c) => c.request.url === 'https://shop.example.com/');
    expect(home?.winnerChanged).toBe(false);
    expect(home?.changes).toContain('TLS option: apps-modern@kubernetescrd → apps-legacy@kubernetescrd');
  });

  it('a removed route: listed as removed, its requests now go to the storefront', () => {
    const d = diffOf(shop(), shop({ withApi: false }));
    expect(d.routers.removed.map((r) => r.route)).toEqual(['apps/shop#1']);
    expect(d.routers.added).toEqual([]);
    const api = d.routing.find((c) => c.request.url === 'https://shop.example.com/api');
    expect(api?.winnerChanged).toBe(true);
    expect(api?.after.backend).toBe('apps/storefront:80');
    expect(api?.changes).toContain('service: apps/api:8080 → apps/storefront:80');
  });

  it('a broken reference is a new error; restoring it is a fix', () => {
    const broken = shop({ adminMiddleware: 'office-only-typo' });
    const d = diffOf(shop(), broken);
    expect(d.diagnostics.introduced.some((x) => x.severity === 'error')).toBe(true);
    expect(d.diagnostics.fixed).toEqual([]);
    expect(diffHasFindings(d)).toBe(true);
    const back = diffOf(broken, shop());
    expect(back.diagnostics.fixed.length).toBe(d.diagnostics.introduced.length);
    expect(back.diagnostics.introduced.filter((x) => x.severity === 'error')).toEqual([]);
  });

  it('a changed rule renames the router: paired by route, not reported as removed and added', () => {
    const head = shop().replace('PathPrefix(`/api`)', 'PathPrefix(`/api/`)');
    const d = diffOf(shop(), head);
    expect(d.routers.added).toEqual([]);
    expect(d.routers.removed).toEqual([]);
    const c = d.routers.changed.find((x) => x.route === 'apps/shop#1');
    expect(c?.previousName).not.toBeNull();
    expect(c?.fields.find((f) => f.field === 'rule')?.after).toContain('/api/');
    // `/api` itself is no longer the API's: the storefront takes it.
    expect(d.routing.find((x) => x.request.url === 'https://shop.example.com/api')?.winnerChanged).toBe(true);
  });
});

describe('formatting', () => {
  const d = diffOf(shop(), shop({ apiPriority: 1 }));

  it('Markdown for a pull request: summary, table with the changed winner in bold, rules in code', () => {
    const md = formatDiffMarkdown(d);
    expect(md.startsWith('### Routing review\n')).toBe(true);
    expect(md).toContain('| Request | Before | After | Changes |');
    expect(md).toMatch(/\| `apps-shop-[0-9a-f]{20}@kubernetescrd` → `apps\/api:8080` \| \*\*`apps-shop-[0-9a-f]{20}@kubernetescrd`\*\* → `apps\/storefront:80` \|/);
    expect(md).toContain('- **changed** `apps-shop-');
    // Rule text holds backticks: it is fenced with double backticks.
    const removed = formatDiffMarkdown(diffOf(shop(), shop({ withApi: false })));
    expect(removed).toContain('`` Host(`shop.example.com`) && PathPrefix(`/api`) ``');
  });

  it('text for a terminal', () => {
    const text = formatDiffText(d);
    expect(text.split('\n')[0]).toMatch(/^\d+ requests? routed differently · 0 routers added · 0 removed · 1 changed/);
    expect(text).toContain('Routing changes:');
    expect(text).toMatch(/winner: apps-shop-[0-9a-f]{20}@kubernetescrd → apps-shop-[0-9a-f]{20}@kubernetescrd/);
    expect(text).toContain('priority: 46 (rule length) → 1');
  });

  it('says so when nothing changes', () => {
    expect(formatDiffMarkdown(diffOf(shop(), shop()))).toContain('No request is routed differently');
  });
});
