// No Traefik counterpart: proposes request values for one dimension of a rule (host, path, method, client IP,
// one header, one query key) from the leaves that constrain it. The solver keeps the first proposal that
// every leaf of that dimension accepts, so a proposal may be wrong but never makes a witness wrong.
import ipaddr from 'ipaddr.js';
import { muxTemplateToRegexp, regexSamples } from './regex-sample.ts';
import type { Lit } from './literals.ts';

/** A value of one dimension: a string, or for headers and query keys the list of values (null = absent). */
export type DimValue = string | string[] | null;

const DEFAULT_HOSTS = ['witness.example', 'other.example', 'w.witness.example'];
const DEFAULT_PATHS = ['/', '/w', '/witness/w'];
const DEFAULT_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'];
export const DEFAULT_CLIENT_IPS = ['203.0.113.7', '198.51.100.7', '10.0.0.7', '192.168.0.7', '2001:db8::7'];

function samplesOf(pattern: string, template: 'host' | 'path' | 'prefix' | 'query' | null): string[] {
  if (template === null) return regexSamples(pattern);
  const re = muxTemplateToRegexp(pattern, template);
  return re === null ? [] : regexSamples(re);
}

function hostCandidates(lits: readonly Lit[]): string[] {
  const out: string[] = [];
  for (const lit of lits) {
    if (lit.neg) continue;
    if (lit.name === 'Host' || lit.name === 'HostHeader') {
      for (const a of lit.args) {
        const h = a.trim().toLowerCase().replace(/\.$/, '');
        if (h === '*') continue;
        if (h.startsWith('*')) out.push('w' + h.slice(1), 'witness' + h.slice(1));
        else out.push(h);
      }
    } else if (lit.name === 'HostRegexp') {
      for (const a of lit.args) {
        for (const s of samplesOf(a, lit.syntax === 'v2' ? 'host' : null)) {
          const h = s.toLowerCase();
          out.push(h, 'w' + h, h + 'w', h.replace(/^\.+/, ''));
        }
      }
    }
  }
  // A host must fit in a URL authority: no delimiters, no spaces. Proper DNS names are tried first.
  const usable = [...out, ...DEFAULT_HOSTS].filter((h) => h !== '' && !/[/?#@\s\\]/.test(h));
  const dns = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;
  return [...usable.filter((h) => dns.test(h)), ...usable.filter((h) => !dns.test(h))];
}

/** Whether a path survives the entryPoint's path cleaning unchanged (no dot segments, no `//`). */
function cleanEnough(p: string): boolean {
  return p.startsWith('/') && !/\/\/|\/\.\.?(\/|$)/.test(p) && !/[?#]/.test(p);
}

function pathCandidates(lits: readonly Lit[]): string[] {
  const exact: string[] = [];
  const prefixes: string[] = [];
  const regexes: string[] = [];
  for (const lit of lits) {
    if (lit.neg) continue;
    for (const a of lit.args) {
      if (lit.name === 'Path') exact.push(...(lit.syntax === 'v2' ? samplesOf(a, 'path') : [a]));
      else if (lit.name === 'PathPrefix') prefixes.push(...(lit.syntax === 'v2' ? samplesOf(a, 'prefix') : [a]));
      else if (lit.name === 'PathRegexp') regexes.push(...samplesOf(a, null));
    }
  }
  const out = [...exact];
  for (const p of prefixes) out.push(p, p + 'w', p.endsWith('/') ? p + 'w/x' : p + '/w');
  for (const r of regexes) out.push(r, '/' + r.replace(/^\/+/, ''), r + 'w');
  for (const p of prefixes) for (const r of regexes) out.push(p + r, p.replace(/\/$/, '') + '/' + r.replace(/^\/+/, ''));
  return [...out, ...DEFAULT_PATHS].filter(cleanEnough);
}

/**
 * An address inside an IP or CIDR: the network address plus one when the block has room, else the address.
 *
 * @example
 * addressIn('10.20.0.0/16') // '10.20.0.1'
 * addressIn('192.0.2.10') // '192.0.2.10'
 */
export function addressIn(entry: string): string | null {
  try {
    if (!entry.includes('/')) return ipaddr.parse(entry).toString();
    const [addr, bits] = ipaddr.parseCIDR(entry);
    const bytes = addr.toByteArray();
    const total = bytes.length * 8;
    for (let bit = bits; bit < total; bit++) bytes[bit >> 3]! &= ~(0x80 >> (bit & 7)); // network address
    if (total - bits >= 2) bytes[bytes.length - 1]! |= 1;
    return ipaddr.fromByteArray(bytes).toString();
  } catch {
    return null;
  }
}

function ipCandidates(lits: readonly Lit[]): string[] {
  const out: string[] = [];
  for (const lit of lits) if (!lit.neg && lit.name === 'ClientIP') for (const a of lit.args) out.push(addressIn(a.trim()) ?? '');
  return [...out.filter(Boolean), ...DEFAULT_CLIENT_IPS];
}

function methodCandidates(lits: readonly Lit[]): string[] {
  const out: string[] = [];
  for (const lit of lits) if (!lit.neg && lit.name === 'Method') out.push(...lit.args.map((m) => m.toUpperCase()));
  return [...out.filter((m) => /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(m)), ...DEFAULT_METHODS];
}

/** Values wanted by the positive leaves of one header or query key. */
function valueSamples(lit: Lit): string[] {
  const a = lit.args;
  switch (lit.name) {
    case 'Header':
    case 'Headers':
      return [a[1] ?? ''];
    case 'HeaderRegexp':
    case 'HeadersRegexp':
      return samplesOf(a[1] ?? '', null);
    case 'Query':
    case 'QueryRegexp': {
      if (lit.syntax === 'v2') {
        // v2 Query(`key=value`): the parser requires the `=`; `key=` accepts any value.
        const pair = a[0] ?? '';
        const v = pair.slice(pair.indexOf('=') + 1);
        return v === '' ? ['', 'w'] : samplesOf(v, 'query');
      }
      if (a.length < 2) return [''];
      return lit.name === 'Query' ? [a[1]!] : samplesOf(a[1]!, null);
    }
    default:
      return [];
  }
}

function listCandidates(lits: readonly Lit[]): (string[] | null)[] {
  const wanted = lits.filter((l) => !l.neg).map(valueSamples);
  const out: (string[] | null)[] = [];
  if (wanted.length > 0) {
    out.push(wanted.map((s) => s[0] ?? ''));
    for (const samples of wanted) for (const s of samples) out.push([s]);
    out.push(wanted.map((s) => s[1] ?? s[0] ?? ''));
  }
  out.push(null, ['witness'], ['']);
  return out;
}

/**
 * Proposals for one dimension, best first.
 *
 * @example
 * dimensionCandidates('host', [hostLit('*.example.com')]) // ['w.example.com', 'witness.example.com', …]
 */
export function dimensionCandidates(dim: string, lits: readonly Lit[]): DimValue[] {
  if (dim === 'host') return unique(hostCandidates(lits));
  if (dim === 'path') return unique(pathCandidates(lits));
  if (dim === 'method') return unique(methodCandidates(lits));
  if (dim === 'ip') return unique(ipCandidates(lits));
  if (dim.startsWith('header:') || dim.startsWith('query:')) return listCandidates(lits);
  return [];
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
