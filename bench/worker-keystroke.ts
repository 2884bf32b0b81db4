/**
 * What the editor's worker does for a keystroke before the page can show it: `AnalysisService.respond` to an
 * analyze message (incremental analysis, routing, route tests, graph, layout, summary, the delta to the page),
 * against a bare js-yaml `loadAll` of the same text in the same run. The shadow check that follows it
 * (`review()`) is timed apart: the page shows the analysis without waiting for it.
 */
import { loadAll, YAML11_SCHEMA, Schema, timestampTag } from 'js-yaml';
import { AnalysisService } from '../src/worker/service.ts';
import { defaultSettings } from '../src/core/provider/settings.ts';
import { generateWorkspace } from './generate-yaml.ts';
import { once, spread, timing, type Timing } from './stats.ts';

const K8S = new Schema(YAML11_SCHEMA.tags.filter((t) => t !== timestampTag));

export interface WorkerKeystroke {
  loadAll: Timing;
  keystroke: Timing;
  review: Timing;
  ratio: Timing;
}

export function benchWorkerKeystroke(n: number, runs: number, line: (s: string) => void): WorkerKeystroke {
  const ws = generateWorkspace(n);
  const settings = defaultSettings();
  const service = new AnalysisService();
  let version = 1;
  service.respond({ type: 'analyze', version: version++, files: [{ name: 'bench.yaml', text: ws.text }], settings });
  service.review();
  // Typing at the end of IngressRoute names spread over the file, as e2e/perf.spec.ts types at one.
  const names = [...ws.text.matchAll(/^ {2}name: (app-\d+)$/gm)].map((m) => m.index! + m[0].length);
  let k = 0;
  let text = ws.text;
  const keystroke = () => {
    const at = names[(k * 7919) % names.length]!;
    k++;
    text = `${ws.text.slice(0, at)}x${ws.text.slice(at)}`;
    service.respond({ type: 'analyze', version: version++, files: [{ name: 'bench.yaml', text }], settings });
  };
  keystroke();
  service.review();
  const samples = { base: [] as number[], key: [] as number[], review: [] as number[], ratio: [] as number[] };
  for (let r = 0; r < runs; r++) {
    const b = once(() => loadAll(text, { schema: K8S }));
    const e = once(keystroke);
    samples.review.push(once(() => service.review()));
    samples.base.push(b);
    samples.key.push(e);
    samples.ratio.push(e / b);
  }
  const result = { loadAll: timing(samples.base), keystroke: timing(samples.key), review: timing(samples.review), ratio: timing(samples.ratio) };
  line(`worker keystroke, ${n.toLocaleString('en')} IngressRoutes: ${spread(result.keystroke)} vs loadAll ${spread(result.loadAll)} → ${result.ratio.median.toFixed(2)}× (min ${result.ratio.min.toFixed(2)}×, max ${result.ratio.max.toFixed(2)}×); then the shadow check ${spread(result.review)}`);
  return result;
}
