import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../core/provider/settings.ts';
import { AnalysisService } from './service.ts';

const text = readFileSync(new URL('../../public/examples/ingress-nginx.yaml', import.meta.url), 'utf8');

describe('worker: Convert to IngressRoute', () => {
  it('answers the rewritten files, what was not converted and the name equivalence; a diff with it keeps every winner', () => {
    const service = new AnalysisService();
    expect(service.handle({ type: 'analyze', version: 1, files: [{ name: 'ingress-nginx.yaml', text }], settings: defaultSettings() }).type).toBe('analysis');
    const answer = service.handle({ type: 'convert', version: 1, id: 7 });
    if (answer.type !== 'convert') throw new Error(answer.type);
    expect(answer.id).toBe(7);
    // shop, shop-api, admin, status; the canary Ingress lives on in shop-api's weighted service and header routes.
    expect(answer.converted).toBe(4);
    expect(answer.files.map((f) => f.name)).toEqual(['ingress-nginx.yaml']);
    expect(answer.files[0]!.text).not.toMatch(/^kind: Ingress$/m);
    expect(answer.notConverted).toHaveLength(2);
    service.handle({ type: 'analyze', version: 2, files: answer.files, settings: defaultSettings() });
    const diff = service.handle({ type: 'diff', version: 2, id: 8, baseFiles: [{ name: 'ingress-nginx.yaml', text }], equivalence: answer.equivalence });
    if (diff.type !== 'diff') throw new Error(diff.type);
    expect(diff.diff.routing.filter((c) => c.winnerChanged)).toEqual([]);
  });
});
