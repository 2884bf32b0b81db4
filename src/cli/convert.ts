/**
 * `ingressroute-studio convert FILE… [-o OUT]`: rewrites every Ingress as IngressRoute + Middleware
 * documents (other documents kept), lists what cannot be converted, and proves the rest by replaying
 * the review diff's witness requests against both versions.
 * Exit codes: 0 everything converted and routed the same, 1 something listed or routed differently, 2 bad usage.
 */
import { writeFileSync } from 'node:fs';
import { analyze } from '../core/analyze.ts';
import { convertFileText, convertIngresses } from '../core/ingress/convert.ts';
import { lineIndexFor } from '../core/line-cache.ts';
import { diffWorkspaces } from '../core/review/index.ts';
import { readInputs, settingsFrom, UsageError, type Io } from './io.ts';

export interface ConvertOptions {
  files: string[];
  output?: string | undefined;
  static?: string | undefined;
  traefik?: string | undefined;
  strict?: boolean | undefined;
}

/**
 * Converts the files and writes the result to `-o OUT` or standard output; the report goes to stderr.
 *
 * @example
 * convertCommand({ files: ['ingress.yaml'], output: 'ingressroutes.yaml' }, processIo) // 0 | 1 | 2
 */
export function convertCommand(opts: ConvertOptions, io: Io): number {
  try {
    const inputs = readInputs(opts.files, io);
    const settings = settingsFrom(opts);
    const before = analyze(inputs, settings);
    const ingresses = before.resources.filter((r) => r.kind === 'Ingress');
    if (ingresses.length === 0) {
      io.stderr('convert: no Ingress in the input; nothing to convert\n');
      return 1;
    }
    const conversion = convertIngresses(before);
    const outputs = inputs.map((f) => ({ name: f.name, text: convertFileText(before, f.name, conversion) }));
    const text = outputs.map((o) => o.text).filter((t) => t.trim() !== '').join('---\n');
    if (opts.output) writeFileSync(opts.output, text);
    else io.stdout(text);
    for (const n of conversion.notConverted) {
      const source = inputs.find((f) => f.name === n.file)?.text ?? '';
      const { line, column } = lineIndexFor(source).positionAt(n.range.start);
      io.stderr(`${n.file}:${line}:${column} not converted: ${n.resource}: ${n.what}\n`);
    }
    const after = analyze(outputs, settings);
    const errors = after.diagnostics.filter((d) => d.severity === 'error');
    const diff = diffWorkspaces(before, after, { equivalence: conversion.equivalence });
    const rerouted = diff.routing.filter((c) => c.winnerChanged);
    const written = [...conversion.byIngress.values()].filter((t) => t.trim() !== '').length;
    io.stderr(`converted ${written} of ${ingresses.length} Ingress(es) (a canary Ingress joins the one it shadows); ${diff.replayed} witness request(s) replayed: ${rerouted.length} routed to another router, ${diff.routing.length - rerouted.length} answered differently\n`);
    for (const c of diff.routing) io.stderr(`  ${c.label}: ${c.changes.join('; ')}\n`);
    for (const d of errors) io.stderr(`error in the conversion: ${d.code} ${d.message}\n`);
    return conversion.notConverted.length > 0 || diff.routing.length > 0 || errors.length > 0 ? 1 : 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`ingressroute-studio convert: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
