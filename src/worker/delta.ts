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

/** Where an item's origin travels: relative to its resource's start when `starts` knows the resource. */
function placeOf(item: unknown, starts: Starts | undefined, into: Sent): Sent {
  const origin = (item as WithOrigin).origin;
  into.item = item;
  if (!origin) {
    into.relative = false;
    into.start = into.end = 0;
    return into;
  }
  const base = starts?.get(origin.resourceId);
  into.relative = base !== undefined;
  into.start = origin.range.start - (base ?? 0);
  into.end = origin.range.end - (base ?? 0);
  return into;
}

/**
 * Whether two versions of an item are the same on the wire: the same value, origins as sent (their ranges are
 * compared from the copies in Sent, as the live ones may have moved since).
 */
function sameSent(a: Sent, b: Sent): boolean {
  if (a.relative !== b.relative || a.start !== b.start || a.end !== b.end) return false;
  if (a.item === b.item) return true;
  const x = (a.item as WithOrigin | null)?.origin;
  const y = (b.item as WithOrigin | null)?.origin;
  if (!x || !y) return sameValue(a.item, b.item);
  return sameFields(a.item as object, b.item as object, 'origin') && sameFields(x, y, 'range');
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
  list<T>(name: string, items: readonly T[], keyOf: (item: T) => string, starts?: Starts): KeyedDelta<T> {
    const session = this.begin<T>(name, starts);
    for (const item of items) session.add(keyOf(item), item);
    return session.end();
  }

  record<T>(name: string, items: Readonly<Record<string, T>>, starts?: Starts): KeyedDelta<T> {
    const session = this.begin<T>(name, starts);
    for (const key in items) session.add(key, items[key]!);
    return session.end();
  }

  private begin<T>(name: string, starts: Starts | undefined) {
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
        placeOf(item, starts, now);
        keys.push(key);
        if (h && h.round === round - 1) {
          if (!sameSent(h, now)) changed.push([key, starts ? toRelative(item, starts) : item]);
          h.was = h.index;
          shift = h.index - i;
        } else {
          // New, or back after a message without it (the page dropped it then).
          changed.push([key, starts ? toRelative(item, starts) : item]);
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
