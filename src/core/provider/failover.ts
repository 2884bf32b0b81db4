// Mirrors kubernetes_http.go buildFailover (`errors`), pkg/types/http_code_range.go (NewHTTPCodeRanges,
// Contains) and what pkg/server/service/service.go getFailoverServiceHandler and
// pkg/server/service/loadbalancer/failover/failover.go New refuse when the router manager builds the service.
import { arr, num, obj } from '../model/index.ts';
import type { DynamicConfig, DynamicService, Resource } from '../types.ts';
import type { BuildContext } from './context.ts';
import { unqualify } from './names.ts';

type Failover = Extract<DynamicService, { type: 'failover' }>;

/** Inclusive [low, high] status ranges. */
export type CodeRanges = [number, number][];

const INT64_MAX = 9223372036854775807n;

/**
 * strconv.Atoi on a 64-bit platform: an optional sign and ASCII digits within int64; else Go's error text.
 * The parts come from splitting on `-`, so none holds a minus sign: only `+` and the upper bound remain.
 */
function atoi(s: string): number | string {
  if (!/^\+?[0-9]+$/.test(s)) return `strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`;
  const n = BigInt(s);
  if (n > INT64_MAX) return `strconv.Atoi: parsing ${JSON.stringify(s)}: value out of range`;
  return Number(n);
}

/**
 * NewHTTPCodeRanges: each block is `code` or `low-high` (split on `-`: a part after the second `-` is
 * ignored, so `500-504-599` is 500–504); the first block that does not parse is the error.
 *
 * @example
 * parseHTTPCodeRanges(['500-504', '404']) // { ranges: [[500, 504], [404, 404]] }
 * parseHTTPCodeRanges(['500,502'])        // { index: 0, error: 'strconv.Atoi: parsing "500,502": invalid syntax' }
 */
export function parseHTTPCodeRanges(blocks: readonly string[]): { ranges: CodeRanges } | { index: number; error: string } {
  const ranges: CodeRanges = [];
  for (const [index, block] of blocks.entries()) {
    const codes = block.split('-');
    const low = atoi(codes[0]!);
    if (typeof low === 'string') return { index, error: low };
    const high = codes.length === 1 ? low : atoi(codes[1]!);
    if (typeof high === 'string') return { index, error: high };
    ranges.push([low, high]);
  }
  return { ranges };
}

/** HTTPCodeRanges.Contains: the status is within one of the ranges (a range whose low is above its high holds none). */
export function rangesContain(ranges: CodeRanges, status: number): boolean {
  return ranges.some(([low, high]) => status >= low && status <= high);
}

/** The services BuildHTTP builds below a service, in order. */
function childrenOf(svc: DynamicService): string[] {
  switch (svc.type) {
    case 'failover':
      return [svc.service, svc.fallback];
    case 'mirroring':
      return [svc.service, ...svc.mirrors.map((m) => m.name)];
    case 'weighted':
    case 'highestRandomWeight':
      return svc.services.map((c) => c.name);
    default:
      return [];
  }
}

/**
 * Why the router manager cannot build the service `name`: a failover it refuses anywhere below it
 * (BuildHTTP builds every child first), or undefined. Iterative: chains of thousands of services are fine.
 *
 * @example
 * serviceFailure(config, router.service) // 'error creating failover service default-f@kubernetescrd: …'
 */
export function serviceFailure(config: DynamicConfig, name: string): string | undefined {
  const seen = new Set<string>();
  const stack = [name];
  while (stack.length) {
    const current = stack.pop()!;
    const svc = config.services[current];
    if (!svc || seen.has(current)) continue;
    seen.add(current);
    if (svc.type === 'failover' && svc.failure) return svc.failure;
    stack.push(...childrenOf(svc).reverse());
  }
  return undefined;
}

/**
 * The failover TraefikService `name` with `errors` as buildFailover emits it (always set; status and
 * maxRequestBodyBytes as written, the -1 default applied only at runtime), and `failure` when the service
 * manager refuses it: a status block that does not parse (failover.New), or no status while the main
 * service has no health check to report failures (getFailoverServiceHandler: "cannot register … as updater").
 *
 * @example
 * buildFailover(ctx, config, r, 'default-f@kubernetescrd', spec.failover, main, fallback).errors // { status: ['500-504'] }
 */
export function buildFailover(ctx: BuildContext, config: DynamicConfig, r: Resource, name: string, body: Record<string, unknown>, main: string, fallback: string): Failover {
  const written = obj(body['errors']);
  const errors: NonNullable<Failover['errors']> = {};
  const status = arr(written?.['status']).map((x) => (typeof x === 'string' ? x : String(x)));
  if (status.length) errors.status = status;
  const max = num(written?.['maxRequestBodyBytes']);
  if (max !== undefined) errors.maxRequestBodyBytes = max;
  const svc: Failover = { type: 'failover', name, service: main, fallback, errors, origin: { resourceId: r.id, file: r.source.file, range: ctx.range(r, ['spec']) } };
  const label = `${r.metadata.namespace}/${r.metadata.name}`;
  const parsed = parseHTTPCodeRanges(status);
  if ('error' in parsed) {
    // Traefik stops at the first block; every one that does not parse is shown.
    status.forEach((block, i) => {
      const one = parseHTTPCodeRanges([block]);
      if ('error' in one) ctx.report('PROVIDER_FAILOVER_STATUS', `Status "${block}" of failover ${label} is not a code or a range Traefik can read (${one.error}): Traefik fails the service ("error creating failover service ${name}: creating HTTP code ranges: …") and every router that uses it. Write one code such as "503" or one range such as "500-504" per entry.`, r, ['spec', 'failover', 'errors', 'status', i]);
    });
    svc.failure = `error creating failover service ${name}: creating HTTP code ranges: ${parsed.error}`;
  } else if (status.length === 0 && !healthChecked(config, main)) {
    ctx.report('PROVIDER_FAILOVER_NO_TRIGGER', `Failover ${label} sets no errors.status and its main service ${unqualify(main)} has no health check, so nothing can send requests to the fallback: Traefik fails the service ("cannot register ${main} as updater for ${name}") and every router that uses it. Add errors.status (for example "500-599"), or make the main service an ExternalName Service with a healthCheck.`, r, written ? ['spec', 'failover', 'errors'] : ['spec', 'failover'], { key: true });
    svc.failure = `cannot register ${main} as updater for ${name}: healthCheck not enabled`;
  }
  return svc;
}

/**
 * Whether the main service reports its health to the failover: a Kubernetes Service's load balancer only
 * with a healthCheck (ExternalName); a TraefikService never (the CRD provider sets no healthCheck on
 * weighted, mirroring, failover or HRW services); another provider's service is not known: assumed to.
 */
function healthChecked(config: DynamicConfig, main: string): boolean {
  const lb = config.services[main];
  if (lb?.type === 'loadBalancer') return lb.healthCheck !== undefined;
  return !main.endsWith('@kubernetescrd');
}
