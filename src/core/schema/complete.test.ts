import { describe, expect, it } from 'vitest';
import { completeKeys } from './complete.ts';

const at = (text: string) => {
  const i = text.indexOf('|');
  return { text: text.replace('|', ''), offset: i };
};

describe('completeKeys', () => {
  it.each([
    ['inside routes[0] after kind', 'apiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nspec:\n  routes:\n    - kind: Rule\n      ma|\n', ['spec', 'routes', 0], 'match'],
    ['a new first route item', 'kind: IngressRoute\nspec:\n  routes:\n    - ma|\n    - kind: Rule\n      match: Host(`a`)\n', ['spec', 'routes', 0], 'match'],
    ['the second route', 'kind: IngressRoute\nspec:\n  routes:\n    - kind: Rule\n      match: Host(`a`)\n    - kind: Rule\n      |\n', ['spec', 'routes', 1], 'services'],
    ['a service of a route', 'kind: IngressRoute\nspec:\n  routes:\n  - match: Host(`a`)\n    services:\n      - name: web\n        |\n', ['spec', 'routes', 0, 'services', 0], 'port'],
    ['under spec, in the second document', 'kind: Middleware\nspec: {}\n---\nkind: IngressRoute\nmetadata:\n  name: a\nspec:\n  |\n', ['spec'], 'routes'],
    ['middleware types', 'kind: Middleware\nspec:\n  str|\n', ['spec'], 'stripPrefix'],
  ])('%s', (_desc, source, path, expected) => {
    const { text, offset } = at(source);
    const result = completeKeys(text, offset, 'v3');
    expect(result?.path).toEqual(path);
    expect(result?.fields.map((f) => f.name)).toContain(expected);
  });

  it('leaves out keys already present, before and after the cursor', () => {
    const { text, offset } = at('kind: IngressRoute\nspec:\n  routes:\n    - kind: Rule\n      |\n      match: Host(`a`)\n');
    const names = completeKeys(text, offset, 'v3')!.fields.map((f) => f.name);
    expect(names).not.toContain('kind');
    expect(names).not.toContain('match');
    expect(names).toContain('priority');
  });

  it('gives nothing after a colon or in an unknown kind', () => {
    expect(completeKeys('kind: IngressRoute\nspec:\n  routes: x', 36, 'v3')).toBeNull();
    expect(completeKeys('kind: Unknown\nspec:\n  ', 22, 'v3')).toBeNull();
  });
});
