import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalize } from './names.ts';

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
