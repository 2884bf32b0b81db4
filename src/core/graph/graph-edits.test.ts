// Graph gestures on the shipped example, planned and applied as text: each must change exactly the lines a
// person would change by hand, and keep comments.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyze } from '../analyze.ts';
import { defaultSettings } from '../provider/settings.ts';
import { nameProblem, newResourceYaml, referenceTo, refersTo, renameIntents, routeGesture, type RouteGesture, type RouteOwner } from './graph-edits.ts';
import { planIntents } from './graph-plan.ts';
import { applyEdits } from '../yaml/index.ts';
import type { NodeRef } from './types.ts';

const example = readFileSync(new URL('../../../public/examples/default.yaml', import.meta.url), 'utf8');

function resource(text: string, id: string) {
  const r = analyze([{ name: 'x.yaml', text }], defaultSettings()).resources.find((x) => x.id === id)!;
  return { owner: { raw: r.raw, namespace: r.metadata.namespace } as RouteOwner, place: { docIndex: r.source.docIndex, path: [...r.source.path] } };
}

/** The lines removed and added by a gesture on IngressRoute `id`. */
function diff(gesture: RouteGesture, id = 'IngressRoute/shop/shop-web', text = example): { removed: string[]; added: string[]; after: string } {
  const { owner, place } = resource(text, id);
  const planned = routeGesture(owner, gesture);
  if ('error' in planned) throw new Error(planned.error);
  const result = planIntents(text, planned.intents.map((intent) => ({ place, intent })));
  if ('error' in result) throw new Error(result.error);
  const after = applyEdits(text, result.edits);
  // The lines between the common head and the common tail.
  const a = text.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { removed: a.slice(head, a.length - tail), added: b.slice(head, b.length - tail), after };
}

const strip: NodeRef = { kind: 'Middleware', name: 'strip-api', namespace: 'shop' };
const headers: NodeRef = { kind: 'Middleware', name: 'security-headers', namespace: 'shop' };

describe('routeGesture', () => {
  it('attaches a middleware at the end of the chain: one added line', () => {
    const d = diff({ type: 'attach', routeIndex: 0, ref: strip });
    expect(d.added).toEqual(['        - name: strip-api']);
    expect(d.after.split('\n').length).toBe(example.split('\n').length + 1);
    expect(d.after).toContain('        - name: security-headers\n        - name: strip-api\n      services:');
    expect(d.after).toContain('# The storefront: everything on shop.example.com');
  });

  it('attaches a middleware to a route without a chain (the list is created)', () => {
    const d = diff({ type: 'attach', routeIndex: 0, ref: headers }, 'IngressRoute/platform/status');
    expect(d.after).toContain("      match: Host(`status.example.com`)\n      services:\n        - name: status-page\n          port: 8080\n      middlewares:\n        - name: shop/security-headers".replace('name: shop/security-headers', 'name: security-headers\n          namespace: shop'));
  });

  it('refuses to attach a middleware twice', () => {
    expect(routeGesture(resource(example, 'IngressRoute/shop/shop-web').owner, { type: 'attach', routeIndex: 1, ref: strip })).toEqual({ error: "strip-api is already in this route's chain." });
  });

  it('attaches a service with its port, a TraefikService with its kind', () => {
    expect(diff({ type: 'attach', routeIndex: 0, ref: { kind: 'Service', name: 'admin', namespace: 'shop', port: 'http' } }).added).toEqual(['        - name: admin', '          port: http']);
    expect(referenceTo({ kind: 'TraefikService', name: 'api-canary', namespace: 'shop' }, 'shop')).toEqual({ name: 'api-canary', kind: 'TraefikService' });
  });

  it('detaches a middleware: its one line goes, the rest of the chain stays', () => {
    const d = diff({ type: 'detach', routeIndex: 1, ref: strip });
    expect(d.removed).toEqual(['        - name: strip-api']);
    expect(d.added).toEqual([]);
    expect(d.after.split('\n').length).toBe(example.split('\n').length - 1);
  });

  it('detaches the last middleware with its key', () => {
    const d = diff({ type: 'detach', routeIndex: 0, ref: headers });
    const before = example.split('\n').length;
    expect(d.after.split('\n').length).toBe(before - 2);
    expect(d.after).toContain("      match: Host(`shop.example.com`)\n      services:\n        - name: storefront");
  });

  it('reorders the chain: two lines swap', () => {
    const d = diff({ type: 'reorder', routeIndex: 1, from: 0, to: 1 });
    expect(d.after).toContain('        - name: security-headers\n        - name: strip-api\n      services:\n        - kind: TraefikService');
    expect(d.after.length).toBe(example.length);
    expect(routeGesture(resource(example, 'IngressRoute/shop/shop-web').owner, { type: 'reorder', routeIndex: 1, from: 0, to: 2 })).toHaveProperty('error');
    expect(routeGesture(resource(example, 'IngressRoute/shop/shop-web').owner, { type: 'reorder', routeIndex: 1, from: 1, to: 1 })).toEqual({ intents: [] });
  });

  it('says so when the route or the reference is not there', () => {
    const { owner } = resource(example, 'IngressRoute/shop/shop-web');
    expect(routeGesture(owner, { type: 'detach', routeIndex: 5, ref: strip })).toEqual({ error: 'This IngressRoute has no route 5.' });
    expect(routeGesture(owner, { type: 'detach', routeIndex: 0, ref: strip })).toEqual({ error: "strip-api is not in this route's chain." });
  });
});

describe('refersTo', () => {
  it.each([
    { desc: 'same name, namespace implied', item: { name: 'strip-api' }, ref: strip, expected: true },
    { desc: 'explicit other namespace', item: { name: 'strip-api', namespace: 'pay' }, ref: strip, expected: false },
    { desc: 'another provider', item: { name: 'auth@file' }, ref: { kind: 'Middleware', name: 'auth@file' } as NodeRef, expected: true },
    { desc: 'a Service is not a TraefikService', item: { name: 'api-canary' }, ref: { kind: 'TraefikService', name: 'api-canary', namespace: 'shop' } as NodeRef, expected: false },
    { desc: 'Service port by name or number', item: { name: 'admin', port: 'http' }, ref: { kind: 'Service', name: 'admin', namespace: 'shop', port: 8081 } as NodeRef, expected: false },
    { desc: 'Service port as written', item: { name: 'storefront', port: 80 }, ref: { kind: 'Service', name: 'storefront', namespace: 'shop', port: 80 } as NodeRef, expected: true },
  ])('$desc', ({ item, ref, expected }) => expect(refersTo(item, ref, 'shop')).toBe(expected));
});

describe('renameIntents', () => {
  it('renames the resource and every route reference to it', () => {
    const text = example;
    const analysis = analyze([{ name: 'x.yaml', text }], defaultSettings());
    const irs = analysis.resources.filter((r) => r.kind === 'IngressRoute');
    const owners = irs.map((r) => ({ raw: r.raw, namespace: r.metadata.namespace }));
    const planned = renameIntents(headers, 'headers-v2', owners);
    if ('error' in planned) throw new Error(planned.error);
    const mw = analysis.resources.find((r) => r.id === 'Middleware/shop/security-headers')!;
    const steps = [
      ...planned.own.map((intent) => ({ place: { docIndex: mw.source.docIndex, path: mw.source.path }, intent })),
      ...planned.references.flatMap((r) => r.intents.map((intent) => ({ place: { docIndex: irs[r.owner]!.source.docIndex, path: irs[r.owner]!.source.path }, intent }))),
    ];
    const result = planIntents(text, steps);
    if ('error' in result) throw new Error(result.error);
    const after = applyEdits(text, result.edits);
    expect(after.match(/security-headers/g)).toBeNull();
    expect(after.match(/headers-v2/g)).toHaveLength(3);
    expect(after.split('\n').length).toBe(text.split('\n').length);
  });

  it('refuses names Kubernetes refuses', () => {
    expect(nameProblem('Strip_API')).toMatch(/lower-case/);
    expect(nameProblem('')).toBe('A name is required.');
    expect(nameProblem('strip-v2')).toBeNull();
    expect(renameIntents({ kind: 'Middleware', name: 'auth@file' }, 'x', [])).toHaveProperty('error');
  });
});

describe('newResourceYaml', () => {
  it('writes a middleware the analysis accepts, appended as one more document', () => {
    const yaml = newResourceYaml('Middleware', 'limit', 'shop', 'rateLimit');
    const result = planIntents(example, [{ intent: { type: 'appendDocument', yaml } }]);
    if ('error' in result) throw new Error(result.error);
    const a = analyze([{ name: 'x.yaml', text: applyEdits(example, result.edits) }], defaultSettings());
    expect(a.config.middlewares['shop-limit@kubernetescrd']).toMatchObject({ type: 'rateLimit', config: { average: 100, burst: 50 } });
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const svc = analyze([{ name: 'x.yaml', text: newResourceYaml('Service', 'web', 'shop') }], defaultSettings());
    expect(svc.resources[0]).toMatchObject({ kind: 'Service', metadata: { name: 'web', namespace: 'shop' } });
  });

  it('plans several intents as one list of edits, and refuses overlapping ones', () => {
    const { place } = resource(example, 'IngressRoute/shop/shop-web');
    const both = planIntents(example, [
      { place, intent: { type: 'set', path: ['spec', 'routes', 0, 'match'], value: 'Host(`a`)' } },
      { place, intent: { type: 'set', path: ['spec', 'routes', 0, 'match'], value: 'Host(`b`)' } },
    ]);
    expect(both).toHaveProperty('error');
  });
});
