// Mirrors pkg/ip/checker.go (NewChecker, Contains) and pkg/ip/strategy.go (RemoteAddrStrategy), with
// Go's net.ParseIP / net.ParseCIDR / netip.ParseAddr strictness layered over ipaddr.js.
import ipaddr from 'ipaddr.js';
import { goSplitHostPort } from './canonical.ts';

type Bytes = readonly number[];

interface Net {
  /** Network number as Go's IP.Mask returns it: 4 bytes for IPv4 CIDRs, 16 otherwise. */
  ip: Bytes;
  mask: Bytes;
}

export interface IPChecker {
  ips: { ip: Bytes; source: string }[];
  nets: (Net & { source: string })[];
  /** The arguments, for explanations. */
  sources: string[];
}

const V4_IN_V6 = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

/** Go's netip.ParseAddr: strict dotted decimal or IPv6 (zone allowed when `allowZone`), as 16 bytes. */
function parseAddr16(s: string, allowZone: boolean): Bytes | null {
  if (s.includes(':')) {
    let addr = s;
    const pct = s.indexOf('%');
    if (pct >= 0) {
      if (!allowZone || pct === s.length - 1) return null;
      addr = s.slice(0, pct);
    }
    if (!/^[0-9a-fA-F:.]+$/.test(addr)) return null;
    const parts = addr.split(':');
    const last = parts[parts.length - 1]!;
    if (last.includes('.') && !ipaddr.IPv4.isValidFourPartDecimal(last)) return null;
    if (parts.slice(0, last.includes('.') ? -1 : undefined).some((p) => p.length > 4 || p.includes('.'))) return null;
    if (!ipaddr.IPv6.isValid(addr)) return null;
    return ipaddr.IPv6.parse(addr).toByteArray();
  }
  if (!ipaddr.IPv4.isValidFourPartDecimal(s)) return null;
  return [...V4_IN_V6, ...ipaddr.IPv4.parse(s).toByteArray()];
}

/** Go's IP.To4: the 4-byte form of an IPv4 or IPv4-mapped address, else null. */
function to4(ip: Bytes): Bytes | null {
  if (ip.length === 4) return ip;
  return V4_IN_V6.every((b, i) => ip[i] === b) ? ip.slice(12) : null;
}

function cidrMask(ones: number, bits: number): number[] {
  return Array.from({ length: bits / 8 }, (_, i) => {
    const n = Math.min(8, Math.max(0, ones - i * 8));
    return (0xff << (8 - n)) & 0xff;
  });
}

/** Go's net.ParseCIDR, returning the masked network as IPNet holds it. */
function parseCIDR(s: string): Net | null {
  const slash = s.indexOf('/');
  if (slash < 0) return null;
  const addr = parseAddr16(s.slice(0, slash), false);
  const bitsText = s.slice(slash + 1);
  if (!addr || !/^\d+$/.test(bitsText)) return null;
  const is4 = !s.slice(0, slash).includes(':');
  const ones = Number(bitsText);
  const bits = is4 ? 32 : 128;
  if (ones > bits) return null;
  const mask = cidrMask(ones, bits);
  // IP(addr16).Mask(mask): a 4-byte mask takes the IPv4 part of a v4-in-v6 address.
  const ip = is4 ? addr.slice(12) : addr;
  return { ip: ip.map((b, i) => b & mask[i]!), mask };
}

/**
 * Go's ip.NewChecker: each entry is an IP or a CIDR. Returns the index of the first invalid entry
 * instead of throwing.
 *
 * @example
 * newIPChecker(['10.0.0.0/8', '::1']) // { ok: true, checker }
 */
export function newIPChecker(entries: readonly string[]): { ok: true; checker: IPChecker } | { ok: false; index: number } {
  const checker: IPChecker = { ips: [], nets: [], sources: [...entries] };
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const ip = parseAddr16(e, false);
    if (ip) {
      checker.ips.push({ ip, source: e });
      continue;
    }
    const net = parseCIDR(e);
    if (!net) return { ok: false, index: i };
    checker.nets.push({ ...net, source: e });
  }
  return { ok: true, checker };
}

/**
 * Go's IPNet.Contains. Of networkNumberAndMask only the IPv4-mapped case can occur here (parseCIDR makes a
 * 4-byte network with a 4-byte mask, or 16 with 16): a mapped 16-byte network uses the last 4 mask bytes.
 */
function netContains(n: Net, addr16: Bytes): boolean {
  const nn: Bytes = to4(n.ip) ?? n.ip;
  const m = nn.length === 4 && n.mask.length === 16 ? n.mask.slice(12) : n.mask;
  const ip = to4(addr16) ?? addr16;
  if (ip.length !== nn.length) return false;
  for (let i = 0; i < ip.length; i++) if ((nn[i]! & m[i]!) !== (ip[i]! & m[i]!)) return false;
  return true;
}

/** RemoteAddrStrategy.GetIP: the host part of RemoteAddr, or the whole string when it has no port. */
export function remoteIP(remoteAddr: string): string {
  const hp = goSplitHostPort(remoteAddr);
  return hp.ok ? hp.host : remoteAddr;
}

/**
 * Checker.Contains on the request's remote address: `{ contains }` or the reason it cannot be read.
 *
 * @example
 * checkerContains(checker, '10.1.2.3:4567') // { ok: true, contains: true, ip: '10.1.2.3', by: '10.0.0.0/8' }
 */
export function checkerContains(c: IPChecker, remoteAddr: string): { ok: true; contains: true; ip: string; by: string } | { ok: true; contains: false; ip: string } | { ok: false; ip: string } {
  const ip = remoteIP(remoteAddr);
  const addr = ip === '' ? null : parseAddr16(ip, true);
  if (!addr) return { ok: false, ip };
  const ip16 = c.ips.find((x) => x.ip.every((b, k) => b === addr[k]));
  if (ip16) return { ok: true, contains: true, ip, by: ip16.source };
  const net = c.nets.find((n) => netContains(n, addr));
  if (net) return { ok: true, contains: true, ip, by: net.source };
  return { ok: true, contains: false, ip };
}
