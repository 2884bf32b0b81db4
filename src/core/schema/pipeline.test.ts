/** The validator on trees built by core/yaml and resources extracted by core/model (the real pipeline). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractResources } from '../model/index.ts';
import { parseFile } from '../yaml/index.ts';
import { TARGETS } from './registry.ts';
import { validateResources } from './validate.ts';

function run(name: string, text: string, target: (typeof TARGETS)[number] = 'v3') {
  const { resources } = extractResources([parseFile(name, text)]);
  return validateResources(resources, target).map((d) => ({ code: d.code, severity: d.severity, at: text.slice(d.range.start, d.range.end) }));
}

describe('with core/yaml and core/model', () => {
  const examples = ['default', 'canary', 'microservices', 'https-redirect', 'tls-conflict'];
  it.each(examples.flatMap((name) => TARGETS.map((target) => ({ name, target }))))('$name.yaml has no schema problems on $target', ({ name, target }) => {
    const text = readFileSync(new URL(`../../../public/examples/${name}.yaml`, import.meta.url), 'utf8');
    expect(run(`${name}.yaml`, text, target)).toEqual([]);
  });

  it('the legacy API group is flagged on v3 only', () => {
    const text = readFileSync(new URL('../../../public/examples/v2-syntax.yaml', import.meta.url), 'utf8').replaceAll('traefik.io/v1alpha1', 'traefik.containo.us/v1alpha1');
    const v3 = run('v2-syntax.yaml', text, 'v3');
    expect(v3.filter((d) => d.code === 'SCHEMA_API_VERSION').map((d) => d.at)).toEqual(['traefik.containo.us/v1alpha1', 'traefik.containo.us/v1alpha1']);
    expect(run('v2-syntax.yaml', text, 'v2.11').every((d) => d.severity !== 'error')).toBe(true);
  });

  it('points into the right document of a multi-document file, and into List items', () => {
    const text = [
      'apiVersion: traefik.io/v1alpha1\nkind: Middleware\nmetadata: { name: a }\nspec:\n  stripPrefix: { prefixes: [/a] }',
      'apiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata:\n  name: b\nspec:\n  routes:\n    - match: Host(`b`)\n      servics: []',
      'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: traefik.io/v1alpha1\n    kind: TLSOption\n    metadata: { name: c }\n    spec:\n      minVersion: TLS12',
    ].join('\n---\n');
    expect(run('multi.yaml', text)).toEqual([
      { code: 'SCHEMA_UNKNOWN_FIELD', severity: 'error', at: 'servics' },
      { code: 'SCHEMA_ENUM', severity: 'error', at: 'TLS12' },
    ]);
  });

  it('reports an empty value at its key (empty ranges from core/yaml)', () => {
    const text = 'apiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata:\n  name: b\nspec:\n  routes:\n    - match:\n  tls:\n';
    expect(run('empty.yaml', text)).toEqual([
      { code: 'SCHEMA_REQUIRED', severity: 'error', at: 'match' },
      { code: 'SCHEMA_NULL', severity: 'warning', at: 'tls' },
    ]);
  });
});
