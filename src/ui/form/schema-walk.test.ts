import { describe, expect, it } from 'vitest';
import { coerce, fieldKind, placeholder, resolve, type JsonSchema } from './schema-walk.ts';

const root: JsonSchema = {
  definitions: { port: { anyOf: [{ type: 'integer' }, { type: 'string' }] }, flag: { type: 'boolean', default: true } },
};

describe('schema walk', () => {
  it('resolves refs and picks controls', () => {
    expect(resolve({ $ref: '#/definitions/flag' }, root)?.type).toBe('boolean');
    expect(fieldKind({ $ref: '#/definitions/port' }, root)).toBe('int-or-string');
    expect(fieldKind({ type: 'string', enum: ['a', 'b'] }, root)).toBe('enum');
    expect(fieldKind({ type: 'object', properties: { a: {} } }, root)).toBe('object');
    expect(fieldKind({ type: 'object', additionalProperties: { type: 'string' } }, root)).toBe('map');
    expect(fieldKind({ type: 'array', items: {} }, root)).toBe('array');
    expect(placeholder({ $ref: '#/definitions/flag' }, root)).toBe('true (default)');
  });

  it('coerces form text to YAML values', () => {
    expect(coerce('integer', '42')).toBe(42);
    expect(coerce('int-or-string', '8080')).toBe(8080);
    expect(coerce('int-or-string', 'http')).toBe('http');
    expect(coerce('boolean', 'false')).toBe(false);
    expect(coerce('string', '')).toBeUndefined();
    expect(coerce('string', 'Host(`a`)')).toBe('Host(`a`)');
  });
});
