/**
 * Every field of the two IngressRoute reference pages (Traefik Proxy v3 and Traefik Hub API Gateway,
 * /work/shared/reference) is in the schema of its target, with the type, default, required flag and
 * enum the page gives. The field lists below were written by reading the pages' tables.
 * Deliberate deviations are listed in `note`.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Path, TraefikTarget } from '../types.ts';
import { fieldDoc, schemaAt } from './field-doc.ts';
import { schemaFor } from './registry.ts';
import type { JsonSchema } from './json-schema.ts';

interface Row {
  field: string;
  type: string;
  required?: boolean;
  default?: unknown;
  enum?: unknown[];
  note?: string;
}

const V3_PAGE: Row[] = [
  { field: 'entryPoints', type: 'array', required: false },
  { field: 'routes', type: 'array', required: true },
  { field: 'routes[n].kind', type: 'string', required: false, default: 'Rule', enum: ['Rule'] },
  { field: 'routes[n].match', type: 'string', required: true },
  { field: 'routes[n].priority', type: 'integer', required: false, default: 0 },
  { field: 'routes[n].middlewares', type: 'array', required: false },
  { field: 'routes[n].middlewares[m].name', type: 'string', required: true },
  { field: 'routes[n].middlewares[m].namespace', type: 'string', required: false },
  // The page spells it `accesslogs` (the CRD field is `accessLogs`) and gives `false` as default; when
  // unset the entry point setting applies, which is on by default, so the schema carries no default.
  { field: 'routes[n].observability.accesslogs', type: 'boolean', required: false, note: 'CRD name accessLogs; no default' },
  { field: 'routes[n].observability.metrics', type: 'boolean', required: false, note: 'no default (inherits)' },
  { field: 'routes[n].observability.tracing', type: 'boolean', required: false, note: 'no default (inherits)' },
  { field: 'tls', type: 'object', required: false },
  { field: 'routes[n].services', type: 'array', required: false },
  { field: 'tls.secretName', type: 'string', required: false },
  // `name` is optional only in the sense that `options` is; inside `options` the CRD requires it.
  { field: 'tls.options.name', type: 'string', required: true, note: 'required inside options (CRD)' },
  { field: 'tls.options.namespace', type: 'string', required: false },
  { field: 'tls.certResolver', type: 'string', required: false },
  { field: 'tls.domains', type: 'array', required: false },
  { field: 'tls.domains[n].main', type: 'string', required: true },
  { field: 'tls.domains[n].sans', type: 'array', required: false },
];

const HUB_SERVICE = 'routes[n].services[m]';
const HUB_PAGE: Row[] = [
  { field: 'entryPoints', type: 'array', required: false },
  { field: 'routes', type: 'array', required: true },
  { field: 'routes[n].kind', type: 'string', required: true, enum: ['Rule'] },
  // The Hub page marks `match` optional; Traefik skips a route without a rule, so it is required
  // with warning severity (see `x-requiredSeverity`).
  { field: 'routes[n].match', type: 'string', required: true, note: 'warning-level required' },
  { field: 'routes[n].priority', type: 'integer', required: false, default: 0 },
  { field: 'routes[n].middlewares', type: 'array', required: false },
  { field: 'routes[n].middlewares[m].name', type: 'string', required: true },
  { field: 'routes[n].middlewares[m].namespace', type: 'string', required: false },
  { field: 'routes[n].services', type: 'array', required: false },
  { field: `${HUB_SERVICE}.kind`, type: 'string', required: false, enum: ['Service', 'TraefikService'] },
  { field: `${HUB_SERVICE}.name`, type: 'string', required: true },
  { field: `${HUB_SERVICE}.namespace`, type: 'string', required: false },
  { field: `${HUB_SERVICE}.port`, type: 'integer | string', required: false },
  { field: `${HUB_SERVICE}.responseForwarding.flushInterval`, type: 'string', required: false, default: '100ms' },
  { field: `${HUB_SERVICE}.scheme`, type: 'string', required: false, default: 'http' },
  { field: `${HUB_SERVICE}.serversTransport`, type: 'string', required: false },
  { field: `${HUB_SERVICE}.passHostHeader`, type: 'boolean', required: false, default: true },
  { field: `${HUB_SERVICE}.healthCheck.scheme`, type: 'string', required: false },
  { field: `${HUB_SERVICE}.healthCheck.mode`, type: 'string', required: false, default: 'http' },
  { field: `${HUB_SERVICE}.healthCheck.path`, type: 'string', required: false },
  { field: `${HUB_SERVICE}.healthCheck.interval`, type: 'integer | string', required: false, default: '100ms' },
  { field: `${HUB_SERVICE}.healthCheck.method`, type: 'string', required: false, default: 'GET' },
  { field: `${HUB_SERVICE}.healthCheck.status`, type: 'integer', required: false },
  { field: `${HUB_SERVICE}.healthCheck.port`, type: 'integer', required: false },
  { field: `${HUB_SERVICE}.healthCheck.timeout`, type: 'integer | string', required: false, default: '5s' },
  { field: `${HUB_SERVICE}.healthCheck.hostname`, type: 'string', required: false },
  { field: `${HUB_SERVICE}.healthCheck.followRedirect`, type: 'boolean', required: false, default: true, note: 'CRD name followRedirects' },
  { field: `${HUB_SERVICE}.healthCheck.headers`, type: 'map', required: false },
  { field: `${HUB_SERVICE}.sticky.cookie.name`, type: 'string', required: false },
  { field: `${HUB_SERVICE}.sticky.cookie.httpOnly`, type: 'boolean', required: false, default: false },
  { field: `${HUB_SERVICE}.sticky.cookie.secure`, type: 'boolean', required: false, default: false },
  { field: `${HUB_SERVICE}.sticky.cookie.sameSite`, type: 'string', required: false, enum: ['none', 'lax', 'strict'] },
  { field: `${HUB_SERVICE}.sticky.cookie.maxAge`, type: 'integer', required: false, default: 0 },
  { field: `${HUB_SERVICE}.strategy`, type: 'string', required: false, default: 'RoundRobin', enum: ['RoundRobin'] },
  { field: `${HUB_SERVICE}.weight`, type: 'integer', required: false },
  { field: `${HUB_SERVICE}.nativeLB`, type: 'boolean', required: false, default: false },
  { field: `${HUB_SERVICE}.nodePortLB`, type: 'boolean', required: false, default: false },
  { field: 'tls', type: 'object', required: false },
  { field: 'tls.secretName', type: 'string', required: false },
  { field: 'tls.options.name', type: 'string', required: true, note: 'required inside options (CRD)' },
  { field: 'tls.options.namespace', type: 'string', required: false },
  { field: 'tls.certResolver', type: 'string', required: false },
  { field: 'tls.domains', type: 'array', required: false },
  { field: 'tls.domains[n].main', type: 'string', required: true },
  { field: 'tls.domains[n].sans', type: 'array', required: false },
];

/** `routes[n].observability.accesslogs` → ['spec', 'routes', 0, 'observability', 'accessLogs'] (page spellings resolved). */
function resolveDocPath(field: string, target: TraefikTarget): Path | null {
  let schema: JsonSchema = schemaFor('IngressRoute', target);
  const path: (string | number)[] = [];
  for (const raw of ['spec', ...field.split('.')]) {
    const [, name = '', index] = /^([^[]+)(\[[a-z]\])?$/.exec(raw) ?? [];
    const props = schema.properties ?? {};
    const actual = name in props ? name : Object.keys(props).find((k) => props[k]?.['x-docName'] === name);
    if (!actual) return null;
    path.push(actual);
    schema = props[actual]!;
    if (index) {
      path.push(0);
      schema = schema.items!;
    }
  }
  return path;
}

describe.each([
  { page: 'Traefik Proxy v3', target: 'v3' as const, rows: V3_PAGE },
  { page: 'Traefik Hub API Gateway', target: 'hub' as const, rows: HUB_PAGE },
])('$page IngressRoute page', ({ target, rows }) => {
  it.each(rows)('$field', (row) => {
    const path = resolveDocPath(row.field, target);
    expect(path, `${row.field} is missing from the ${target} schema`).not.toBeNull();
    const doc = fieldDoc('IngressRoute', path!, target)!;
    expect(doc.type).toBe(row.type);
    if (row.required !== undefined) expect(doc.required).toBe(row.required);
    if ('default' in row) expect(doc.default).toEqual(row.default);
    for (const value of row.enum ?? []) expect(doc.enum).toContain(value);
    expect(doc.description.length, 'has a description').toBeGreaterThan(10);
  });
});

describe('page-specific encodings', () => {
  it('Hub: `match` is required at warning level, kind has no default', () => {
    const route = schemaAt(schemaFor('IngressRoute', 'hub'), ['spec', 'routes', 0])!.schema;
    expect(route['x-requiredSeverity']).toEqual({ match: 'warning' });
    expect(fieldDoc('IngressRoute', ['spec', 'routes', 0, 'kind'], 'hub')!.default).toBeUndefined();
  });

  it('Hub: no observability; v3 has it', () => {
    expect(fieldDoc('IngressRoute', ['spec', 'routes', 0, 'observability'], 'hub')).toBeNull();
    expect(fieldDoc('IngressRoute', ['spec', 'routes', 0, 'observability'], 'v3')).not.toBeNull();
  });

  it('v3: strategy defaults to wrr and still accepts RoundRobin (deprecated)', () => {
    const doc = fieldDoc('IngressRoute', ['spec', 'routes', 0, 'services', 0, 'strategy'], 'v3')!;
    expect(doc.default).toBe('wrr');
    expect(doc.enum).toEqual(['wrr', 'p2c', 'hrw', 'leasttime', 'RoundRobin']);
  });
});

/*
 * "Our own words" without the pages: `reference-fingerprints.json` holds winnowing fingerprints
 * (Schleimer, Wilkerson, Aiken, "Winnowing", SIGMOD 2003) of the two pages: the smallest hash in every
 * window of W consecutive K-character shingles of the normalised text. Any substring of K + W - 1 = 40
 * characters shared with a page contains a whole window, whose minimum is stored, so every 40-character
 * copy is caught while the file holds a fifth of the hashes and none of the text. When the pages are on
 * the machine, the stored fingerprints must equal the ones computed from them (so they cannot go stale);
 * `UPDATE_REFERENCE_FINGERPRINTS=1` rewrites the file.
 */
const K = 32;
const W = 9;
const FINGERPRINTS = new URL('./reference-fingerprints.json', import.meta.url);
const REFERENCE_DIR = process.env.REFERENCE_DIR ?? '/work/shared/reference';
const PAGES = ['000_1d5eae0857294272.txt', '003_eed7970e5456215c.txt'];

const norm = (s: string): string => s.toLowerCase().replace(/[`*_]/g, '').replace(/\s+/g, ' ');
/** First 32 bits of sha256 of every K-character shingle. */
function shingleHashes(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i + K <= text.length; i++) out.push(createHash('sha256').update(text.slice(i, i + K)).digest().readUInt32BE(0));
  return out;
}
function winnow(hashes: number[]): Set<number> {
  const kept = new Set<number>();
  for (let i = 0; i + W <= hashes.length; i++) kept.add(Math.min(...hashes.slice(i, i + W)));
  return kept;
}
function encode(set: Set<number>): string {
  const sorted = [...set].sort((a, b) => a - b);
  const buf = Buffer.alloc(sorted.length * 4);
  sorted.forEach((h, i) => buf.writeUInt32BE(h, i * 4));
  return buf.toString('base64');
}
function decode(b64: string): Set<number> {
  const buf = Buffer.from(b64, 'base64');
  const out = new Set<number>();
  for (let i = 0; i < buf.length; i += 4) out.add(buf.readUInt32BE(i));
  return out;
}
function pageFingerprints(): Set<number> {
  const all = new Set<number>();
  for (const f of PAGES) for (const h of winnow(shingleHashes(norm(readFileSync(`${REFERENCE_DIR}/${f}`, 'utf8'))))) all.add(h);
  return all;
}

function descriptions(s: JsonSchema, out: string[] = [], seen = new Set<JsonSchema>()): string[] {
  if (seen.has(s)) return out;
  seen.add(s);
  if (s.description) out.push(s.description);
  for (const child of [...Object.values(s.properties ?? {}), s.items, typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined]) {
    if (child) descriptions(child, out, seen);
  }
  return out;
}

const pagesHere = PAGES.every((f) => existsSync(`${REFERENCE_DIR}/${f}`));
if (pagesHere && process.env.UPDATE_REFERENCE_FINGERPRINTS) {
  writeFileSync(FINGERPRINTS, JSON.stringify({ k: K, w: W, hash: 'sha256, first 32 bits, base64 of sorted big-endian uint32', pages: PAGES, fingerprints: encode(pageFingerprints()) }, null, 2) + '\n');
}
const stored = JSON.parse(readFileSync(FINGERPRINTS, 'utf8')) as { k: number; w: number; fingerprints: string };

describe('descriptions are our own words', () => {
  const fingerprints = decode(stored.fingerprints);

  it('the stored fingerprints use this test’s parameters and cover both pages', () => {
    expect([stored.k, stored.w]).toEqual([K, W]);
    // ~21,000 normalised characters, about one hash in seven kept: a few thousand hashes.
    expect(fingerprints.size).toBeGreaterThan(2500);
  });

  it.each(['v3', 'hub'] as const)('no %s IngressRoute description repeats 40 characters of a reference page', (target) => {
    const copied = descriptions(schemaFor('IngressRoute', target)).filter((d) => shingleHashes(norm(d)).some((h) => fingerprints.has(h)));
    expect(copied).toEqual([]);
  });

  it('winnowing catches every 40-character copy (the check can fail)', () => {
    const page = norm(Array.from({ length: 60 }, (_, i) => `field number ${i} sets the ${['port', 'scheme', 'weight'][i % 3]} of route ${i * 7}.`).join(' '));
    const kept = winnow(shingleHashes(page));
    for (let i = 0; i + K + W - 1 <= page.length; i++) expect(shingleHashes(page.slice(i, i + K + W - 1)).some((h) => kept.has(h)), page.slice(i, i + 40)).toBe(true);
    expect(shingleHashes(norm('An original sentence of ours, written for this test only.')).some((h) => kept.has(h) || fingerprints.has(h))).toBe(false);
  });

  it.skipIf(!pagesHere)('the stored fingerprints are those of the pages on this machine', () => {
    expect(encode(pageFingerprints())).toBe(stored.fingerprints);
  });
});
