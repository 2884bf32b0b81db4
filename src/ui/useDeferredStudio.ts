import { useDeferredValue } from 'react';
import { useStudio } from '../store/index.ts';
import type { StudioState } from '../store/index.ts';

/**
 * A store value that may render late: React first re-renders with the previous value, then renders the
 * new one as interruptible background work. The panes that redraw a whole analysis (outline, problems,
 * graph, editor markers) use it so an analysis of a 1,000-IngressRoute workspace arriving does not
 * block typing for one long task.
 */
export function useDeferredStudio<T>(selector: (s: StudioState) => T): T {
  return useDeferredValue(useStudio(selector));
}
