// The benchmark's rule generator: every rule is one of the shapes its JSDoc promises, and every shape occurs.
import { describe, expect, it } from 'vitest';
import { generateRules } from './generate.ts';
import { parseRule } from './parser.ts';

const SEG = '(?:api|users|orders|v1|v2|static|admin|health)';
const HOST = 'Host\\(`app\\d{1,3}\\.example\\.com`\\)';
const SHAPES: Record<string, string> = {
  host: `^${HOST}`,
  hostRegexp: '^HostRegexp\\(`\\^app\\d{1,2}\\[0-9\\]\\*\\\\\\.example\\\\\\.com\\$`\\)',
  twoHosts: `^\\(${HOST} \\|\\| ${HOST}\\)`,
  pathPrefix: ` && PathPrefix\\(\`/${SEG}(?:/${SEG})?\`\\)`,
  method: ' && Method\\(`(?:GET|POST|PUT|DELETE)`\\)',
  header: ' && Header\\(`X-Canary`, `(?:on|off)`\\)',
  query: ' && Query\\(`a`, `[012]`\\)',
  clientIP: ' && ClientIP\\(`10\\.[0-3]\\.0\\.0/16`\\)',
  notPrefix: ` && !PathPrefix\\(\`/${SEG}\`\\)`,
  pathRegexp: ` && PathRegexp\\(\`\\^/${SEG}/\\[0-9\\]\\+\\$\`\\)`,
  headerRegexp: ' && HeaderRegexp\\(`User-Agent`, `\\(\\?i\\)(?:bot|curl|mobile)`\\)',
};
const FIRST = ['host', 'hostRegexp', 'twoHosts'];
const REST = Object.keys(SHAPES).filter((k) => !FIRST.includes(k));
const WHOLE = new RegExp(`^(?:${FIRST.map((k) => SHAPES[k]!.slice(1)).join('|')})(?:${SHAPES['pathPrefix']})?(?:${REST.filter((k) => k !== 'pathPrefix').map((k) => SHAPES[k]).join('|')}){0,2}$`);

describe('generateRules', () => {
  const rules = generateRules(600, 7);

  it('gives n rules of the promised shapes, all valid v3', () => {
    expect(rules).toHaveLength(600);
    expect(generateRules(0, 7)).toEqual([]);
    for (const r of rules) {
      expect(r).toMatch(WHOLE);
      expect(parseRule(r, 'v3').errors).toEqual([]);
    }
  });

  it('uses every shape', () => {
    for (const [name, re] of Object.entries(SHAPES)) expect(rules.some((r) => new RegExp(re).test(r)), name).toBe(true);
  });

  it('mostly starts with one Host and mostly has a PathPrefix', () => {
    const share = (k: string) => rules.filter((r) => new RegExp(SHAPES[k]!).test(r)).length / rules.length;
    expect(share('host')).toBeGreaterThan(0.6);
    expect(share('hostRegexp')).toBeLessThan(0.2);
    expect(share('pathPrefix')).toBeGreaterThan(0.6);
    expect(rules.some((r) => !r.includes('&&'))).toBe(true);
    expect(rules.some((r) => (r.match(/ && /g) ?? []).length === 3)).toBe(true);
  });
});
