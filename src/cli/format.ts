/** Diagnostic output formats: text (`file:line:col severity CODE message`), JSON and SARIF 2.1.0. */
import type { WorkspaceFile } from '../core/analyze.ts';
import { LineIndex } from '../core/yaml/index.ts';
import type { Diagnostic } from '../core/types.ts';

interface Located extends Diagnostic {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function locate(diagnostics: Diagnostic[], files: WorkspaceFile[]): Located[] {
  const indexes = new Map(files.map((f) => [f.name, new LineIndex(f.text)]));
  return diagnostics.map((d) => {
    const index = indexes.get(d.file);
    const a = index?.positionAt(d.range.start) ?? { line: 1, column: 1 };
    const b = index?.positionAt(d.range.end) ?? a;
    return { ...d, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  });
}

export function formatText(located: Located[]): string {
  return located.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}\n`).join('');
}

export function formatJson(located: Located[]): string {
  return (
    JSON.stringify(
      located.map(({ code, severity, family, message, file, line, column, endLine, endColumn, range, fixes }) => ({
        file, line, column, endLine, endColumn, offset: range.start, length: range.end - range.start, severity, code, family, message,
        ...(fixes?.length ? { fixes: fixes.map((f) => f.title) } : {}),
      })),
      null,
      2,
    ) + '\n'
  );
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export function formatSarif(located: Located[]): string {
  const rules = [...new Set(located.map((d) => d.code))].map((id) => ({ id }));
  const sarif = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: { driver: { name: 'ingressroute-studio', informationUri: 'https://doc.traefik.io/traefik/', rules } },
        results: located.map((d) => ({
          ruleId: d.code,
          level: SARIF_LEVEL[d.severity],
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: d.file },
                region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
