import { describe, expect, it } from 'vitest';
import { SCHEMA_CODES } from './codes.ts';
import { VALID, brief, check, resourceOf, route } from './test-fixtures.ts';
import { validateSchema } from './validate.ts';

describe('valid resources', () => {
  it.each(['v3', 'v2.11', 'hub'] as const)('a plain IngressRoute has no diagnostics on %s', (target) => {
    expect(check(VALID, target)).toEqual([]);
  });

  it('every code is catalogued with the schema family', () => {
    for (const info of Object.values(SCHEMA_CODES)) expect(info.family).toBe('schema');
  });
});

describe('unknown fields', () => {
  it('points at the key and suggests the closest spelling', () => {
    const yaml = route('midlewares:\n  - name: strip');
    const [d] = check(yaml);
    expect(d).toMatchObject({ code: 'SCHEMA_UNKNOWN_FIELD', at: 'midlewares', severity: 'error' });
    expect(d!.message).toContain('did you mean `middlewares`?');
  });

  it('offers a rename quick fix', () => {
    const yaml = route('Priority: 3');
    const [d] = validateSchema(resourceOf(yaml), 'v3');
    expect(d!.fixes?.[0]?.edits[0]).toMatchObject({ text: 'priority' });
    expect(yaml.slice(d!.fixes![0]!.edits[0]!.range.start, d!.fixes![0]!.edits[0]!.range.end)).toBe('Priority');
  });

  it('lists the allowed fields when nothing is close', () => {
    const [d] = check(route('services:\n  - name: app\n    port: 80\n    zzzzzz: 1'));
    expect(d!.at).toBe('zzzzzz');
    expect(d!.message).toMatch(/Allowed fields: `name`, `kind`, .*`port`/);
  });

  it('says where a misplaced field belongs', () => {
    const yaml = VALID.replace('  routes:', '  middlewares: []\n  routes:');
    const [d] = check(yaml);
    expect(d).toMatchObject({ code: 'SCHEMA_UNKNOWN_FIELD', at: 'middlewares' });
    expect(d!.message).toContain('`spec.routes[].middlewares`');
  });

  it('reads the reference spelling `accesslogs` as a typo of `accessLogs`', () => {
    const [d] = check(route('observability:\n  accesslogs: true'));
    expect(d!.message).toContain('did you mean `accessLogs`?');
  });

  it('checks top-level fields too', () => {
    expect(brief(VALID.replace('spec:', 'specs: {}\nspec:'))).toEqual([{ code: 'SCHEMA_UNKNOWN_FIELD', at: 'specs' }]);
  });
});

describe('types', () => {
  it.each([
    { desc: 'port as a list', body: 'services:\n  - name: a\n    port: [80]', at: '[80]', text: 'a port number or a port name string' },
    { desc: 'quoted boolean', body: 'services:\n  - name: a\n    port: 80\n    passHostHeader: "false"', at: '"false"', text: 'Remove the quotes' },
    { desc: 'middlewares as a mapping', body: 'middlewares:\n  name: strip', at: 'name: strip', text: 'must be a list' },
    { desc: 'priority as text', body: 'priority: high', at: 'high', text: 'a whole number' },
  ])('$desc', ({ body, at, text }) => {
    const [d] = check(route(body));
    expect(d).toMatchObject({ code: 'SCHEMA_TYPE', at });
    expect(d!.message).toContain(text);
  });

  it('suggests quotes when YAML 1.1 turns a string into a boolean', () => {
    const yaml = VALID.replace('namespace: apps', 'namespace: apps\n  labels:\n    enabled: yes');
    const [d] = check(yaml);
    expect(d).toMatchObject({ code: 'SCHEMA_TYPE', at: 'yes' });
    expect(d!.message).toContain('`enabled: "yes"`');
  });

  it('explains the TLSOption reference form for `options: name`', () => {
    const yaml = VALID.replace('  routes:', '  tls:\n    options: modern\n  routes:');
    const [d] = check(yaml);
    expect(d).toMatchObject({ code: 'SCHEMA_TYPE', at: 'modern' });
    expect(d!.message).toContain('`options: { name: modern }`');
  });

  it('warns that a quoted port number is read as a port name', () => {
    const [d] = check(route('services:\n  - name: a\n    port: "8080"'));
    expect(d).toMatchObject({ code: 'SCHEMA_PORT_STRING', at: '"8080"', severity: 'warning' });
  });
});

describe('enums', () => {
  it('lists the allowed values', () => {
    const [d] = check(route('services:\n  - name: a\n    port: 80\n    scheme: ftp'));
    expect(d).toMatchObject({ code: 'SCHEMA_ENUM', at: 'ftp' });
    expect(d!.message).toContain('`http`, `https` and `h2c`');
  });

  it('points out case mistakes with a fix', () => {
    const yaml = VALID.replace('kind: Rule', 'kind: rule');
    const [d] = validateSchema(resourceOf(yaml), 'v3');
    expect(d!.message).toContain('did you mean `Rule`? Values are case-sensitive.');
    expect(d!.fixes?.[0]?.edits[0]?.text).toBe('Rule');
  });

  it('flags the deprecated RoundRobin strategy on v3 only', () => {
    const yaml = route('services:\n  - name: a\n    port: 80\n    strategy: RoundRobin');
    expect(brief(yaml, 'v3')).toEqual([{ code: 'SCHEMA_DEPRECATED', at: 'RoundRobin' }]);
    expect(brief(yaml, 'v2.11')).toEqual([]);
    expect(brief(route('services:\n  - name: a\n    port: 80\n    strategy: wrr'), 'hub')).toEqual([{ code: 'SCHEMA_ENUM', at: 'wrr' }]);
  });
});

describe('required fields', () => {
  it('points at the parent key when a field is missing', () => {
    const yaml = VALID.replace('  - name: strip', '  - namespace: other');
    expect(brief(yaml)).toEqual([{ code: 'SCHEMA_REQUIRED', at: 'namespace' }]);
  });

  it('reports a required field written without a value at its key', () => {
    const yaml = VALID.replace('match: Host(`app.example.com`)', 'match:');
    const [d] = check(yaml);
    expect(d).toMatchObject({ code: 'SCHEMA_REQUIRED', at: 'match', severity: 'error' });
    expect(d!.message).toContain('Host(`example.com`)');
  });

  it('requires spec and routes', () => {
    const noRoutes = 'apiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata:\n  name: a\nspec:\n  entryPoints: [web]\n';
    expect(brief(noRoutes)).toEqual([{ code: 'SCHEMA_REQUIRED', at: 'spec' }]);
    expect(brief('apiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata:\n  name: a\n')).toEqual([{ code: 'SCHEMA_REQUIRED', at: 'kind' }]);
  });

  it('accepts generateName instead of name', () => {
    expect(brief(VALID.replace('name: app\n', 'generateName: app-\n'))).toEqual([]);
  });

  it('warns about empty values that Kubernetes drops, with the tls: {} hint', () => {
    const [d] = check(VALID.replace('  routes:', '  tls:\n  routes:'));
    expect(d).toMatchObject({ code: 'SCHEMA_NULL', at: 'tls', severity: 'warning' });
    expect(d!.message).toContain('tls: {}');
  });
});

describe('`@` in names', () => {
  it('warns for a provider-qualified middleware and explains both readings', () => {
    const [d] = check(route('middlewares:\n  - name: auth@file\n    namespace: apps'));
    expect(d).toMatchObject({ code: 'SCHEMA_AT_IN_NAME', at: 'auth@file', severity: 'warning' });
    expect(d!.message).toContain('`@` is not allowed');
    expect(d!.message).toContain('another provider');
    expect(d!.message).toContain('`namespace` is ignored');
  });

  it('is an error for a Kubernetes Service name, a warning for a TraefikService', () => {
    expect(check(route('services:\n  - name: api@file')).map((d) => d.severity)).toEqual(['error']);
    expect(check(route('services:\n  - name: api@file\n    kind: TraefikService')).map((d) => d.severity)).toEqual(['warning']);
  });
});

describe('numeric bounds', () => {
  it.each([
    { body: 'priority: 9223372036854774807', codes: [] },
    { body: 'priority: 9223372036854774808', codes: ['SCHEMA_RANGE'] },
    { body: 'services:\n  - name: a\n    port: 80\n    weight: -1', codes: ['SCHEMA_RANGE'] },
  ])('$body', ({ body, codes }) => {
    expect(check(route(body)).map((d) => d.code)).toEqual(codes);
  });

  it('mirror percent is 0–100', () => {
    const yaml = 'apiVersion: traefik.io/v1alpha1\nkind: TraefikService\nmetadata:\n  name: m\nspec:\n  mirroring:\n    name: a\n    port: 80\n    mirrors:\n      - name: b\n        port: 80\n        percent: 101\n';
    expect(brief(yaml)).toEqual([{ code: 'SCHEMA_RANGE', at: '101' }]);
  });
});

