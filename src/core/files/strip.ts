/**
 * Removing the fields the API server adds to `kubectl get -o yaml|json` output (status,
 * managedFields, resourceVersion, uid, creationTimestamp, generation, selfLink, the last-applied
 * annotation) as minimal text edits: comments and the rest of the text stay as they are.
 */
import { applyEdits, parseFile, planEdit } from '../yaml/index.ts';
import type { Path, YMap, YNode } from '../types.ts';

const METADATA_FIELDS = ['managedFields', 'resourceVersion', 'uid', 'creationTimestamp', 'generation', 'selfLink'];
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

function asMap(node: YNode | null | undefined): YMap | null {
  return node?.kind === 'map' ? node : null;
}

function has(map: YMap | null, key: string): YNode | null {
  return map?.pairs.find((p) => p.keyText === key)?.value ?? null;
}

/** The paths to delete in one object (a resource or a List). */
function serverPaths(object: YMap, prefix: Path): Path[] {
  const out: Path[] = [];
  if (has(object, 'status') && has(object, 'kind')) out.push([...prefix, 'status']);
  const metadata = asMap(has(object, 'metadata'));
  if (!metadata) return out;
  const isList = ((has(object, 'kind') as { value?: unknown } | null)?.value ?? '').toString().endsWith('List');
  for (const f of METADATA_FIELDS) if (has(metadata, f) && !(isList && f !== 'resourceVersion' && f !== 'selfLink')) out.push([...prefix, 'metadata', f]);
  const annotations = asMap(has(metadata, 'annotations'));
  if (annotations && has(annotations, LAST_APPLIED)) {
    out.push(annotations.pairs.length === 1 ? [...prefix, 'metadata', 'annotations'] : [...prefix, 'metadata', 'annotations', LAST_APPLIED]);
  }
  return out;
}

/** Every server-side field path of a file, per document, deepest-last order. */
export function serverFieldPaths(file: string, text: string): { docIndex: number; path: Path }[] {
  const parsed = parseFile(file, text);
  const out: { docIndex: number; path: Path }[] = [];
  for (const doc of parsed.documents) {
    const root = asMap(doc.root);
    if (!root) continue;
    for (const path of serverPaths(root, [])) out.push({ docIndex: doc.index, path });
    const items = has(root, 'items');
    if (items?.kind === 'seq') {
      items.items.forEach((item, i) => {
        const m = asMap(item);
        if (m) for (const path of serverPaths(m, ['items', i])) out.push({ docIndex: doc.index, path });
      });
    }
  }
  return out;
}

/**
 * The stripped text and the number of fields removed.
 *
 * @example
 * stripServerFields('x.yaml', 'kind: Middleware\nmetadata:\n  name: a\n  uid: "1"\nspec: {}\n').text
 * // 'kind: Middleware\nmetadata:\n  name: a\nspec: {}\n'
 */
export function stripServerFields(file: string, text: string): { text: string; removed: number } {
  // Delete from the last path backwards so earlier offsets stay valid; each deletion is re-planned
  // on the current text only when the previous one touched the same document region.
  const paths = serverFieldPaths(file, text).reverse();
  let current = text;
  let removed = 0;
  for (const { docIndex, path } of paths) {
    const result = planEdit(current, { type: 'delete', docIndex, path });
    if ('error' in result) continue;
    current = applyEdits(current, result.edits);
    removed++;
  }
  return { text: current, removed };
}

