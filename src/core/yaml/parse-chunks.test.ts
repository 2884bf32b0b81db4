import { describe, expect, it } from 'vitest';
import { parseEvents } from 'js-yaml';
import { decodeEvents, EventReader, EventWriter } from './event-codec.ts';
import { eventsOfChunk, planChunks, Prefill } from './parse-chunks.ts';
import { parseFile } from './parse-file.ts';
import { ParseCache } from './parse-cache.ts';

/** Every kind of event and property js-yaml emits: explicit markers, tags, anchors, aliases, each scalar style and chomping. */
const ALL_EVENTS = [
  '%YAML 1.1',
  '--- !!map',
  'plain: hello world',
  "single: 'it''s'",
  'double: "a\\tb"',
  'literal: |+',
  '  keep',
  '',
  'folded: >-',
  '  folded',
  '  text',
  'indented: |2',
  '    two more',
  'empty:',
  'tagged: !!str 42',
  'anchored: &anc [1, {a: b}]',
  'alias: *anc',
  '? complex',
  ': key',
  'seq: !custom',
  '  - &s one',
  '  - *s',
  '...',
  '',
].join('\n');

describe('event codec', () => {
  it('gives back the events parseEvents made (directives aside, which compose does not read)', () => {
    const events = parseEvents(ALL_EVENTS, {});
    const w = new EventWriter(4); // small, so that it has to grow
    w.write(parseEvents('x: 1', {}));
    const at = w.write(events);
    const data = w.take();
    const expected = events.map((e) => (e.type === 1 ? { ...e, directives: [] } : e));
    expect(decodeEvents(data, at, data.length)).toEqual(expected);
    expect(new Set(events.map((e) => e.type))).toEqual(new Set([1, 2, 3, 4, 5, 6]));
  });

  it('a reader that reuses its event objects gives each document its own events', () => {
    const texts = [ALL_EVENTS, 'a: [1, 2]\nb: *x', '- "q"\n- |\n  block\n', ALL_EVENTS];
    const w = new EventWriter();
    const spans = texts.map((t) => [w.write(parseEvents(t, {})), w.length] as const);
    const reader = new EventReader();
    texts.forEach((t, i) => {
      const expected = parseEvents(t, {}).map((e) => (e.type === 1 ? { ...e, directives: [] } : e));
      expect(reader.read(w.data, spans[i]![0], spans[i]![1])).toEqual(expected);
    });
  });
});

describe('prefilled documents', () => {
  const docs = [
    'kind: A\nmetadata: {name: a}',
    'kind: B\nvalue: yes\nvalue: 0755',
    'kind: [broken',
    'kind: A\nmetadata: {name: a}',
    '',
    'anchor: &x {k: v}\nalias: *x\n<<: *x',
  ];
  const text = `# head\n${docs.join('\n---\n')}\n`;

  it('planChunks cuts at documents, covering each file in order, a chunk reaching at least chunkBytes', () => {
    const plan = planChunks([text, 'a: 1\n'], 20);
    const segs = plan.segments[0]!;
    const triples = Array.from({ length: plan.chunks.length / 3 }, (_, i) => [...plan.chunks.subarray(3 * i, 3 * i + 3)] as [number, number, number]);
    const first = triples.filter(([f]) => f === 0);
    expect(first.length).toBeGreaterThan(2);
    let next = 0;
    for (const [, a, b] of first) {
      expect(a).toBe(next);
      if (b < segs.length) expect(segs[b - 1]!.end - segs[a]!.start).toBeGreaterThanOrEqual(20);
      next = b;
    }
    expect(next).toBe(segs.length);
    expect(triples.at(-1)).toEqual([1, 0, 1]);
  });

  it('parseFile takes them from the cache and says what it says without one', () => {
    const fresh = parseFile('f.yaml', text);
    for (const fromEvents of [false, true]) {
      const plan = planChunks([text], 30);
      const prefill = new Prefill([{ name: 'f.yaml', text }], plan);
      for (let c = 0; c < prefill.size; c++) {
        const [, first, end] = plan.chunks.subarray(3 * c, 3 * c + 3);
        prefill.chunk(c, fromEvents ? eventsOfChunk(text, plan.bounds[0]!, first!, end!) : undefined);
      }
      const cache = new ParseCache();
      prefill.fill(cache);
      cache.begin();
      const kept = parseFile('f.yaml', text, cache);
      cache.commit();
      // Every document but the broken one comes from the prefill, each where it was parsed.
      expect(cache.stats).toEqual({ reused: fresh.documents.length - 1, parsed: 0 });
      expect(kept.documents).toEqual(fresh.documents);
      expect(kept.diagnostics).toEqual(fresh.diagnostics);
      expect(kept.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['YAML_SYNTAX', 'YAML_DUPLICATE_KEY', 'YAML_AMBIGUOUS_SCALAR']));
    }
  });
});
