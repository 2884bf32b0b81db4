/**
 * Sending an analysis as a change from the previous one. A keystroke on a 1,000-IngressRoute file
 * changes a handful of the 8,000 graph nodes, 10,000 edges and 2,500 routers, but cloning all of them
 * into the page cost it ~90 ms per edit (the 8 MB graph alone took 60 ms to deserialise). The worker
 * keeps a fingerprint per item and sends the keys in order plus the items that changed; the page keeps
 * the items it has and rebuilds the lists, so unchanged items also keep their identity (React's memo
 * and the graph pane's reuse of node objects see them as unchanged).
 */
import type { AnalysisResult } from './protocol.ts';
import type { GraphEdge, GraphNode, LayoutLayer, NodeBox } from '../core/graph/index.ts';
import type { DynamicRouter, DynamicService, Origin } from '../core/types.ts';
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
  const runs: KeyRuns = [];
  for (let i = 0; i < keys.length; ) {
    const j = indexOf.get(keys[i]!);
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

/** Two objects with the same keys in the same order and the same values, the value under `skip` left out. */
function sameFields(a: object, b: object, skip?: string): boolean {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i]!;
    if (k !== kb[i]) return false;
    if (k !== skip && !sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/**
 * An item as last sent: itself, whether its origin travels relative to its resource's start (toRelative), and
 * that origin's range as it was then, as sent. The range is copied: the parse cache moves the ranges of
 * unchanged documents in place (yaml/parse-cache.ts), and an origin's range can be one of them.
 */
interface Sent {
  item: unknown;
  relative: boolean;
  start: number;
  end: number;
}

function sent(item: unknown, starts: Starts | undefined): Sent {
  const origin = (item as WithOrigin).origin;
  if (!origin) return { item, relative: false, start: 0, end: 0 };
  const base = starts?.get(origin.resourceId);
  return { item, relative: base !== undefined, start: origin.range.start - (base ?? 0), end: origin.range.end - (base ?? 0) };
}

/**
 * Whether two versions of an item are the same on the wire: the same value, origins as sent (their ranges are
 * compared from the copies in Sent, as the live ones may have moved since).
 */
function sameSent(a: Sent, b: Sent): boolean {
  if (a.relative !== b.relative || a.start !== b.start || a.end !== b.end) return false;
  const x = (a.item as WithOrigin | null)?.origin;
  const y = (b.item as WithOrigin | null)?.origin;
  if (!x || !y) return sameValue(a.item, b.item);
  return sameFields(a.item as object, b.item as object, 'origin') && sameFields(x, y, 'range');
}

/** Worker side: remembers what the page has, per collection. */
export class DeltaEncoder {
  private readonly sent = new Map<string, Map<string, Sent>>();
  private readonly sentKeys = new Map<string, { keys: string[]; indexOf: Map<string, number> }>();

  /**
   * The delta of `items` against what was last sent under `name`. With `starts`, items travel with their origin
   * counted from their resource's start (see toRelative): an item that only moved with its resource is unchanged.
   */
  list<T>(name: string, items: readonly T[], keyOf: (item: T) => string, starts?: Starts): KeyedDelta<T> {
    return this.encode(name, items.map((item) => [keyOf(item), item] as [string, T]), starts);
  }

  record<T>(name: string, items: Readonly<Record<string, T>>, starts?: Starts): KeyedDelta<T> {
    return this.encode(name, Object.entries(items), starts);
  }

  private encode<T>(name: string, entries: [string, T][], starts?: Starts): KeyedDelta<T> {
    const before = this.sent.get(name) ?? new Map<string, Sent>();
    const now = new Map<string, Sent>();
    const changed: [string, T][] = [];
    for (const entry of entries) {
      // Keys must be unique for the page to tell items apart: a repeated key gets a numbered twin.
      for (let n = 1; now.has(entry[0]); n++) entry[0] = `${entry[0].split('\u0000')[0]}\u0000${n}`;
      const [key, item] = entry;
      // The item is compared as it is, its origin shifted by how far its resource moved: making the relative copy
      // of every item first (one object per router, service and node per analysis) cost more than the comparison.
      const current = sent(item, starts);
      now.set(key, current);
      const last = before.get(key);
      if (!last || !sameSent(last, current)) changed.push([key, starts ? toRelative(item, starts) : item]);
    }
    this.sent.set(name, now);
    return { keys: this.runs(name, entries.map(([key]) => key)), changed };
  }

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

/** Page side: the items last received, per collection. */
export class DeltaDecoder {
  private readonly held = new Map<string, Map<string, unknown>>();
  private readonly heldKeys = new Map<string, string[]>();

  list<T>(name: string, delta: KeyedDelta<T>): T[] {
    return drain(this.listInSteps(name, delta));
  }

  record<T>(name: string, delta: KeyedDelta<T>): Record<string, T> {
    return drain(this.recordInSteps(name, delta));
  }

  /**
   * The same, pausing (yield) every STEP items (100,000 graph nodes took ~180 ms in one go), and with
   * origins made absolute again from the resources' `starts`.
   */
  *listInSteps<T>(name: string, delta: KeyedDelta<T>, starts?: Starts): Generator<void, T[]> {
    const { keys, get } = this.apply(name, delta);
    const out: T[] = new Array<T>(keys.length);
    for (let i = 0; i < keys.length; i++) {
      out[i] = this.absolute(get(keys[i]!), starts);
      if (i % STEP === STEP - 1) yield;
    }
    return out;
  }

  *recordInSteps<T>(name: string, delta: KeyedDelta<T>, starts?: Starts): Generator<void, Record<string, T>> {
    const { keys, get } = this.apply(name, delta);
    const out: Record<string, T> = {};
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      out[key] = this.absolute(get(key), starts);
      if (i % STEP === STEP - 1) yield;
    }
    return out;
  }

  /** Absolute items made from held ones, kept while their resource does not move (same object then). */
  private readonly placed = new WeakMap<object, { base: number; item: unknown }>();

  private absolute<T>(item: T, starts: Starts | undefined): T {
    const origin = (item as WithOrigin & { origin?: { relative?: boolean } }).origin;
    if (!starts || !origin?.relative) return item;
    const base = starts.get(origin.resourceId) ?? 0;
    const known = this.placed.get(item as object);
    if (known?.base === base) return known.item as T;
    const { relative: _relative, ...rest } = origin as Origin & { relative?: boolean };
    const placed = { ...item, origin: { ...rest, range: { start: origin.range.start + base, end: origin.range.end + base } } };
    this.placed.set(item as object, { base, item: placed });
    return placed;
  }

  /** The strings that `runs` stand for, against the list last received under `name`. */
  runs(name: string, runs: KeyRuns): string[] {
    const keys = keysOf(runs, this.heldKeys.get(name) ?? []);
    this.heldKeys.set(name, keys);
    return keys;
  }

  private apply<T>(name: string, delta: KeyedDelta<T>): { keys: string[]; get(key: string): T } {
    // The held map is updated in place (a rebuild per message cost the page ~20 ms at 37,000 items);
    // items whose keys are gone are dropped once they pile up.
    const keys = this.runs(name, delta.keys);
    let held = this.held.get(name) as Map<string, T> | undefined;
    if (!held) this.held.set(name, (held = new Map()));
    for (const [key, item] of delta.changed) held.set(key, item);
    if (held.size > keys.length * 1.5 + 100) {
      const keep = new Map<string, T>();
      for (const key of keys) if (held.has(key)) keep.set(key, held.get(key)!);
      this.held.set(name, (held = keep));
    }
    const map = held;
    return {
      keys,
      get(key) {
        const item = map.get(key);
        if (item === undefined && !map.has(key)) throw new Error(`analysis delta: no item for "${key}" in ${name}`);
        return item as T;
      },
    };
  }
}

// ---------------------------------------------------------------------------------------------
// The analysis message: graph nodes, edges, layout positions, routers and services go as deltas.


export interface AnalysisWire extends Omit<AnalysisResult, 'summary' | 'graph' | 'layout'> {
  summary: Omit<AnalysisResult['summary'], 'config'> & {
    config: Omit<AnalysisResult['summary']['config'], 'routers' | 'services'> & {
      routers: KeyedDelta<DynamicRouter>;
      services: KeyedDelta<DynamicService>;
    };
  };
  graph: { nodes: KeyedDelta<GraphNode>; edges: KeyedDelta<GraphEdge> };
  layout: Omit<AnalysisResult['layout'], 'positions' | 'order' | 'layers'> & {
    positions: KeyedDelta<NodeBox>;
    /** Each layer's keys and ids as runs of the same layer's in the previous message. */
    order: KeyRuns[];
    layers: (Omit<LayoutLayer, 'ids'> & { ids: KeyRuns })[];
  };
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


export function encodeAnalysis(encoder: DeltaEncoder, result: AnalysisResult): AnalysisWire {
  const { summary, graph, layout } = result;
  const starts = startsOf(summary);
  return {
    ...result,
    summary: {
      ...summary,
      config: {
        ...summary.config,
        routers: encoder.record('routers', summary.config.routers, starts),
        services: encoder.record('services', summary.config.services, starts),
      },
    },
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

export function decodeAnalysis(decoder: DeltaDecoder, wire: AnalysisWire): AnalysisResult {
  // Without pauses the steps run one after the other, at once.
  return drain(decodeSteps(decoder, wire));
}

/**
 * The same, one collection per step, pausing in between (`pause` ends the task: the page stays
 * responsive while 30,000 items are put back together).
 */
export async function decodeAnalysisInSteps(decoder: DeltaDecoder, wire: AnalysisWire, pause: () => Promise<void>): Promise<AnalysisResult> {
  const steps = decodeSteps(decoder, wire);
  for (let s = steps.next(); ; s = steps.next()) {
    if (s.done) return s.value;
    await pause();
  }
}


function* decodeSteps(decoder: DeltaDecoder, wire: AnalysisWire): Generator<void, AnalysisResult> {
  const { summary, graph, layout } = wire;
  const starts = startsOf(summary);
  const routers = yield* decoder.recordInSteps('routers', summary.config.routers, starts);
  yield;
  const services = yield* decoder.recordInSteps('services', summary.config.services, starts);
  yield;
  const nodes = yield* decoder.listInSteps('nodes', graph.nodes, starts);
  yield;
  const edges = yield* decoder.listInSteps('edges', graph.edges);
  yield;
  const positions = yield* decoder.recordInSteps('positions', layout.positions);
  const order = layout.order.map((runs, i) => decoder.runs(`order:${i}`, runs));
  const layers = layout.layers.map((layer, i) => ({ ...layer, ids: decoder.runs(`layer:${i}`, layer.ids) }));
  return {
    ...wire,
    summary: { ...summary, config: { ...summary.config, routers, services } },
    graph: { nodes, edges },
    layout: { ...layout, positions, order, layers },
  };
}
