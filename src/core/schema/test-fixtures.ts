/**
 * TEST SUPPORT ONLY (imported by *.test.ts, not by index.ts): builds a YNode tree with ranges from
 * YAML text through js-yaml's event stream, so the schema tests do not depend on core/yaml, which is
 * written concurrently. Plain scalars resolve with a YAML 1.1 subset (null, booleans, numbers).
 * Also the documents and the diagnostic summary the validator tests share.
 */
import { getScalarValue, parseEvents, type Event } from 'js-yaml';
import type { Resource, ResourceKind, Severity, TraefikTarget, YMap, YNode, YScalar, YSeq, ScalarStyle } from '../types.ts';
import { validateSchema } from './validate.ts';

const STYLES: Record<number, ScalarStyle> = { 1: 'plain', 2: 'single', 3: 'double', 4: 'literal', 5: 'folded' };

function resolvePlain(text: string): unknown {
  if (/^(|~|null|Null|NULL)$/.test(text)) return null;
  if (/^(true|True|TRUE|yes|Yes|YES|on|On|ON|y|Y)$/.test(text)) return true;
  if (/^(false|False|FALSE|no|No|NO|off|Off|OFF|n|N)$/.test(text)) return false;
  if (/^[-+]?(0|[1-9][0-9_]*)$/.test(text)) return Number(text.replace(/_/g, ''));
  if (/^0x[0-9a-fA-F_]+$/.test(text)) return Number(text.replace(/_/g, ''));
  if (/^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$/.test(text)) return Number(text.replace(/_/g, ''));
  return text;
}

type Frame = { node: YMap | YSeq; key: YNode | null };

/**
 * The root node of the first document of `text`.
 *
 * @example
 * yamlTree('a: [1, 2]\n').kind // 'map'
 */
export function yamlTree(text: string): YNode {
  const events: Event[] = parseEvents(text, {});
  const anchors = new Map<string, YNode>();
  const stack: Frame[] = [];
  let root: YNode | null = null;
  const add = (node: YNode): void => {
    const top = stack[stack.length - 1];
    if (!top) root = root ?? node;
    else if (top.node.kind === 'seq') top.node.items.push(node);
    else if (!top.key) top.key = node;
    else {
      const key = top.key;
      top.node.pairs.push({ key, keyText: key.kind === 'scalar' ? String(key.value) : '', value: node });
      top.key = null;
    }
  };
  const anchorOf = (e: { anchorStart: number; anchorEnd: number }): string | undefined =>
    e.anchorStart >= 0 ? text.slice(e.anchorStart, e.anchorEnd) : undefined;
  for (const e of events) {
    if (e.type === 3 || e.type === 2) {
      const range = { start: e.anchorStart >= 0 ? e.anchorStart - 1 : e.start, end: e.start };
      const node: YMap | YSeq = e.type === 3 ? { kind: 'map', flow: e.style === 2, pairs: [], range } : { kind: 'seq', flow: e.style === 2, items: [], range };
      const anchor = anchorOf(e);
      if (anchor) {
        node.anchor = anchor;
        anchors.set(anchor, node);
      }
      add(node);
      stack.push({ node, key: null });
    } else if (e.type === 4) {
      const style = STYLES[e.style] ?? 'plain';
      const decoded = getScalarValue(text, e);
      const quoted = style === 'single' || style === 'double';
      const start = quoted ? e.valueStart - 1 : e.valueStart;
      const node: YScalar = {
        kind: 'scalar',
        value: style === 'plain' ? resolvePlain(decoded) : decoded,
        text: decoded,
        style,
        valueRange: { start: e.valueStart, end: e.valueEnd },
        range: { start: e.anchorStart >= 0 ? e.anchorStart - 1 : start, end: quoted ? e.valueEnd + 1 : e.valueEnd },
      };
      const anchor = anchorOf(e);
      if (anchor) {
        node.anchor = anchor;
        anchors.set(anchor, node);
      }
      add(node);
    } else if (e.type === 5) {
      const name = text.slice(e.anchorStart, e.anchorEnd);
      add({ kind: 'alias', name, target: anchors.get(name) ?? null, range: { start: e.anchorStart - 1, end: e.anchorEnd } });
    } else if (e.type === 6) {
      const frame = stack.pop();
      if (!frame) continue;
      const n = frame.node;
      const last = n.kind === 'map' ? n.pairs[n.pairs.length - 1]?.value : n.items[n.items.length - 1];
      n.range.end = Math.max(n.range.end, last?.range.end ?? n.range.start) + (n.flow ? 1 : 0);
    }
  }
  return root ?? { kind: 'scalar', value: null, text: '', style: 'plain', range: { start: 0, end: 0 }, valueRange: { start: 0, end: 0 } };
}

/**
 * A Resource around the first document of `text` (kind read from the text).
 *
 * @example
 * validateSchema(resourceOf(text), 'v3')
 */
export function resourceOf(text: string, file = 'test.yaml'): Resource {
  const node = yamlTree(text);
  const kindPair = node.kind === 'map' ? node.pairs.find((p) => p.keyText === 'kind') : undefined;
  const kind = (kindPair?.value.kind === 'scalar' ? String(kindPair.value.value) : 'IngressRoute') as ResourceKind;
  return {
    kind,
    apiVersion: 'traefik.io/v1alpha1',
    id: `${kind}/default/test`,
    metadata: { name: 'test', namespace: 'default', namespaceExplicit: false, labels: {}, annotations: {} },
    raw: {},
    source: { file, docIndex: 0, path: [], node },
  };
}

export interface Found {
  code: string;
  /** The text under the diagnostic's range. */
  at: string;
  severity: Severity;
  message: string;
}

/**
 * Schema diagnostics of the first document of `yaml`, with the text they point at.
 *
 * @example
 * check(route('priority: x')) // [{ code: 'SCHEMA_TYPE', at: 'x', … }]
 */
export function check(yaml: string, target: TraefikTarget = 'v3'): Found[] {
  return validateSchema(resourceOf(yaml), target).map((d) => ({ code: d.code, at: yaml.slice(d.range.start, d.range.end), severity: d.severity, message: d.message }));
}

/**
 * `check` reduced to code and text.
 *
 * @example
 * brief(route('midlewares: []')) // [{ code: 'SCHEMA_UNKNOWN_FIELD', at: 'midlewares' }]
 */
export function brief(yaml: string, target: TraefikTarget = 'v3'): { code: string; at: string }[] {
  return check(yaml, target).map(({ code, at }) => ({ code, at }));
}

/**
 * An IngressRoute whose first route (kind and match set) gets `body` appended.
 *
 * @example
 * route('priority: 10')
 */
export function route(body: string): string {
  return `apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata:
  name: app
  namespace: apps
spec:
  entryPoints: [websecure]
  routes:
    - kind: Rule
      match: Host(\`app.example.com\`)
${body.replace(/^/gm, '      ')}
`;
}

/**
 * A Middleware with the given spec body.
 *
 * @example
 * middleware('stripPrefix:\n  prefixes: [/api]')
 */
export function middleware(spec: string): string {
  return `apiVersion: traefik.io/v1alpha1
kind: Middleware
metadata:
  name: mw
spec:
${spec.replace(/^/gm, '  ')}
`;
}

/** A valid IngressRoute (no diagnostics on any target). */
export const VALID = route('priority: 10\nmiddlewares:\n  - name: strip\nservices:\n  - name: app\n    port: 80\n    weight: 1');
