/**
 * The routers of each IngressRoute, kept from one analysis to the next. A keystroke changes one document of
 * thousands: an IngressRoute whose document was kept (same parsed value, yaml/parse-cache.ts), in a workspace whose
 * other resources and settings are the same, gets the routers, services, diagnostics and other effects its last
 * build had, moved with its document, instead of being built again (~150 ms per keystroke at 5,000).
 *
 * Sound because building an IngressRoute's routers reads only: the IngressRoute; the settings; the resources of
 * other kinds (Services, Middlewares, TraefikServices, …); the namespaces and names of the workspace (the reference
 * rule); the services already named (a weighted route's child is written only when absent, recorded as such); and,
 * through parentRefs, other IngressRoutes. The first three and the namespaces are the "world": any change to it
 * empties the cache. A workspace with parentRefs anywhere is not cached at all. What the build did is replayed
 * in the same order, so the configuration's key order and the diagnostics' order are the same as a fresh build's
 * (property-tested in core/incremental.test.ts).
 */
import { arr, obj } from '../model/index.ts';
import type { Diagnostic, DynamicConfig, Origin, Range, Resource, Settings, YNode } from '../types.ts';
import type { BuildContext, Effect } from './context.ts';

interface Entry {
  node: YNode;
  id: string;
  file: string;
  /** The effects and diagnostics with every range counted from the IngressRoute's start. */
  effects: Effect[];
  diagnostics: Diagnostic[];
}

export class RouteCache {
  /** By the IngressRoute's parsed value (the same object while its document is kept); null: not cacheable. */
  private entries = new WeakMap<object, Entry | null>();
  private world: { text: string; values: unknown[] } | null = null;
  /**
   * Whether this analysis replays and records. Not in a workspace with parentRefs, and not in the first analysis:
   * a one-off analysis (the CLI's) would pay for recording and never replay, and the editor's first analysis
   * reaches the page sooner without it.
   */
  active = false;
  /** IngressRoutes replayed and built in the last analysis (for tests and benchmarks). */
  stats = { replayed: 0, built: 0 };

  /** Starts an analysis of these resources: forgets every IngressRoute when anything else they read changed. */
  begin(resources: readonly Resource[], settings: Settings): void {
    this.stats = { replayed: 0, built: 0 };
    const others = resources.filter((r) => r.kind !== 'IngressRoute');
    const namespaces = [...new Set(resources.map((r) => r.metadata.namespace))].sort();
    const world = { text: JSON.stringify([settings, namespaces, others.map((r) => r.id)]), values: others.map((r) => r.raw) };
    const same = this.world !== null && this.world.text === world.text && this.world.values.every((v, i) => v === world.values[i]);
    if (!same) this.entries = new WeakMap();
    this.active = this.world !== null && !resources.some((r) => r.kind === 'IngressRoute' && arr(obj(r.raw['spec'])?.['parentRefs']).length > 0);
    this.world = world;
  }

  /** Does again what building `ir` did last time, if it can; false when `ir` must be built. */
  replay(ir: Resource, ctx: BuildContext, config: DynamicConfig): boolean {
    if (!this.active) return false;
    const entry = this.entries.get(ir.raw);
    if (!entry || entry.node !== ir.source.node || entry.id !== ir.id || entry.file !== ir.source.file) return false;
    const base = ir.source.node.range.start;
    for (const e of entry.effects) {
      switch (e.kind) {
        case 'router':
          config.routers[e.name] = { ...e.router, origin: placed(e.router.origin, base) };
          break;
        case 'service': {
          const service = e.service.origin ? { ...e.service, origin: placed(e.service.origin, base) } : { ...e.service };
          if (e.ifAbsent) config.services[e.name] ??= service;
          else config.services[e.name] = service;
          break;
        }
        case 'outside':
          ctx.outside.add(e.name);
          break;
        case 'secret':
          ctx.routeSecrets.push(e.key);
          break;
      }
    }
    for (const d of entry.diagnostics) ctx.diagnostics.push(moved(d, base));
    this.stats.replayed++;
    return true;
  }

  /** Keeps what building `ir` did (right after, before anything else changes its routers). */
  record(ir: Resource, effects: readonly Effect[], diagnostics: readonly Diagnostic[]): void {
    this.stats.built++;
    if (!this.active) return;
    const { start, end } = ir.source.node.range;
    const file = ir.source.file;
    // Ranges are kept counted from the IngressRoute's start; one outside it (in another document) could not move
    // with it, so such an IngressRoute is built every time.
    const inside = (r: Range, f: string | undefined = file) => f === file && r.start >= start && r.end <= end;
    const origins = effects.flatMap((e) => (e.kind === 'router' ? [e.router.origin] : e.kind === 'service' && e.service.origin ? [e.service.origin] : []));
    const ranges = diagnostics.every((d) => inside(d.range, d.file) && (d.related ?? []).every((r) => inside(r.range, r.file ?? d.file)) && (d.fixes ?? []).every((f) => f.edits.every((e) => inside(e.range, e.file ?? d.file))));
    if (!ranges || !origins.every((o) => inside(o.range, o.file))) {
      this.entries.set(ir.raw, null);
      return;
    }
    this.entries.set(ir.raw, {
      node: ir.source.node,
      id: ir.id,
      file,
      effects: effects.map((e): Effect => {
        if (e.kind === 'router') return { ...e, router: { ...e.router, origin: placed(e.router.origin, -start) } };
        if (e.kind === 'service') return { ...e, service: e.service.origin ? { ...e.service, origin: placed(e.service.origin, -start) } : { ...e.service } };
        return e;
      }),
      diagnostics: diagnostics.map((d) => moved(d, -start)),
    });
  }
}

function shifted(r: Range, by: number): Range {
  return { start: r.start + by, end: r.end + by };
}

function placed(origin: Origin, by: number): Origin {
  return { ...origin, range: shifted(origin.range, by) };
}

/** A copy of `d` with all its ranges moved by `by` (all of them lie in its IngressRoute: see record). */
function moved(d: Diagnostic, by: number): Diagnostic {
  const out: Diagnostic = { ...d, range: shifted(d.range, by) };
  if (d.related) out.related = d.related.map((r) => ({ ...r, range: shifted(r.range, by) }));
  if (d.fixes) out.fixes = d.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, range: shifted(e.range, by) })) }));
  return out;
}
