/**
 * Runs a computation made of steps (a generator that pauses with `yield`, so that a caller can spread it over
 * several tasks or give it up) to its end at once, and returns its result.
 *
 * @example
 * drain(shadowSteps(config, settings)) // the shadow report, computed without pausing
 */
export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
