/** Diagnostic output formats: text (`file:line:col severity CODE message`), JSON and SARIF 2.1.0. */
import type { WorkspaceFile } from '../core/analyze.ts';
import { LineIndex } from '../core/yaml/index.ts';
import type { Diagnostic } from '../core/types.ts';

/** A diagnostic with its 1-based start and end positions. The diagnostic is referenced, not copied:
 * `{ ...d, line, … }` gave each of 18,926 diagnostics (5,000 IngressRoutes) a hidden class of its own
 * in Node 20's V8, which made locating them and every later read slow. */
export interface Located {
  diagnostic: Diagnostic;
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
    return { diagnostic: d, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  });
}

export function formatText(located: Located[]): string {
  let out = '';
  for (const { diagnostic: d, line, column } of located) out += `${d.file}:${line}:${column} ${d.severity} ${d.code} ${d.message}\n`;
  return out;
}

export function formatJson(located: Located[]): string {
  return (
    JSON.stringify(
      located.map(({ diagnostic: { code, severity, family, message, file, range, fixes }, line, column, endLine, endColumn }) => ({
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
  const rules = [...new Set(located.map((l) => l.diagnostic.code))].map((id) => ({ id }));
  const sarif = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: { driver: { name: 'ingressroute-studio', informationUri: 'https://doc.traefik.io/traefik/', rules } },
        results: located.map(({ diagnostic: d, line, column, endLine, endColumn }) => ({
          ruleId: d.code,
          level: SARIF_LEVEL[d.severity],
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: d.file },
                region: { startLine: line, startColumn: column, endLine, endColumn },
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
