// Arbitrary input through analyze: random bytes decoded as UTF-8 and as latin1, arbitrary Unicode strings (lone
// surrogates included), and the built-in examples with random bytes overwritten, inserted or deleted. analyze
// never throws, every diagnostic is well-formed (catalogued code, severity, message, range inside the text),
// and the routing built from whatever survived simulates without failing.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, summarizeAnalysis, type WorkspaceFile } from '../analyze.ts';
import { defaultSettings } from '../provider/settings.ts';
import { compileRouting, routingExtrasOf, sampleRequests, simulate } from '../simulate/index.ts';
import { analysisProblems, compileProblems, verdictProblems } from './support.ts';
import { countWork } from './work.ts';

const RUNS = Number(process.env['ROBUSTNESS_RUNS'] ?? 300);
const SEED = Number(process.env['ROBUSTNESS_SEED'] ?? 0xb17e5);
/** Vitest's time limit: only a guard against a hang, far above the run's duration on a busy 2-core machine. */
const TIMEOUT = Math.max(600_000, RUNS * 1_000);
/** Work allowed (countWork) for analysing one input, far above what these inputs take (measured: at most
 * ~53 per character): a bound hit means a pathological path. Counted, not timed, so a slow or busy machine
 * gives the same answer. */
const ANALYZE_WORK = (chars: number) => 400 * chars + 200_000;

const DIR = new URL('../../../public/examples/', import.meta.url);
const EXAMPLES = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((name) => readFileSync(new URL(name, DIR), 'utf8'));

const utf8 = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
/** ISO-8859-1: one byte, one code unit (TextDecoder's 'latin1' label is windows-1252). */
const latin1 = (bytes: Uint8Array) => {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
};

/** analyze one file; checks the result and the work it took. */
function analyzeChecked(text: string) {
  const files: WorkspaceFile[] = [{ name: 'x.yaml', text }];
  const { result: a, total: work } = countWork(() => analyze(files, defaultSettings()), { strings: true });
  expect(analysisProblems(a, files)).toEqual([]);
  expect(work).toBeLessThan(ANALYZE_WORK(text.length));
  structuredClone(summarizeAnalysis(a));
  return a;
}

/** Bytes that are often YAML punctuation, line breaks, indentation and UTF-8 lead/continuation bytes. */
const YAML_BYTES = [...new TextEncoder().encode(':- \n\n  \t[]{},#&*!|>\'"%@`?~.0a-zK\r'), 0x00, 0xef, 0xbb, 0xbf, 0xc3, 0xa9, 0xe2, 0x80, 0xa8, 0xf0, 0x9f, 0xff, 0xfe];
const bytesArb = fc.oneof(
  fc.uint8Array({ maxLength: 2000 }),
  fc.array(fc.oneof({ weight: 1, arbitrary: fc.nat(255) }, { weight: 4, arbitrary: fc.constantFrom(...YAML_BYTES) }), { maxLength: 1500 }).map((a) => Uint8Array.from(a)),
);

const unicodeArb = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 800 }),
  fc.string({
    unit: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(':', '-', ' ', '\n', '  ', '\t', '[', ']', '{', '}', ',', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`', '?', 'a', 'kind', 'IngressRoute', 'spec', 'routes', 'match', 'Host(`a`)') },
      { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) },
      { weight: 1, arbitrary: fc.constantFrom('\u0000', '\u0085', '\u2028', '\u2029', '\uFEFF', '\uFFFE', '\uFFFF', '\r', '\u000b', '\u001b') },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
    ),
    maxLength: 600,
  }),
);

/** One edit of the bytes of a file: overwrite, insert or delete at a position (taken modulo the length). */
const byteEditArb = fc.record({ op: fc.constantFrom('set', 'insert', 'delete'), at: fc.nat(), byte: fc.oneof(fc.nat(255), fc.constantFrom(...YAML_BYTES)), length: fc.integer({ min: 1, max: 40 }) });

function applyByteEdits(bytes: Uint8Array, edits: readonly { op: string; at: number; byte: number; length: number }[]): Uint8Array {
  let out = Array.from(bytes);
  for (const e of edits) {
    const at = out.length === 0 ? 0 : e.at % out.length;
    if (e.op === 'set') out[at] = e.byte;
    else if (e.op === 'insert') out.splice(at, 0, e.byte);
    else out = [...out.slice(0, at), ...out.slice(at + e.length)];
  }
  return Uint8Array.from(out);
}

describe('arbitrary input through analyze', () => {
  it('random bytes as UTF-8 and as latin1: never throws, diagnostics well-formed', () => {
    fc.assert(
      fc.property(bytesArb, (bytes) => {
        analyzeChecked(utf8(bytes));
        analyzeChecked(latin1(bytes));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, TIMEOUT);

  it('arbitrary Unicode strings, lone surrogates and odd line breaks included', () => {
    fc.assert(
      fc.property(unicodeArb, (text) => {
        analyzeChecked(text);
      }),
      { seed: SEED + 1, numRuns: RUNS },
    );
  }, TIMEOUT);

  it('the examples with random byte edits: analyze, compileRouting and simulate never fail', () => {
    const encoded = EXAMPLES.map((t) => new TextEncoder().encode(t));
    expect(encoded.length).toBeGreaterThanOrEqual(6);
    let routed = 0;
    fc.assert(
      fc.property(fc.nat(encoded.length - 1), fc.array(byteEditArb, { minLength: 1, maxLength: 8 }), fc.boolean(), (i, edits, asLatin1) => {
        const bytes = applyByteEdits(encoded[i]!, edits);
        const a = analyzeChecked(asLatin1 ? latin1(bytes) : utf8(bytes));
        const routing = compileRouting(a.config, a.settings, routingExtrasOf(a.resources));
        expect(compileProblems(routing)).toEqual([]);
        const requests = Object.values(a.config.routers).slice(0, 4).flatMap((r) => sampleRequests(r).slice(0, 1));
        if (requests.length > 0) routed++;
        for (const request of requests) expect(verdictProblems(routing, simulate(routing, request))).toEqual([]);
      }),
      { seed: SEED + 2, numRuns: RUNS },
    );
    // Most edited examples still hold routers: the simulation part is exercised.
    expect(routed).toBeGreaterThan(RUNS / 2);
  }, TIMEOUT);
});
