/**
 * An analysis's diagnostics as editor markers, without Monaco itself (the editor passes its calls in). Monaco draws
 * the first 500 markers of a model only (its markerDecorationsService): errors go first, then warnings, so a large
 * file's infos never hide an error's squiggle. Those 500 are set at once; the rest (their hovers, F8) once the page
 * is idle: at 5,000 IngressRoutes converting all ~20,000 diagnostics to markers delayed the outline's redraw.
 */
import type { Diagnostic } from '../../core/types.ts';
import { SEVERITY_RANK } from '../../core/diagnostic.ts';

export const DRAWN_MARKERS = 500;

export interface MarkerSink<M> {
  /** Replaces the model's markers. */
  set(markers: M[]): void;
  toMarker(d: Diagnostic): M;
  /** Runs `task` once the page is idle. */
  whenIdle(task: () => void): void;
  /** Whether these diagnostics are still the ones to show when the idle task runs. */
  current(): boolean;
}

export function setMarkers<M>(diagnostics: readonly Diagnostic[], sink: MarkerSink<M>): void {
  const ordered = [...diagnostics].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.range.start - b.range.start);
  sink.set(ordered.slice(0, DRAWN_MARKERS).map(sink.toMarker));
  if (ordered.length <= DRAWN_MARKERS) return;
  sink.whenIdle(() => {
    if (sink.current()) sink.set(ordered.map(sink.toMarker));
  });
}
