import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { analyze, Analyzer, type Analysis } from './analyze.ts';
import { defaultSettings } from './provider/settings.ts';
import { generateWorkspace } from '../../bench/generate-yaml.ts';

const example = (name: string) => readFileSync(new URL(`../../public/examples/${name}.yaml`, import.meta.url), 'utf8');

/** What an analysis says, without object identity: what incremental and fresh analyses must share. */
function view(a: Analysis) {
  return {
    diagnostics: a.diagnostics,
    config: a.config,
    resources: a.resources.map((r) => ({ id: r.id, kind: r.kind, source: { ...r.source, node: r.source.node.range }, raw: r.raw })),
    documents: a.files.map((f) => f.documents.map((d) => ({ index: d.index, range: d.range, root: d.root, broken: d.broken }))),
  };
}

/** An edit of a YAML stream: typing, deleting, and moving, copying or removing whole documents. */
const edit = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom('x', ' ', '\n', ': ', '- a\n', '"', '#c\n', '---\n', '\n  - name: extra\n') }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('docs' as const), op: fc.constantFrom('swap', 'copy', 'drop'), a: fc.nat(), b: fc.nat() }),
);

function apply(text: string, e: fc.Arbitrary<unknown> extends never ? never : { kind: string; at?: number; text?: string; length?: number; op?: string; a?: number; b?: number }): string {
  if (e.kind === 'insert') {
    const at = e.at! % (text.length + 1);
    return text.slice(0, at) + e.text! + text.slice(at);
  }
  if (e.kind === 'delete') {
    const at = e.at! % (text.length + 1);
    return text.slice(0, at) + text.slice(at + e.length!);
  }
  const docs = text.split('\n---\n');
  const a = e.a! % docs.length;
  const b = e.b! % docs.length;
  if (e.op === 'swap') [docs[a], docs[b]] = [docs[b]!, docs[a]!];
  else if (e.op === 'copy') docs.splice(b, 0, docs[a]!);
  else if (docs.length > 1) docs.splice(a, 1);
  return docs.join('\n---\n');
}

describe('incremental analysis', () => {
  it('after any sequence of edits, says exactly what a fresh analysis says', () => {
    const settings = defaultSettings();
    fc.assert(
      fc.property(fc.constantFrom('default', 'canary', 'microservices', 'tls-conflict'), fc.array(edit, { minLength: 1, maxLength: 8 }), (name, edits) => {
        const analyzer = new Analyzer();
        let text = example(name);
        const other = example('https-redirect');
        for (const e of edits) {
          text = apply(text, e);
          const files = [{ name: 'a.yaml', text }, { name: 'b.yaml', text: other }];
          expect(view(analyzer.analyze(files, settings))).toEqual(view(analyze(files, settings)));
        }
      }),
      { seed: 42, numRuns: 60 },
    );
  });

  it('replays the routers of unchanged IngressRoutes, and says what a fresh analysis says, whatever the edits', () => {
    // A generated workspace: IngressRoutes with middlewares, weighted services and TLS options, so that most edits
    // land in an IngressRoute (others replayed) and some in what they reference (nothing replayed).
    const settings = defaultSettings();
    let replayed = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 2, maxLength: 6 }), (edits) => {
        const analyzer = new Analyzer();
        let text = generateWorkspace(12).text;
        analyzer.analyze([{ name: 'a.yaml', text }], settings);
        for (const e of edits) {
          text = apply(text, e);
          const files = [{ name: 'a.yaml', text }];
          expect(view(analyzer.analyze(files, settings))).toEqual(view(analyze(files, settings)));
          replayed += analyzer.routes.stats.replayed;
        }
      }),
      { seed: 7, numRuns: 40 },
    );
    expect(replayed).toBeGreaterThan(100);
  });

  it('builds again only the IngressRoute that changed, and every one when what they reference changes', () => {
    const { text } = generateWorkspace(40);
    const settings = defaultSettings();
    const analyzer = new Analyzer();
    const run = (t: string) => {
      const files = [{ name: 'a.yaml', text: t }];
      expect(view(analyzer.analyze(files, settings))).toEqual(view(analyze(files, settings)));
      return analyzer.routes.stats;
    };
    run(text);
    const routes = (text.match(/^kind: IngressRoute$/gm) ?? []).length;
    // The first analysis records nothing (a one-off analysis would never replay); the second records them all.
    expect(run(text)).toEqual({ replayed: 0, built: routes });
    // Typing in one IngressRoute's name: the others are replayed, those below it moved by the edit.
    const at = text.indexOf('name: app-7\n') + 'name: app-7'.length;
    expect(run(`${text.slice(0, at)}x${text.slice(at)}`)).toEqual({ replayed: routes - 1, built: 1 });
    expect(run(`${text.slice(0, at)}xy${text.slice(at)}`)).toEqual({ replayed: routes - 1, built: 1 });
    expect(run(`${text.slice(0, at)}xy${text.slice(at)}`)).toEqual({ replayed: routes, built: 0 });
    // A Middleware changes: every IngressRoute is built again.
    const mw = text.indexOf('kind: Middleware') + 'kind: Middleware'.length;
    expect(mw).toBeGreaterThan(0);
    expect(mw).toBeLessThan(at);
    const edited = `${text.slice(0, mw)}\n# changed${text.slice(mw, at)}xy${text.slice(at)}`;
    expect(run(edited)).toEqual({ replayed: 0, built: routes });
    // So do the settings.
    const files = [{ name: 'a.yaml', text: edited }];
    const strict = { ...settings, strictServices: true };
    expect(view(analyzer.analyze(files, strict))).toEqual(view(analyze(files, strict)));
    expect(analyzer.routes.stats.replayed).toBe(0);
  });

  it('replays nothing in a workspace with parentRefs (a child reads its parents)', () => {
    const doc = (name: string, extra = '') => `apiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata:\n  name: ${name}\n  namespace: apps\nspec:\n${extra}  routes:\n    - match: Host(\`${name}.example.com\`)\n      services:\n        - name: web\n          port: 80\n`;
    const text = [doc('parent'), doc('child', '  parentRefs:\n    - name: parent\n'), doc('other')].join('---\n');
    const analyzer = new Analyzer();
    for (const t of [text, `${text}\n`, text.replace('parent.example.com', 'parent2.example.com')]) {
      const files = [{ name: 'a.yaml', text: t }];
      expect(view(analyzer.analyze(files, defaultSettings()))).toEqual(view(analyze(files, defaultSettings())));
      expect(analyzer.routes.stats.replayed).toBe(0);
    }
  });

  it('re-parses only the document that changed', () => {
    const { text } = generateWorkspace(100);
    const analyzer = new Analyzer();
    analyzer.analyze([{ name: 'a.yaml', text }], defaultSettings());
    const documents = analyzer.cache.stats.parsed;
    expect(documents).toBeGreaterThan(100);
    const at = text.indexOf('name: app-50\n') + 'name: app-50'.length;
    const edited = `${text.slice(0, at)}x${text.slice(at)}`;
    const a = analyzer.analyze([{ name: 'a.yaml', text: edited }], defaultSettings());
    expect(analyzer.cache.stats).toEqual({ parsed: 1, reused: documents - 1 });
    expect(a.resources.some((r) => r.metadata.name === 'app-50x')).toBe(true);
    // A switch of target re-checks the schema but still parses nothing.
    const v2 = analyzer.analyze([{ name: 'a.yaml', text: edited }], { ...defaultSettings(), target: 'v2.11' });
    expect(analyzer.cache.stats.parsed).toBe(0);
    expect(view(v2)).toEqual(view(analyze([{ name: 'a.yaml', text: edited }], { ...defaultSettings(), target: 'v2.11' })));
  });

  it('moves the related ranges and fixes of a kept document\'s diagnostics', () => {
    const dup = 'apiVersion: traefik.io/v1alpha1\nkind: Middleware\nmetadata:\n  name: m\n  name: n\nspec:\n  headers:\n    sslRedirect: yes\n';
    const first = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n';
    const analyzer = new Analyzer();
    const files = (t: string) => [{ name: 'a.yaml', text: t }];
    analyzer.analyze(files(`${first}---\n${dup}`), defaultSettings());
    const text = `${first.replace('name: s', 'name: service-longer')}---\n${dup}`;
    const fresh = analyze(files(text), defaultSettings());
    expect(fresh.diagnostics.some((d) => d.related?.length)).toBe(true);
    expect(fresh.diagnostics.some((d) => d.fixes?.length)).toBe(true);
    expect(view(analyzer.analyze(files(text), defaultSettings()))).toEqual(view(fresh));
  });

  it('keeps two identical documents apart', () => {
    const doc = 'apiVersion: traefik.io/v1alpha1\nkind: Middleware\nmetadata:\n  name: m\nspec:\n  stripPrefix:\n    prefixes: [/a]\n';
    const analyzer = new Analyzer();
    const files = (t: string) => [{ name: 'a.yaml', text: t }];
    analyzer.analyze(files(`${doc}---\n${doc}`), defaultSettings());
    const text = `# top\n${doc}---\n${doc}---\n${doc}`;
    expect(view(analyzer.analyze(files(text), defaultSettings()))).toEqual(view(analyze(files(text), defaultSettings())));
  });
});
