import { memo, useContext } from 'react';
import { Handle, Position, useStore, type Node, type NodeProps, type ReactFlowState } from '@xyflow/react';
import type { GraphNode, NodeBadges } from '../../core/graph/index.ts';
import { GraphActionsContext } from './graph-actions.ts';
import { RouteChips } from './RouteChips.tsx';

export type StudioNodeData = { node: GraphNode; stop?: number };
export type StudioFlowNode = Node<StudioNodeData, 'studio'>;

export const KIND_LABEL: Record<GraphNode['kind'], string> = {
  entryPoint: 'entryPoint',
  router: 'route',
  middleware: 'middleware',
  service: 'service',
  backend: 'backend',
  missing: 'missing',
};

/** Zoomed far out on a large graph, text is unreadable anyway: nodes drop everything but their name,
 * which makes thousands of them cheaper to render. */
const zoomedOut = (s: ReactFlowState) => s.transform[2] < 0.4 && s.nodes.length > 400;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function Badges({ b, stop }: { b: NodeBadges; stop: number | undefined }) {
  return (
    <span className="gnode-badges">
      {stop !== undefined && (
        <span className="badge badge-stop" role="status" aria-label={`the request stopped here with ${stop}`} title={`the request stopped here: ${stop}`}>
          {stop}
        </span>
      )}
      {b.errors > 0 && (
        <span className="badge badge-error" aria-label={plural(b.errors, 'error')} title={plural(b.errors, 'error')}>
          ✕ {b.errors}
        </span>
      )}
      {b.warnings > 0 && (
        <span className="badge badge-warning" aria-label={plural(b.warnings, 'warning')} title={plural(b.warnings, 'warning')}>
          ⚠ {b.warnings}
        </span>
      )}
      {b.usage !== undefined && b.usage !== 1 && (
        <span className={`badge ${b.usage === 0 ? 'badge-unused' : 'badge-usage'}`} title={b.usage === 0 ? 'no route uses it' : `used by ${b.usage} routes`}>
          ×{b.usage}
        </span>
      )}
    </span>
  );
}

/** Short marks of the providers other than kubernetescrd. */
const PROVIDER_TAG: Record<string, string> = { kubernetes: 'Ingress', kubernetesingressnginx: 'Ingress NGINX' };

/**
 * One graph node: what a reviewer needs without opening the YAML. Everything from the configuration
 * is rendered as React text (escaped), never as HTML. The state (lit, dimmed, winner…) is a class on
 * React Flow's wrapper, so hovering does not re-render this component. A route shows its rule,
 * priority, entryPoints, TLS and problems, and its middleware chain as chips; a composite service its
 * children. The handles are where a drag starts or ends to attach a middleware (left of a route) or a
 * service (right of a route).
 */
export const StudioNode = memo(function StudioNode({ data }: NodeProps<StudioFlowNode>) {
  const compact = useStore(zoomedOut);
  const actions = useContext(GraphActionsContext);
  const { node, stop } = data;
  const b = node.badges;
  const route = node.kind === 'router';
  const classes = ['gnode', `gnode-${node.kind}`, b.disabled ? 'gnode-disabled' : '', node.external ? 'gnode-external' : '', compact ? 'gnode-compact' : ''];
  const editable = route && b.routes === undefined && !!node.origin;
  return (
    <div className={classes.filter(Boolean).join(' ')} title={`${node.label}\n${node.fullText}`} data-testid={`graph-node-${node.kind}`}>
      <Handle type="target" position={Position.Left} isConnectable={editable || (node.kind === 'service' && !!node.ref)} />
      <div className="gnode-head">
        <span className="gnode-label">{node.label}</span>
        {!compact && <Badges b={b} stop={stop} />}
        {editable && actions && (
          <button type="button" className="gnode-add nodrag nopan" aria-label={`Add a middleware or service to ${node.label}`} title="Attach an existing middleware or service, or create one" onClick={(e) => {
            e.stopPropagation();
            actions.add(node.id);
          }}>
            +
          </button>
        )}
      </div>
      {!compact && node.detail && <div className="gnode-detail">{node.detail}</div>}
      {!compact && route && (
        <div className="gnode-tags">
          {b.routes !== undefined ? <span>{b.routes} routes</span> : <span title="effective priority: what Traefik sorts routers by">prio {b.priority}</span>}
          {b.tls && (
            <span className="tag-tls" title={`TLS, option ${b.tls}`}>
              TLS{b.tls === 'default' ? '' : ` ${b.tls.replace(/@kubernetescrd$/, '').replace(/^[^-]+-/, '')}`}
            </span>
          )}
          {node.entryPoints?.length ? <span className="tag-ep" title="entryPoints">{node.entryPoints.join(', ')}</span> : null}
          {b.disabled && <span className="tag-off">not served</span>}
          {node.provider && (
            <span className="tag-provider" title={`from Traefik's ${node.provider} provider (routers of every provider compete on the same entryPoints)`}>
              {PROVIDER_TAG[node.provider] ?? node.provider}
            </span>
          )}
        </div>
      )}
      {!compact && route && node.chain && node.chain.length > 0 && <RouteChips routeId={node.id} routeLabel={node.label} chain={node.chain} />}
      {!compact && node.rows && (
        <ul className="gnode-rows" aria-label={`children of ${node.label}`}>
          {node.rows.map((r, i) => (
            <li key={i} className={r.missing ? 'gnode-row-missing' : undefined}>
              <span className="gnode-row-label">{r.label}</span>
              <span className="gnode-row-share">{r.share}</span>
            </li>
          ))}
        </ul>
      )}
      {node.kind !== 'backend' && <Handle type="source" position={Position.Right} isConnectable={editable || (node.kind === 'middleware' && !!node.ref)} />}
    </div>
  );
});
