// The version landmarks of /work/shared/traefik-semantics.md (its table of behaviour changes), checked at each
// boundary: the last release before a change and the first one with it.
import { describe, expect, it } from 'vitest';
import { compareVersions, featuresOf, parseVersion, versionText } from './version.ts';

describe('parseVersion / compareVersions / versionText', () => {
  it.each([
    ['3.7.9', { major: 3, minor: 7, patch: 9 }],
    ['v2.11.47', { major: 2, minor: 11, patch: 47 }],
    [' 3.6 ', { major: 3, minor: 6, patch: 0 }],
    ['3.6.18-rc1', { major: 3, minor: 6, patch: 18 }],
    ['latest', undefined],
    ['3', undefined],
    ['', undefined],
  ] as const)('%j', (text, v) => {
    expect(parseVersion(text)).toEqual(v);
  });

  it('orders by major, then minor, then patch', () => {
    const v = (major: number, minor: number, patch: number) => ({ major, minor, patch });
    expect(Math.sign(compareVersions(v(3, 0, 0), v(2, 11, 50)))).toBe(1);
    expect(Math.sign(compareVersions(v(3, 6, 18), v(3, 7, 0)))).toBe(-1);
    expect(Math.sign(compareVersions(v(3, 6, 18), v(3, 6, 17)))).toBe(1);
    expect(compareVersions(v(3, 6, 18), v(3, 6, 18))).toBe(0);
    expect(versionText(v(3, 6, 18))).toBe('3.6.18');
  });
});

describe('featuresOf: the landmarks', () => {
  it.each([
    // 421 check on the resolved TLS option: v2.11.47 / v3.6.18.
    { target: 'v3', version: '3.6.17', key: 'sniCheck', value: 'host-vs-sni' },
    { target: 'v3', version: '3.6.18', key: 'sniCheck', value: 'resolved-option' },
    { target: 'v2.11', version: '2.11.46', key: 'sniCheck', value: 'host-vs-sni' },
    { target: 'v2.11', version: '2.11.47', key: 'sniCheck', value: 'resolved-option' },
    // Conflicting routers renamed: v2.11.50 / v3.6.21.
    { target: 'v3', version: '3.6.20', key: 'conflictRename', value: false },
    { target: 'v3', version: '3.6.21', key: 'conflictRename', value: true },
    { target: 'v2.11', version: '2.11.49', key: 'conflictRename', value: false },
    { target: 'v2.11', version: '2.11.50', key: 'conflictRename', value: true },
    // providers.precedence tie-break: v3.7.0; never in v2.
    { target: 'v3', version: '3.6.99', key: 'providerTieBreak', value: false },
    { target: 'v3', version: '3.7.0', key: 'providerTieBreak', value: true },
    { target: 'v2.11', version: '2.11.50', key: 'providerTieBreak', value: false },
    // Encoded characters denied by default: v3.6.5–v3.6.6 and v2.11.33–34 only.
    { target: 'v3', version: '3.6.4', key: 'denyEncodedByDefault', value: false },
    { target: 'v3', version: '3.6.5', key: 'denyEncodedByDefault', value: true },
    { target: 'v3', version: '3.6.6', key: 'denyEncodedByDefault', value: true },
    { target: 'v3', version: '3.6.7', key: 'denyEncodedByDefault', value: false },
    { target: 'v2.11', version: '2.11.32', key: 'denyEncodedByDefault', value: false },
    { target: 'v2.11', version: '2.11.33', key: 'denyEncodedByDefault', value: true },
    { target: 'v2.11', version: '2.11.34', key: 'denyEncodedByDefault', value: true },
    { target: 'v2.11', version: '2.11.35', key: 'denyEncodedByDefault', value: false },
    // The v2.11 binary (gorilla/mux): 405 on a Method-only mismatch.
    { target: 'v2.11', version: '2.11.50', key: 'methodNotAllowed', value: true },
    { target: 'v3', version: '3.7.9', key: 'methodNotAllowed', value: false },
  ] as const)('$target $version: $key = $value', ({ target, version, key, value }) => {
    expect(featuresOf({ target, version })[key]).toEqual(value);
  });

  it('the redirection router rule of each binary', () => {
    expect(featuresOf({ target: 'v3', version: '3.7.9' }).redirectRule).toEqual({ rule: 'HostRegexp(`^.+$`)', syntax: 'v3' });
    expect(featuresOf({ target: 'v2.11', version: '2.11.50' }).redirectRule).toEqual({ rule: 'HostRegexp(`{host:.+}`)', syntax: 'v2' });
  });

  it('an unreadable version, or one of the other line, is the latest release of the target line', () => {
    expect(featuresOf({ target: 'v3', version: 'latest' })).toMatchObject({ binary: 'v3', version: { major: 3, minor: 7, patch: 9 } });
    expect(featuresOf({ target: 'v3', version: '2.11.40' })).toMatchObject({ binary: 'v3', version: { major: 3, minor: 7, patch: 9 } });
    expect(featuresOf({ target: 'v2.11', version: '3.6.1' })).toMatchObject({ binary: 'v2', version: { major: 2, minor: 11, patch: 50 } });
    expect(featuresOf({ target: 'v2.11', version: '2.11.40' })).toMatchObject({ binary: 'v2', version: { major: 2, minor: 11, patch: 40 } });
  });
});
