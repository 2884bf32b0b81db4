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

/**
 * The same, awaiting `pause` at each yield: a pause that ends the task spreads the computation over several tasks
 * (the page stays responsive while it puts 30,000 items of an analysis back together).
 *
 * @example
 * await inSteps(assembler.summarySteps(wire), yieldTask)
 */
export async function inSteps<T>(steps: Generator<void, T>, pause: () => Promise<void>): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}
