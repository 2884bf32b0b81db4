// Mirrors pkg/middlewares/ipallowlist/ip_allowlist.go, ipwhitelist/ip_whitelist.go, pkg/ip/strategy.go and
// dynamic.IPStrategy.Get (pkg/config/dynamic/middlewares.go).
import ipaddr from 'ipaddr.js';
import { getHeader } from '../go-http.ts';
import { ipInList, splitHostPort, validIPOrCIDR } from '../forwarded.ts';
import type { GoRequest } from '../request.ts';
import { statusBody, statusText } from '../go-http.ts';
import { next, numOf, objOf, respond, strList, type MiddlewareImpl } from './kit.ts';

const validEntry = validIPOrCIDR;

function ipv6SubnetOf(strategy: Record<string, unknown>): number | undefined {
  return numOf(strategy['ipv6Subnet']);
}

/** `getIPv6SubnetIP`: first address of the /n subnet for IPv6, unchanged otherwise. */
function maskIPv6(ip: string, bits: number): string {
  try {
    const addr = ipaddr.parse(ip);
    if (addr.kind() !== 'ipv6') return ip;
    const bytes = addr.toByteArray();
    for (let i = 0; i < 16; i++) {
      const keep = Math.max(0, Math.min(8, bits - i * 8));
      bytes[i] = bytes[i]! & ((0xff << (8 - keep)) & 0xff);
    }
    return ipaddr.fromByteArray(bytes).toString();
  } catch {
    return ip;
  }
}

/**
 * The client IP the strategy picks, and how.
 *
 * @example
 * strategyIP(req, { depth: 1 }).ip // the right-most X-Forwarded-For entry
 */
export function strategyIP(req: GoRequest, strategy: Record<string, unknown> | undefined): { ip: string; how: string } {
  const s = strategy ?? {};
  const depth = numOf(s['depth']) ?? 0;
  const subnet = ipv6SubnetOf(s);
  const xff = getHeader(req.headers, 'X-Forwarded-For');
  if (depth > 0) {
    const list = xff.split(',');
    // strings.Split("", ",") is one empty entry: Go compares that count, the text counts no entry.
    if (list.length < depth) {
      const count = xff === '' ? 0 : list.length;
      return { ip: '', how: `ipStrategy.depth ${depth}: X-Forwarded-For has only ${count} entr${count === 1 ? 'y' : 'ies'}` };
    }
    const ip = list[list.length - depth]!.trim();
    return { ip: subnet ? maskIPv6(ip, subnet) : ip, how: `ipStrategy.depth ${depth} of X-Forwarded-For "${xff}"` };
  }
  const excluded = strList(s['excludedIPs']);
  if (excluded.length > 0) {
    const list = xff.split(',').map((v) => v.trim()).reverse();
    const ip = list.find((v) => v !== '' && !ipInList(v, excluded)) ?? '';
    return { ip, how: `ipStrategy.excludedIPs: right-most X-Forwarded-For entry not excluded ("${xff}")` };
  }
  const host = splitHostPort(req.remoteAddr)?.host ?? req.remoteAddr;
  return { ip: subnet ? maskIPv6(host, subnet) : host, how: 'the connection\'s remote address' };
}

function makeAllowList(whiteList: boolean): MiddlewareImpl {
  const kind = whiteList ? 'ipWhiteList' : 'ipAllowList';
  return {
    check(config) {
      const ranges = strList(config['sourceRange']);
      if (ranges.length === 0) return `${kind}: sourceRange is empty`;
      const bad = ranges.find((r) => !validEntry(r));
      if (bad !== undefined) return `${kind}: cannot parse CIDR ${bad}`;
      const status = numOf(config['rejectStatusCode']);
      if (!whiteList && status !== undefined && status !== 0 && statusText(status) === '') return `${kind}: invalid HTTP status code ${status}`;
      // IPStrategy.Get: depth first (excludedIPs then unread), else excludedIPs (ipv6Subnet then unread), else ipv6Subnet.
      const strategy = objOf(config['ipStrategy']) ?? {};
      const excluded = strList(strategy['excludedIPs']);
      if ((numOf(strategy['depth']) ?? 0) <= 0 && excluded.length > 0) {
        const excludedBad = excluded.find((r) => !validEntry(r));
        return excludedBad === undefined ? null : `${kind}: cannot parse excludedIPs entry ${excludedBad}`;
      }
      const subnet = ipv6SubnetOf(strategy);
      // Stryker disable next-line ConditionalExpression: undefined <= 0 and undefined > 128 are both false: the guard only satisfies the type checker
      if (subnet !== undefined && (subnet <= 0 || subnet > 128)) return `${kind}: invalid IPv6 subnet ${subnet} value, should be greater to 0 and lower or equal to 128`;
      return null;
    },
    run(config, { req }) {
      const ranges = strList(config['sourceRange']);
      const { ip, how } = strategyIP(req, objOf(config['ipStrategy']));
      // Checker.IsAuthorized drops a port first (an X-Forwarded-For entry may carry one); Contains refuses an
      // empty address, as ipInList does ('' is no IP).
      if (ipInList(splitHostPort(ip)?.host ?? ip, ranges)) return next('applied', `client IP ${ip} (${how}) is in [${ranges.join(', ')}]: allowed`);
      const configured = numOf(config['rejectStatusCode']);
      const status = whiteList || !configured ? 403 : configured;
      const who = ip === '' ? `no client IP (${how})` : `client IP ${ip} (${how}) is not in [${ranges.join(', ')}]`;
      return respond(statusBody(status), status === 403 ? 'forbidden' : 'rejected', `${who}: ${status}`);
    },
  };
}

export const ipAllowList = makeAllowList(false);
export const ipWhiteList = makeAllowList(true);
