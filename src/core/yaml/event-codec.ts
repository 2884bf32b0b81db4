/**
 * js-yaml's event stream packed into an Int32Array and back, so that another thread can run
 * `parseEvents` (70 % of parsing) and hand the events over as one transferable buffer: the receiving
 * thread then runs the same `compose` as a single-threaded parse, which makes the trees, values and
 * diagnostics identical by construction. A structured clone of the finished trees was tried first:
 * 53 MB for 5,000 IngressRoutes, slower to deserialise than to parse.
 *
 * Layout, one record per event: a header `type | style << 3 | chomping << 6 | fast << 8 |
 * explicitStart << 9 | explicitEnd << 10`, then the event's offsets (see FIELDS). Document directives
 * are not kept: compose does not read them (tags are read from the text between tagStart and tagEnd).
 */
import { EVENT_ID, type Event } from 'js-yaml';

/** Offsets stored after the header, by event type. */
const FIELDS = {
  [EVENT_ID.SEQUENCE]: 5,
  [EVENT_ID.MAPPING]: 5,
  [EVENT_ID.SCALAR]: 7,
  [EVENT_ID.ALIAS]: 2,
} as Record<number, number | undefined>;

/** A growable Int32 buffer that events of several documents are appended to. */
export class EventWriter {
  data: Int32Array<ArrayBuffer>;
  length = 0;

  constructor(capacity = 1 << 16) {
    this.data = new Int32Array(capacity);
  }

  /**
   * Appends the events of one document; returns where they start.
   *
   * @example
   * const w = new EventWriter();
   * const at = w.write(parseEvents('a: 1', {}));
   * decodeEvents(w.data, at, w.length); // the same events
   */
  write(events: readonly Event[]): number {
    const from = this.length;
    this.reserve(events.length * 8);
    const d = this.data;
    let n = this.length;
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!;
      switch (e.type) {
        case EVENT_ID.DOCUMENT:
          d[n++] = e.type | (e.explicitStart ? 512 : 0) | (e.explicitEnd ? 1024 : 0);
          break;
        case EVENT_ID.SEQUENCE:
        case EVENT_ID.MAPPING:
          d[n++] = e.type | (e.style << 3);
          d[n++] = e.start;
          d[n++] = e.anchorStart;
          d[n++] = e.anchorEnd;
          d[n++] = e.tagStart;
          d[n++] = e.tagEnd;
          break;
        case EVENT_ID.SCALAR:
          d[n++] = e.type | (e.style << 3) | (e.chomping << 6) | (e.fast ? 256 : 0);
          d[n++] = e.valueStart;
          d[n++] = e.valueEnd;
          d[n++] = e.anchorStart;
          d[n++] = e.anchorEnd;
          d[n++] = e.tagStart;
          d[n++] = e.tagEnd;
          d[n++] = e.indent;
          break;
        case EVENT_ID.ALIAS:
          d[n++] = e.type;
          d[n++] = e.anchorStart;
          d[n++] = e.anchorEnd;
          break;
        default:
          d[n++] = e.type;
      }
    }
    this.length = n;
    return from;
  }

  /** The written part, in a buffer of its own (to transfer). */
  take(): Int32Array<ArrayBuffer> {
    return this.data.slice(0, this.length);
  }

  private reserve(ints: number): void {
    if (this.length + ints <= this.data.length) return;
    let size = this.data.length * 2;
    while (size < this.length + ints) size *= 2;
    const next = new Int32Array(size);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
}

/**
 * The events stored in `data[from, to)`, as the objects `parseEvents` returns (same properties, same
 * order; directives empty).
 */
export function decodeEvents(data: Int32Array, from: number, to: number): Event[] {
  return new EventReader().read(data, from, to).slice();
}

/**
 * Reads stored events into objects it reuses from one call to the next: compose reads events without
 * keeping them, so a whole workspace is composed from a few thousand event objects instead of
 * hundreds of thousands (garbage the main thread's GC would collect while the trees are built).
 */
export class EventReader {
  private readonly events: Event[] = [];
  private readonly pools: Event[][] = [[], [], [], [], [], [], [], []];

  /** The events stored in `data[from, to)`; the array and its objects are valid until the next call. */
  read(data: Int32Array, from: number, to: number): readonly Event[] {
    const events = this.events;
    const used = [0, 0, 0, 0, 0, 0, 0, 0];
    let count = 0;
    let n = from;
    while (n < to) {
      const h = data[n++]!;
      const type = h & 7;
      const pool = this.pools[type]!;
      let e = pool[used[type]!] as Record<string, unknown> | undefined;
      if (e === undefined) {
        e = blank(type) as unknown as Record<string, unknown>;
        pool.push(e as unknown as Event);
      }
      used[type]!++;
      switch (type) {
        case EVENT_ID.DOCUMENT:
          e['explicitStart'] = (h & 512) !== 0;
          e['explicitEnd'] = (h & 1024) !== 0;
          break;
        case EVENT_ID.SEQUENCE:
        case EVENT_ID.MAPPING:
          e['start'] = data[n]!;
          e['anchorStart'] = data[n + 1]!;
          e['anchorEnd'] = data[n + 2]!;
          e['tagStart'] = data[n + 3]!;
          e['tagEnd'] = data[n + 4]!;
          e['style'] = (h >> 3) & 7;
          break;
        case EVENT_ID.SCALAR:
          e['valueStart'] = data[n]!;
          e['valueEnd'] = data[n + 1]!;
          e['anchorStart'] = data[n + 2]!;
          e['anchorEnd'] = data[n + 3]!;
          e['tagStart'] = data[n + 4]!;
          e['tagEnd'] = data[n + 5]!;
          e['style'] = (h >> 3) & 7;
          e['chomping'] = (h >> 6) & 3;
          e['indent'] = data[n + 6]!;
          e['fast'] = (h & 256) !== 0;
          break;
        case EVENT_ID.ALIAS:
          e['anchorStart'] = data[n]!;
          e['anchorEnd'] = data[n + 1]!;
          break;
      }
      events[count++] = e as unknown as Event;
      n += FIELDS[type] ?? 0;
    }
    events.length = count;
    return events;
  }
}

/** A new event object of a type, with parseEvents' properties in parseEvents' order. */
function blank(type: number): Event {
  switch (type) {
    case EVENT_ID.DOCUMENT:
      return { type, explicitStart: false, explicitEnd: false, directives: [] };
    case EVENT_ID.SEQUENCE:
    case EVENT_ID.MAPPING:
      return { type, start: -1, anchorStart: -1, anchorEnd: -1, tagStart: -1, tagEnd: -1, style: 1 };
    case EVENT_ID.SCALAR:
      return { type, valueStart: -1, valueEnd: -1, anchorStart: -1, anchorEnd: -1, tagStart: -1, tagEnd: -1, style: 1, chomping: 1, indent: -1, fast: false };
    case EVENT_ID.ALIAS:
      return { type, anchorStart: -1, anchorEnd: -1 };
    default:
      return { type: EVENT_ID.POP };
  }
}
