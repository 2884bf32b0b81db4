// Mirrors pkg/muxer/http/mux.go GetRulePriority and the reserved range of
// pkg/server/router/router.go (user priorities stop at math.MaxInt - 1000).
import { utf8Length } from './go-text.ts';

/**
 * The default priority of a router: `len(rule)` in Go, the UTF-8 byte length of the rule exactly as
 * configured (spaces, newlines and backticks count).
 *
 * @example
 * rulePriority('Host(`example.org`)') // 19
 * rulePriority('Host(`é.org`)') // 14
 */
export function rulePriority(rule: string): number {
  return utf8Length(typeof rule === 'string' ? rule : '');
}

/** math.MaxInt - 1000 on 64-bit: the highest priority a non-internal router may have. */
export const MAX_USER_PRIORITY: bigint = 2n ** 63n - 1n - 1000n;
