import { describe, expect, it } from 'vitest';
import type { ResourceSummary } from '../../core/analyze.ts';
import { middlewareIntents, middlewareOptions, serviceIntents, serviceKey, serviceOptions } from './ref-options.ts';

function res(kind: ResourceSummary['kind'], namespace: string, name: string, extra: Partial<ResourceSummary> = {}): ResourceSummary {
  return { id: `${kind}/${namespace}/${name}`, kind, apiVersion: 'v1', name, namespace, file: 'f.yaml', docIndex: 0, range: { start: 0, end: 0 }, routeCount: 0, errors: 0, warnings: 0, ...extra };
}

const workspace = [
  res('Middleware', 'shop', 'strip', { middlewareType: 'stripPrefix' }),
  res('Middleware', 'platform', 'auth', { middlewareType: 'forwardAuth' }),
  res('Service', 'shop', 'web', { ports: [{ name: 'http', port: 80 }, { port: 8443 }] }),
  res('Service', 'platform', 'status', { ports: [{ port: 8080 }] }),
  res('TraefikService', 'shop', 'canary'),
];
const path = ['spec', 'routes', 0, 'services'];

describe('reference options', () => {
  it('offers the namespace’s middlewares first and marks the others by allowCrossNamespace', () => {
    expect(middlewareOptions(workspace, 'shop', false)).toEqual([
      { value: 'strip', label: 'strip · stripPrefix' },
      { value: 'platform/auth', label: 'platform/auth · forwardAuth — other namespace: refused, allowCrossNamespace is off', disabled: true },
    ]);
    expect(middlewareOptions(workspace, 'shop', true)[1]).toEqual({ value: 'platform/auth', label: 'platform/auth · forwardAuth — other namespace', disabled: false });
  });

  it('offers Services with their ports and TraefikServices', () => {
    expect(serviceOptions(workspace, 'shop', false).map((o) => [o.label, o.disabled])).toEqual([
      ['canary · TraefikService', false],
      ['web :80, :8443', false],
      ['platform/status :8080 — other namespace: refused, allowCrossNamespace is off', true],
    ]);
  });
});

describe('reference intents', () => {
  it('writes a cross-namespace middleware with its namespace, and drops the namespace for a local one', () => {
    const list = [{ name: 'auth', namespace: 'platform' }];
    expect(middlewareIntents(['m'], list, true, 0, 'strip')).toEqual([
      { type: 'set', path: ['m', 0, 'name'], value: 'strip' },
      { type: 'delete', path: ['m', 0, 'namespace'] },
    ]);
    expect(middlewareIntents(['m'], [], false, null, 'platform/auth')).toEqual([{ type: 'set', path: ['m'], value: [{ name: 'auth', namespace: 'platform' }] }]);
  });

  it('picks a Service with its first port, keeping a port the Service has', () => {
    const list = [{ name: 'app', port: 3000 }];
    expect(serviceIntents(path, list, true, 'shop', workspace, 0, serviceKey('Service', 'shop', 'web'))).toEqual([
      { type: 'set', path: [...path, 0, 'name'], value: 'web' },
      { type: 'set', path: [...path, 0, 'port'], value: 80 },
    ]);
    expect(serviceIntents(path, [{ name: 'app', port: 'http' }], true, 'shop', workspace, 0, serviceKey('Service', 'shop', 'web'))).toEqual([{ type: 'set', path: [...path, 0, 'name'], value: 'web' }]);
  });

  it('turns a Service reference into a TraefikService one (kind written, port removed) and back', () => {
    expect(serviceIntents(path, [{ name: 'web', port: 80 }], true, 'shop', workspace, 0, serviceKey('TraefikService', 'shop', 'canary'))).toEqual([
      { type: 'set', path: [...path, 0, 'name'], value: 'canary' },
      { type: 'set', path: [...path, 0, 'kind'], value: 'TraefikService' },
      { type: 'delete', path: [...path, 0, 'port'] },
    ]);
    expect(serviceIntents(path, [{ kind: 'TraefikService', name: 'canary' }], true, 'shop', workspace, 0, serviceKey('Service', 'platform', 'status'))).toEqual([
      { type: 'set', path: [...path, 0, 'name'], value: 'status' },
      { type: 'delete', path: [...path, 0, 'kind'] },
      { type: 'set', path: [...path, 0, 'namespace'], value: 'platform' },
      { type: 'set', path: [...path, 0, 'port'], value: 8080 },
    ]);
  });

  it('keeps a typed name that is not in the workspace as it is', () => {
    expect(serviceIntents(path, [], false, 'shop', workspace, null, 'legacy')).toEqual([{ type: 'set', path, value: [{ name: 'legacy' }] }]);
  });
});
