/**
 * Sending an analysis as a change from the previous one. A keystroke on a 1,000-IngressRoute file
 * changes a handful of the 8,000 graph nodes, 10,000 edges and 2,500 routers, but cloning all of them
 * into the page cost it ~90 ms per edit (the 8 MB graph alone took 60 ms to deserialise). The worker
 * remembers each item as last sent and sends the keys in order plus the items that changed; the page keeps
 * the items it has and rebuilds the lists, so unchanged items also keep their identity (React's memo
 * and the graph pane's reuse of node objects see them as unchanged).
 */
import type { AnalysisResult } from './protocol.ts';
import type { Graph, GraphEdge, GraphNode, GraphScope, Layout, LayoutLayer, NodeBox } from '../core/graph/index.ts';
import type { Diagnostic, DynamicRouter, DynamicService, Origin } from '../core/types.ts';
import type { PriorityHint, ResourceSummary } from '../core/analyze.ts';
import { spanFinder } from '../core/spans.ts';
import { drain } from '../core/steps.ts';

/** A keyed collection as sent: every key in order, and the items that are new or changed. */
export interface KeyedDelta<T> {
  /** The keys in order, as runs of the previous message's keys (`start, length`) and new keys. */
  keys: KeyRuns;
  changed: [string, T][];
}

/** Numbers come in pairs: `start, length` copies that run of the previous keys; a string is a key. */
export type KeyRuns = (string | number)[];

/** `keys` as runs of `previous` (an edit leaves long runs of the 37,000 keys where they were). */
export function keyRuns(keys: readonly string[], previous: readonly string[], indexOf: ReadonlyMap<string, number>): KeyRuns {
  return keyRunsBy(keys, previous, (key) => indexOf.get(key));
}

function keyRunsBy(keys: readonly string[], previous: readonly string[], indexOf: (key: string) => number | undefined): KeyRuns {
  const runs: KeyRuns = [];
  for (let i = 0; i < keys.length; ) {
    const j = indexOf(keys[i]!);
    if (j === undefined) {
      runs.push(keys[i++]!);
      continue;
    }
    let n = 1;
    while (i + n < keys.length && j + n < previous.length && keys[i + n] === previous[j + n]) n++;
    runs.push(j, n);
    i += n;
  }
  return runs;
}

/** The keys that `runs` stand for. */
export function keysOf(runs: KeyRuns, previous: readonly string[]): string[] {
  const keys: string[] = [];
  for (let k = 0; k < runs.length; k++) {
    const op = runs[k]!;
    if (typeof op === 'string') {
      keys.push(op);
      continue;
    }
    const n = runs[++k] as number;
    if (op < 0 || op + n > previous.length) throw new Error('analysis delta: a run of keys the page does not have');
    for (let i = op; i < op + n; i++) keys.push(previous[i]!);
  }
  return keys;
}

/**
 * Whether `a` and `b` hold the same JSON-like value: same keys in the same order, same values. Items are
 * compared with what was last sent rather than printed (printing every item with JSON.stringify was a fifth
 * of the worker's time per keystroke at 1,000 IngressRoutes, and its garbage more). A shared object is the
 * same value at once: an analysis never changes an object after it is made, so identity means equality.
 * Stricter than printing (a key holding `undefined`, NaN) only ever sends an item again.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  return sameFields(a, b);
}

/**
 * Two objects with the same keys and the same values, the value under `skip` left out. Key order is not compared:
 * an item that differs only in it holds the same data, and the page keeps the one it has. Walking the keys with
 * for-in instead of two Object.keys arrays per comparison (~280,000 arrays per keystroke at 5,000 IngressRoutes)
 * took that keystroke's encoding from ~211 to ~188 ms (medians of 3 alternated runs).
 */
function sameFields(a: object, b: object, skip?: string): boolean {
  let keys = 0;
  for (const k in a) {
    keys++;
    if (!Object.hasOwn(b, k)) return false;
    if (k !== skip && !sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  for (const _ in b) keys--;
  return keys === 0;
}

/**
 * An item as last sent: itself, whether its origin travels relative to its resource's start (toRelative), and
 * that origin's range as it was then, as sent. The range is copied: the parse cache moves the ranges of
 * unchanged documents in place (yaml/parse-cache.ts), and an origin's range can be one of them.
 */
export interface Sent {
  item: unknown;
  relative: boolean;
  start: number;
  end: number;
}

/**
 * How the items of a collection travel: where each sits (its resource and range), compared and sent counted from
 * that resource's start, so that an item that only moved with its resource is unchanged; and how the page puts
 * the absolute position back.
 */
export interface Placement<T> {
  /** Fills `into` with the item and its position, relative to its resource's start when `starts` has it. */
  place(item: T, starts: Starts | undefined, into: Sent): void;
  /** Whether two items are the same but for their positions (compared apart, from Sent). */
  same(a: T, b: T): boolean;
  /** The item as sent. */
  toWire(item: T, starts: Starts | undefined): unknown;
  /** Page side: the start of the resource a sent item counts from, or undefined when it travels as it is. */
  baseOf(wire: unknown, starts: Starts): number | undefined;
  /** Page side: the item with its absolute position, from a sent one and its resource's start. */
  restore(wire: unknown, base: number): T;
}

/** Items placed by their `origin` (routers, services, graph nodes): the origin's range travels relative. */
const byOrigin: Placement<unknown> = {
  place(item, starts, into) {
    const origin = (item as WithOrigin).origin;
    into.item = item;
    if (!origin) {
      into.relative = false;
      into.start = into.end = 0;
      return;
    }
    const base = starts?.get(origin.resourceId);
    into.relative = base !== undefined;
    into.start = origin.range.start - (base ?? 0);
    into.end = origin.range.end - (base ?? 0);
  },
  same(a, b) {
    if (a === b) return true;
    const x = (a as WithOrigin | null)?.origin;
    const y = (b as WithOrigin | null)?.origin;
    if (!x || !y) return sameValue(a, b);
    return sameFields(a as object, b as object, 'origin') && sameFields(x, y, 'range');
  },
  toWire: (item, starts) => (starts ? toRelative(item, starts) : item),
  baseOf(wire, starts) {
    const origin = (wire as WithOrigin & { origin?: { relative?: boolean } }).origin;
    return origin?.relative ? (starts.get(origin.resourceId) ?? 0) : undefined;
  },
  restore(wire, base) {
    const origin = (wire as { origin: Origin & { relative?: boolean } }).origin;
    const { relative: _relative, ...rest } = origin;
    return { ...(wire as object), origin: { ...rest, range: { start: origin.range.start + base, end: origin.range.end + base } } };
  },
};

/**
 * Whether two versions of an item are the same on the wire: the same value, positions as sent (compared from the
 * copies in Sent: the live ranges of a kept document move in place).
 */
function sameSent<T>(a: Sent, b: Sent, placement: Placement<T>): boolean {
  if (a.relative !== b.relative || a.start !== b.start || a.end !== b.end) return false;
  return placement.same(a.item as T, b.item as T);
}

/** What the encoder keeps of a key: the item as last sent, and the key's position in the last two messages. */
interface Held extends Sent {
  /** Position in the list being made (valid when `round` is the current one). */
  index: number;
  /** Position in the previous message, -1 if the key was not in it. */
  was: number;
  round: number;
}

/** Worker side: remembers what the page has, per collection. */
export class DeltaEncoder {
  /**
   * Per collection: the keys last sent in order, and what is held of each key. The map is kept and updated in
   * place: rebuilding it, with a new record per item, for 130,000 items per keystroke at 5,000 IngressRoutes cost
   * more than the comparisons.
   */
  private readonly sent = new Map<string, { keys: string[]; at: Held[]; held: Map<string, Held>; round: number }>();

  /**
   * The delta of `items` against what was last sent under `name`. With `starts`, items travel with their origin
   * counted from their resource's start (see toRelative): an item that only moved with its resource is unchanged.
   */
  list<T>(name: string, items: readonly T[], keyOf: (item: T) => string, starts?: Starts, placement: Placement<T> = byOrigin as Placement<T>): KeyedDelta<T> {
    const session = this.begin<T>(name, starts, placement);
    for (const item of items) session.add(keyOf(item), item);
    return session.end();
  }

  record<T>(name: string, items: Readonly<Record<string, T>>, starts?: Starts): KeyedDelta<T> {
    const session = this.begin<T>(name, starts, byOrigin as Placement<T>);
    for (const key in items) session.add(key, items[key]!);
    return session.end();
  }

  private begin<T>(name: string, starts: Starts | undefined, placement: Placement<T>) {
    const state = this.sent.get(name) ?? { keys: [], at: [], held: new Map<string, Held>(), round: 0 };
    this.sent.set(name, state);
    const { keys: previous, at: previousAt, held } = state;
    const round = ++state.round;
    const keys: string[] = [];
    const at: Held[] = [];
    const changed: [string, T][] = [];
    // The item is compared as it is, its origin shifted by how far its resource moved: making the relative copy
    // of every item first (one object per router, service and node per analysis) cost more than the comparison.
    const now: Sent = { item: null, relative: false, start: 0, end: 0 };
    // Most keys are where they were, give or take the items an edit added or removed before them: each key is
    // first compared with the previous key at its position plus `shift`, and looked up in the map only when that
    // is another key (a lookup per item, with its string hashed, was a fifth of the encoding).
    let shift = 0;
    return {
      add: (wanted: string, item: T) => {
        let key = wanted;
        const i = keys.length;
        let h: Held | undefined = previous[i + shift] === key ? previousAt[i + shift] : held.get(key);
        // Keys must be unique for the page to tell items apart: a repeated key gets a numbered twin.
        for (let n = 1; h?.round === round; n++) {
          key = `${wanted.split('\u0000')[0]}\u0000${n}`;
          h = held.get(key);
        }
        placement.place(item, starts, now);
        keys.push(key);
        if (h && h.round === round - 1) {
          if (!sameSent(h, now, placement)) changed.push([key, placement.toWire(item, starts) as T]);
          h.was = h.index;
          shift = h.index - i;
        } else {
          // New, or back after a message without it (the page dropped it then).
          changed.push([key, placement.toWire(item, starts) as T]);
          if (!h) held.set(key, (h = { item, relative: false, start: 0, end: 0, index: i, was: -1, round }));
          h.was = -1;
        }
        h.item = now.item;
        h.relative = now.relative;
        h.start = now.start;
        h.end = now.end;
        h.index = i;
        h.round = round;
        at.push(h);
      },
      end: (): KeyedDelta<T> => {
        // Keys gone since the last message are forgotten.
        for (let j = 0; j < previous.length; j++) if (previousAt[j]!.round !== round) held.delete(previous[j]!);
        state.keys = keys;
        state.at = at;
        return { keys: keyRunsBy(keys, previous, (k) => { const w = held.get(k)!.was; return w < 0 ? undefined : w; }), changed };
      },
    };
  }

  private readonly sentKeys = new Map<string, { keys: string[]; indexOf: Map<string, number> }>();

  /** A list of strings as runs of the one last sent under `name`. */
  runs(name: string, keys: string[]): KeyRuns {
    const previous = this.sentKeys.get(name) ?? { keys: [], indexOf: new Map<string, number>() };
    const indexOf = new Map<string, number>();
    for (let i = 0; i < keys.length; i++) indexOf.set(keys[i]!, i);
    this.sentKeys.set(name, { keys, indexOf });
    return keyRuns(keys, previous.keys, previous.indexOf);
  }
}

/** Items put back per step of a stepped decode. */
const STEP = 20_000;

/**
 * An item as the page holds it: as received, and its copy with absolute positions for the resource start it was
 * made for (kept while neither changes: the same object, for React's memo).
 */
interface Received {
  item: unknown;
  base: number;
  placed: unknown;
}

/** Page side: the items last received, per collection. */
export class DeltaDecoder {
  private readonly held = new Map<string, Map<string, Received>>();
  private readonly heldKeys = new Map<string, string[]>();

  list<T>(name: string, delta: KeyedDelta<T>): T[] {
    return drain(this.listInSteps(name, delta));
  }

  record<T>(name: string, delta: KeyedDelta<T>): Record<string, T> {
    return drain(this.recordInSteps(name, delta));
  }

  /**
   * The same, pausing (yield) every STEP items (100,000 graph nodes took ~180 ms in one go), and with
   * origins made absolute again from the resources' `starts` (or each item put at its own start in `bases`).
   */
  *listInSteps<T>(name: string, delta: KeyedDelta<T>, starts?: Starts, placement: Placement<T> = byOrigin as Placement<T>, bases?: readonly number[]): Generator<void, T[]> {
    const { keys, get } = this.apply(name, delta);
    const out: T[] = new Array<T>(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const received = get(keys[i]!);
      out[i] = absolute(received, bases ? (bases[i] ?? 0) : starts && placement.baseOf(received.item, starts), placement);
      if (i % STEP === STEP - 1) yield;
    }
    return out;
  }

  *recordInSteps<T>(name: string, delta: KeyedDelta<T>, starts?: Starts): Generator<void, Record<string, T>> {
    const { keys, get } = this.apply(name, delta);
    const out: Record<string, T> = {};
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const received = get(key);
      out[key] = absolute(received, starts && byOrigin.baseOf(received.item, starts), byOrigin as Placement<T>);
      if (i % STEP === STEP - 1) yield;
    }
    return out;
  }

  /** The strings that `runs` stand for, against the list last received under `name`. */
  runs(name: string, runs: KeyRuns): string[] {
    const keys = keysOf(runs, this.heldKeys.get(name) ?? []);
    this.heldKeys.set(name, keys);
    return keys;
  }

  private apply<T>(name: string, delta: KeyedDelta<T>): { keys: string[]; get(key: string): Received } {
    // The held map is updated in place (a rebuild per message cost the page ~20 ms at 37,000 items);
    // items whose keys are gone are dropped once they pile up.
    const keys = this.runs(name, delta.keys);
    let held = this.held.get(name);
    if (!held) this.held.set(name, (held = new Map()));
    for (const [key, item] of delta.changed) held.set(key, { item, base: NaN, placed: undefined });
    if (held.size > keys.length * 1.5 + 100) {
      const keep = new Map<string, Received>();
      for (const key of keys) if (held.has(key)) keep.set(key, held.get(key)!);
      this.held.set(name, (held = keep));
    }
    const map = held;
    return {
      keys,
      get(key) {
        const received = map.get(key);
        if (received === undefined) throw new Error(`analysis delta: no item for "${key}" in ${name}`);
        return received;
      },
    };
  }
}

/**
 * A received item with absolute positions: as it came when it travels as it is (no `base`), else its copy placed at
 * `base`, its resource's start, kept with it while neither changes (a WeakMap from item to copy, churned for the
 * ~45,000 items an edit near the top of a 5,000-IngressRoute file moves, cost the page's garbage collector more than
 * the copies).
 */
function absolute<T>(received: Received, base: number | undefined, placement: Placement<T>): T {
  const item = received.item as T;
  if (base === undefined) return item;
  if (received.base !== base) {
    received.placed = placement.restore(item, base);
    received.base = base;
  }
  return received.placed as T;
}

// ---------------------------------------------------------------------------------------------
// The analysis: what the text panes show (resources, diagnostics, priority hints, routers, services), and the graph
// with its layout, inside the same message or, in a large workspace, in a second one (loop.ts): the worker then
// sends the first before it builds the graph, so the page puts the outline, problems and markers back together
// while the worker lays out the graph (at 5,000 IngressRoutes building, laying out and comparing the graph is about
// half of the worker's keystroke). Every collection goes as a delta (at 5,000 IngressRoutes a keystroke's messages
// went from 9.5 MB to 1.6 MB).

/** The analysis without its graph (what encodeSummary sends). */
export type SummaryResult = Omit<AnalysisResult, 'graph' | 'layout' | 'graphVersion' | 'graphScope'>;

export interface AnalysisWire extends Omit<SummaryResult, 'summary'> {
  summary: Omit<AnalysisResult['summary'], 'config' | 'resources' | 'diagnostics' | 'hints'> & {
    config: Omit<AnalysisResult['summary']['config'], 'routers' | 'services'> & {
      routers: KeyedDelta<DynamicRouter>;
      services: KeyedDelta<DynamicService>;
    };
    /** Each resource with its range counted from its own start, which `resourceStarts` gives (in the same order). */
    resources: KeyedDelta<ResourceSummary>;
    resourceStarts: number[];
    /** Diagnostics and priority hints inside a resource travel counted from its start (marked with its id). */
    diagnostics: KeyedDelta<Diagnostic>;
    hints: KeyedDelta<PriorityHint>;
  };
  /** The analysis's graph when it travels in the same message (a smaller workspace: the page shows both at once). */
  graph?: GraphWire;
}

/** The graph of the analysis `version`, its nodes placed from the resources of that analysis's message. */
export interface GraphWire {
  version: number;
  graph: { nodes: KeyedDelta<GraphNode>; edges: KeyedDelta<GraphEdge> };
  layout: Omit<Layout, 'positions' | 'order' | 'layers'> & {
    positions: KeyedDelta<NodeBox>;
    /** Each layer's keys and ids as runs of the same layer's in the previous message. */
    order: KeyRuns[];
    layers: (Omit<LayoutLayer, 'ids'> & { ids: KeyRuns })[];
  };
  /** What the graph is of the whole one (a large graph travels as the pane's view keeps it). */
  scope: GraphScope;
}

// Offsets move: typing near the top of a file moves every range below it, which changed the origin of
// every router, service and graph node after the edit. On the wire an origin's range counts from the
// start of its resource (the resources go whole with each analysis), so an item that only moved is
// unchanged; the page puts the absolute range back.

interface WithOrigin {
  origin?: Origin | undefined;
}
type Starts = ReadonlyMap<string, number>;

function startsOf(summary: Pick<AnalysisResult['summary'], 'resources'>): Starts {
  return new Map(summary.resources.map((r) => [r.id, r.range.start]));
}

/** The item with its origin's range counted from its resource's start (marked `relative`). */
function toRelative<T>(item: T, starts: Starts): T {
  const origin = (item as WithOrigin).origin;
  const base = origin ? starts.get(origin.resourceId) : undefined;
  if (!origin || base === undefined) return item;
  return { ...item, origin: { ...origin, range: { start: origin.range.start - base, end: origin.range.end - base }, relative: true } };
}


/** A resource summary counts its range from its own start: one that only moved is unchanged. */
const bySelf: Placement<ResourceSummary> = {
  place(r, _starts, into) {
    into.item = r;
    into.relative = true;
    into.start = 0;
    into.end = r.range.end - r.range.start;
  },
  same: (a, b) => sameFields(a, b, 'range'),
  toWire: (r) => ({ ...r, range: { start: 0, end: r.range.end - r.range.start } }),
  baseOf: () => undefined,
  restore: (wire, base) => {
    const r = wire as ResourceSummary;
    return { ...r, range: { start: base, end: r.range.end + base } };
  },
};

/**
 * A diagnostic or a priority hint with the resource it lies in (found once, for its key and its position). On the
 * wire it is the item itself with its position counted from that resource's start and `owner` naming it.
 */
interface Owned<T> {
  item: T;
  owner: string | undefined;
  base: number;
}

/** Items positioned by a field of their own (a diagnostic's range, a hint's offset), counted from their owner's start. */
function byOwner<T extends object>(field: 'range' | 'offset', startOf: (item: T) => number, endOf: (item: T) => number, shift: (item: T, by: number) => T): Placement<Owned<T>> {
  return {
    place(o, _starts, into) {
      into.item = o;
      into.relative = o.owner !== undefined;
      into.start = startOf(o.item) - o.base;
      into.end = endOf(o.item) - o.base;
    },
    // A diagnostic's quick fixes and related places hold ranges of their own, and the parse cache moves those of a
    // kept document in place (parse-cache.ts): a diagnostic with any is sent again with every message, so that the
    // page never holds one whose fix edits where the text was.
    same: (a, b) => a.owner === b.owner && !hasOwnRanges(a.item) && !hasOwnRanges(b.item) && sameFields(a.item, b.item, field),
    toWire: (o) => (o.owner === undefined ? o.item : { ...shift(o.item, -o.base), owner: o.owner }),
    baseOf: (wire, starts) => {
      const owner = (wire as { owner?: string }).owner;
      return owner === undefined ? undefined : (starts.get(owner) ?? 0);
    },
    // The page gets the item itself (typed as its wrapper here: a placement restores what it places).
    restore: (wire, base) => {
      const { owner: _owner, ...item } = wire as T & { owner?: string };
      return shift(item as T, base) as unknown as Owned<T>;
    },
  };
}

function hasOwnRanges(item: object): boolean {
  return 'fixes' in item || 'related' in item;
}

const diagnosticPlacement = byOwner<Diagnostic>('range', (d) => d.range.start, (d) => d.range.end, (d, by) => ({ ...d, range: { start: d.range.start + by, end: d.range.end + by } }));
const hintPlacement = byOwner<PriorityHint>('offset', (h) => h.offset, (h) => h.offset, (h, by) => ({ ...h, offset: h.offset + by }));

/** Each item with the resource it lies in. */
function owned<T>(items: readonly T[], fileOf: (item: T) => string, at: (item: T) => number, find: (file: string, offset: number) => ResourceSummary | undefined): Owned<T>[] {
  return items.map((item) => {
    const r = find(fileOf(item), at(item));
    return { item, owner: r?.id, base: r?.range.start ?? 0 };
  });
}

/** The first message of an analysis. */
export function encodeSummary(encoder: DeltaEncoder, result: SummaryResult): AnalysisWire {
  // Its own fields only (a whole AnalysisResult has a graph, which travels apart or as a GraphWire).
  const { summary, version, ms, tests, shadowCut } = result;
  const starts = startsOf(summary);
  const find = spanFinder(summary.resources, (r) => r.file, (r) => r.range);
  const diagnostics = owned(summary.diagnostics, (d) => d.file, (d) => d.range.start, find);
  const hints = owned(summary.hints, (h) => h.file, (h) => h.offset, find);
  const u = '\u0001';
  return {
    version,
    ms,
    tests,
    shadowCut,
    summary: {
      ...summary,
      resources: encoder.list('resources', summary.resources, (r) => r.id, undefined, bySelf),
      resourceStarts: summary.resources.map((r) => r.range.start),
      diagnostics: encoder.list('diagnostics', diagnostics, (o) => `${o.owner ?? o.item.file}${u}${o.item.range.start - o.base}${u}${o.item.range.end - o.base}${u}${o.item.code}`, starts, diagnosticPlacement) as unknown as KeyedDelta<Diagnostic>,
      hints: encoder.list('hints', hints, (o) => `${o.owner ?? o.item.file}${u}${o.item.offset - o.base}`, starts, hintPlacement) as unknown as KeyedDelta<PriorityHint>,
      config: {
        ...summary.config,
        routers: encoder.record('routers', summary.config.routers, starts),
        services: encoder.record('services', summary.config.services, starts),
      },
    },
  };
}

/** The second message: the graph of `version`, whose nodes travel counted from the resources of that analysis's `summary`. */
export function encodeGraph(encoder: DeltaEncoder, version: number, summary: Pick<AnalysisResult['summary'], 'resources'>, graph: Graph, layout: Layout, scope: GraphScope): GraphWire {
  const starts = startsOf(summary);
  return {
    version,
    scope,
    graph: {
      nodes: encoder.list('nodes', graph.nodes, (n) => n.id, starts),
      edges: encoder.list('edges', graph.edges, (e) => e.id),
    },
    layout: {
      ...layout,
      positions: encoder.record('positions', layout.positions),
      order: layout.order.map((keys, i) => encoder.runs(`order:${i}`, keys)),
      layers: layout.layers.map((layer, i) => ({ ...layer, ids: encoder.runs(`layer:${i}`, layer.ids) })),
    },
  };
}

const NO_GRAPH: Graph = { nodes: [], edges: [] };
const NO_LAYOUT: Layout = { positions: {}, order: [], layers: [], groups: [], width: 0, height: 0 };
const NO_SCOPE: GraphScope = { total: 0, namespaces: [], entryPoints: [], scoped: false };

/**
 * Page side: puts the worker's messages back together, in the order they come. An analysis message with its graph
 * inside gives the analysis with it; one without gives an analysis that still shows the graph of an earlier one
 * (`graphVersion` says which; none yet: an empty graph and -1), and the graph message that follows gives the same
 * analysis with its own graph.
 */
export class AnalysisAssembler {
  readonly decoder = new DeltaDecoder();
  /** The analysis as last put together, and the resources' starts of its first message (the graph's nodes count from them). */
  private current: AnalysisResult | null = null;
  private starts: Starts = new Map();

  summary(wire: AnalysisWire): AnalysisResult {
    return drain(this.summarySteps(wire));
  }

  graph(wire: GraphWire): AnalysisResult {
    return drain(this.graphSteps(wire));
  }

  /** The first message, one collection per step (yield between them); with its graph when that came inside it. */
  *summarySteps(wire: AnalysisWire): Generator<void, AnalysisResult> {
    const decoder = this.decoder;
    const { version, ms, tests, shadowCut, graph } = wire;
    const { resourceStarts, ...summary } = wire.summary;
    const resources = yield* decoder.listInSteps('resources', summary.resources, undefined, bySelf, resourceStarts);
    const starts = startsOf({ resources });
    yield;
    // Decoded, owned items are the diagnostics and hints themselves (see byOwner's restore).
    const diagnostics = (yield* decoder.listInSteps('diagnostics', summary.diagnostics as unknown as KeyedDelta<Owned<Diagnostic>>, starts, diagnosticPlacement)) as unknown as Diagnostic[];
    const hints = (yield* decoder.listInSteps('hints', summary.hints as unknown as KeyedDelta<Owned<PriorityHint>>, starts, hintPlacement)) as unknown as PriorityHint[];
    yield;
    const routers = yield* decoder.recordInSteps('routers', summary.config.routers, starts);
    yield;
    const services = yield* decoder.recordInSteps('services', summary.config.services, starts);
    // The page's store takes the result in a task of its own: components that read it render at once.
    yield;
    this.starts = starts;
    const before = this.current;
    this.current = {
      version,
      ms,
      tests,
      shadowCut,
      summary: { ...summary, resources, diagnostics, hints, config: { ...summary.config, routers, services } },
      graph: before?.graph ?? NO_GRAPH,
      layout: before?.layout ?? NO_LAYOUT,
      graphScope: before?.graphScope ?? NO_SCOPE,
      graphVersion: before?.graphVersion ?? -1,
    };
    return graph ? yield* this.graphSteps(graph) : this.current;
  }

  /** The graph message, one collection per step. */
  *graphSteps(wire: GraphWire): Generator<void, AnalysisResult> {
    const current = this.current;
    if (!current || current.version !== wire.version) throw new Error(`analysis delta: the graph of version ${wire.version} came without its analysis`);
    const decoder = this.decoder;
    const { graph, layout, scope } = wire;
    const nodes = yield* decoder.listInSteps('nodes', graph.nodes, this.starts);
    yield;
    const edges = yield* decoder.listInSteps('edges', graph.edges);
    yield;
    const positions = yield* decoder.recordInSteps('positions', layout.positions);
    const order = layout.order.map((runs, i) => decoder.runs(`order:${i}`, runs));
    const layers = layout.layers.map((layer, i) => ({ ...layer, ids: decoder.runs(`layer:${i}`, layer.ids) }));
    yield;
    this.current = { ...current, graph: { nodes, edges }, layout: { ...layout, positions, order, layers }, graphScope: scope, graphVersion: wire.version };
    return this.current;
  }
}
