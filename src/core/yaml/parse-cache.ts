/**
 * Documents kept from one parse to the next. Typing changes one document of a file; the others are
 * the same text, perhaps a few characters further down. A parse with a cache takes each unchanged
 * document (same file, same text) from it instead of parsing it again, moving its ranges by the
 * distance it moved. Diagnostics computed from a document alone (its parse diagnostics, and what the
 * analysis attaches, such as schema checks) travel with it.
 *
 * Kept documents are updated in place: the trees of the previous parse must not be used once the
 * next parse has run (the analyzer holds one analysis at a time).
 */
import type { Diagnostic, Range, YNode } from '../types.ts';

interface Kept {
  root: YNode | null;
  value: unknown;
  diagnostics: Diagnostic[];
  /** Where the document's segment starts in its file. */
  base: number;
  /** Diagnostics attached by later stages, by name (`schema`…): they move with the document. */
  attached: Map<string, Diagnostic[]>;
}

export class ParseCache {
  private kept = new Map<string, Kept[]>();
  private next = new Map<string, Kept[]>();
  private readonly byRoot = new WeakMap<object, Kept>();
  /** Documents taken from the cache and parsed, in the last parse (for tests and benchmarks). */
  stats = { reused: 0, parsed: 0 };

  /** A kept document with this key, moved to `base`; undefined when there is none. */
  take(key: string, base: number): Kept | undefined {
    const entry = this.kept.get(key)?.pop();
    if (!entry) return undefined;
    if (entry.base !== base) move(entry, base - entry.base);
    entry.base = base;
    this.keep(key, entry);
    this.stats.reused++;
    return entry;
  }

  /** Keeps a freshly parsed document for the next parse. */
  put(key: string, document: Omit<Kept, 'attached'>): void {
    this.stats.parsed++;
    document.diagnostics.forEach(ownRanges);
    this.keep(key, { ...document, attached: new Map() });
  }

  /** Diagnostics a later stage attached to the document whose root is `root`. */
  attached(root: YNode, stage: string): Diagnostic[] | undefined {
    return this.byRoot.get(root)?.attached.get(stage);
  }

  attach(root: YNode, stage: string, diagnostics: Diagnostic[]): void {
    const kept = this.byRoot.get(root);
    if (!kept) return;
    diagnostics.forEach(ownRanges);
    kept.attached.set(stage, diagnostics);
  }

  /** Ends a parse: documents not taken are dropped. */
  commit(): void {
    this.kept = this.next;
    this.next = new Map();
  }

  /** Starts a parse. */
  begin(): void {
    this.next = new Map();
    this.stats = { reused: 0, parsed: 0 };
  }

  private keep(key: string, entry: Kept): void {
    const list = this.next.get(key);
    if (list) list.push(entry);
    else this.next.set(key, [entry]);
    if (entry.root) this.byRoot.set(entry.root, entry);
  }
}

/**
 * Gives a kept diagnostic range objects of its own: a diagnostic often points at a node's range
 * object, which must move once, with the tree.
 */
function ownRanges(d: Diagnostic): void {
  d.range = { start: d.range.start, end: d.range.end };
  d.related = d.related?.map((r) => ({ ...r, range: { start: r.range.start, end: r.range.end } }));
  if (d.related === undefined) delete d.related;
  d.fixes = d.fixes?.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, range: { start: e.range.start, end: e.range.end } })) }));
  if (d.fixes === undefined) delete d.fixes;
}

/**
 * Moves every range of a kept document by `delta`. Within a tree only a plain scalar shares a range
 * object (its range is its valueRange); kept diagnostics own theirs (ownRanges).
 */
function move(entry: Kept, delta: number): void {
  const range = (r: Range) => {
    r.start += delta;
    r.end += delta;
  };
  const node = (n: YNode | null) => {
    if (!n) return;
    range(n.range);
    switch (n.kind) {
      case 'scalar':
        if (n.valueRange !== n.range) range(n.valueRange);
        break;
      case 'map':
        for (const p of n.pairs) {
          node(p.key);
          node(p.value);
        }
        break;
      case 'seq':
        n.items.forEach(node);
        break;
      case 'alias':
        // Its target is a node of the same tree, moved where the tree holds it.
        break;
    }
  };
  const diagnostic = (d: Diagnostic) => {
    range(d.range);
    d.related?.forEach((r) => (r.file === undefined || r.file === d.file) && range(r.range));
    d.fixes?.forEach((f) => f.edits.forEach((e) => (e.file === undefined || e.file === d.file) && range(e.range)));
  };
  node(entry.root);
  entry.diagnostics.forEach(diagnostic);
  for (const list of entry.attached.values()) list.forEach(diagnostic);
}
