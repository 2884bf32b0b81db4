import { describe, expect, it } from 'vitest';
import { VALID, brief, check, middleware, route } from './test-fixtures.ts';

describe('targets', () => {
  const withSyntax = route('syntax: v2');
  it('v3 accepts `syntax` with a deprecation warning; v2.11 rejects it', () => {
    expect(brief(withSyntax, 'v3')).toEqual([{ code: 'SCHEMA_DEPRECATED', at: 'syntax' }]);
    const [d] = check(withSyntax, 'v2.11');
    expect(d).toMatchObject({ code: 'SCHEMA_TARGET_FIELD', at: 'syntax', severity: 'error' });
    expect(d!.message).toContain('added in v3.0');
  });

  it.each(['observability:\n  tracing: false', 'services:\n  - name: a\n    port: 80\n    nodePortLB: true'])('v2.11 rejects v3 fields: %s', (body) => {
    expect(check(route(body), 'v2.11').map((d) => d.code)).toEqual(['SCHEMA_TARGET_FIELD']);
  });

  it('v2.11 rejects parentRefs and ingressClassName', () => {
    const yaml = VALID.replace('  routes:', '  ingressClassName: traefik\n  parentRefs: [{ name: root }]\n  routes:');
    expect(brief(yaml, 'v2.11').map((d) => d.at)).toEqual(['ingressClassName', 'parentRefs']);
    expect(brief(yaml, 'v3')).toEqual([]);
  });

  it('hub has no observability', () => {
    expect(brief(route('observability:\n  metrics: false'), 'hub')).toEqual([{ code: 'SCHEMA_TARGET_FIELD', at: 'observability' }]);
  });

  it('hub and v2.11 require the route kind; v3 defaults it', () => {
    const yaml = VALID.replace('    - kind: Rule\n      match', '    - match');
    expect(brief(yaml, 'v3')).toEqual([]);
    expect(brief(yaml, 'hub')).toEqual([{ code: 'SCHEMA_REQUIRED', at: 'match' }]);
    expect(brief(yaml, 'v2.11')).toEqual([{ code: 'SCHEMA_REQUIRED', at: 'match' }]);
  });

  it('hub reports a route without match as a warning (its reference marks it optional)', () => {
    const yaml = VALID.replace('      match: Host(`app.example.com`)\n', '');
    expect(check(yaml, 'hub').map((d) => d.severity)).toEqual(['warning']);
    expect(check(yaml, 'v3').map((d) => d.severity)).toEqual(['error']);
  });

  it('the legacy API group is deprecated on v2.11 and ignored by v3', () => {
    const yaml = VALID.replace('traefik.io/v1alpha1', 'traefik.containo.us/v1alpha1');
    expect(check(yaml, 'v2.11').map((d) => [d.code, d.severity])).toEqual([['SCHEMA_DEPRECATED', 'warning']]);
    expect(check(yaml, 'v3').map((d) => [d.code, d.severity, d.at])).toEqual([['SCHEMA_API_VERSION', 'error', 'traefik.containo.us/v1alpha1']]);
  });

  it('rejects an apiVersion the kind does not have', () => {
    expect(brief(VALID.replace('traefik.io/v1alpha1', 'v1'))).toEqual([{ code: 'SCHEMA_API_VERSION', at: 'v1' }]);
  });
});

describe('Middleware: exactly one type', () => {
  it('rejects a Middleware with no type, at the spec key', () => {
    expect(brief(middleware('{}').replace('spec:\n  {}', 'spec: {}'))).toEqual([{ code: 'SCHEMA_MIDDLEWARE_TYPES', at: 'spec' }]);
  });

  it('rejects several types, pointing at each extra one', () => {
    const yaml = middleware('stripPrefix:\n  prefixes: [/api]\nheaders:\n  frameDeny: true');
    const [d] = check(yaml);
    expect(d).toMatchObject({ code: 'SCHEMA_MIDDLEWARE_TYPES', at: 'headers', severity: 'error' });
    expect(d!.message).toContain('`stripPrefix` and `headers`');
  });

  it('accepts one type', () => {
    expect(check(middleware('stripPrefix:\n  prefixes: [/api]'))).toEqual([]);
  });

  it('knows the v3 types per target', () => {
    const yaml = middleware('encodedCharacters:\n  allowEncodedSlash: true');
    expect(brief(yaml, 'v3')).toEqual([]);
    expect(brief(yaml, 'v2.11').map((d) => d.code)).toEqual(['SCHEMA_TARGET_FIELD', 'SCHEMA_MIDDLEWARE_TYPES']);
  });

  it('checks type settings (addPrefix needs a leading slash)', () => {
    expect(brief(middleware('addPrefix:\n  prefix: api'))).toEqual([{ code: 'SCHEMA_PATTERN', at: 'api' }]);
  });
});

describe('TraefikService: one kind', () => {
  const ts = (spec: string) => `apiVersion: traefik.io/v1alpha1\nkind: TraefikService\nmetadata:\n  name: t\nspec:\n${spec}\n`;
  it('accepts weighted + mirroring: Traefik builds the first (the provider warns, knowing the version)', () => {
    const yaml = ts('  weighted:\n    services: [{ name: a, port: 80 }]\n  mirroring:\n    name: a\n    port: 80');
    expect(brief(yaml)).toEqual([]);
  });
  it('still rejects two types in a Middleware (Traefik refuses a multi-type middleware)', () => {
    const yaml = 'apiVersion: traefik.io/v1alpha1\nkind: Middleware\nmetadata:\n  name: m\nspec:\n  addPrefix:\n    prefix: /a\n  stripPrefix:\n    prefixes: [/b]\n';
    expect(brief(yaml)).toEqual([{ code: 'SCHEMA_MIDDLEWARE_TYPES', at: 'stripPrefix' }]);
  });
  it('rejects an empty spec', () => {
    expect(brief(ts('  {}').replace('spec:\n  {}', 'spec: {}')).map((d) => d.code)).toEqual(['SCHEMA_SERVICE_TYPES']);
  });
});

describe('YAML features', () => {
  it('follows aliases and merge keys', () => {
    const yaml = route('services:\n  - &svc\n    name: a\n    port: 80\n  - <<: *svc\n    weight: 2\n  - *svc');
    expect(check(yaml)).toEqual([]);
  });

  it('reports inside merged mappings once, at the anchored text', () => {
    const yaml = route('services:\n  - &svc\n    name: a\n    prot: 80\n  - <<: *svc\n    weight: 2');
    expect(brief(yaml)).toEqual([{ code: 'SCHEMA_UNKNOWN_FIELD', at: 'prot' }]);
  });
});

describe('Kubernetes kinds', () => {
  it('validates a Service and its DNS-1035 name', () => {
    const svc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: 1web\nspec:\n  ports:\n    - name: http\n      port: 80\n      targetPort: http\n  selector:\n    app: web\n';
    expect(brief(svc)).toEqual([{ code: 'SCHEMA_PATTERN', at: '1web' }]);
  });
  it('accepts a TLS Secret', () => {
    const secret = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: tls\ntype: kubernetes.io/tls\ndata:\n  tls.crt: LS0tLS1CRUdJTg==\n  tls.key: LS0tLS1CRUdJTg==\n';
    expect(check(secret)).toEqual([]);
  });
});
