// Version gates (which Traefik release has a behaviour) and the names of pkg/provider (Normalize, makeID,
// MakeQualifiedName, makeServiceKey). Expected values are written out; hashes are node:crypto's.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { atLeast, compareVersion, defaultSettings } from './settings.ts';
import { makeID, matchHash, qualify, unqualify } from './names.ts';

describe('compareVersion and atLeast', () => {
  it.each([
    ['3.6.21', '3.6.20', 1], ['3.6.20', '3.6.21', -1], ['3.10.0', '3.9.9', 1], ['3.6', '3.6.0', 0], ['3.6.0', '3.6', 0], ['4', '3.99.99', 1], ['3.7.9', '3.7.9', 0], ['3.x.1', '3.0.1', 0],
  ])('compareVersion(%s, %s) has the sign %d', (a, b, sign) => {
    expect(Math.sign(compareVersion(a, b))).toBe(sign);
  });

  it('answers alike when asked again, with more versions than its memo keeps', () => {
    // 200 distinct left sides and 200 right sides: the memo is emptied several times over.
    const ask = () => Array.from({ length: 200 }, (_, i) => [Math.sign(compareVersion(`3.${i}.0`, '3.100.0')), Math.sign(compareVersion('3.100.0', `3.${i}`))]);
    const first = ask();
    expect(ask()).toEqual(first);
    expect(first.map(([a]) => a)).toEqual(Array.from({ length: 200 }, (_, i) => Math.sign(i - 100)));
    expect(first.map(([, b]) => b)).toEqual(Array.from({ length: 200 }, (_, i) => Math.sign(100 - i)));
  });

  it.each([
    { target: 'v3' as const, version: '3.6.21', v3: '3.6.21', v2: '2.11.50', expected: true },
    { target: 'v3' as const, version: '3.6.20', v3: '3.6.21', v2: '2.11.50', expected: false },
    { target: 'v2.11' as const, version: '2.11.50', v3: '3.6.21', v2: '2.11.50', expected: true },
    { target: 'v2.11' as const, version: '2.11.49', v3: '3.6.21', v2: '2.11.50', expected: false },
    { target: 'v2.11' as const, version: '2.11.50', v3: '3.6.0', v2: undefined, expected: false },
  ])('atLeast($target $version, $v3, $v2) = $expected', ({ target, version, v3, v2, expected }) => {
    expect(atLeast({ ...defaultSettings(), target, version }, v3, v2)).toBe(expected);
  });
});

describe('names', () => {
  it.each([['default', 'web', 'default-web'], ['', 'web', 'web']])('makeID(%j, %j) = %j', (ns, name, id) => {
    expect(makeID(ns, name)).toBe(id);
  });
  it.each([['a', 'a@kubernetescrd'], ['a@file', 'a@file'], ['a@kubernetescrd', 'a@kubernetescrd']])('qualify(%j) = %j', (name, q) => {
    expect(qualify(name)).toBe(q);
  });
  it.each([['a@kubernetescrd', 'a'], ['a@file', 'a@file'], ['a', 'a'], ['a@kubernetescrd@kubernetescrd', 'a@kubernetescrd'], ['akubernetescrd', 'akubernetescrd']])('unqualify(%j) = %j', (name, u) => {
    expect(unqualify(name)).toBe(u);
  });
  it.each(['Host(`foo.com`) && PathPrefix(`/bar`)', 'Path(`/日本`)', 'Host(`a.example.com`)\n'])('matchHash(%j) is sha256 %.10x', (match) => {
    expect(matchHash(match)).toBe(createHash('sha256').update(match, 'utf8').digest('hex').slice(0, 20));
  });
});
