import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../core/types.ts';
import { DRAWN_MARKERS, setMarkers } from './markers.ts';

const diagnostic = (severity: Diagnostic['severity'], start: number): Diagnostic =>
  ({ severity, code: 'X', message: `${severity} at ${start}`, file: 'a.yaml', range: { start, end: start + 1 }, family: 'schema' }) as Diagnostic;

function sink(current = () => true) {
  const sets: string[][] = [];
  const idle: (() => void)[] = [];
  return { sets, idle, sink: { set: (m: string[]) => sets.push(m), toMarker: (d: Diagnostic) => `${d.severity}@${d.range.start}`, whenIdle: (t: () => void) => idle.push(t), current } };
}

describe('setMarkers', () => {
  it('sets errors first, then warnings, then infos, each in text order; all at once when Monaco draws them all', () => {
    const s = sink();
    setMarkers([diagnostic('info', 5), diagnostic('error', 9), diagnostic('warning', 1), diagnostic('error', 2)], s.sink);
    expect(s.sets).toEqual([['error@2', 'error@9', 'warning@1', 'info@5']]);
    expect(s.idle).toHaveLength(0);
  });

  it('sets the markers Monaco draws at once (an error at the end among them), the rest when the page is idle', () => {
    const infos = Array.from({ length: DRAWN_MARKERS + 100 }, (_, i) => diagnostic('info', i * 10));
    const s = sink();
    setMarkers([...infos, diagnostic('error', 1_000_000)], s.sink);
    expect(s.sets).toHaveLength(1);
    expect(s.sets[0]).toHaveLength(DRAWN_MARKERS);
    expect(s.sets[0]![0]).toBe('error@1000000');
    s.idle.forEach((t) => t());
    expect(s.sets).toHaveLength(2);
    expect(s.sets[1]).toHaveLength(infos.length + 1);
    expect(s.sets[1]!.slice(0, DRAWN_MARKERS)).toEqual(s.sets[0]);
  });

  it('leaves the rest unset when a newer analysis came first', () => {
    const s = sink(() => false);
    setMarkers(Array.from({ length: DRAWN_MARKERS + 1 }, (_, i) => diagnostic('warning', i)), s.sink);
    s.idle.forEach((t) => t());
    expect(s.sets).toHaveLength(1);
  });
});
