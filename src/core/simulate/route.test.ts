// pkg/muxer/http/mux.go Muxer.ServeHTTP: the first route in priority order whose rule matches wins; the others are
// ranked after it (shadowed when they match too), routers Traefik does not serve are listed as skipped, and routers
// with the winner's sort key that match too make the answer depend on Traefik's non-stable sort.
// Priorities are rule lengths in bytes: 33, 13, 5 (set), 5 (set), 12.
import { describe, expect, it } from 'vitest';
import { compileRouting } from './compile.ts';
import { baseSettings, config, router } from './fixtures.ts';
import { simulate } from './simulate.ts';
import type { RankEntry, RoutingStep } from './verdict.ts';

const routing = compileRouting(config({
  routers: [
    router('a@kubernetescrd', 'Host(`a.com`) && PathPrefix(`/x`)'),
    router('b@kubernetescrd', 'PathPrefix(`/`)', { priority: 5 }),
    router('c@kubernetescrd', 'PathPrefix(`/`)', { priority: 5 }),
    router('d@kubernetescrd', 'Host(`b.com`)'),
    router('e@kubernetescrd', 'Host(`a.com`'),
  ],
}), baseSettings());

const stepOf = (url: string, mode?: 'linear') => simulate(routing, { method: 'GET', url, headers: {}, clientIP: '203.0.113.7' }, mode ? { mode } : {}).routing[0]!;
const prefix = (path: string) => ({ text: 'PathPrefix(`/`)', range: { start: 0, end: 15 }, explanation: `PathPrefix: \`${path}\` starts with \`/\`.` });
const otherHost = (host: string) => `the rule requires the host \`${host}\`; the request's host is another one`;

/** The ranking without the skipped router, whose reason is the rule parser's message. */
function split(step: RoutingStep): { step: RoutingStep; skipped: RankEntry } {
  const skipped = step.ranking.find((e) => e.result === 'skipped')!;
  return { step: { ...step, ranking: step.ranking.filter((e) => e !== skipped) }, skipped };
}

describe('routeMuxer', () => {
  it('the winner first, lower routers that match are shadowed by it; the host index skips other hosts', () => {
    const { step, skipped } = split(stepOf('http://a.com/x'));
    expect(step).toStrictEqual({
      muxer: 'http', entryPoint: 'web', winner: 'a@kubernetescrd', nondeterministic: [], evaluated: 3, notes: [],
      ranking: [
        {
          router: 'a@kubernetescrd', priority: 33, rank: 0, result: 'matched', because: 'PathPrefix: `/x` starts with `/x`', winner: true, via: 'evaluated',
          decidedBy: { text: 'PathPrefix(`/x`)', range: { start: 17, end: 33 }, explanation: 'PathPrefix: `/x` starts with `/x`.' },
        },
        { router: 'd@kubernetescrd', priority: 13, rank: 1, result: 'not-matched', because: otherHost('b.com'), winner: false, via: 'index' },
        {
          router: 'b@kubernetescrd', priority: 5, rank: 2, result: 'matched', because: 'PathPrefix: `/x` starts with `/`; but a@kubernetescrd comes first (priority 33)', winner: false, via: 'evaluated',
          decidedBy: prefix('/x'), shadowedBy: 'a@kubernetescrd', tiedWith: ['c@kubernetescrd'],
        },
        {
          router: 'c@kubernetescrd', priority: 5, rank: 3, result: 'matched', because: 'PathPrefix: `/x` starts with `/`; but a@kubernetescrd comes first (priority 33)', winner: false, via: 'evaluated',
          decidedBy: prefix('/x'), shadowedBy: 'a@kubernetescrd', tiedWith: ['b@kubernetescrd'],
        },
      ],
    });
    expect(skipped).toMatchObject({ router: 'e@kubernetescrd', priority: 12, rank: -1, result: 'skipped', winner: false, via: 'disabled' });
    expect(skipped.because).toMatch(/^not served by Traefik: rule error: /);
  });

  it('linear mode evaluates every served router', () => {
    const step = stepOf('http://a.com/x', 'linear');
    expect(step.evaluated).toBe(4);
    expect(step.ranking[1]).toMatchObject({ router: 'd@kubernetescrd', result: 'not-matched', via: 'evaluated' });
  });

  it('two matching routers with the winner\'s sort key: either may answer (noted)', () => {
    const { step } = split(stepOf('http://z.com/y'));
    expect(step).toStrictEqual({
      muxer: 'http', entryPoint: 'web', winner: 'b@kubernetescrd', nondeterministic: ['b@kubernetescrd', 'c@kubernetescrd'], evaluated: 2,
      notes: ["b@kubernetescrd, c@kubernetescrd match with the same priority: Traefik's order between them is random (non-stable sort of a map), so any of them may answer"],
      ranking: [
        { router: 'a@kubernetescrd', priority: 33, rank: 0, result: 'not-matched', because: otherHost('a.com'), winner: false, via: 'index' },
        { router: 'd@kubernetescrd', priority: 13, rank: 1, result: 'not-matched', because: otherHost('b.com'), winner: false, via: 'index' },
        { router: 'b@kubernetescrd', priority: 5, rank: 2, result: 'matched', because: 'PathPrefix: `/y` starts with `/`', winner: true, via: 'evaluated', decidedBy: prefix('/y'), tiedWith: ['c@kubernetescrd'] },
        {
          router: 'c@kubernetescrd', priority: 5, rank: 3, result: 'matched', because: 'PathPrefix: `/y` starts with `/`; but b@kubernetescrd comes first (priority 5)', winner: false, via: 'evaluated',
          decidedBy: prefix('/y'), shadowedBy: 'b@kubernetescrd', tiedWith: ['b@kubernetescrd'],
        },
      ],
    });
  });

  it('no router matches: no winner, nothing nondeterministic', () => {
    const r = compileRouting(config({ routers: [router('a@kubernetescrd', 'Path(`/only`)')] }), baseSettings());
    const step = simulate(r, { method: 'GET', url: 'http://a.com/x', headers: {}, clientIP: '203.0.113.7' }).routing[0]!;
    expect([step.winner, step.nondeterministic, step.notes, step.evaluated, step.ranking[0]!.result, step.ranking[0]!.winner]).toStrictEqual([null, [], [], 1, 'not-matched', false]);
  });
});
