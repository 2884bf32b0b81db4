import { describe, expect, it } from 'vitest';
import { allAsOne, routersCsv } from './export-data.ts';
import type { DynamicConfig, DynamicRouter } from '../../core/types.ts';

const router = (name: string, rule: string): DynamicRouter => ({
  name, rule, priority: 0, effectivePriority: rule.length, ruleSyntax: 'v3', ruleSyntaxRaw: '', entryPoints: ['websecure'],
  middlewares: ['a@kubernetescrd'], service: 's', tls: null, parentRefs: [],
  origin: { resourceId: 'IngressRoute/default/x', file: 'f.yaml', range: { start: 0, end: 1 }, routeIndex: 0 },
});

describe('export data', () => {
  it('joins files as one multi-document YAML', () => {
    expect(allAsOne([{ name: 'a', text: 'a: 1\n\n' }, { name: 'b', text: 'b: 2' }])).toBe('a: 1\n---\nb: 2\n');
  });

  it('writes a routers CSV with quoting and formula neutralisation', () => {
    const config: DynamicConfig = {
      routers: { r1: router('r1', 'Host(`a`) && Header(`X`, `a,b`)'), r2: router('r2', '=cmd()') },
      services: {}, middlewares: {}, tlsOptions: {}, certificates: [],
    };
    const lines = routersCsv(config).trim().split('\n');
    expect(lines[0]).toBe('name,entryPoints,rule,priority,effectivePriority,middlewares,service,tlsOption,served');
    expect(lines[1]).toContain('"Host(`a`) && Header(`X`, `a,b`)"');
    expect(lines[2]).toContain("'=cmd()");
  });
});
