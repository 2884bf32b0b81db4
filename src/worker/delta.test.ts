import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AnalysisAssembler, DeltaDecoder, DeltaEncoder, encodeGraph, encodeSummary, keyRuns, keysOf, sameValue } from './delta.ts';
import type { AnalysisResult, WorkerRequest, WorkerResponse } from './protocol.ts';
import { ingressRoute } from './fixtures.ts';
import { inSteps } from '../core/steps.ts';
import { AnalysisService } from './service.ts';
import { defaultSettings } from '../core/provider/settings.ts';
import { analyze, summarizeAnalysis } from '../core/analyze.ts';
import { readFileSync } from 'node:fs';

describe('analysis deltas', () => {
  it('a list survives any sequence of versions, sending only what changed', () => {
    const item = fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), v: fc.integer({ min: 0, max: 3 }) });
    fc.assert(
      fc.property(fc.array(fc.uniqueArray(item, { selector: (x) => x.id }), { minLength: 1, maxLength: 8 }), (versions) => {
        const enc = new DeltaEncoder();
        const dec = new DeltaDecoder();
        let previous: { id: string; v: number }[] = [];
        for (const items of versions) {
          const delta = enc.list('x', items, (x) => x.id);
          const unchanged = items.filter((x) => previous.some((p) => p.id === x.id && p.v === x.v));
          expect(delta.changed.length).toBe(items.length - unchanged.length);
          expect(dec.list('x', delta)).toEqual(items);
          previous = items;
        }
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('items are compared as their JSON text would be, keys in any order: any change, nested too, is a change', () => {
    // The reference is the fingerprint the encoder used before, JSON.stringify of each item, with keys sorted.
    const canonical = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(canonical) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])])) : v;
    const reversed = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reversed) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.keys(v).reverse().map((k) => [k, reversed((v as Record<string, unknown>)[k])])) : v;
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        expect(sameValue(a, b)).toBe(JSON.stringify(canonical(a)) === JSON.stringify(canonical(b)));
        expect(sameValue(a, structuredClone(a))).toBe(true);
        expect(sameValue(a, reversed(a))).toBe(true);
      }),
      { seed: 11, numRuns: 2000 },
    );
    expect(sameValue({ a: 1, b: [1, { c: 'x' }] }, { a: 1, b: [1, { c: 'y' }] })).toBe(false);
    expect(sameValue({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(sameValue({ a: 1, b: 2 }, { a: 1, c: 2 })).toBe(false);
    expect(sameValue({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameValue([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(sameValue({ a: [] }, { a: {} })).toBe(false);
    expect(sameValue({ a: null }, { a: {} })).toBe(false);
    expect(sameValue({ a: undefined }, {})).toBe(false); // stricter than JSON: only sends again
  });

  it('an item whose nested value changes is sent again', () => {
    const enc = new DeltaEncoder();
    enc.record('r', { a: { tls: { options: 'x' } }, b: { n: 1 } });
    const delta = enc.record('r', { a: { tls: { options: 'y' } }, b: { n: 1 } });
    expect(delta.changed).toEqual([['a', { tls: { options: 'y' } }]]);
  });

  it('an item that only moved with its resource is not sent again; one that changed while moving is', () => {
    const enc = new DeltaEncoder();
    const item = (start: number, rule = 'Host(`a`)', extra = 0) => ({ rule, origin: { resourceId: 'r1', file: 'f', range: { start: start + extra, end: start + 10 } } });
    const first = enc.record('x', { a: item(100), b: item(200), c: item(300) }, new Map([['r1', 100]]));
    expect(first.changed.map(([k]) => k)).toEqual(['a', 'b', 'c']);
    // The resource now starts 5 characters later: a and b moved with it; c's rule changed; d is new.
    const starts = new Map([['r1', 105]]);
    const next = enc.record('x', { a: item(105), b: item(205), c: item(305, 'Host(`c`)'), d: item(405) }, starts);
    expect(next.changed.map(([k]) => k)).toEqual(['c', 'd']);
    const again = enc.record('x', { a: item(105, 'Host(`a`)', 1), b: item(205), c: item(305, 'Host(`c`)'), d: item(405) }, starts);
    expect(again.changed.map(([k]) => k)).toEqual(['a']);
    // Sent relative to the resource's start, as the page expects.
    expect(again.changed[0]![1].origin).toEqual({ resourceId: 'r1', file: 'f', range: { start: 1, end: 10 }, relative: true });
  });

  it('ranges moved in place by the parse cache are compared as they were sent, not as they are now', () => {
    // yaml/parse-cache.ts moves the ranges of unchanged documents in place; an origin can hold one of them.
    const range = { start: 120, end: 130 };
    const item = { rule: 'Host(`a`)', origin: { resourceId: 'r1', file: 'f', range } };
    const enc = new DeltaEncoder();
    enc.record('x', { a: item }, new Map([['r1', 100]]));
    range.start += 7;
    range.end += 7;
    // Its resource moved by as much: the same item on the wire.
    expect(enc.record('x', { a: { ...item } }, new Map([['r1', 107]])).changed).toEqual([]);
    range.start += 3;
    range.end += 3;
    // Moved inside its resource: sent again, relative to the resource.
    expect(enc.record('x', { a: { ...item } }, new Map([['r1', 107]])).changed.map(([, v]) => v.origin.range)).toEqual([{ start: 23, end: 33 }]);
    // An origin left undefined is compared as a value.
    expect(enc.list('y', [{ id: 'n', origin: undefined }], (n) => n.id, new Map()).changed).toHaveLength(1);
    expect(enc.list('y', [{ id: 'n', origin: undefined }], (n) => n.id, new Map()).changed).toHaveLength(0);
  });

  it('keys travel as runs of the previous keys and come back exactly', () => {
    const keys = fc.uniqueArray(fc.constantFrom(...'abcdefghijklmnop'.split('')), { maxLength: 16 });
    fc.assert(
      fc.property(keys, keys, (previous, next) => {
        const runs = keyRuns(next, previous, new Map(previous.map((k, i) => [k, i])));
        expect(keysOf(runs, previous)).toEqual(next);
        // Unchanged keys cost two numbers, whatever their number.
        if (next.length > 0 && next.join() === previous.join()) expect(runs).toEqual([0, next.length]);
      }),
      { seed: 5, numRuns: 500 },
    );
  });

  it('unchanged items keep their identity on the page', () => {
    const enc = new DeltaEncoder();
    const dec = new DeltaDecoder();
    const first = dec.record('r', structuredClone(enc.record('r', { a: { n: 1 }, b: { n: 2 } })));
    const second = dec.record('r', structuredClone(enc.record('r', { a: { n: 1 }, b: { n: 3 }, c: { n: 4 } })));
    expect(second['a']).toBe(first['a']);
    expect(second['b']).toEqual({ n: 3 });
    expect(Object.keys(second)).toEqual(['a', 'b', 'c']);
  });

  it('any sequence of lists, keys repeated and moved, is rebuilt exactly, and an unchanged list sends nothing', () => {
    // Exercises the encoder's positional matching (keys compared where they were, shifted by insertions) and its
    // numbered twins for repeated keys.
    const item = fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), v: fc.integer({ min: 0, max: 2 }) });
    fc.assert(
      fc.property(fc.array(fc.array(item, { maxLength: 10 }), { minLength: 1, maxLength: 8 }), (versions) => {
        const enc = new DeltaEncoder();
        const dec = new DeltaDecoder();
        for (const items of versions) {
          expect(dec.list('x', structuredClone(enc.list('x', items, (x) => x.id)))).toEqual(items);
          const again = enc.list('x', items, (x) => x.id);
          expect(again.changed).toEqual([]);
          expect(dec.list('x', structuredClone(again))).toEqual(items);
        }
      }),
      { seed: 13, numRuns: 500 },
    );
  });

  it('repeated keys in a list are kept apart', () => {
    const enc = new DeltaEncoder();
    const dec = new DeltaDecoder();
    const items = [{ id: 'a', v: 1 }, { id: 'a', v: 2 }];
    expect(dec.list('x', structuredClone(enc.list('x', items, (x) => x.id)))).toEqual(items);
    expect(dec.list('x', structuredClone(enc.list('x', items, (x) => x.id)))).toEqual(items);
  });

  it('the page rebuilds exactly the analysis the worker made, edit after edit', async () => {
    const text = readFileSync(new URL('../../public/examples/default.yaml', import.meta.url), 'utf8');
    const service = new AnalysisService();
    const assembler = new AnalysisAssembler();
    const stepAssembler = new AnalysisAssembler();
    const stepped: unknown[] = [];
    const edits = [text, text.replace('shop-web', 'shop-webx'), text.replace('shop-web', 'shop-webx') + '\n# tail\n', text];
    for (const [version, t] of edits.entries()) {
      const request = { type: 'analyze' as const, version, files: [{ name: 'a.yaml', text: t }], settings: defaultSettings() };
      const [wire, graphWire] = apart(service, request);
      const shown = assembler.summary(structuredClone(wire));
      const got = assembler.graph(structuredClone(graphWire));
      expect(got.summary).toBe(shown.summary);
      let pauses = 0;
      await inSteps(stepAssembler.summarySteps(structuredClone(wire)), async () => void pauses++);
      stepped[version] = await inSteps(stepAssembler.graphSteps(structuredClone(graphWire)), async () => void pauses++);
      expect(pauses).toBe(7);
      const a = analyze([{ name: 'a.yaml', text: t }], defaultSettings());
      const fresh = summarizeAnalysis(a);
      expect(got.summary.config).toEqual(fresh.config);
      expect(got.summary.resources).toEqual(fresh.resources);
      expect(got.summary.diagnostics).toEqual(fresh.diagnostics);
      expect(got.summary.hints).toEqual(fresh.hints);
      expect(got.summary.diagnostics.length).toBeGreaterThan(0);
      expect(got.graphVersion).toBe(version);
      // The graph as a fresh worker makes it for the same text (nodes placed where the text has them).
      const first = new AnalysisAssembler();
      // …and in one message, as a smaller workspace sends it.
      const alone = first.summary(structuredClone(oneMessage(new AnalysisService().respond(request))));
      expect(alone.graphVersion).toBe(version);
      expect(got.graph).toEqual(alone.graph);
      expect(got.graph.nodes.map((n) => n.id).length).toBeGreaterThan(5);
      // Decoded in steps (the page's way), the same analysis.
      expect(stepped[version]).toEqual(got);
      // Encoding the decoded result again from scratch gives the same wire as a fresh start.
      const encoder = new DeltaEncoder();
      const again = new AnalysisAssembler();
      again.summary(structuredClone(encodeSummary(encoder, got)));
      expect(again.graph(structuredClone(encodeGraph(encoder, got.version, got.summary, got.graph, got.layout, got.graphScope)))).toEqual(got);
    }
  });
});

/** The two messages of an analysis in a large workspace: the analysis, then its graph. */
function apart(service: AnalysisService, request: WorkerRequest): [Extract<WorkerResponse, { type: 'analysis' }>, Extract<WorkerResponse, { type: 'graph' }>] {
  const wire = service.handle(request);
  const graph = service.takeGraph();
  if (wire.type !== 'analysis' || graph?.type !== 'graph') throw new Error(`expected an analysis and its graph, got ${wire.type}, ${graph?.type}`);
  return [wire, graph];
}

/** An analysis message with its graph inside (a smaller workspace). */
function oneMessage(response: WorkerResponse): Extract<WorkerResponse, { type: 'analysis' }> {
  if (response.type !== 'analysis' || !response.graph) throw new Error(`expected an analysis with its graph, got ${response.type}`);
  return response;
}

/** The analysis the page holds after the message `response`. */
function received(assembler: AnalysisAssembler, response: WorkerResponse): AnalysisResult {
  return assembler.summary(structuredClone(oneMessage(response)));
}

describe('resources, diagnostics and hints', () => {
  it('keep their objects on the page while their resource does not move, and get new ones placed where it moved', () => {
    const text = readFileSync(new URL('../../public/examples/default.yaml', import.meta.url), 'utf8');
    const service = new AnalysisService();
    const assembler = new AnalysisAssembler();
    const send = (version: number, t: string) => received(assembler, service.respond({ type: 'analyze', version, files: [{ name: 'a.yaml', text: t }], settings: defaultSettings() }));
    const first = send(1, text);
    // An edit at the end moves nothing before it: the same objects, for React's memo.
    const appended = send(2, `${text}\n# end\n`);
    expect(appended.summary.resources[0]).toBe(first.summary.resources[0]);
    expect(appended.summary.diagnostics[0]).toBe(first.summary.diagnostics[0]);
    const router = Object.keys(first.summary.config.routers)[0]!;
    expect(appended.summary.config.routers[router]).toBe(first.summary.config.routers[router]);
    // A line on top moves everything: new objects with the new positions.
    const moved = send(3, `# top\n${text}\n# end\n`);
    expect(moved.summary.resources[0]).not.toBe(first.summary.resources[0]);
    expect(moved.summary.resources[0]!.range).toEqual({ start: first.summary.resources[0]!.range.start + 6, end: first.summary.resources[0]!.range.end + 6 });
    expect(moved.summary.config.routers[router]!.origin.range.start).toBe(first.summary.config.routers[router]!.origin.range.start + 6);
  });

  it('travel counted from their resource: an edit above them sends none again, an edit inside one sends its own', () => {
    const text = readFileSync(new URL('../../public/examples/default.yaml', import.meta.url), 'utf8');
    const service = new AnalysisService();
    const assembler = new AnalysisAssembler();
    const send = (version: number, t: string) => {
      const response = service.respond({ type: 'analyze', version, files: [{ name: 'a.yaml', text: t }], settings: defaultSettings() });
      const wire = oneMessage(response);
      const got = received(assembler, response);
      const fresh = summarizeAnalysis(analyze([{ name: 'a.yaml', text: t }], defaultSettings()));
      expect(got.summary.resources).toEqual(fresh.resources);
      expect(got.summary.diagnostics).toEqual(fresh.diagnostics);
      expect(got.summary.hints).toEqual(fresh.hints);
      return wire.summary;
    };
    const first = send(1, text);
    expect(first.resources.changed.length).toBe(first.resourceStarts.length);
    expect(first.diagnostics.changed.length).toBeGreaterThan(0);
    expect(first.hints.changed.length).toBeGreaterThan(0);
    // A comment line on top moves every resource, diagnostic and hint: none is sent again.
    const moved = send(2, `# moved\n${text}`);
    expect(moved.resources.changed).toEqual([]);
    expect(moved.diagnostics.changed).toEqual([]);
    expect(moved.hints.changed).toEqual([]);
    expect(moved.resourceStarts.every((start, i) => start === first.resourceStarts[i]! + 8)).toBe(true);
    // A new priority on a route: that route's hint is sent again, and only hints of its IngressRoute (the routes
    // below it moved inside it).
    const match = /match: (.*)\n/.exec(text)!;
    const edited = send(3, `# moved\n${text.replace(match[0], `${match[0]}      priority: 7\n`)}`);
    expect(edited.hints.changed.map(([, h]) => h.label)).toContain('priority 7');
    const owners = new Set(edited.hints.changed.map(([, h]) => (h as { owner?: string }).owner));
    expect([...owners]).toHaveLength(1);
    expect(edited.hints.changed.length).toBeLessThan(first.hints.changed.length);
  });
});

describe('diagnostics with quick fixes', () => {
  it('after an edit above them, the page holds fixes that edit where the text now is', () => {
    const doc = ingressRoute;
    // b: a v2 rule (a provider diagnostic with a fix) and a misspelled key (a schema diagnostic, kept by the parse
    // cache with the document and moved in place, with a fix).
    const b = doc('b', "- match: Host(`b.example.com`, `c.example.com`)\n      servces:\n        - name: b\n          port: 80");
    const service = new AnalysisService();
    const assembler = new AnalysisAssembler();
    for (const [version, text] of [doc('a', '- match: Host(`a`)'), doc('ab', '- match: Host(`a`)'), doc('abc', '- match: Host(`abc.example`)')].entries()) {
      const files = [{ name: 'a.yaml', text: `${text}---\n${b}` }];
      const got = received(assembler, service.respond({ type: 'analyze', version, files, settings: defaultSettings() })).summary.diagnostics.filter((d) => d.fixes);
      const fresh = summarizeAnalysis(analyze(files, defaultSettings())).diagnostics.filter((d) => d.fixes);
      expect(got.map((d) => d.code).sort()).toEqual(['RULE_ARITY', 'SCHEMA_UNKNOWN_FIELD']);
      expect(got).toEqual(fresh);
    }
  });
});

describe('messages in slices', () => {
  it('every long array travels in slices and comes back whole, in order', async () => {
    const { cut, SliceCollector } = await import('./chunks.ts');
    const message = {
      type: 'analysis',
      big: Array.from({ length: 2501 }, (_, i) => ({ i, tags: Array.from({ length: i === 7 ? 1500 : 2 }, (_, j) => `t${j}`) })),
      nested: { small: [1, 2, 3], pairs: Array.from({ length: 1200 }, (_, i) => [`k${i}`, { v: i }]) },
      text: 'x',
    };
    const { slices, head } = cut(message, 1000);
    // big → 3 slices, pairs → 2 slices; the 1,500 tags of item 7 travel inside big's first slice.
    expect(slices.map((s) => s.items.length)).toEqual([1000, 1000, 501, 1000, 200]);
    expect(JSON.stringify(head).length).toBeLessThan(200);
    const collector = new SliceCollector();
    for (const s of structuredClone(slices)) collector.add(s);
    expect(collector.restore(structuredClone(head))).toEqual(message);
  });
});

describe('held items', () => {
  it('items whose keys are gone are dropped once they pile up, and never come back', () => {
    const enc = new DeltaEncoder();
    const dec = new DeltaDecoder();
    for (let round = 0; round < 50; round++) {
      const items = Array.from({ length: 20 }, (_, i) => ({ id: `r${round}-${i}` }));
      expect(dec.list('x', structuredClone(enc.list('x', items, (x) => x.id)))).toEqual(items);
    }
    const held = (dec as unknown as { held: Map<string, Map<string, unknown>> }).held.get('x')!;
    expect(held.size).toBeLessThanOrEqual(20 * 1.5 + 100 + 20);
    // A key the encoder believes the page holds but the page has dropped is an error, not a silent hole.
    expect(() => dec.list('x', { keys: ['r0-0'], changed: [] })).toThrow(/no item for "r0-0"/);
  });
});
