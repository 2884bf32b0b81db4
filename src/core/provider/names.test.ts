import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalize, portableSha256Hex, routerKey, useSha256Hex } from './names.ts';

// Traefik's Normalize, as its source defines it: split on every rune that is neither a letter nor a
// number (unicode.IsLetter, unicode.IsNumber), join the non-empty pieces with '-'.
const byDefinition = (name: string) => name.split(/[^\p{L}\p{N}]+/u).filter(Boolean).join('-');

describe('normalize (its ASCII fast paths)', () => {
  it.each([
    ['team-1-app-2', 'team-1-app-2'],
    ['-a', 'a'],
    ['a-', 'a'],
    ['a--b', 'a-b'],
    ['a.b_c', 'a-b-c'],
    ['', ''],
    ['---', ''],
    ['Ab9', 'Ab9'],
    ['ns-café.app', 'ns-café-app'],
    ['x²-Ⅻ', 'x²-Ⅻ'],
  ])('normalize(%j) = %j', (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  it('is Traefik Normalize on any text', () => {
    const chars = fc.constantFrom('a', 'Z', '0', '9', '-', '.', '_', ' ', '/', '@', '`', '{', 'é', '²', '😀');
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: chars, maxLength: 20 }), fc.string({ maxLength: 20 })), (name) => {
        expect(normalize(name)).toBe(byDefinition(name));
      }),
      { seed: 19, numRuns: 1000 },
    );
  });
});

describe('routerKey', () => {
  it('is Traefik makeID of the namespace, the name and the first 20 hex digits of the match SHA-256', () => {
    expect(routerKey('default', 'test.route', 'Host(`foo.com`) && PathPrefix(`/bar`)')).toBe('default-test-route-6b204d94623b3df4370c');
  });

  it('hashes with the SHA-256 it is given (the CLI gives Node\'s)', () => {
    try {
      useSha256Hex((text) => `${text.length}`.padStart(20, 'f'));
      expect(routerKey('ns', 'r', 'Host(`unhashed-before.example`)')).toBe('ns-r-ffffffffffffffffff31');
    } finally {
      useSha256Hex(portableSha256Hex);
    }
    expect(routerKey('ns', 'r', 'Host(`unhashed-after.example`)')).toMatch(/^ns-r-[0-9a-f]{20}$/);
  });
});
