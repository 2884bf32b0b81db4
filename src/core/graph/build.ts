/**
 * Dynamic configuration → graph: entryPoints → routers → middlewares (in chain order) → services →
 * child services → backends. A middleware or service shared by many routers is one node; a
 * reference that does not resolve becomes a dashed "missing" node rather than a missing edge.
 */
import { parseDomains } from '../rules/index.ts';
import type { Diagnostic, DynamicConfig, DynamicRouter, Resource } from '../types.ts';
import type { Graph, GraphEdge, GraphNode } from './types.ts';

const MAX_COLUMN = 5;

function short(text: string, max = 60): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

function plain(name: string): string {
  return name.endsWith('@kubernetescrd') ? name.slice(0, -'@kubernetescrd'.length) : name;
}

/** The key setting of a middleware, for its node: `stripPrefix /api`. */
export function middlewareDetail(type: string, config: Record<string, unknown>): string {
  const first = (v: unknown) => (Array.isArray(v) ? v.map(String).join(', ') : v === undefined ? '' : String(v));
  switch (type) {
    case 'stripPrefix':
      return `stripPrefix ${first(config['prefixes'])}`;
    case 'stripPrefixRegex':
      return `stripPrefixRegex ${first(config['regex'])}`;
    case 'addPrefix':
      return `addPrefix ${first(config['prefix'])}`;
    case 'replacePath':
      return `replacePath ${first(config['path'])}`;
    case 'replacePathRegex':
      return `replacePathRegex ${first(config['regex'])} → ${first(config['replacement'])}`;
    case 'redirectScheme':
      return `redirectScheme ${first(config['scheme'])}${config['permanent'] ? ' (permanent)' : ''}`;
    case 'redirectRegex':
      return `redirectRegex → ${first(config['replacement'])}`;
    case 'ipAllowList':
    case 'ipWhiteList':
      return `${type} ${first(config['sourceRange'])}`;
    case 'basicAuth':
      return `basicAuth secret ${first(config['secret'])}`;
    case 'chain':
      return `chain: ${first((config['middlewares'] as string[] | undefined)?.map(plain))}`;
    case 'rateLimit':
      return `rateLimit avg ${first(config['average'])} burst ${first(config['burst'])}`;
    case 'forwardAuth':
      return `forwardAuth ${first(config['address'])}`;
    case 'errors':
      return `errors ${first(config['status'])}`;
    default:
      return type;
  }
}

function counts(diagnostics: readonly Diagnostic[], file: string, start: number, end: number) {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.file !== file || d.range.start < start || d.range.start > end) continue;
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
  }
  return { errors, warnings };
}

/**
 * @example
 * const graph = buildGraph(analysis.config, analysis.resources, analysis.diagnostics);
 * graph.nodes.filter((n) => n.kind === 'router').length // number of routers
 */
export function buildGraph(config: DynamicConfig, resources: readonly Resource[], diagnostics: readonly Diagnostic[]): Graph {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const byId = new Map(resources.map((r) => [r.id, r]));
  const touch = (node: GraphNode, router: string) => {
    if (!node.routerNames.includes(router)) node.routerNames.push(router);
  };
  const edge = (source: string, target: string, router: string, label?: string) => {
    const id = `${source}->${target}`;
    const e = edges.get(id) ?? { id, source, target, routers: [], ...(label ? { label } : {}) };
    if (!e.routers.includes(router)) e.routers.push(router);
    edges.set(id, e);
  };
  const missing = (name: string, what: string, router: string, column: number): string => {
    const id = `missing:${name}`;
    const node = nodes.get(id) ?? { id, column, kind: 'missing' as const, label: plain(name), detail: `${what} not found`, fullText: `${what} ${name} is not defined`, badges: { errors: 1, warnings: 0 }, routerNames: [] };
    touch(node, router);
    nodes.set(id, node);
    return id;
  };

  const service = (name: string, router: string, depth: number, seen: Set<string>): string => {
    const svc = config.services[name];
    if (!svc) return missing(name, 'service', router, Math.min(3 + depth, MAX_COLUMN - 1));
    const id = `service:${name}`;
    let node = nodes.get(id);
    if (!node) {
      const detail =
        svc.type === 'loadBalancer'
          ? `${svc.kubernetesService ? `${svc.kubernetesService.namespace}/${svc.kubernetesService.name}:${svc.kubernetesService.port}` : ''} ${svc.scheme}`.trim()
          : svc.type === 'weighted'
            ? `weighted ${svc.services.map((c) => c.weight).join(':')}`
            : svc.type === 'mirroring'
              ? `mirroring ${svc.mirrors.map((m) => `${m.percent}%`).join(', ')}`
              : svc.type;
      const origin = svc.origin;
      const c = origin ? counts(diagnostics, origin.file, origin.range.start, origin.range.end) : { errors: 0, warnings: 0 };
      node = { id, column: Math.min(3 + Math.min(depth, 1), MAX_COLUMN - 1), kind: 'service', label: plain(name), detail, fullText: `${svc.type} service ${name}`, badges: c, routerNames: [], ...(origin ? { origin } : {}) };
      nodes.set(id, node);
    }
    touch(node, router);
    if (seen.has(name)) return id;
    seen.add(name);
    if (svc.type === 'loadBalancer') {
      for (const server of svc.servers) {
        const bid = `backend:${server.url}`;
        const b = nodes.get(bid) ?? { id: bid, column: MAX_COLUMN, kind: 'backend' as const, label: server.url, detail: server.source === 'assumed' ? 'assumed address' : server.source, fullText: server.url, badges: { errors: 0, warnings: 0 }, routerNames: [] };
        touch(b, router);
        nodes.set(bid, b);
        edge(id, bid, router);
      }
    } else {
      const children =
        svc.type === 'weighted' || svc.type === 'highestRandomWeight'
          ? svc.services.map((c) => ({ name: c.name, label: `w ${c.weight}` }))
          : svc.type === 'mirroring'
            ? [{ name: svc.service, label: 'main' }, ...svc.mirrors.map((m) => ({ name: m.name, label: `mirror ${m.percent}%` }))]
            : [{ name: svc.service, label: 'primary' }, { name: svc.fallback, label: 'fallback' }];
      for (const c of children) edge(id, service(c.name, router, depth + 1, seen), router, c.label);
    }
    return id;
  };

  const routerNode = (r: DynamicRouter): GraphNode => {
    const owner = byId.get(r.origin.resourceId);
    const c = counts(diagnostics, r.origin.file, r.origin.range.start, r.origin.range.end);
    const node: GraphNode = {
      id: `router:${r.name}`,
      column: 1,
      kind: 'router',
      label: owner ? `${owner.metadata.namespace}/${owner.metadata.name}#${r.origin.routeIndex ?? 0}` : plain(r.name),
      detail: short(r.rule),
      fullText: `${r.name}\n${r.rule}\npriority ${r.effectivePriority}${r.priority === 0 ? ' (rule length)' : ''}${r.disabled ? `\nnot served: ${r.disabled.reason}` : ''}`,
      badges: { ...c, priority: r.effectivePriority, ...(r.tls ? { tls: r.tls.resolvedOptions } : {}), ...(r.disabled ? { disabled: true } : {}) },
      group: r.origin.resourceId,
      hosts: parseDomains(r.rule),
      entryPoints: r.entryPoints,
      origin: r.origin,
      routerNames: [r.name],
    };
    if (owner) node.namespace = owner.metadata.namespace;
    return node;
  };

  for (const r of Object.values(config.routers)) {
    const rn = routerNode(r);
    nodes.set(rn.id, rn);
    for (const ep of r.entryPoints) {
      const id = `entryPoint:${ep}`;
      const node = nodes.get(id) ?? { id, column: 0, kind: 'entryPoint' as const, label: ep, detail: 'entryPoint', fullText: `entryPoint ${ep}`, badges: { errors: 0, warnings: 0 }, routerNames: [] };
      touch(node, r.name);
      nodes.set(id, node);
      edge(id, rn.id, r.name);
    }
    let previous = rn.id;
    for (const m of r.middlewares) {
      const mw = config.middlewares[m];
      let id: string;
      if (!mw && !m.endsWith('@kubernetescrd')) {
        id = `middleware:${m}`;
        const node = nodes.get(id) ?? { id, column: 2, kind: 'middleware' as const, label: m, detail: 'from another provider', fullText: `middleware ${m} (defined outside the workspace)`, badges: { errors: 0, warnings: 0 }, routerNames: [] };
        nodes.set(id, node);
      } else if (!mw) id = missing(m, 'middleware', r.name, 2);
      else {
        id = `middleware:${m}`;
        const c = counts(diagnostics, mw.origin.file, mw.origin.range.start, mw.origin.range.end);
        const node = nodes.get(id) ?? { id, column: 2, kind: 'middleware' as const, label: plain(m), detail: middlewareDetail(mw.type, mw.config), fullText: `${mw.type} middleware ${m}`, badges: c, origin: mw.origin, routerNames: [] };
        nodes.set(id, node);
      }
      touch(nodes.get(id)!, r.name);
      edge(previous, id, r.name);
      previous = id;
    }
    if (r.service) edge(previous, service(r.service, r.name, 0, new Set()), r.name);
  }
  for (const n of nodes.values()) if (n.kind === 'middleware' || n.kind === 'service') n.badges.usage = n.routerNames.length;
  const hubThreshold = 40;
  for (const e of edges.values()) {
    const src = nodes.get(e.source);
    if (src && src.routerNames.length > hubThreshold && (src.kind === 'entryPoint' || src.kind === 'middleware')) e.hub = true;
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}
