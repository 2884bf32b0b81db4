/** The Compare view's base when an action sets it (e.g. "Convert to IngressRoute" keeps the Ingress version as the base). */
import type { NameEquivalence } from '../../worker/protocol.ts';

export interface CompareBase {
  label: string;
  files: { name: string; text: string }[];
  /** Names of the base's routers and middlewares in the current workspace (after a conversion). */
  equivalence?: NameEquivalence;
  /** What the conversion could not say, listed above the diff. */
  notes?: string[];
}

let pending: CompareBase | null = null;
const listeners = new Set<(base: CompareBase) => void>();

/** Hands a base to the Compare view (now if it is shown, else when it mounts). */
export function setCompareBase(base: CompareBase): void {
  pending = base;
  for (const l of listeners) l(base);
}

/** The base set while the Compare view was not shown, and a subscription to later ones. */
export function subscribeCompareBase(listener: (base: CompareBase) => void): { initial: CompareBase | null; unsubscribe(): void } {
  listeners.add(listener);
  return { initial: pending, unsubscribe: () => listeners.delete(listener) };
}
