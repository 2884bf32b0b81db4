import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare, holdsSecretData, redactSecrets, type SharedState } from './share.ts';
import { defaultSettings } from '../../core/provider/settings.ts';

const state: SharedState = {
  v: 1,
  files: [{ name: 'a.yaml', text: 'kind: IngressRoute\n# ünïcode comment ✓\n'.repeat(50) }],
  settings: defaultSettings(),
  request: { method: 'GET', url: 'https://a.example.com/', headers: { 'X-A': 'b' }, clientIP: '10.0.0.1' },
};

describe('share links', () => {
  it('round-trips the workspace exactly and compresses it', async () => {
    const hash = await encodeShare(state);
    expect(hash.startsWith('#share=')).toBe(true);
    expect(hash).toMatch(/^#share=[A-Za-z0-9_-]+$/);
    expect(hash.length).toBeLessThan(JSON.stringify(state).length / 4);
    expect(await decodeShare(hash)).toEqual(state);
  });

  it('reports damaged links instead of throwing', async () => {
    const hash = await encodeShare(state);
    expect(await decodeShare(hash.slice(0, 40))).toHaveProperty('error');
    expect(await decodeShare('#share=!!!')).toHaveProperty('error');
    expect(await decodeShare('#other')).toBeNull();
  });

  it('redacts Secret data and only Secret data', () => {
    const text = 'kind: Secret\nmetadata:\n  name: s\ndata:\n  users: YWRtaW4=\n  tls.crt: abc\ntype: Opaque\n---\nkind: ConfigMap\ndata:\n  keep: me\n';
    expect(holdsSecretData([{ name: 'x', text }])).toBe(true);
    const out = redactSecrets(text);
    expect(out).toContain('users: REDACTED');
    expect(out).toContain('tls.crt: REDACTED');
    expect(out).toContain('type: Opaque');
    expect(out).toContain('keep: me');
    expect(out).not.toContain('YWRtaW4=');
  });
});
