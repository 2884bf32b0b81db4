import { describe, expect, it } from 'vitest';
import { methodNotAllowed } from './method-not-allowed.ts';
import { buildRoutingRequest, compileRule } from './rule-engine.ts';

const v211 = { target: 'v2.11' as const, version: '2.11.50' };
const request = (method: string, host: string, path = '/') =>
  buildRoutingRequest({ method, host, escapedPath: path, rawQuery: '', headers: {}, clientIP: '10.0.0.1' }).request;
const mna = (rules: string[], method: string, host: string, path = '/') => methodNotAllowed(rules.map((r) => compileRule(r, 'v2', v211)), request(method, host, path));

// containous/mux Route.Match: a failing Method matcher only records ErrMethodMismatch; any other failing
// matcher returns false at once; the error survives routes that fail on another matcher.
describe('v2.11 405 (gorilla/mux ErrMethodMismatch)', () => {
  it.each([
    { desc: 'method-only mismatch', rules: ['Host(`a.com`) && Method(`POST`)'], method: 'GET', host: 'a.com', expected: true },
    { desc: 'host mismatch too', rules: ['Host(`a.com`) && Method(`POST`)'], method: 'GET', host: 'b.com', expected: false },
    { desc: 'method first, host fails after', rules: ['Method(`POST`) && Host(`a.com`)'], method: 'GET', host: 'b.com', expected: false },
    { desc: 'a later route failing on Host keeps the mismatch', rules: ['Host(`a.com`) && Method(`POST`)', 'Host(`z.com`)'], method: 'GET', host: 'a.com', expected: true },
    { desc: 'inside an OR (subrouter)', rules: ['Host(`a.com`) && (Method(`POST`) || Path(`/x`))'], method: 'GET', host: 'a.com', expected: true },
    { desc: 'variadic Method', rules: ['Method(`POST`, `PUT`)'], method: 'GET', host: 'a.com', expected: true },
    { desc: 'a later negated leaf whose matcher holds clears it', rules: ['Host(`a.com`) && Method(`POST`)', '!Host(`a.com`) && Path(`/nope`)'], method: 'GET', host: 'a.com', expected: false },
    { desc: 'a later !Method that inner-matches clears it', rules: ['Host(`a.com`) && Method(`POST`)', 'Host(`a.com`) && !Method(`GET`)'], method: 'GET', host: 'a.com', expected: false },
  ])('$desc', ({ rules, method, host, expected }) => {
    expect(mna(rules, method, host)).toBe(expected);
  });
});
