import { describe, expect, it } from 'vitest';
import { fieldDoc, fieldsOf } from './field-doc.ts';
import { RESOURCE_KINDS, TARGETS, schemaFor } from './registry.ts';
import type { JsonSchema } from './json-schema.ts';

describe('fieldDoc', () => {
  it('documents a nested field through list indices', () => {
    expect(fieldDoc('IngressRoute', ['spec', 'routes', 2, 'services', 0, 'passHostHeader'], 'v3')).toMatchObject({
      type: 'boolean',
      default: true,
      required: false,
    });
  });

  it('marks required fields and gives enums', () => {
    expect(fieldDoc('IngressRoute', ['spec', 'routes', 0, 'match'], 'v3')).toMatchObject({ type: 'string', required: true });
    expect(fieldDoc('TLSOption', ['spec', 'clientAuth', 'clientAuthType'], 'v3')?.enum).toContain('RequireAndVerifyClientCert');
  });

  it('gives map values and int-or-string types', () => {
    expect(fieldDoc('Middleware', ['spec', 'headers', 'customRequestHeaders'], 'v3')?.type).toBe('map');
    expect(fieldDoc('Middleware', ['spec', 'headers', 'customRequestHeaders', 'X-Foo'], 'v3')?.type).toBe('string');
    expect(fieldDoc('IngressRoute', ['spec', 'routes', 0, 'services', 0, 'port'], 'v3')?.type).toBe('integer | string');
  });

  it('carries version and deprecation', () => {
    expect(fieldDoc('IngressRoute', ['spec', 'parentRefs'], 'v3')?.since).toBe('3.6');
    expect(fieldDoc('Middleware', ['spec', 'ipWhiteList'], 'v3')?.deprecated).toContain('ipAllowList');
  });

  it('returns null outside the schema or the target', () => {
    expect(fieldDoc('IngressRoute', ['spec', 'nope'], 'v3')).toBeNull();
    expect(fieldDoc('IngressRoute', ['spec', 'routes', 0, 'syntax'], 'v2.11')).toBeNull();
  });
});

describe('fieldsOf', () => {
  it('lists the children of an object, required first', () => {
    const names = fieldsOf('IngressRoute', ['spec', 'routes', 0], 'v3').map((f) => f.name);
    expect(names[0]).toBe('match');
    expect(names).toEqual(expect.arrayContaining(['kind', 'priority', 'middlewares', 'services', 'observability', 'syntax']));
  });

  it('follows the target', () => {
    const names = fieldsOf('IngressRoute', ['spec', 'routes', 0], 'v2.11').map((f) => f.name);
    expect(names.slice(0, 2).sort()).toEqual(['kind', 'match']);
    expect(names).not.toContain('observability');
  });

  it('is empty for lists, maps and scalars', () => {
    expect(fieldsOf('IngressRoute', ['spec', 'routes'], 'v3')).toEqual([]);
    expect(fieldsOf('IngressRoute', ['spec', 'routes', 0, 'match'], 'v3')).toEqual([]);
  });
});

describe('every schema', () => {
  function walk(s: JsonSchema, path: string, visit: (s: JsonSchema, path: string) => void, seen = new Set<JsonSchema>()): void {
    if (seen.has(s)) return;
    seen.add(s);
    visit(s, path);
    for (const [k, v] of Object.entries(s.properties ?? {})) walk(v, `${path}.${k}`, visit, seen);
    if (s.items) walk(s.items, `${path}[]`, visit, seen);
    if (typeof s.additionalProperties === 'object') walk(s.additionalProperties, `${path}{}`, visit, seen);
  }

  it.each(TARGETS)('describes every field and closes every object (%s)', (target) => {
    const problems: string[] = [];
    for (const kind of RESOURCE_KINDS) {
      walk(schemaFor(kind, target), kind, (s, path) => {
        if (!s.description) problems.push(`${path}: no description`);
        if (s.properties && s.additionalProperties !== false) problems.push(`${path}: open object`);
        for (const r of s.required ?? []) if (!s.properties?.[r]) problems.push(`${path}: required ${r} is not a property`);
      });
    }
    expect(problems).toEqual([]);
  });
});
