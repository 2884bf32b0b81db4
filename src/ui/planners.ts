/**
 * The edit planners (edit-planners.ts), loaded on first use. A pane where an edit is likely calls
 * `preloadPlanners()` when the pointer or focus enters it, so the chunk is usually there by the time
 * the user commits a change; `withPlanners` then runs the edit at once, in the same task.
 */
import type * as EditPlanners from './edit-planners.ts';

export type Planners = typeof EditPlanners;

let loaded: Planners | undefined;
let loading: Promise<Planners> | undefined;

export function preloadPlanners(): Promise<Planners> {
  loading ??= import('./edit-planners.ts').then(
    (m) => (loaded = m),
    (e: unknown) => {
      loading = undefined; // the next use tries again
      throw e;
    },
  );
  return loading;
}

/** For event handlers: starts the load; a failure is told by the edit that needs them (withPlanners). */
export function warmPlanners(): void {
  preloadPlanners().catch(() => {});
}

export const PLANNERS_FAILED = 'The editing code could not be loaded (is the server still running?). Try again.';

/** Runs `use` with the planners: synchronously once they are loaded, after the load before that. */
export function withPlanners(use: (planners: Planners) => void, onError: (message: string) => void): void {
  if (loaded) use(loaded);
  else preloadPlanners().then(use, () => onError(PLANNERS_FAILED));
}
