/**
 * Parsing a large workspace on several threads, without threads of its own (src/cli/parallel.ts
 * runs them): the documents are cut into chunks of about `chunkBytes`; a helper thread turns a chunk
 * into js-yaml events (`eventsOfChunk`, the costly 70 % of parsing) and the main thread composes
 * them (`Prefill.chunk`) with the same `compose` call as `parseFile`, or parses a chunk itself.
 * `Prefill.fill` then puts every document into a ParseCache, from which `parseFile` takes them as
 * unchanged documents: the analysis that follows is the one `analyze` makes, document for document.
 *
 * A document that fails to parse is not prefilled: parseFile parses it again and reports the error
 * exactly as without threads (broken documents are rare; reporting them twice over is not needed).
 */
import { parseEvents, type Event } from 'js-yaml';
import type { Diagnostic, YNode } from '../types.ts';
import { splitDocuments, type DocSegment } from './split.ts';
import { compose } from './compose.ts';
import { documentKey, MAX_DEPTH } from './parse-file.ts';
import { EventReader, EventWriter } from './event-codec.ts';
import type { ParseCache } from './parse-cache.ts';

export interface ChunkPlan {
  /** Each file's documents, as parseFile splits them (null when splitting failed: left to parseFile). */
  segments: (DocSegment[] | null)[];
  /** Each file's segments as `start, end` pairs (what a helper thread needs to cut them). */
  bounds: Int32Array[];
  /** The chunks, as flattened `file, firstSegment, endSegment` triples. */
  chunks: Int32Array;
}

/** Events of one chunk: `index` holds `from, to` into `data` per document, `-1, -1` when it did not parse. */
export interface ChunkEvents {
  data: Int32Array<ArrayBuffer>;
  index: Int32Array<ArrayBuffer>;
}

/**
 * Splits every file into documents and groups consecutive documents into chunks of at least
 * `chunkBytes` characters (a chunk never spans two files).
 *
 * @example
 * const plan = planChunks(['a: 1\n---\nb: 2\n'], 1);
 * plan.chunks; // Int32Array [0, 0, 1, 0, 1, 2]: file 0, segments [0, 1) and [1, 2)
 */
export function planChunks(texts: readonly string[], chunkBytes = 64 * 1024): ChunkPlan {
  const segments: (DocSegment[] | null)[] = [];
  const bounds: Int32Array[] = [];
  const chunks: number[] = [];
  texts.forEach((text, file) => {
    let segs: DocSegment[] | null = null;
    try {
      segs = splitDocuments(text);
    } catch {
      segs = null;
    }
    segments.push(segs);
    const b = new Int32Array(segs ? segs.length * 2 : 0);
    segs?.forEach((s, i) => {
      b[2 * i] = s.start;
      b[2 * i + 1] = s.end;
    });
    bounds.push(b);
    if (!segs) return;
    let first = 0;
    let size = 0;
    for (let i = 0; i < segs.length; i++) {
      size += segs[i]!.end - segs[i]!.start;
      if (size >= chunkBytes || i === segs.length - 1) {
        chunks.push(file, first, i + 1);
        first = i + 1;
        size = 0;
      }
    }
  });
  return { segments, bounds, chunks: Int32Array.from(chunks) };
}

/**
 * A helper thread's part: the events of segments [first, end) of a text (bounds from planChunks).
 *
 * @example
 * const plan = planChunks([text]);
 * const events = eventsOfChunk(text, plan.bounds[0]!, plan.chunks[1]!, plan.chunks[2]!);
 */
export function eventsOfChunk(text: string, bounds: Int32Array, first: number, end: number): ChunkEvents {
  // About 0.8 stored integers per character of YAML: one per character rarely has to grow.
  const writer = new EventWriter(Math.max(1024, bounds[2 * end - 1]! - bounds[2 * first]!));
  const index = new Int32Array((end - first) * 2);
  for (let i = first; i < end; i++) {
    const start = bounds[2 * i]!;
    const stop = bounds[2 * i + 1]!;
    const seg = start === 0 && stop === text.length ? text : text.slice(start, stop);
    let from = -1;
    let to = -1;
    try {
      from = writer.write(parseEvents(seg, { maxDepth: MAX_DEPTH }));
      to = writer.length;
    } catch {
      // Left to parseFile on the main thread, which reports the syntax error.
    }
    index[2 * (i - first)] = from;
    index[2 * (i - first) + 1] = to;
  }
  // The whole buffer (its tail unused): transferred, not copied.
  return { data: writer.data, index };
}

interface Composed {
  key: string;
  root: YNode | null;
  value: unknown;
  diagnostics: Diagnostic[];
  base: number;
}

/** Documents composed ahead of parseFile, to be put into its cache. */
export class Prefill {
  private readonly done: (Composed | undefined)[][];
  private readonly reader = new EventReader();

  constructor(
    private readonly files: readonly { name: string; text: string }[],
    private readonly plan: ChunkPlan,
  ) {
    this.done = plan.segments.map(() => []);
  }

  /** Number of chunks in the plan. */
  get size(): number {
    return this.plan.chunks.length / 3;
  }

  /**
   * Composes the documents of chunk `c`, from a helper thread's events when given, else parsing them
   * here. Exactly parseFile's compose call; a document that throws is left to parseFile.
   */
  chunk(c: number, events?: ChunkEvents): void {
    const file = this.plan.chunks[3 * c]!;
    const first = this.plan.chunks[3 * c + 1]!;
    const end = this.plan.chunks[3 * c + 2]!;
    const { name, text } = this.files[file]!;
    const segs = this.plan.segments[file]!;
    for (let i = first; i < end; i++) {
      const sg = segs[i]!;
      const seg = sg.start === 0 && sg.end === text.length ? text : text.slice(sg.start, sg.end);
      const diagnostics: Diagnostic[] = [];
      try {
        let parsed: readonly Event[];
        if (events) {
          const from = events.index[2 * (i - first)]!;
          if (from === -1) continue;
          parsed = this.reader.read(events.data, from, events.index[2 * (i - first) + 1]!);
        } else parsed = parseEvents(seg, { maxDepth: MAX_DEPTH });
        const { root, value } = compose(parsed, seg, sg.start, sg.contentStart - sg.start, { file: name, diagnostics });
        this.done[file]![i] = { key: documentKey(name, sg, seg), root, value, diagnostics, base: sg.start };
      } catch {
        // parseFile parses it again and reports the error.
      }
    }
  }

  /**
   * Puts the composed documents into `cache` as the documents of its last parse. Identical documents
   * share a key and are taken last-in first-out: put in reverse so each is taken where it was parsed.
   */
  fill(cache: ParseCache): void {
    cache.begin();
    for (let f = this.done.length - 1; f >= 0; f--) {
      const docs = this.done[f]!;
      for (let i = docs.length - 1; i >= 0; i--) {
        const d = docs[i];
        if (d) cache.put(d.key, { root: d.root, value: d.value, diagnostics: d.diagnostics, base: d.base });
      }
    }
    cache.commit();
  }
}
