// Mirrors pkg/muxer/http/matcher.go (httpFuncs, the v3 syntax) and DomainMatchHostExpression in
// pkg/muxer/muxer.go, at Traefik v3.7.9; Host's `*` handling follows the version landmarks.
import type { RoutingRequest, RuleArg } from './ast.ts';
import { canonicalHeaderKey } from './canonical.ts';
import { checkerContains, newIPChecker } from './ip.ts';
import { argError, atLeast, compileArg, errorInValue, lookup, ok, regexMatch, type EvalEnv, type LeafOutcome, type MatcherTable } from './matcher-kit.ts';
import { firstNonASCII, goToUpper, show, showList } from './go-text.ts';

const WILDCARD_SINCE = [3, 7, 0] as const;
const STAR_ALL_SINCE = [3, 7, 7] as const;

/** DomainMatchHostExpression (3.7.0+): a leading `*` replaces the first label of the domain. */
function domainMatch(domain: string, expr: string, wildcards: boolean): boolean {
  if (wildcards && expr.startsWith('*')) {
    const dot = domain.indexOf('.');
    return expr === '*' + (dot < 0 ? '' : domain.slice(dot));
  }
  return domain === expr;
}

function hostOutcome(expr: string, req: RoutingRequest, env: EvalEnv): LeafOutcome {
  const host = req.host;
  const wildcards = atLeast(env.version, WILDCARD_SINCE);
  if (host.length === 0) return { result: false, explanation: 'Host: the request has no host (e.g. HTTP/1.0 without a Host header), so Host never matches.' };
  const star = wildcards && expr.startsWith('*');
  const yes = (why: string): LeafOutcome => ({ result: true, explanation: `Host: ${why}` });
  if (domainMatch(host, expr, wildcards)) {
    return yes(star ? `request host ${show(host)} fits ${show(expr)} (the \`*\` stands for exactly one label).` : `request host ${show(host)} equals ${show(expr)}.`);
  }
  if (expr.endsWith('.') && domainMatch(host, expr.slice(0, -1), wildcards)) return yes(`request host ${show(host)} equals ${show(expr)} without its trailing dot.`);
  if (host.endsWith('.') && domainMatch(host.slice(0, -1), expr, wildcards)) return yes(`request host ${show(host)} without its trailing dot equals ${show(expr)}.`);
  let why = `request host is ${show(host)}, rule wants ${show(expr)}.`;
  if (expr === '*') why += wildcards ? ' Before Traefik 3.7.7, `*` matches only single-label hosts such as `localhost`.' : ' Before Traefik 3.7.0, `*` is compared literally.';
  else if (star) why += ' The `*` stands for exactly one label.';
  else if (expr.startsWith('*')) why += ' Before Traefik 3.7.0 a `*` is compared literally.';
  return { result: false, explanation: `Host: ${why}` };
}

function firstArg(args: readonly RuleArg[]): RuleArg {
  return args[0]!;
}

export const V3_MATCHERS: MatcherTable = {
  ClientIP: {
    arity: [1],
    build(args) {
      const c = newIPChecker(args.map((a) => a.value));
      if (!c.ok) return { ok: false, errors: [argError('RULE_BAD_IP', `ClientIP: ${show(args[c.index]!.value)} is neither an IP address nor a CIDR range (e.g. \`10.0.0.1\`, \`10.0.0.0/8\`, \`fd00::/8\`).`, args[c.index]!)] };
      const want = args[0]!.value;
      return ok((req) => {
        const r = checkerContains(c.checker, req.clientIP);
        if (!r.ok) return { result: false, explanation: `ClientIP: the client address ${show(r.ip)} is not an IP, so ClientIP does not match.` };
        return r.contains
          ? { result: true, explanation: `ClientIP: client ${show(r.ip)} ${want.includes('/') ? 'is inside' : 'is'} ${show(want)}.` }
          : { result: false, explanation: `ClientIP: client ${show(r.ip)} ${want.includes('/') ? 'is outside' : 'is not'} ${show(want)} (X-Forwarded-For is never used).` };
      });
    },
  },
  Method: {
    arity: [1],
    build(args) {
      const m = goToUpper(firstArg(args).value);
      return ok((req) =>
        req.method === m
          ? { result: true, explanation: `Method: request method ${show(req.method)} equals ${show(m)}.` }
          : { result: false, explanation: `Method: request method is ${show(req.method)}, rule wants ${show(m)}${req.method.toUpperCase() === m ? ' (methods are compared case-sensitively)' : ''}.` },
      );
    },
  },
  Host: {
    arity: [1],
    build(args) {
      const arg = firstArg(args);
      // Traefik tests `*` before the ASCII check; `*` is ASCII, so one check serves both.
      const bad = firstNonASCII(arg.value);
      if (bad >= 0) return { ok: false, errors: [errorInValue('RULE_NON_ASCII_HOST', `Host: ${show(arg.value)} contains non-ASCII characters; write the domain in its punycode form (xn--…).`, arg, bad, 1)] };
      const expr = arg.value.toLowerCase();
      return ok((req, env) =>
        expr === '*' && atLeast(env.version, STAR_ALL_SINCE)
          ? { result: true, explanation: 'Host: `*` matches every request, even one without a host (Traefik 3.7.7+).' }
          : hostOutcome(expr, req, env),
      );
    },
  },
  HostRegexp: {
    arity: [1],
    build(args) {
      const arg = firstArg(args);
      const bad = firstNonASCII(arg.value);
      if (bad >= 0) return { ok: false, errors: [errorInValue('RULE_NON_ASCII_HOST', `HostRegexp: ${show(arg.value)} contains non-ASCII characters; match the punycode form (xn--…) instead.`, arg, bad, 1)] };
      const c = compileArg('HostRegexp', arg);
      if ('error' in c) return { ok: false, errors: [c.error] };
      return ok((req) => {
        if (regexMatch(c.re, req.host)) return { result: true, explanation: `HostRegexp: ${show(arg.value)} matches request host ${show(req.host)}.` };
        // Traefik also tests the CNAME-flattened host, which is "" while flattening is off.
        if (regexMatch(c.re, '')) return { result: true, explanation: `HostRegexp: ${show(arg.value)} matches the empty string, which Traefik also tests (CNAME flattening is off), so it matches every request.` };
        return { result: false, explanation: `HostRegexp: ${show(arg.value)} does not match request host ${show(req.host)}.` };
      });
    },
  },
  Path: {
    arity: [1],
    build(args) {
      const p = firstArg(args).value;
      if (!p.startsWith('/')) return { ok: false, errors: [argError('RULE_PATH_SLASH', `Path: ${show(p)} must start with \`/\`; write Path(\`/${p}\`).`, args[0]!)] };
      return ok((req) =>
        req.path === p
          ? { result: true, explanation: `Path: request path ${show(req.path)} equals ${show(p)}.` }
          : { result: false, explanation: `Path: request path is ${show(req.path)}, rule wants exactly ${show(p)}.` },
      );
    },
  },
  PathRegexp: {
    arity: [1],
    build(args) {
      const arg = firstArg(args);
      const c = compileArg('PathRegexp', arg);
      if ('error' in c) return { ok: false, errors: [c.error] };
      return ok((req) =>
        regexMatch(c.re, req.path)
          ? { result: true, explanation: `PathRegexp: ${show(arg.value)} matches request path ${show(req.path)}.` }
          : { result: false, explanation: `PathRegexp: ${show(arg.value)} does not match request path ${show(req.path)}.` },
      );
    },
  },
  PathPrefix: {
    arity: [1],
    build(args) {
      const p = firstArg(args).value;
      if (!p.startsWith('/')) return { ok: false, errors: [argError('RULE_PATH_SLASH', `PathPrefix: ${show(p)} must start with \`/\`; write PathPrefix(\`/${p}\`).`, args[0]!)] };
      return ok((req) =>
        req.path.startsWith(p)
          ? { result: true, explanation: `PathPrefix: ${show(req.path)} starts with ${show(p)}.` }
          : { result: false, explanation: `PathPrefix: ${show(req.path)} does not start with ${show(p)}.` },
      );
    },
  },
  Header: {
    arity: [2],
    build(args) {
      const key = canonicalHeaderKey(args[0]!.value);
      const want = args[1]!.value;
      return ok((req) => {
        const vs = lookup(req.headers, key);
        if (!vs) return { result: false, explanation: `Header: the request has no ${show(key)} header.` };
        return vs.includes(want)
          ? { result: true, explanation: `Header: ${show(key)} has the value ${show(want)}.` }
          : { result: false, explanation: `Header: ${show(key)} is ${showList(vs)}; none equals ${show(want)} exactly.` };
      });
    },
  },
  HeaderRegexp: {
    arity: [2],
    build(args) {
      const key = canonicalHeaderKey(args[0]!.value);
      const c = compileArg('HeaderRegexp', args[1]!);
      if ('error' in c) return { ok: false, errors: [c.error] };
      const pattern = args[1]!.value;
      return ok((req) => {
        const vs = lookup(req.headers, key);
        if (!vs) return { result: false, explanation: `HeaderRegexp: the request has no ${show(key)} header.` };
        const hit = vs.find((v) => regexMatch(c.re, v));
        return hit !== undefined
          ? { result: true, explanation: `HeaderRegexp: ${show(key)} value ${show(hit)} matches ${show(pattern)}.` }
          : { result: false, explanation: `HeaderRegexp: ${show(key)} is ${showList(vs)}; none matches ${show(pattern)}.` };
      });
    },
  },
  Query: {
    arity: [1, 2],
    build(args) {
      const key = args[0]!.value;
      const want = args[1]?.value ?? '';
      return ok((req) => {
        const vs = lookup(req.query, key);
        if (!vs) return { result: false, explanation: `Query: the request has no ${show(key)} query parameter.` };
        const wanted = want === '' ? `an empty value (\`?${key}\` or \`?${key}=\`)` : show(want);
        return vs.includes(want)
          ? { result: true, explanation: `Query: ${show(key)} has ${wanted}.` }
          : { result: false, explanation: `Query: ${show(key)} is ${showList(vs)}; rule wants ${wanted}.` };
      });
    },
  },
  QueryRegexp: {
    arity: [1, 2],
    build(args) {
      if (args.length === 1) return V3_MATCHERS['Query']!.build(args);
      const key = args[0]!.value;
      const c = compileArg('QueryRegexp', args[1]!);
      if ('error' in c) return { ok: false, errors: [c.error] };
      const pattern = args[1]!.value;
      return ok((req) => {
        const vs = lookup(req.query, key);
        if (!vs) return { result: false, explanation: `QueryRegexp: the request has no ${show(key)} query parameter.` };
        const hit = vs.find((v) => regexMatch(c.re, v));
        return hit !== undefined
          ? { result: true, explanation: `QueryRegexp: ${show(key)} value ${show(hit)} matches ${show(pattern)}.` }
          : { result: false, explanation: `QueryRegexp: ${show(key)} is ${showList(vs)}; none matches ${show(pattern)}.` };
      });
    },
  },
};
