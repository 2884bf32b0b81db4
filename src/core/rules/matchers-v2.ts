// Mirrors pkg/muxer/http/matcher_v2.go (httpFuncsV2, the v2 syntax in Traefik v3) and the mux
// routes it builds (containous/mux route.go Headers/HeadersRegexp/Queries/Methods, mux.go matchMap*).
import type { RE2JS } from 're2js';
import type { RuleArg, RuleError } from './ast.ts';
import { canonicalHeaderKey, muxParseHost } from './canonical.ts';
import { checkerContains, newIPChecker } from './ip.ts';
import { argError, compileArg, errorInValue, lookup, ok, regexMatch, type Build, type LeafOutcome, type MatcherTable } from './matcher-kit.ts';
import { compileTemplate, type CompiledTemplate, type TemplateKind } from './mux-template.ts';
import { firstNonASCII, goToUpper, show, showList } from './go-text.ts';

function templates(matcher: string, args: readonly RuleArg[], kind: TemplateKind): { ok: true; list: CompiledTemplate[] } | { ok: false; errors: RuleError[] } {
  const list: CompiledTemplate[] = [];
  for (const arg of args) {
    if (kind === 'host') {
      const bad = firstNonASCII(arg.value);
      if (bad >= 0) return { ok: false, errors: [errorInValue('RULE_NON_ASCII_HOST', `${matcher}: ${show(arg.value)} contains non-ASCII characters; use the punycode form (xn--…).`, arg, bad, 1)] };
    } else if (!arg.value.startsWith('/')) {
      return { ok: false, errors: [argError('RULE_PATH_SLASH', `${matcher}: ${show(arg.value)} must start with \`/\`; write ${matcher}(\`/${arg.value}\`).`, arg)] };
    }
    const c = compileTemplate(arg.value, kind);
    if (!c.ok) {
      const e = c.error;
      const msg = e.kind === 'regex'
        ? `${matcher}: the template's regular expression is invalid: ${e.message}. Fix the pattern after the \`:\` in {name:pattern}.`
        : `${matcher}: ${e.message}. Templates are {name} or {name:pattern}; a literal brace is not possible in a v2 template.`;
      return { ok: false, errors: [errorInValue(e.kind === 'regex' ? 'RULE_BAD_REGEX' : 'RULE_V2_TEMPLATE', msg, arg, e.at, e.length)] };
    }
    list.push(c.compiled);
  }
  return { ok: true, list };
}

function templateMatcher(matcher: string, kind: TemplateKind): MatcherTable[string] {
  return {
    arity: 'variadic',
    build(args): Build {
      const t = templates(matcher, args, kind);
      if (!t.ok) return t;
      return ok((req) => {
        const subject = kind === 'host' ? muxParseHost(req.rawHost) : req.path;
        const what = kind === 'host' ? 'host' : 'path';
        const hit = t.list.find((c) => regexMatch(c.re, subject));
        if (hit) return { result: true, explanation: `${matcher}: request ${what} ${show(subject)} matches ${show(hit.template)}${hit.names.length ? ` (as ${show(hit.pattern)})` : ''}.` };
        return { result: false, explanation: `${matcher}: request ${what} ${show(subject)} matches none of ${showList(t.list.map((c) => c.template))}${kind === 'prefix' ? ' as a prefix' : ''}.` };
      });
    },
  };
}

const host: MatcherTable[string] = {
  arity: 'variadic',
  build(args) {
    for (const arg of args) {
      const bad = firstNonASCII(arg.value);
      if (bad >= 0) return { ok: false, errors: [errorInValue('RULE_NON_ASCII_HOST', `Host: ${show(arg.value)} contains non-ASCII characters; write the domain in its punycode form (xn--…).`, arg, bad, 1)] };
    }
    const hosts = args.map((a) => a.value.toLowerCase());
    return ok((req): LeafOutcome => {
      const h = req.host;
      if (h.length === 0) return { result: false, explanation: 'Host: the request has no host (e.g. HTTP/1.0 without a Host header), so Host never matches.' };
      for (const want of hosts) {
        if (h === want) return { result: true, explanation: `Host: request host ${show(h)} equals ${show(want)}.` };
        if (want.endsWith('.') && h === want.slice(0, -1)) return { result: true, explanation: `Host: request host ${show(h)} equals ${show(want)} without its trailing dot.` };
        if (h.endsWith('.') && h.slice(0, -1) === want) return { result: true, explanation: `Host: request host ${show(h)} without its trailing dot equals ${show(want)}.` };
      }
      const star = hosts.some((x) => x.includes('*')) ? ' In v2 syntax `*` has no wildcard meaning.' : '';
      return { result: false, explanation: `Host: request host is ${show(h)}, rule wants ${hosts.length > 1 ? 'one of ' : ''}${showList(hosts)}.${star}` };
    });
  },
};

/** mux mapFromPairsTo*: pairs into a map, so a repeated name keeps only its last value. */
function pairs(matcher: string, args: readonly RuleArg[]): { ok: true; map: Map<string, RuleArg> } | { ok: false; errors: RuleError[] } {
  if (args.length % 2 !== 0) {
    const last = args[args.length - 1]!;
    return { ok: false, errors: [argError('RULE_V2_ODD_PAIRS', `${matcher} takes name/value pairs, but ${show(last.value)} has no value: add one, e.g. ${matcher}(\`X-Env\`, \`prod\`).`, last)] };
  }
  const map = new Map<string, RuleArg>();
  for (let i = 0; i < args.length; i += 2) {
    map.delete(args[i]!.value);
    map.set(args[i]!.value, args[i + 1]!);
  }
  return { ok: true, map };
}

const headers: MatcherTable[string] = {
  arity: 'variadic',
  build(args) {
    const p = pairs('Headers', args);
    if (!p.ok) return p;
    const want = [...p.map].map(([k, v]) => ({ key: canonicalHeaderKey(k), value: v.value }));
    return ok((req) => {
      for (const w of want) {
        const vs = lookup(req.headers, w.key);
        if (!vs) return { result: false, explanation: `Headers: the request has no ${show(w.key)} header.` };
        if (!vs.includes(w.value)) return { result: false, explanation: `Headers: ${show(w.key)} is ${showList(vs)}; none equals ${show(w.value)} exactly.` };
      }
      return { result: true, explanation: `Headers: ${want.map((w) => `${show(w.key)} has ${show(w.value)}`).join(' and ')}.` };
    });
  },
};

const headersRegexp: MatcherTable[string] = {
  arity: 'variadic',
  build(args) {
    const p = pairs('HeadersRegexp', args);
    if (!p.ok) return p;
    const want: { key: string; pattern: string; re: RE2JS }[] = [];
    for (const [k, v] of p.map) {
      const c = compileArg('HeadersRegexp', v);
      if ('error' in c) return { ok: false, errors: [c.error] };
      want.push({ key: canonicalHeaderKey(k), pattern: v.value, re: c.re });
    }
    return ok((req) => {
      for (const w of want) {
        const vs = lookup(req.headers, w.key);
        if (!vs) return { result: false, explanation: `HeadersRegexp: the request has no ${show(w.key)} header.` };
        if (!vs.some((v) => regexMatch(w.re, v))) return { result: false, explanation: `HeadersRegexp: ${show(w.key)} is ${showList(vs)}; none matches ${show(w.pattern)}.` };
      }
      return { result: true, explanation: `HeadersRegexp: ${want.map((w) => `${show(w.key)} matches ${show(w.pattern)}`).join(' and ')}.` };
    });
  },
};

/** queryV2: each argument split on its first `=`, the flat list paired again into `k=v` templates. */
const query: MatcherTable[string] = {
  arity: 'variadic',
  build(args) {
    const flat: { text: string; arg: RuleArg }[] = [];
    for (const arg of args) {
      const eq = arg.value.indexOf('=');
      if (eq < 0) flat.push({ text: arg.value, arg });
      else flat.push({ text: arg.value.slice(0, eq), arg }, { text: arg.value.slice(eq + 1), arg });
    }
    if (flat.length % 2 !== 0) {
      // Arguments with `=` count two each: an odd count needs one without.
      const culprit = args.find((a) => !a.value.includes('='))!;
      return { ok: false, errors: [argError('RULE_V2_QUERY_FORMAT', `Query: ${show(culprit.value)} is not a \`key=value\` pair; v2 Query wants e.g. Query(\`${culprit.value}=value\`), or Query(\`${culprit.value}=\`) for any value.`, culprit)] };
    }
    const list: { key: string; c: CompiledTemplate }[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < flat.length; i += 2) {
      const tpl = `${flat[i]!.text}=${flat[i + 1]!.text}`;
      const arg = flat[i + 1]!.arg;
      const c = compileTemplate(tpl, 'query');
      if (!c.ok) {
        const code = c.error.kind === 'regex' ? 'RULE_BAD_REGEX' : 'RULE_V2_TEMPLATE';
        return { ok: false, errors: [argError(code, `Query: ${c.error.message} in ${show(tpl)}. Templates are {name} or {name:pattern}.`, arg)] };
      }
      const dup = c.compiled.names.find((n) => seen.has(n));
      if (dup !== undefined) return { ok: false, errors: [argError('RULE_V2_TEMPLATE', `Query: the variable {${dup}} is used twice; give each template variable its own name.`, arg)] };
      c.compiled.names.forEach((n) => seen.add(n));
      list.push({ key: flat[i]!.text, c: c.compiled });
    }
    return ok((req) => {
      const parts: string[] = [];
      for (const { key, c } of list) {
        const vs = lookup(req.query, key);
        // mux tests only the first value of the key, as `key=value` (a key without values never fits).
        const first = vs?.[0];
        const subject = `${key}=${first}`;
        if (first === undefined || !regexMatch(c.re, subject)) {
          return { result: false, explanation: vs ? `Query: the first ${show(key)} value is ${show(first ?? '')}, which does not fit ${show(c.template)}.` : `Query: the request has no ${show(key)} query parameter.` };
        }
        parts.push(`${show(subject)} fits ${show(c.template)}`);
      }
      return { result: true, explanation: `Query: ${parts.join(' and ')}.` };
    });
  },
};

function ipList(args: readonly RuleArg[]): Build {
  const c = newIPChecker(args.map((a) => a.value));
  if (!c.ok) return { ok: false, errors: [argError('RULE_BAD_IP', `ClientIP: ${show(args[c.index]!.value)} is neither an IP address nor a CIDR range (e.g. \`10.0.0.1\`, \`10.0.0.0/8\`).`, args[c.index]!)] };
  return ok((req) => {
    const r = checkerContains(c.checker, req.clientIP);
    if (!r.ok) return { result: false, explanation: `ClientIP: the client address ${show(r.ip)} is not an IP, so ClientIP does not match.` };
    return r.contains
      ? { result: true, explanation: `ClientIP: client ${show(r.ip)} matches ${show(r.by)}.` }
      : { result: false, explanation: `ClientIP: client ${show(r.ip)} matches none of ${showList(c.checker.sources)}.` };
  });
}

export const V2_MATCHERS: MatcherTable = {
  Host: host,
  HostHeader: host,
  HostRegexp: templateMatcher('HostRegexp', 'host'),
  ClientIP: { arity: 'variadic', build: ipList },
  Path: templateMatcher('Path', 'path'),
  PathPrefix: templateMatcher('PathPrefix', 'prefix'),
  Method: {
    arity: 'variadic',
    build(args) {
      const methods = args.map((a) => goToUpper(a.value));
      return ok((req) =>
        methods.includes(req.method)
          ? { result: true, explanation: `Method: request method ${show(req.method)} is ${methods.length > 1 ? 'one of ' : ''}${showList(methods)}.` }
          : { result: false, explanation: `Method: request method is ${show(req.method)}, rule wants ${methods.length > 1 ? 'one of ' : ''}${showList(methods)}.` },
      );
    },
  },
  Headers: headers,
  HeadersRegexp: headersRegexp,
  Query: query,
};
