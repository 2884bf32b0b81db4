// Errors (custom error pages): pkg/middlewares/customerrors/custom_errors.go and its test table (ranges, query
// replacement with {status} and {url}), types.NewHTTPCodeRanges (split on "-", strconv.Atoi), statusRewrites.
import { describe, expect, it } from 'vitest';
import type { CompiledRouting } from '../compiled.ts';
import { config as makeConfig, lb, middleware } from '../fixtures.ts';
import { parseClientRequest, type GoRequest } from '../request.ts';
import type { SimResponse } from '../verdict.ts';
import { applyErrorPages, parseCodeRanges } from './errors.ts';
import { middlewareBuildError, runMiddlewares, type ChainState } from './index.ts';

function routingOf(cfgs: Record<string, Record<string, unknown>>): CompiledRouting {
  const config = makeConfig({ middlewares: Object.entries(cfgs).map(([n, c]) => middleware(n, 'errors', c)), services: [lb('error@kubernetescrd', ['http://10.0.0.9:80'])] });
  return { config, middlewares: config.middlewares, secrets: {}, secretTypes: {} } as unknown as CompiledRouting;
}

function request(url: string): GoRequest {
  const parsed = parseClientRequest({ method: 'GET', url, headers: {}, clientIP: '192.0.2.1' });
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value.request;
}

/** Runs the Errors middlewares (outer first), then hands them the response from further down. */
function errorPage(cfgs: Record<string, Record<string, unknown>>, status: number, url = 'http://localhost/test?foo=bar&baz=buz') {
  const routing = routingOf(cfgs);
  const state: ChainState = { req: request(url), responseHeaders: {}, omitXForwardedFor: false, errorPages: [] };
  const run = runMiddlewares(Object.keys(cfgs), 'r@kubernetescrd', routing, state);
  const down: SimResponse = { status, headers: {}, body: 'from the backend' };
  return { run, ...applyErrorPages(down, state.errorPages, state.req, (name) => routing.middlewares[name]?.config) };
}

const E = 'err@kubernetescrd';

describe('TestHandler (custom_errors_test.go)', () => {
  it.each([
    { desc: 'no error', cfg: { service: 'error@kubernetescrd', query: '/test', status: ['500-501', '503-599'] }, code: 200, replaced: false },
    { desc: 'no error, but not a 200', cfg: { service: 'error@kubernetescrd', query: '/test', status: ['500-501', '503-599'] }, code: 206, replaced: false },
    { desc: 'a 304', cfg: { service: 'error@kubernetescrd', query: '/test', status: ['500-501', '503-599'] }, code: 304, replaced: false },
    { desc: 'in the range', cfg: { service: 'error@kubernetescrd', query: '/test', status: ['500-501', '503-599'] }, code: 500, replaced: true, get: 'http://localhost/test' },
    { desc: 'not in the range', cfg: { service: 'error@kubernetescrd', query: '/test', status: ['500-501', '503-599'] }, code: 502, replaced: false },
    { desc: 'upper bound of a range', cfg: { service: 'error@kubernetescrd', query: '/test', status: ['500-501', '503-599'] }, code: 599, replaced: true, get: 'http://localhost/test' },
    { desc: 'query replacement', cfg: { service: 'error@kubernetescrd', query: '/{status}', status: ['503-503'] }, code: 503, replaced: true, get: 'http://localhost/503' },
    { desc: 'single code and query replacement', cfg: { service: 'error@kubernetescrd', query: '/{status}', status: ['503'] }, code: 503, replaced: true, get: 'http://localhost/503' },
    {
      desc: 'full query replacement', cfg: { service: 'error@kubernetescrd', query: '/?status={status}&url={url}', status: ['503'] }, code: 503, replaced: true,
      get: 'http://localhost/?status=503&url=http%3A%2F%2Flocalhost%2Ftest%3Ffoo%3Dbar%26baz%3Dbuz',
    },
    // By the code: the query gets a leading / (TrimPrefix then "/"); no query is the Host's root.
    { desc: 'query without a leading slash', cfg: { service: 'error@kubernetescrd', query: '{status}.html', status: ['404'] }, code: 404, replaced: true, get: 'http://localhost/404.html' },
    { desc: 'no query', cfg: { service: 'error@kubernetescrd', status: ['404'] }, code: 404, replaced: true, get: 'http://localhost' },
  ])('$desc', ({ cfg, code, replaced, get }) => {
    const { response, notes } = errorPage({ [E]: cfg }, code);
    if (!replaced) {
      expect(response).toEqual({ status: code, headers: {}, body: 'from the backend' });
      expect(notes).toEqual([]);
      return;
    }
    // The code modifier keeps the caught status; the body is the error service's.
    expect(response).toEqual({ status: code, headers: {}, body: `(page rendered by error@kubernetescrd for GET ${get})` });
    expect(notes).toEqual([`${E}: status ${code} — body replaced by error@kubernetescrd (GET ${get})`]);
  });

  it('{url} is the original URL: https over TLS, the escaped path, no query when there is none', () => {
    const { response } = errorPage({ [E]: { service: 'error@kubernetescrd', query: '/e?u={url}&o={originalStatus}', status: ['404'] } }, 404, 'https://shop.example.com/a%2Fb c');
    expect(response.body).toBe('(page rendered by error@kubernetescrd for GET http://shop.example.com/e?u=https%3A%2F%2Fshop.example.com%2Fa%252Fb%2520c&o=404)');
  });

  it('statusRewrites: the first matching range rewrites the status; {status} is the new one, {originalStatus} the old', () => {
    const cfg = { service: 'error@kubernetescrd', query: '/{status}/{originalStatus}', status: ['400-599'], statusRewrites: { '500-503': 502, '404': 410 } };
    const out = errorPage({ [E]: cfg }, 503);
    expect(out.response).toEqual({ status: 502, headers: {}, body: '(page rendered by error@kubernetescrd for GET http://localhost/502/503)' });
    expect(out.notes).toEqual([`${E}: status 503 → 502 Bad Gateway — body replaced by error@kubernetescrd (GET http://localhost/502/503)`]);
    expect(errorPage({ [E]: cfg }, 404).response.status).toBe(410);
    expect(errorPage({ [E]: cfg }, 405).response.status).toBe(405);
  });

  it('statusRewrites matching one status with different codes: Go map order, so the verdict says either may apply', () => {
    const cfg = { service: 'error@kubernetescrd', status: ['400-599'], statusRewrites: { '500-599': 503, '502': 404, '400-404': 418 } };
    const out = errorPage({ [E]: cfg }, 502);
    expect(out.response.status).toBe(404);
    expect(out.notes).toEqual([
      `${E}: status 502 → 404 Not Found — body replaced by error@kubernetescrd (GET http://localhost)`,
      `${E}: statusRewrites "502" → 404, "500-599" → 503 all match 502: Traefik reads them in random order, so the status may be 404 or 503 (shown: 404), and can change when Traefik restarts`,
    ]);
    // One match, or several giving the same code: nothing is left to chance.
    expect(errorPage({ [E]: cfg }, 503).notes).toHaveLength(1);
    expect(errorPage({ [E]: { ...cfg, statusRewrites: { '500-599': 503, '502': 503 } } }, 502).notes).toHaveLength(1);
  });

  it('nested Errors middlewares: the inner one first, then the outer one sees its status', () => {
    const outer = { service: 'error@kubernetescrd', query: '/outer', status: ['410'] };
    const inner = { service: 'error@kubernetescrd', query: '/inner', status: ['404'], statusRewrites: { '404': 410 } };
    const out = errorPage({ 'outer@kubernetescrd': outer, 'inner@kubernetescrd': inner }, 404);
    expect(out.response.body).toBe('(page rendered by error@kubernetescrd for GET http://localhost/outer)');
    expect(out.notes).toEqual([
      'inner@kubernetescrd: status 404 → 410 Gone — body replaced by error@kubernetescrd (GET http://localhost/inner)',
      'outer@kubernetescrd: status 410 — body replaced by error@kubernetescrd (GET http://localhost/outer)',
    ]);
  });

  it('nginx headers: the status is the error service\'s own answer (flagged, not simulated)', () => {
    const cfg = { service: 'error@kubernetescrd', query: '/test', status: ['500-599'], nginxHeaders: { 'X-Namespaces': ['default'] } };
    expect(errorPage({ [E]: cfg }, 502).notes).toEqual([`${E}: status 502 — body replaced by error@kubernetescrd (GET http://localhost/test); the status is the one error@kubernetescrd answers (X-Code: 502), not simulated`]);
  });

  it.each([
    { query: 'x', get: ' (GET /x)' },
    // TrimPrefix(query, "/") then "/" + …: one leading slash only, and only at the start.
    { query: '/a/b', get: ' (GET /a/b)' },
    { query: 'a/b', get: ' (GET /a/b)' },
    { query: undefined, get: '' },
  ])('the middleware step says what it will replace (query $query)', ({ query, get }) => {
    const { run } = errorPage({ [E]: { service: 'error@kubernetescrd', status: ['500-599', '404'], ...(query === undefined ? {} : { query }) } }, 200);
    expect(run.steps[0]).toMatchObject({ status: 'applied', effect: `statuses 500-599, 404 from further down are replaced by the page of error@kubernetescrd${get}` });
  });

  it.each([
    { query: '/a/{status}', get: 'http://localhost/a/404' },
    { query: 'a/{status}', get: 'http://localhost/a/404' },
  ])('the page is fetched at "/" + TrimPrefix(query, "/") ($query)', ({ query, get }) => {
    expect(errorPage({ [E]: { service: 'error@kubernetescrd', query, status: ['404'] } }, 404).response.body).toBe(`(page rendered by error@kubernetescrd for GET ${get})`);
  });

  it('a statusRewrites target that is not a number (the CRD schema refuses it) rewrites nothing', () => {
    const cfg = { service: 'error@kubernetescrd', status: ['404'], statusRewrites: { '404': 'gone' } };
    expect(errorPage({ [E]: cfg }, 404).response.status).toBe(404);
  });

  it('applyErrorPages with no configuration at hand for a rule: no rewrite, no nginx note', () => {
    const rule = { middleware: E, status: ['404'], service: 'error@kubernetescrd', query: '/e' };
    const out = applyErrorPages({ status: 404, headers: {}, body: '' }, [rule], request('http://localhost/x'), () => undefined);
    expect(out).toEqual({ response: { status: 404, headers: {}, body: '(page rendered by error@kubernetescrd for GET http://localhost/e)' }, notes: [`${E}: status 404 — body replaced by error@kubernetescrd (GET http://localhost/e)`] });
  });
});

describe('NewHTTPCodeRanges and build errors', () => {
  it.each([
    { blocks: ['500-599', '404'], ranges: [[500, 599], [404, 404]] },
    { blocks: ['500-599-600'], ranges: [[500, 599]] },
    { blocks: ['+404'], ranges: [[404, 404]] },
    { blocks: [], ranges: [] },
    { blocks: ['400,404'], ranges: undefined },
    { blocks: ['5xx'], ranges: undefined },
    { blocks: ['500-'], ranges: undefined },
    { blocks: ['-500'], ranges: undefined },
    // strconv.Atoi reads the whole part: junk before or after the digits of either bound is refused.
    { blocks: ['x5-599'], ranges: undefined },
    { blocks: ['5x-599'], ranges: undefined },
    { blocks: ['500-x9'], ranges: undefined },
    { blocks: ['500-5x'], ranges: undefined },
    { blocks: [''], ranges: undefined },
    // Atoi on a 64-bit platform: 2^63 - 1 is read, one more is out of range.
    { blocks: ['9223372036854775807'], ranges: [[Number(9223372036854775807n), Number(9223372036854775807n)]] },
    { blocks: ['500-9223372036854775808'], ranges: undefined },
  ])('$blocks', ({ blocks, ranges }) => {
    expect(parseCodeRanges(blocks)).toEqual(ranges);
  });

  it.each([
    { cfg: { service: 'error@kubernetescrd', status: ['404'] }, error: null },
    { cfg: { service: 'error@kubernetescrd', status: ['400,404'] }, error: 'errors: invalid status ranges [400,404]' },
    { cfg: { service: 'error@kubernetescrd', status: ['404', '5xx'] }, error: 'errors: invalid status ranges [404, 5xx]' },
    { cfg: { service: 'error@kubernetescrd', status: ['404'], statusRewrites: { '4xx': 410 } }, error: 'errors: invalid statusRewrites key 4xx' },
    { cfg: { status: ['404'] }, error: 'errors: no error page service' },
    { cfg: { service: 'gone@kubernetescrd', status: ['404'] }, error: 'errors: service gone@kubernetescrd does not exist' },
    { cfg: { service: 'elsewhere@file', status: ['404'] }, error: null },
  ])('$cfg', ({ cfg, error }) => {
    expect(middlewareBuildError([E], routingOf({ [E]: cfg }))).toBe(error === null ? null : `middleware ${E}: ${error}`);
  });
});
