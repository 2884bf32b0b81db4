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
    // Path, PathPrefix and HostRegexp are subrouters in v2.11: their match is a Route.Match success (MatchErr = nil).
    { desc: 'a later PathPrefix that matches clears it', rules: ['Host(`a.com`) && Method(`POST`)', 'PathPrefix(`/`) && Host(`b.com`)'], method: 'GET', host: 'a.com', expected: false },
    { desc: 'a later Path that matches clears it', rules: ['Host(`a.com`) && Method(`POST`)', 'Path(`/`, `/x`) && Host(`b.com`)'], method: 'GET', host: 'a.com', expected: false },
    { desc: 'a later HostRegexp that matches clears it', rules: ['Host(`a.com`) && Method(`POST`)', 'HostRegexp(`{h:.+}`) && Host(`b.com`)'], method: 'GET', host: 'a.com', expected: false },
    { desc: 'a later PathPrefix that fails keeps it', rules: ['Host(`a.com`) && Method(`POST`)', 'PathPrefix(`/nope`) && Host(`b.com`)'], method: 'GET', host: 'a.com', expected: true },
    { desc: 'a later route failing before its PathPrefix keeps it', rules: ['Host(`a.com`) && Method(`POST`)', 'Host(`b.com`) && PathPrefix(`/`)'], method: 'GET', host: 'a.com', expected: true },
    { desc: 'a PathPrefix before the Method of the same route', rules: ['PathPrefix(`/`) && Method(`POST`)'], method: 'GET', host: 'a.com', expected: true },
    { desc: 'a later Header that matches does not clear it', rules: ['Host(`a.com`) && Method(`POST`)', 'Host(`a.com`) && Query(`x=1`)'], method: 'GET', host: 'a.com', expected: true },
    { desc: 'a matching route: no 405', rules: ['Host(`a.com`) && Method(`POST`)', 'PathPrefix(`/`)'], method: 'GET', host: 'a.com', expected: false },
    { desc: 'the method matches: no 405', rules: ['Host(`a.com`) && Method(`get`)'], method: 'GET', host: 'b.com', expected: false },
    { desc: 'NOT over AND becomes OR (rules.invert)', rules: ['!(Host(`a.com`) && Path(`/x`)) && Method(`POST`)'], method: 'GET', host: 'a.com', expected: true },
    { desc: 'NOT over OR becomes AND', rules: ['!(Host(`a.com`) || Path(`/x`)) && Method(`POST`)'], method: 'GET', host: 'a.com', expected: false },
    { desc: 'a negated leaf that holds lets the route go on', rules: ['!Host(`b.com`) && Method(`POST`)'], method: 'GET', host: 'a.com', expected: true },
    { desc: 'an AND inside an OR is one route of the subrouter', rules: ['Host(`a.com`) && ((Method(`POST`) && Path(`/`)) || Path(`/x`))'], method: 'GET', host: 'a.com', expected: true },
    { desc: 'an OR inside an OR is flattened into the subrouter', rules: ['Host(`a.com`) && (Method(`POST`) || Method(`PUT`) || Path(`/x`))'], method: 'GET', host: 'a.com', expected: true },
    { desc: 'a subrouter matches when any of its routes does', rules: ['Host(`a.com`) && (Path(`/`) || Path(`/x`)) && Method(`POST`)'], method: 'GET', host: 'a.com', expected: true },
    { desc: 'a rule that does not parse is skipped', rules: ['Host(`a.com`', 'Host(`a.com`) && Method(`POST`)'], method: 'GET', host: 'a.com', expected: true },
  ])('$desc', ({ rules, method, host, expected }) => {
    expect(mna(rules, method, host)).toBe(expected);
  });
});
