import { describe, expect, it } from 'vitest';
import type { JsonSchema } from './json-schema.ts';
import { monacoSchema } from './monaco.ts';
import { RESOURCE_KINDS, TARGETS } from './registry.ts';

const resolveRef = (root: JsonSchema, ref: string): JsonSchema | undefined =>
  ref === '#' ? root : ref.replace(/^#\//, '').split('/').reduce<unknown>((acc, k) => (acc as Record<string, unknown> | undefined)?.[k], root) as JsonSchema | undefined;

describe('monacoSchema', () => {
  it.each(TARGETS)('dispatches every kind with if/then on %s', (target) => {
    const root = monacoSchema(target);
    for (const kind of RESOURCE_KINDS) {
      const entry = root.allOf?.find((e) => e.if?.properties?.['kind']?.const === kind);
      expect(entry, kind).toBeDefined();
      expect(entry!.if!.required).toEqual(['kind']);
      // A pattern keeps completion from selecting `MiddlewareTCP` while `kind: Middleware` is written.
      expect(entry!.if!.properties!['kind']!.pattern).toBe(`^${kind}$`);
      expect(entry!.then).toEqual({ $ref: `#/definitions/${kind}` });
      expect(resolveRef(root, entry!.then!.$ref!)?.properties?.['kind']?.enum).toEqual([kind]);
    }
  });

  it('unwraps `kind: List` items through the same dispatch, and `IngressRouteList` directly', () => {
    const root = monacoSchema('v3');
    const list = root.allOf?.find((e) => e.if?.properties?.['kind']?.const === 'List');
    expect(list?.then?.properties?.['items']?.items).toEqual({ $ref: '#' });
    const typed = root.allOf?.find((e) => e.if?.properties?.['kind']?.const === 'IngressRouteList');
    expect(typed?.then?.properties?.['items']?.items).toEqual({ $ref: '#/definitions/IngressRoute' });
  });

  it('offers `match` inside `routes[0]` (route items carry it, with a route snippet)', () => {
    const ir = monacoSchema('v3').definitions!['IngressRoute']!;
    const routeItem = ir.properties!['spec']!.properties!['routes']!.items!;
    expect(Object.keys(routeItem.properties!)).toContain('match');
    expect(routeItem.defaultSnippets?.[0]?.label).toBe('route');
    expect(routeItem.properties!['match']!.markdownDescription).toContain('Host(`example.com`)');
  });

  it('has hover text in markdown with defaults', () => {
    const ir = monacoSchema('v3').definitions!['IngressRoute']!;
    const svc = ir.properties!['spec']!.properties!['routes']!.items!.properties!['services']!.items!;
    expect(svc.properties!['passHostHeader']!.markdownDescription).toContain('Default: `true`.');
    expect(svc.properties!['nodePortLB']!.markdownDescription).toContain('_Since Traefik Proxy v3.1._');
  });

  it('offers resource templates at the top of an empty document', () => {
    const labels = monacoSchema('v3').defaultSnippets!.map((s) => s.label);
    expect(labels).toEqual(expect.arrayContaining(['IngressRoute', 'Middleware', 'TraefikService (weighted)', 'TLSOption', 'Service']));
  });

  it('follows the target', () => {
    const route = (t: 'v3' | 'v2.11' | 'hub') =>
      Object.keys(monacoSchema(t).definitions!['IngressRoute']!.properties!['spec']!.properties!['routes']!.items!.properties!);
    expect(route('v3')).toEqual(expect.arrayContaining(['syntax', 'observability']));
    expect(route('v2.11')).not.toContain('syntax');
    expect(route('hub')).not.toContain('observability');
  });

  it('is plain data (serialisable, cached)', () => {
    const s = monacoSchema('v3');
    expect(monacoSchema('v3')).toBe(s);
    expect(() => JSON.stringify(s)).not.toThrow();
    expect(s.title).toBeUndefined();
  });
});
