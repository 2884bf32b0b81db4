import { describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../core/analyze.ts';
import { defaultSettings } from '../core/provider/settings.ts';
import { generateWorkspace } from '../../bench/generate-yaml.ts';
import { analyzeParallel } from './parallel.ts';

/** What validate prints and what the other commands read: diagnostics in order, the configuration, the resources. */
function view(a: Analysis) {
  return {
    diagnostics: a.diagnostics,
    config: a.config,
    resources: a.resources.map((r) => ({ id: r.id, range: r.source.node.range, docIndex: r.source.docIndex, raw: r.raw })),
    documents: a.files.map((f) => f.documents.map((d) => ({ index: d.index, range: d.range, broken: d.broken, value: d.value }))),
  };
}

/** A generated workspace with what parsing must not get wrong across threads: a syntax error, a
 * document repeated word for word, YAML 1.1 ambiguity warnings, a duplicate key, anchors and aliases,
 * a second file and a route test file (not parsed as resources). */
function workspace() {
  const ws = generateWorkspace(150, 7).text;
  const docs = ws.split('\n---\n');
  const extra = [
    'apiVersion: traefik.io/v1alpha1\nkind: Middleware\nmetadata: {name: broken, namespace: team-0\nspec: {}',
    docs[3]!,
    'apiVersion: traefik.io/v1alpha1\nkind: Middleware\nmetadata:\n  name: yes-no\n  namespace: on\n  name: again\nspec:\n  headers: &h\n    customRequestHeaders: {X-A: 0755}\n',
    docs[3]!,
  ];
  const text = [...docs.slice(0, 40), ...extra, ...docs.slice(40)].join('\n---\n');
  return [
    { name: 'apps.yaml', text },
    { name: 'more.yaml', text: `# second file\n---\n${docs.slice(0, 20).join('\n---\n')}\n` },
    { name: 'routes.routes-test.yaml', text: 'cases: []\n' },
  ];
}

describe('validate on several threads', () => {
  const files = workspace();
  const settings = defaultSettings();
  const single = view(analyze(files, settings));

  it('gives the diagnostics (same order), configuration and documents of the single-threaded analysis when helpers parse every chunk', () => {
    const stats = { chunks: 0, fromHelpers: 0 };
    const parallel = analyzeParallel(files, settings, { threads: 2, minChars: 0, chunkChars: 4096, helpersOnly: true, stats });
    expect(stats.chunks).toBeGreaterThan(10);
    expect(stats.fromHelpers).toBe(stats.chunks);
    expect(single.diagnostics.map((d) => d.code)).toContain('YAML_SYNTAX');
    expect(single.diagnostics.map((d) => d.code)).toContain('YAML_DUPLICATE_KEY');
    expect(single.diagnostics.map((d) => d.code)).toContain('YAML_AMBIGUOUS_SCALAR');
    expect(view(parallel)).toEqual(single);
  });

  it('gives the same analysis when the main thread and a helper share the chunks', () => {
    const stats = { chunks: 0, fromHelpers: 0 };
    const parallel = analyzeParallel(files, settings, { threads: 1, minChars: 0, chunkChars: 2048, stats });
    expect(stats.chunks).toBeGreaterThan(20);
    expect(view(parallel)).toEqual(single);
  });

  it('stays on the main thread below the size threshold', () => {
    const stats = { chunks: 0, fromHelpers: 0 };
    const parallel = analyzeParallel(files, settings, { threads: 1, stats });
    expect(stats.chunks).toBe(0);
    expect(view(parallel)).toEqual(single);
  });
});
