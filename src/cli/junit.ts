/** JUnit XML for CI systems: one testcase per route test case. */
export function junitReport(results: { name: string; passed: boolean; failures: string[] }[]): string {
  const esc = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const failed = results.filter((r) => !r.passed).length;
  const cases = results
    .map((r) =>
      r.passed
        ? `    <testcase classname="routes" name="${esc(r.name)}"/>`
        : `    <testcase classname="routes" name="${esc(r.name)}">\n      <failure message="${esc(r.failures[0] ?? 'failed')}">${esc(r.failures.join('\n'))}</failure>\n    </testcase>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites tests="${results.length}" failures="${failed}">\n  <testsuite name="ingressroute-studio" tests="${results.length}" failures="${failed}">\n${cases}\n  </testsuite>\n</testsuites>\n`;
}
