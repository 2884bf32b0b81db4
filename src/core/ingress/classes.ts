// Mirrors pkg/provider/kubernetes/ingress/client.go (GetIngressClasses, filterIngressClassByName, the
// label selector of the Ingress informer) and shouldProcessIngress in kubernetes.go.
import { obj, str } from '../model/index.ts';
import type { Resource } from '../types.ts';

export const ANNOTATION_INGRESS_CLASS = 'kubernetes.io/ingress.class';
export const TRAEFIK_DEFAULT_CLASS = 'traefik';
export const TRAEFIK_CONTROLLER = 'traefik.io/ingress-controller';

/**
 * The IngressClasses Traefik watches: those of its controller, only the one named `ingressClass`
 * when the option is set, none when the lookup is disabled.
 *
 * @example
 * watchedClasses(classes, { ingressClass: 'traefik-lb' }).map((c) => c.metadata.name) // ['traefik-lb']
 */
export function watchedClasses(classes: readonly Resource[], options: { ingressClass?: string | undefined; disableIngressClassLookup?: boolean; controller?: string }): Resource[] {
  if (options.disableIngressClassLookup) return [];
  const controller = options.controller ?? TRAEFIK_CONTROLLER;
  const mine = classes.filter((c) => str(obj(c.raw['spec'])?.['controller']) === controller);
  return options.ingressClass ? mine.filter((c) => c.metadata.name === options.ingressClass) : mine;
}

/**
 * shouldProcessIngress: an `ingressClassName` must name a watched IngressClass; otherwise the
 * `kubernetes.io/ingress.class` annotation must equal the provider's ingressClass, or, with no
 * ingressClass option, be absent or `traefik`.
 *
 * @example
 * shouldProcessIngress(ingress, [], '') // true for an Ingress without class
 */
export function shouldProcessIngress(ingress: Resource, classes: readonly Resource[], ingressClass: string): boolean {
  const className = str(obj(ingress.raw['spec'])?.['ingressClassName']);
  if (className !== undefined) return classes.some((c) => c.metadata.name === className);
  const annotation = ingress.metadata.annotations[ANNOTATION_INGRESS_CLASS] ?? '';
  return ingressClass === annotation || (ingressClass === '' && annotation === TRAEFIK_DEFAULT_CLASS);
}

type Requirement = (labels: Readonly<Record<string, string>>) => boolean;

/**
 * A Kubernetes label selector (`a=b`, `a==b`, `a!=b`, `a`, `!a`, `a in (x,y)`, `a notin (x,y)`, joined
 * by commas), or an error message when it does not parse (Traefik then fails to start the provider).
 *
 * @example
 * const sel = parseLabelSelector('app=web,tier!=db');
 * typeof sel === 'function' && sel({ app: 'web' }) // true
 */
export function parseLabelSelector(selector: string): ((labels: Readonly<Record<string, string>>) => boolean) | string {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of selector) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  const reqs: Requirement[] = [];
  for (const raw of parts.map((p) => p.trim())) {
    if (raw === '') {
      if (parts.length === 1) continue;
      return `invalid ingress label selector: "${selector}"`;
    }
    let m = /^([\w./-]+)\s*(==|=|!=)\s*([\w.-]*)$/.exec(raw);
    if (m) {
      const [, key, op, value] = m as unknown as [string, string, string, string];
      reqs.push(op === '!=' ? (l) => l[key] !== value : (l) => l[key] === value);
      continue;
    }
    m = /^([\w./-]+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(raw);
    if (m) {
      const [, key, op, values] = m as unknown as [string, string, string, string];
      const set = new Set(values.split(',').map((v) => v.trim()));
      reqs.push(op === 'in' ? (l) => l[key] !== undefined && set.has(l[key]) : (l) => l[key] === undefined || !set.has(l[key]));
      continue;
    }
    m = /^(!?)([\w./-]+)$/.exec(raw);
    if (m) {
      const [, not, key] = m as unknown as [string, string, string];
      reqs.push(not ? (l) => l[key] === undefined : (l) => l[key] !== undefined);
      continue;
    }
    return `invalid ingress label selector: "${selector}"`;
  }
  return (labels) => reqs.every((r) => r(labels));
}
