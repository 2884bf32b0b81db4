/**
 * Where to put a marker about a part of a resource. Paths are relative to the resource's object
 * (so ['spec', 'routes', 0, 'match'] works the same for a plain document and a List item); when the
 * path does not exist (a missing field), the nearest existing ancestor is used.
 */
import type { Path, Range, Resource, YNode } from '../types.ts';
import { locatePath } from '../yaml/index.ts';

function inside(node: YNode, outer: YNode): boolean {
  return node.range.start >= outer.range.start && node.range.end <= outer.range.end;
}

/**
 * Range of the node at `subPath` inside a resource, or of its nearest existing ancestor. A path that
 * crosses an alias whose anchor lies outside the resource points at the alias.
 *
 * @example
 * resourceRange(ingressRoute, ['spec', 'routes', 0, 'match']); // the rule's range
 * resourceRange(ingressRoute, ['spec', 'tls', 'options']); // `tls`'s value when `options` is absent
 */
export function resourceRange(resource: Resource, subPath: Path): Range {
  const root = resource.source.node;
  const loc = locatePath(root, subPath);
  if (loc === null) return root.range;
  if (loc.aliasSite !== null && !inside(loc.node, root)) return loc.aliasSite.range;
  return loc.node.range;
}

/**
 * Range of the key of the last segment of `subPath` (for "unknown field" markers): the key of a
 * mapping entry, the item itself for a list index; the nearest existing ancestor's key otherwise.
 *
 * @example
 * resourceKeyRange(ingressRoute, ['spec', 'rouets']); // `rouets` (the misspelled key) when it exists
 */
export function resourceKeyRange(resource: Resource, subPath: Path): Range {
  const root = resource.source.node;
  const loc = locatePath(root, subPath);
  if (loc === null) return root.range;
  if (loc.aliasSite !== null && !inside(loc.node, root)) return loc.aliasSite.range;
  if (loc.depth === subPath.length && typeof subPath[subPath.length - 1] === 'number') return loc.node.range;
  if (loc.pair !== null) return loc.pair.key.range;
  return loc.node.range;
}
