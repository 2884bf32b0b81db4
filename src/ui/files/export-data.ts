/** What "Export" produces: the validated YAML, Traefik's dynamic configuration, the routers CSV. */
import { dump } from 'js-yaml';
import type { WorkspaceFile } from '../../core/analyze.ts';
import { toFileProviderShape } from '../../core/provider/index.ts';
import type { DynamicConfig } from '../../core/types.ts';

export function allAsOne(files: WorkspaceFile[]): string {
  return files.map((f) => f.text.replace(/\s*$/, '\n')).join('---\n');
}

export function dynamicJson(config: DynamicConfig): string {
  return JSON.stringify(toFileProviderShape(config), null, 2) + '\n';
}

export function dynamicYaml(config: DynamicConfig): string {
  return dump(toFileProviderShape(config), { noRefs: true, lineWidth: -1 });
}

function csvCell(value: string | number): string {
  const s = String(value);
  // Cells starting with = + - @ are neutralised so a spreadsheet never evaluates them.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function routersCsv(config: DynamicConfig): string {
  const header = ['name', 'entryPoints', 'rule', 'priority', 'effectivePriority', 'middlewares', 'service', 'tlsOption', 'served'];
  const rows = Object.values(config.routers).map((r) => [
    r.name,
    r.entryPoints.join(' '),
    r.rule,
    r.priority,
    r.effectivePriority,
    r.middlewares.join(' '),
    r.service,
    r.tls ? r.tls.resolvedOptions : '',
    r.disabled ? `no: ${r.disabled.reason}` : 'yes',
  ]);
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}
