// The sentence each matcher gives for its answer (the simulator's "why"), one row per branch of the v3
// matchers (pkg/muxer/http/matcher.go) and the v2 ones (matcher_v2.go). The verdicts follow Traefik's code; the
// wording is ours and is pinned here so that a changed branch shows.
import { describe, expect, it } from 'vitest';
import type { RuleSyntax } from '../types.ts';
import { evaluateRule } from './evaluate.ts';
import { parseRule } from './parser.ts';
import { requestOf, type RequestSpec } from './test-support.ts';

interface Row {
  rule: string;
  request: RequestSpec | string;
  version?: string;
  matched: boolean;
  /** The explanation of the only leaf, or of every leaf in rule order. */
  want: string | string[];
}

function check(syntax: RuleSyntax, { rule, request, version, matched, want }: Row): void {
  const { ast, errors } = parseRule(rule, syntax);
  if (!ast) throw new Error(JSON.stringify(errors));
  const r = evaluateRule(ast, requestOf(request), { syntax, ...(version ? { version } : {}) });
  expect(r.matched).toBe(matched);
  expect(r.trace.map((t) => t.explanation)).toEqual(typeof want === 'string' ? [want] : want);
}

describe('v3 explanations', () => {
  it.each<Row>([
    { rule: 'Host(`a.com`)', request: 'http://A.com/', matched: true, want: 'Host: request host `a.com` equals `a.com`.' },
    { rule: 'Host(`*.a.com`)', request: 'http://x.a.com/', matched: true, want: 'Host: request host `x.a.com` fits `*.a.com` (the `*` stands for exactly one label).' },
    { rule: 'Host(`a.com.`)', request: 'http://a.com/', matched: true, want: 'Host: request host `a.com` equals `a.com.` without its trailing dot.' },
    { rule: 'Host(`a.com`)', request: 'http://a.com./', matched: true, want: 'Host: request host `a.com.` without its trailing dot equals `a.com`.' },
    { rule: 'Host(`*.a.com.`)', request: 'http://x.a.com/', matched: true, want: 'Host: request host `x.a.com` equals `*.a.com.` without its trailing dot.' },
    { rule: 'Host(`*.a.com`)', request: 'http://x.a.com./', matched: true, want: 'Host: request host `x.a.com.` without its trailing dot equals `*.a.com`.' },
    { rule: 'Host(`*`)', request: 'http://a.b/', version: '3.7.6', matched: false, want: 'Host: request host is `a.b`, rule wants `*`. Before Traefik 3.7.7, `*` matches only single-label hosts such as `localhost`.' },
    { rule: 'Host(`*`)', request: 'http://localhost/', version: '3.7.6', matched: true, want: 'Host: request host `localhost` fits `*` (the `*` stands for exactly one label).' },
    { rule: 'Host(`*`)', request: 'http://a/', version: '3.6.0', matched: false, want: 'Host: request host is `a`, rule wants `*`. Before Traefik 3.7.0, `*` is compared literally.' },
    { rule: 'Host(`*.a.com`)', request: 'http://a.com/', matched: false, want: 'Host: request host is `a.com`, rule wants `*.a.com`. The `*` stands for exactly one label.' },
    { rule: 'Host(`*.a.com`)', request: 'http://x.a.com/', version: '3.6.0', matched: false, want: 'Host: request host is `x.a.com`, rule wants `*.a.com`. Before Traefik 3.7.0 a `*` is compared literally.' },
    { rule: 'Host(`a.com`)', request: '/x', matched: false, want: 'Host: the request has no host (e.g. HTTP/1.0 without a Host header), so Host never matches.' },
    { rule: 'Host(`*`)', request: '/x', matched: true, want: 'Host: `*` matches every request, even one without a host (Traefik 3.7.7+).' },
    { rule: 'ClientIP(`10.0.0.0/8`)', request: { url: 'http://a/', clientIP: '10.1.2.3:80' }, matched: true, want: 'ClientIP: client `10.1.2.3` is inside `10.0.0.0/8`.' },
    { rule: 'ClientIP(`10.0.0.1`)', request: { url: 'http://a/', clientIP: '10.0.0.1' }, matched: true, want: 'ClientIP: client `10.0.0.1` is `10.0.0.1`.' },
    { rule: 'ClientIP(`10.0.0.0/8`)', request: { url: 'http://a/', clientIP: '11.0.0.1' }, matched: false, want: 'ClientIP: client `11.0.0.1` is outside `10.0.0.0/8` (X-Forwarded-For is never used).' },
    { rule: 'ClientIP(`10.0.0.1`)', request: { url: 'http://a/', clientIP: '10.0.0.2' }, matched: false, want: 'ClientIP: client `10.0.0.2` is not `10.0.0.1` (X-Forwarded-For is never used).' },
    { rule: 'ClientIP(`10.0.0.1`)', request: { url: 'http://a/', clientIP: 'example.org:80' }, matched: false, want: 'ClientIP: the client address `example.org` is not an IP, so ClientIP does not match.' },
    { rule: 'Method(`get`)', request: { url: 'http://a/', method: 'GET' }, matched: true, want: 'Method: request method `GET` equals `GET`.' },
    { rule: 'Method(`GET`)', request: { url: 'http://a/', method: 'POST' }, matched: false, want: 'Method: request method is `POST`, rule wants `GET`.' },
    { rule: 'Method(`GET`)', request: { url: 'http://a/', method: 'get' }, matched: false, want: 'Method: request method is `get`, rule wants `GET` (methods are compared case-sensitively).' },
    { rule: 'HostRegexp(`^a\\.com$`)', request: 'http://a.com/', matched: true, want: 'HostRegexp: `^a\\.com$` matches request host `a.com`.' },
    { rule: 'HostRegexp(`^b?$`)', request: 'http://a.com/', matched: true, want: 'HostRegexp: `^b?$` matches the empty string, which Traefik also tests (CNAME flattening is off), so it matches every request.' },
    { rule: 'HostRegexp(`^b`)', request: 'http://a.com/', matched: false, want: 'HostRegexp: `^b` does not match request host `a.com`.' },
    { rule: 'Path(`/a`)', request: 'http://a/a', matched: true, want: 'Path: request path `/a` equals `/a`.' },
    { rule: 'Path(`/a`)', request: 'http://a/b', matched: false, want: 'Path: request path is `/b`, rule wants exactly `/a`.' },
    { rule: 'PathRegexp(`^/a`)', request: 'http://a/ab', matched: true, want: 'PathRegexp: `^/a` matches request path `/ab`.' },
    { rule: 'PathRegexp(`^/a`)', request: 'http://a/b', matched: false, want: 'PathRegexp: `^/a` does not match request path `/b`.' },
    { rule: 'PathPrefix(`/a`)', request: 'http://a/b', matched: false, want: 'PathPrefix: `/b` does not start with `/a`.' },
    { rule: 'Header(`x-env`, `prod`)', request: { url: 'http://a/' }, matched: false, want: 'Header: the request has no `X-Env` header.' },
    { rule: 'Header(`x-env`, `prod`)', request: { url: 'http://a/', headers: { 'X-Env': ['dev', 'prod'] } }, matched: true, want: 'Header: `X-Env` has the value `prod`.' },
    { rule: 'Header(`x-env`, `prod`)', request: { url: 'http://a/', headers: { 'X-Env': ['dev', 'test'] } }, matched: false, want: 'Header: `X-Env` is `dev`, `test`; none equals `prod` exactly.' },
    { rule: 'HeaderRegexp(`x-env`, `^p`)', request: { url: 'http://a/' }, matched: false, want: 'HeaderRegexp: the request has no `X-Env` header.' },
    { rule: 'HeaderRegexp(`x-env`, `^p`)', request: { url: 'http://a/', headers: { 'X-Env': ['dev', 'prod'] } }, matched: true, want: 'HeaderRegexp: `X-Env` value `prod` matches `^p`.' },
    { rule: 'HeaderRegexp(`x-env`, `^p`)', request: { url: 'http://a/', headers: { 'X-Env': ['dev'] } }, matched: false, want: 'HeaderRegexp: `X-Env` is `dev`; none matches `^p`.' },
    { rule: 'Query(`k`)', request: 'http://a/?x=1', matched: false, want: 'Query: the request has no `k` query parameter.' },
    { rule: 'Query(`k`)', request: 'http://a/?k', matched: true, want: 'Query: `k` has an empty value (`?k` or `?k=`).' },
    { rule: 'Query(`k`)', request: 'http://a/?k=1&k=2', matched: false, want: 'Query: `k` is `1`, `2`; rule wants an empty value (`?k` or `?k=`).' },
    { rule: 'Query(`k`, `2`)', request: 'http://a/?k=1&k=2', matched: true, want: 'Query: `k` has `2`.' },
    { rule: 'Query(`k`, `3`)', request: 'http://a/?k=1&k=2', matched: false, want: 'Query: `k` is `1`, `2`; rule wants `3`.' },
    { rule: 'QueryRegexp(`k`)', request: 'http://a/?k=', matched: true, want: 'Query: `k` has an empty value (`?k` or `?k=`).' },
    { rule: 'QueryRegexp(`k`, `^[0-9]+$`)', request: 'http://a/?x=1', matched: false, want: 'QueryRegexp: the request has no `k` query parameter.' },
    { rule: 'QueryRegexp(`k`, `^[0-9]+$`)', request: 'http://a/?k=x&k=12', matched: true, want: 'QueryRegexp: `k` value `12` matches `^[0-9]+$`.' },
    { rule: 'QueryRegexp(`k`, `^[0-9]+$`)', request: 'http://a/?k=x', matched: false, want: 'QueryRegexp: `k` is `x`; none matches `^[0-9]+$`.' },
    { rule: 'Host(`a`) || Path(`/`) || Method(`GET`)', request: 'http://a/', matched: true, want: ['Host: request host `a` equals `a`.', 'Not evaluated: the `||` it belongs to was already true.', 'Not evaluated: the `||` it belongs to was already true.'] },
    { rule: 'Path(`x`)', request: 'http://a/x', matched: false, want: 'Path: `x` must start with `/`; write Path(`/x`). (Traefik does not serve a router whose rule has this error.)' },
  ])('$rule $request', (row) => check('v3', row));
});

describe('v2 explanations', () => {
  it.each<Row>([
    { rule: 'Host(`a.com`, `B.com`)', request: 'http://b.com/', matched: true, want: 'Host: request host `b.com` equals `b.com`.' },
    { rule: 'Host(`a.com.`)', request: 'http://a.com/', matched: true, want: 'Host: request host `a.com` equals `a.com.` without its trailing dot.' },
    { rule: 'Host(`a.com`)', request: 'http://a.com./', matched: true, want: 'Host: request host `a.com.` without its trailing dot equals `a.com`.' },
    { rule: 'Host(`a.com`, `b.com`)', request: 'http://c.com/', matched: false, want: 'Host: request host is `c.com`, rule wants one of `a.com`, `b.com`.' },
    { rule: 'Host(`*.a.com`)', request: 'http://x.a.com/', matched: false, want: 'Host: request host is `x.a.com`, rule wants `*.a.com`. In v2 syntax `*` has no wildcard meaning.' },
    { rule: 'Host(`*.a.com`, `b.com`)', request: 'http://x.a.com/', matched: false, want: 'Host: request host is `x.a.com`, rule wants one of `*.a.com`, `b.com`. In v2 syntax `*` has no wildcard meaning.' },
    { rule: 'Host(`a.com`)', request: '/x', matched: false, want: 'Host: the request has no host (e.g. HTTP/1.0 without a Host header), so Host never matches.' },
    { rule: 'HostRegexp(`{sub}.a.com`)', request: 'http://X.a.com:80/', matched: true, want: 'HostRegexp: request host `X.a.com` matches `{sub}.a.com` (as `(?i)^(?P<v0>[^.]+)\\.a\\.com$`).' },
    { rule: 'HostRegexp(`a.com`)', request: 'http://a.com/', matched: true, want: 'HostRegexp: request host `a.com` matches `a.com`.' },
    { rule: 'HostRegexp(`a.com`, `b.com`)', request: 'http://c.com/', matched: false, want: 'HostRegexp: request host `c.com` matches none of `a.com`, `b.com`.' },
    { rule: 'PathPrefix(`/a`, `/b`)', request: 'http://c/c', matched: false, want: 'PathPrefix: request path `/c` matches none of `/a`, `/b` as a prefix.' },
    { rule: 'Path(`/a`)', request: 'http://c/c', matched: false, want: 'Path: request path `/c` matches none of `/a`.' },
    { rule: 'ClientIP(`10.0.0.1`, `10.0.0.0/8`)', request: { url: 'http://a/', clientIP: '10.9.0.1' }, matched: true, want: 'ClientIP: client `10.9.0.1` matches `10.0.0.0/8`.' },
    { rule: 'ClientIP(`10.0.0.1`, `10.0.0.0/8`)', request: { url: 'http://a/', clientIP: '10.0.0.1' }, matched: true, want: 'ClientIP: client `10.0.0.1` matches `10.0.0.1`.' },
    { rule: 'ClientIP(`10.0.0.1`, `10.0.0.0/8`)', request: { url: 'http://a/', clientIP: '11.0.0.1' }, matched: false, want: 'ClientIP: client `11.0.0.1` matches none of `10.0.0.1`, `10.0.0.0/8`.' },
    { rule: 'ClientIP(`10.0.0.1`)', request: { url: 'http://a/', clientIP: 'nope' }, matched: false, want: 'ClientIP: the client address `nope` is not an IP, so ClientIP does not match.' },
    { rule: 'Method(`get`, `post`)', request: { url: 'http://a/', method: 'POST' }, matched: true, want: 'Method: request method `POST` is one of `GET`, `POST`.' },
    { rule: 'Method(`get`)', request: { url: 'http://a/', method: 'GET' }, matched: true, want: 'Method: request method `GET` is `GET`.' },
    { rule: 'Method(`get`, `post`)', request: { url: 'http://a/', method: 'PUT' }, matched: false, want: 'Method: request method is `PUT`, rule wants one of `GET`, `POST`.' },
    { rule: 'Method(`get`)', request: { url: 'http://a/', method: 'PUT' }, matched: false, want: 'Method: request method is `PUT`, rule wants `GET`.' },
    { rule: 'Headers(`x-a`, `1`, `x-b`, `2`)', request: { url: 'http://a/', headers: { 'X-A': '1', 'X-B': '2' } }, matched: true, want: 'Headers: `X-A` has `1` and `X-B` has `2`.' },
    { rule: 'Headers(`x-a`, `1`, `x-b`, `2`)', request: { url: 'http://a/', headers: { 'X-A': '1' } }, matched: false, want: 'Headers: the request has no `X-B` header.' },
    { rule: 'Headers(`x-a`, `1`)', request: { url: 'http://a/', headers: { 'X-A': ['0', '2'] } }, matched: false, want: 'Headers: `X-A` is `0`, `2`; none equals `1` exactly.' },
    { rule: 'Headers(`x-a`, `1`, `x-b`, `2`, `x-a`, `3`)', request: { url: 'http://a/', headers: { 'X-A': '3', 'X-B': '2' } }, matched: true, want: 'Headers: `X-B` has `2` and `X-A` has `3`.' },
    { rule: 'HeadersRegexp(`x-a`, `^1`, `x-b`, `2$`)', request: { url: 'http://a/', headers: { 'X-A': '10', 'X-B': '02' } }, matched: true, want: 'HeadersRegexp: `X-A` matches `^1` and `X-B` matches `2$`.' },
    { rule: 'HeadersRegexp(`x-a`, `^1`)', request: { url: 'http://a/' }, matched: false, want: 'HeadersRegexp: the request has no `X-A` header.' },
    { rule: 'HeadersRegexp(`x-a`, `^1`)', request: { url: 'http://a/', headers: { 'X-A': ['0', '2'] } }, matched: false, want: 'HeadersRegexp: `X-A` is `0`, `2`; none matches `^1`.' },
    { rule: 'Query(`a=1`, `b={n:[0-9]+}`)', request: 'http://x/?a=1&b=22', matched: true, want: 'Query: `a=1` fits `a=1` and `b=22` fits `b={n:[0-9]+}`.' },
    { rule: 'Query(`a=1`)', request: 'http://x/?a=2&a=1', matched: false, want: 'Query: the first `a` value is `2`, which does not fit `a=1`.' },
    { rule: 'Query(`a=1`)', request: 'http://x/?b=1', matched: false, want: 'Query: the request has no `a` query parameter.' },
  ])('$rule $request', (row) => check('v2', row));
});
