/**
 * Property tests for planEdit over generated, real-world-shaped IngressRoute streams (comments,
 * anchors and aliases, flow and block styles, every quoting style, several documents): a planned edit
 * changes only the lines of the edited node, and the result re-parses to the intended value at that
 * path with every other value unchanged.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planEdit, parseFile, type EditIntent } from './index.ts';
import type { Path, TextEdit, YNode } from '../types.ts';
import { walk } from './edit.ts';

/**
 * fast-check seed: fixed so a failure reproduces (fast-check prints it); FC_SEED=n explores another.
 * FC_RUNS=n caps the runs of each property (mutation testing sets it: every mutant re-runs them).
 */
const runs = (n: number): number => Math.min(n, Number(process.env.FC_RUNS ?? n));
const SEED = Number(process.env.FC_SEED ?? 2102);

function apply(text: string, edits: TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.range.start - a.range.start)) out = out.slice(0, e.range.start) + e.text + out.slice(e.range.end);
  return out;
}

/** Own paths of a tree (no aliases crossed) with their nodes. */
function paths(root: YNode | null): { path: Path; node: YNode }[] {
  const out: { path: Path; node: YNode }[] = [];
  const visit = (n: YNode, p: Path): void => {
    out.push({ path: p, node: n });
    if (n.kind === 'map') for (const pair of n.pairs) visit(pair.value, [...p, pair.keyText]);
    else if (n.kind === 'seq') n.items.forEach((it, i) => visit(it, [...p, i]));
  };
  if (root) visit(root, []);
  return out;
}

function hasAnchorInside(n: YNode): boolean {
  if (n.anchor !== undefined) return true;
  if (n.kind === 'map') return n.pairs.some((p) => hasAnchorInside(p.key) || hasAnchorInside(p.value));
  if (n.kind === 'seq') return n.items.some(hasAnchorInside);
  return false;
}

/** The expected JS value after the intent (structuredClone keeps alias sharing, like YAML). */
function expected(values: unknown[], intent: EditIntent): unknown[] {
  const docs = structuredClone(values);
  if (intent.type === 'appendDocument') return [...docs, ...parseFile('n', intent.yaml).documents.map((d) => d.value)];
  if (intent.type === 'insertDocument') return [...docs.slice(0, intent.afterDocIndex + 1), ...parseFile('n', intent.yaml).documents.map((d) => d.value), ...docs.slice(intent.afterDocIndex + 1)];
  const holder = { v: docs[intent.docIndex] };
  const path: Path = ['v', ...intent.path];
  let parent: Record<string | number, unknown> = holder as Record<string, unknown>;
  for (let i = 0; i < path.length - 1; i++) {
    const seg = path[i]!;
    if (parent[seg] === null || typeof parent[seg] !== 'object') parent[seg] = typeof path[i + 1] === 'number' ? [] : {};
    parent = parent[seg] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1]!;
  if (intent.type === 'set') parent[last] = structuredClone(intent.value);
  else if (intent.type === 'delete') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else {
    const target = (parent[last] ??= []) as unknown[];
    if (intent.type === 'insert') target.splice(intent.index, 0, structuredClone(intent.value));
    else target.splice(intent.to, 0, target.splice(intent.from, 1)[0]);
  }
  docs[intent.docIndex] = holder.v;
  return docs;
}

function lineOf(text: string, offset: number): number {
  let n = 0;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** Old-text line window [from, to) whose lines differ, by common prefix and suffix. */
function changedLines(before: string, after: string): [number, number] {
  const a = before.split('\n');
  const b = after.split('\n');
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let q = 0;
  while (q < a.length - p && q < b.length - p && a[a.length - 1 - q] === b[b.length - 1 - q]) q++;
  return [p, a.length - q];
}

// ------------------------------------------------------------------------------------------------
// The generator: IngressRoute streams written the many ways people write them.

type Rng = () => number;

function rng(seed: number): Rng {
  let x = (seed >>> 0) || 0x9e3779b9;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

const pick = <T,>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

interface Fmt {
  unit: number;
  seqIndented: boolean;
}

function str(r: Rng, v: string): string {
  const safe = /^[a-z][a-z0-9.-]*$/.test(v) && !['yes', 'no', 'on', 'off', 'y', 'n', 'null', 'true', 'false'].includes(v);
  const style = safe ? pick(r, ['plain', 'plain', 'single', 'double']) : pick(r, ['single', 'double']);
  if (style === 'plain') return v;
  if (style === 'single') return `'${v.replace(/'/g, "''")}'`;
  return JSON.stringify(v);
}

function comment(r: Rng): string {
  return r() < 0.25 ? `  # ${pick(r, ['note', 'TODO: tighten', 'see docs', 'prod only'])}` : '';
}

function lineComment(r: Rng, indent: string): string[] {
  return r() < 0.2 ? [`${indent}# ${pick(r, ['section', 'routes below', 'keep in sync'])}`] : [];
}

function list(r: Rng, f: Fmt, indent: string, items: string[]): string[] {
  if (r() < 0.3) return [' [' + items.join(', ') + ']'];
  const pad = f.seqIndented ? indent + ' '.repeat(f.unit) : indent;
  return ['', ...items.map((it) => `${pad}- ${it}${comment(r)}`)];
}

function ingressRoute(r: Rng, f: Fmt, n: number): string[] {
  const u = ' '.repeat(f.unit);
  const out: string[] = [...lineComment(r, '')];
  out.push('apiVersion: traefik.io/v1alpha1', 'kind: IngressRoute', 'metadata:');
  out.push(`${u}name: ${str(r, pick(r, ['web', 'api', 'whoami']) + n)}${comment(r)}`);
  if (r() < 0.7) out.push(`${u}namespace: ${str(r, pick(r, ['apps', 'default', 'team-a']))}`);
  const labels = r();
  if (labels < 0.5) out.push(`${u}labels: {app: ${str(r, 'web')}, tier: front}`);
  else if (labels < 0.75) out.push(`${u}labels:`, `${u}${u}app: ${str(r, 'web')}`, `${u}${u}"app.kubernetes.io/part-of": shop`);
  const annotations = r();
  if (annotations < 0.3) out.push(`${u}annotations:`, `${u}${u}kubernetes.io/ingress.class: ${str(r, 'traefik')}`);
  else if (annotations < 0.45) out.push(`${u}annotations:`, `${u}${u}description: a long text`, `${u}${u}${u}over two lines  # c`, `${u}${u}empty:`);
  out.push('spec:');
  const eps = list(r, f, u, ['web', 'websecure'].slice(0, 1 + Math.floor(r() * 2)));
  out.push(`${u}entryPoints:${eps[0]}`, ...eps.slice(1));
  out.push(...lineComment(r, u), `${u}routes:`);
  const seqPad = f.seqIndented ? u + u : u;
  const inner = seqPad + '  ';
  const routes = 1 + Math.floor(r() * 3);
  let anchor: string | null = null;
  for (let k = 0; k < routes; k++) {
    out.push(...lineComment(r, seqPad));
    const rule = `Host(\`${pick(r, ['a', 'b', 'c'])}.example.com\`) && PathPrefix(\`/v${k}\`)`;
    const ruleStyle = pick(r, ['plain', 'double', 'single', 'folded', 'literal']);
    if (ruleStyle === 'folded' || ruleStyle === 'literal') {
      const [h, t] = rule.split(' && ');
      out.push(`${seqPad}- match: ${ruleStyle === 'folded' ? '>-' : '|-'}`, `${inner}${u}${h} &&`, `${inner}${u}${t}`);
    } else {
      out.push(`${seqPad}- match: ${ruleStyle === 'plain' ? rule : ruleStyle === 'double' ? JSON.stringify(rule) : `'${rule}'`}${comment(r)}`);
    }
    out.push(`${inner}kind: Rule`);
    if (r() < 0.3) out.push(`${inner}priority: ${r() < 0.3 ? `!!int "${Math.floor(r() * 100)}"` : Math.floor(r() * 100)}`);
    if (anchor && r() < 0.6) out.push(`${inner}middlewares: *${anchor}`);
    else if (r() < 0.6) {
      const a: string | null = r() < 0.4 && !anchor ? `mw${n}` : null;
      if (r() < 0.3) out.push(`${inner}middlewares: ${a ? `&${a} ` : ''}[{name: strip}, {name: auth, namespace: ${str(r, 'apps')}}]`);
      else {
        const pad = f.seqIndented ? inner + u : inner;
        out.push(`${inner}middlewares:${a ? ` &${a}` : ''}`, `${pad}- name: ${str(r, 'strip')}`, `${pad}- name: auth${comment(r)}`);
      }
      if (a) anchor = a;
    }
    const pad = f.seqIndented ? inner + u : inner;
    out.push(`${inner}services:`, `${pad}- name: ${str(r, 'svc' + k)}`, `${pad}  port: ${pick(r, ['80', '8080', "'http'", 'http'])}`);
    if (r() < 0.3) out.push(`${pad}  weight: ${Math.floor(r() * 10)}`, `${pad}- name: other`, `${pad}  port: 443`);
  }
  const tls = r();
  if (tls < 0.3) out.push(`${u}tls: {secretName: ${str(r, 'tls-cert')}, options: {name: strict}}${comment(r)}`);
  else if (tls < 0.7) out.push(`${u}tls:`, `${u}${u}secretName: ${str(r, 'tls-cert')}${comment(r)}`);
  else if (tls < 0.8) out.push(`${u}tls:`);
  return out;
}

function other(r: Rng, f: Fmt, n: number): string[] {
  const u = ' '.repeat(f.unit);
  if (r() < 0.35) {
    return JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name: `svc${n}`, labels: { app: 'web' } }, spec: { ports: [{ port: 80, name: 'http' }] } }, null, pick(r, [2, 4])).split('\n');
  }
  if (r() < 0.5) {
    return ['apiVersion: v1', 'kind: List', 'items:', `- apiVersion: traefik.io/v1alpha1`, `  kind: Middleware`, `  metadata: {name: strip${n}}`, `  spec:`, `    stripPrefix:`, `      prefixes: ["/api", /v1]`];
  }
  const out = ['apiVersion: traefik.io/v1alpha1', 'kind: Middleware', 'metadata:', `${u}name: ${str(r, `headers${n}`)}`, 'spec:', `${u}headers:`];
  out.push(`${u}${u}customRequestHeaders:`, `${u}${u}${u}X-Script-Name: ${str(r, 'test')}`, `${u}${u}${u}X-Empty:`);
  return out;
}

function stream(seed: number): string {
  const r = rng(seed);
  const docs: string[] = [];
  const count = 1 + Math.floor(r() * 3);
  for (let i = 0; i < count; i++) {
    const f: Fmt = { unit: pick(r, [2, 2, 4]), seqIndented: r() < 0.6 };
    docs.push((r() < 0.7 ? ingressRoute(r, f, i) : other(r, f, i)).join('\n') + '\n');
  }
  const lead = r() < 0.3 ? '---\n' : '';
  const crlf = r() < 0.1;
  const text = lead + docs.join(r() < 0.2 ? '---\n# next\n' : '---\n');
  return crlf ? text.replace(/\n/g, '\r\n') : text;
}

const genStream = fc.integer().map(stream);

const VALUES = fc.oneof(
  fc.constantFrom('web', 'yes', 'no', 'on', '0755', '1.0', '1e3', '*', '&x', 'a: b', 'a #b', ' lead', 'trail ', '', 'null', '~', "it's", 'say "hi"'),
  fc.constantFrom('Host(`a.example.com`) && PathPrefix(`/api`)', 'HostRegexp(`{sub:[a-z]+}.example.com`)', '`x`', '- x', 'é😀', 'two\nlines', 'end\n', '2024-01-01', '1:30'),
  fc.integer({ min: -5, max: 70000 }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom({ name: 'strip', namespace: 'apps' }, ['web', 'websecure'], { a: { b: [1, 'yes'] } }, [{ name: 's', port: 80 }], {}, []),
);

const NEW_KEYS = fc.constantFrom('namespace', 'priority', 'tier', 'yes', 'a b', 'x.y/z', '0755');

describe('planEdit properties', () => {
  it('an edit touches only its node’s lines and produces exactly the intended value', () => {
    const scenario = fc.tuple(genStream, fc.nat(), fc.nat(), fc.integer({ min: 0, max: 6 }), VALUES, NEW_KEYS, fc.nat(), fc.nat());
    let planned = 0;
    const stats: Record<string, number> = {};
    let refused = 0;
    fc.assert(
      fc.property(scenario, ([text, docPick, nodePick, op, value, newKey, a, b]) => {
        const parsed = parseFile('g.yaml', text);
        if (parsed.documents.some((d) => d.broken) || parsed.documents.length === 0) return;
        const docIndex = docPick % parsed.documents.length;
        const doc = parsed.documents[docIndex]!;
        const wanted = op === 2 ? 'map' : op === 4 || op === 5 ? 'seq' : null;
        const all = paths(doc.root).filter((p) => wanted === null || p.node.kind === wanted);
        if (all.length === 0) return;
        const { path, node } = all[nodePick % all.length]!;
        let intent: EditIntent;
        const walked = doc.root ? walk(doc.root, path) : null;
        const steps = walked && 'steps' in walked ? walked.steps : [];
        // The line a node hangs from: its key's line, or its own first line.
        const hangLine = (k: number): number => {
          const st = steps[k]!;
          return lineOf(text, st.parent.kind === 'pair' ? st.parent.pair.key.range.start : st.node.range.start);
        };
        const self = steps.length - 1;
        let region: [number, number] = [hangLine(self), lineOf(text, node.range.end) + 1];
        switch (op) {
          case 0:
          case 1:
            if (node.anchor !== undefined) return;
            intent = { type: 'set', docIndex, path, value };
            break;
          case 2:
            if (node.kind !== 'map') return;
            intent = { type: 'set', docIndex, path: [...path, newKey, ...(a % 3 === 0 ? ['deeper'] : [])], value };
            break;
          case 3:
            if (path.length === 0 || hasAnchorInside(node)) return;
            intent = { type: 'delete', docIndex, path };
            region = [hangLine(self - 1), lineOf(text, steps[self - 1]!.node.range.end) + 1];
            break;
          case 4:
            if (node.kind !== 'seq') return;
            intent = { type: 'insert', docIndex, path, index: a % (node.items.length + 1), value };
            break;
          case 5:
            if (node.kind !== 'seq' || node.items.length < 2) return;
            intent = { type: 'move', docIndex, path, from: a % node.items.length, to: b % node.items.length };
            break;
          default:
            intent = { type: 'appendDocument', yaml: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: extra\n' };
        }
        const result = planEdit(text, intent);
        if ('error' in result) {
          // Refusals are for aliases, and for keys under scalars, only.
          refused++;
          expect(result.error, `${JSON.stringify(intent)}\n${text}`).toMatch(/alias|anchor|is a value/);
          return;
        }
        planned++;
        stats[intent.type] = (stats[intent.type] ?? 0) + 1;
        const out = apply(text, result.edits);
        const after = parseFile('g.yaml', out);
        const context = `${JSON.stringify(intent)}\n--- before\n${text}\n--- after\n${out}`;
        expect(after.documents.some((d) => d.broken), context).toBe(false);
        expect(after.documents.map((d) => d.value), context).toEqual(expected(parsed.documents.map((d) => d.value), intent));

        // Only the lines of the edited node (with its key or dash line) change.
        const [from, to] = changedLines(text, out);
        if (intent.type === 'appendDocument') {
          expect(from, context).toBeGreaterThanOrEqual(text.split('\n').length - 1);
          return;
        }
        if (from < to) {
          expect(from, context).toBeGreaterThanOrEqual(region[0]);
          expect(to, context).toBeLessThanOrEqual(region[1]);
        }
      }),
      { seed: SEED, numRuns: runs(1000) },
    );
    console.log('planned', planned, 'refused', refused, JSON.stringify(stats));
    expect(planned).toBeGreaterThan(runs(1000) / 10);
  });
});
