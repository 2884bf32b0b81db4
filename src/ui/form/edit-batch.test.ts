import { describe, expect, it } from 'vitest';
import { batchEdits } from './edit-batch.ts';

const doc = `kind: IngressRoute # keep
spec:
  routes:
    - match: Host(\`a\`)
      services:
        - name: app   # placeholder
          port: 80
---
kind: Service
`;

function apply(text: string, r: ReturnType<typeof batchEdits>): string {
  if ('error' in r) throw new Error(r.error);
  let out = text;
  for (const e of [...r.edits].reverse()) out = out.slice(0, e.range.start) + e.text + out.slice(e.range.end);
  return out;
}

describe('batchEdits', () => {
  const svc = ['spec', 'routes', 0, 'services', 0];
  it('makes several intents one edit, the rest byte-identical', () => {
    const r = batchEdits(doc, 0, [], [
      { type: 'set', path: [...svc, 'name'], value: 'admin' },
      { type: 'set', path: [...svc, 'port'], value: 8081 },
    ]);
    expect('edits' in r && r.edits).toHaveLength(1);
    expect(apply(doc, r)).toBe(doc.replace('- name: app   # placeholder\n          port: 80', '- name: admin   # placeholder\n          port: 8081'));
  });

  it('keeps planEdit’s own edit for one intent, and gives none when nothing changes', () => {
    const one = batchEdits(doc, 0, [], [{ type: 'set', path: [...svc, 'port'], value: 443 }]);
    expect('edits' in one && one.edits).toEqual([{ range: { start: doc.indexOf('80\n'), end: doc.indexOf('80\n') + 2 }, text: '443' }]);
    expect(batchEdits(doc, 0, [], [{ type: 'set', path: [...svc, 'port'], value: 80 }])).toEqual({ edits: [] });
  });

  it('reports the first intent planEdit refuses', () => {
    expect(batchEdits(doc, 3, [], [{ type: 'set', path: ['a'], value: 1 }])).toHaveProperty('error');
  });
});
