// Mirrors pkg/server/router/tcp/manager.go buildEntryPointHandler (SNI → TLS option table of an entryPoint),
// pkg/muxer/tcp/matcher.go hostSNI (how an SNI matches an entry) and, for v3.6.17/v2.11.46 and older,
// pkg/middlewares/snicheck/snicheck.go (the entryPoint-level Host-vs-SNI 421 check).
import type { DynamicRouter, DynamicTLSOption } from '../types.ts';
import type { Features } from './version.ts';
import type { SniCheckStep } from './verdict.ts';

/** One `HostSNI` route of the entryPoint's HTTPS TCP muxer. */
export interface SniEntry {
  /** The domain from a Host rule, or `*` (routers without Host, or Host(`*`)). */
  host: string;
  /** TLS option name stored on the connection. */
  option: string;
  /** The option does not exist / cannot be built: the connection is closed. */
  broken: boolean;
  /** `len('HostSNI("<host>")')`, −1 for `*`. */
  priority: number;
  /** Routers that put this entry in the table. */
  routers: string[];
  /** Several options were written for this key (Go map overwrite or pre-v3.6.21 conflict). */
  conflict?: { options: string[]; resolution: 'random' | 'default' };
}

export interface SniTable {
  entries: SniEntry[];
  /** Old 421 check (before v3.6.18/v2.11.47): domain → option name, `default` on conflict. */
  optionsForHost: Record<string, string>;
  /** Whether the `default` option exists (else the connection is closed when it is needed). */
  defaultOk: boolean;
}

export type DomainsOf = (rule: string) => string[] | undefined;

const HOST_OR_IP = /^(\*\.)?[0-9A-Za-z_.\-:]+$/;

/** The option a TLS router asks for: `default` when unset or `default`, else the qualified name. */
export function requestedOption(router: DynamicRouter): string {
  const o = router.tls?.options;
  return o === undefined || o === '' || o === 'default' ? 'default' : o;
}

function sniPriority(host: string): number {
  return host === '*' ? -1 : `HostSNI(${JSON.stringify(host)})`.length;
}

/**
 * Builds the SNI table of one entryPoint from its TLS routers.
 *
 * @example
 * buildSniTable([router], { default: opt }, features, parseDomainsFn).entries[0].host // 'a.example.com'
 */
export function buildSniTable(
  routers: readonly DynamicRouter[],
  options: Record<string, DynamicTLSOption>,
  features: Features,
  domainsOf: DomainsOf,
): SniTable {
  // `default` always exists: when no provider defines one, Traefik adds its built-in default option.
  const exists = (name: string) => name === 'default' || options[name] !== undefined;
  const written = new Map<string, { options: Map<string, string[]> }>();
  const write = (host: string, option: string, router: string) => {
    let slot = written.get(host);
    if (!slot) written.set(host, (slot = { options: new Map() }));
    slot.options.set(option, [...(slot.options.get(option) ?? []), router]);
  };
  const optionsForHost: Record<string, string> = {};
  // Stryker disable next-line EqualityOperator: router names are unique, so a.name === b.name never happens
  for (const r of [...routers].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (!r.tls) continue;
    const domains = domainsOf(r.rule);
    if (domains === undefined) continue;
    const requested = requestedOption(r);
    if (domains.length === 0) write('*', 'default', r.name);
    // v3.6.18+/v2.11.47+: entries use the router's resolved option (conflicts already resolved by the aggregator).
    const option = features.sniCheck === 'resolved-option' ? r.tls.resolvedOptions || 'default' : requested;
    for (const d of domains) {
      write(d, option, r.name);
      const prev = optionsForHost[d];
      optionsForHost[d] = prev !== undefined && prev !== option ? 'default' : option;
    }
  }
  const entries: SniEntry[] = [];
  for (const [host, slot] of written) {
    if (host !== '*' && !HOST_OR_IP.test(host)) continue; // HostSNI rejects it: entry dropped (logged)
    const names = [...slot.options.keys()];
    const routerNames = [...slot.options.values()].flat();
    let option = names[0]!;
    let conflict: SniEntry['conflict'];
    if (names.length > 1) {
      // New versions: same key written twice → Go map overwrite, random. Old versions: default config.
      const resolution = features.sniCheck === 'resolved-option' || host === '*' ? 'random' : 'default';
      if (resolution === 'default') option = 'default';
      conflict = { options: names, resolution };
    }
    const entry: SniEntry = { host, option, broken: !exists(option), priority: sniPriority(host), routers: routerNames };
    if (conflict) entry.conflict = conflict;
    entries.push(entry);
  }
  // Stryker disable next-line EqualityOperator: hosts are the keys of `written`, so a.host === b.host never happens
  entries.sort((a, b) => b.priority - a.priority || (a.host < b.host ? -1 : 1));
  return { entries, optionsForHost, defaultOk: true };
}

/**
 * `DomainMatchHostExpression`: `*.example.com` replaces the first label of the domain; case-insensitive.
 *
 * @example
 * domainMatchHostExpression('a.example.com', '*.example.com') // true
 */
export function domainMatchHostExpression(domain: string, hostExpr: string): boolean {
  if (hostExpr.startsWith('*')) {
    const labels = domain.split('.');
    labels[0] = '*';
    return labels.join('.').toLowerCase() === hostExpr.toLowerCase();
  }
  return domain.toLowerCase() === hostExpr.toLowerCase();
}

function entryMatches(entry: SniEntry, sni: string): boolean {
  if (entry.host === '*') return true;
  if (sni === '') return false;
  return domainMatchHostExpression(sni, entry.host.endsWith('.') ? entry.host.slice(0, -1) : entry.host);
}

export interface SniPick {
  entry: SniEntry | null;
  option: string;
  broken: boolean;
  ties: SniEntry[];
  because: string;
}

function tiedHosts(ties: readonly SniEntry[]): string {
  // Stryker disable next-line StringLiteral: at most one entry ties (an exact host and the wildcard of the same length; hosts are lower-cased and unique)
  return ties.map((t) => `\`${t.host}\``).join(', ');
}

/**
 * The handshake's TLS option for an SNI (null = no SNI): first matching entry by priority, else `default`.
 *
 * @example
 * pickTlsOption(table, 'a.example.com').option // 'default' or the router's option
 */
export function pickTlsOption(table: SniTable, sniRaw: string | null): SniPick {
  const sni = (sniRaw ?? '').trim().toLowerCase();
  const first = table.entries.find((e) => entryMatches(e, sni));
  if (!first) {
    const because = sni === '' ? 'no SNI sent, and no catch-all `*` entry: the entryPoint default option is used'
      : `no Host rule of a TLS router on this entryPoint covers "${sni}": the entryPoint default option is used`;
    return { entry: null, option: 'default', broken: !table.defaultOk, ties: [], because };
  }
  const ties = table.entries.filter((e) => e !== first && e.priority === first.priority && entryMatches(e, sni));
  const source = first.host === '*' ? 'the catch-all entry `*` (TLS routers without a Host rule)' : `the entry \`${first.host}\` (from ${first.routers.join(', ')})`;
  let because = `SNI ${sni === '' ? '(none)' : `"${sni}"`} matched ${source}`;
  if (first.conflict?.resolution === 'default') because += `; routers on this host ask for different options (${first.conflict.options.join(', ')}), so Traefik uses \`default\``;
  if (first.conflict?.resolution === 'random') because += `; this entry was written with different options (${first.conflict.options.join(', ')}): which one is kept is random`;
  if (ties.length > 0) because += `; entries ${tiedHosts(ties)} have the same priority: Traefik's pick between them is random`;
  return { entry: first, option: first.option, broken: first.broken, ties, because };
}

/** `findTLSOptName`: exact key, then the FQDN variant (trailing dot added/removed) for the Host side. */
function findOptName(table: Record<string, string>, host: string, fqdn: boolean): string {
  const direct = table[host];
  if (direct !== undefined) return direct;
  if (!fqdn) return '';
  if (host.endsWith('.')) return table[host.slice(0, -1)] ?? '';
  return table[host + '.'] ?? '';
}

function findOption(table: Record<string, string>, host: string, fqdn: boolean): string {
  return findOptName(table, host, fqdn) || findOptName(table, host.toLowerCase(), fqdn) || 'default';
}

/**
 * The old domain-fronting check: when Host ≠ SNI (case-insensitively), both must map to the same option.
 *
 * @example
 * oldSniCheck(table, 'b.example.com', 'a.example.com').result // 'misdirected' when their options differ
 */
export function oldSniCheck(table: SniTable, canonicalHost: string, sni: string | null): SniCheckStep {
  const serverName = (sni ?? '').trim();
  if (canonicalHost.toLowerCase() === serverName.toLowerCase()) {
    return { mode: 'host-vs-sni', result: 'passed', handshakeOption: '', because: 'Host and SNI are the same: no check' };
  }
  const hostOption = findOption(table.optionsForHost, canonicalHost, true);
  const sniOption = findOption(table.optionsForHost, serverName, false);
  const passed = hostOption === sniOption;
  return {
    mode: 'host-vs-sni',
    result: passed ? 'passed' : 'misdirected',
    handshakeOption: sniOption,
    hostOption,
    because: passed
      ? `Host "${canonicalHost}" and SNI "${serverName}" differ but map to the same TLS option (${hostOption})`
      : `Host "${canonicalHost}" maps to TLS option ${hostOption} but SNI "${serverName || '(none)'}" maps to ${sniOption}: 421`,
  };
}
