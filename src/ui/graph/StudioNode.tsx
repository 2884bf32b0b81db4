import { memo } from 'react';
import { Handle, Position, useStore, type Node, type NodeProps, type ReactFlowState } from '@xyflow/react';
import type { GraphNode, NodeBadges } from '../../core/graph/index.ts';

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

/** Zoomed far out on a large graph, text is unreadable anyway: nodes drop their second and third lines
 * and their badges, which makes thousands of them cheaper to render. */
const zoomedOut = (s: ReactFlowState) => s.transform[2] < 0.4 && s.nodes.length > 400;

function Badges({ b, stop }: { b: NodeBadges; stop: number | undefined }) {
  return (
    <span className="gnode-badges">
      {stop !== undefined && (
        <span className="badge badge-stop" role="status" aria-label={`the request stopped here with ${stop}`} title={`the request stopped here: ${stop}`}>
          {stop}
        </span>
      )}
      {b.errors > 0 && (
        <span className="badge badge-error" aria-label={`${b.errors} error${b.errors === 1 ? '' : 's'}`} title={`${b.errors} error${b.errors === 1 ? '' : 's'}`}>
          ✕ {b.errors}
        </span>
      )}
      {b.warnings > 0 && (
        <span className="badge badge-warning" aria-label={`${b.warnings} warning${b.warnings === 1 ? '' : 's'}`} title={`${b.warnings} warning${b.warnings === 1 ? '' : 's'}`}>
          ⚠ {b.warnings}
        </span>
      )}
      {b.usage !== undefined && b.usage !== 1 && (
        <span className={`badge ${b.usage === 0 ? 'badge-unused' : 'badge-usage'}`} title={b.usage === 0 ? 'no route uses it' : `on the path of ${b.usage} routes`}>
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
 * React Flow's wrapper, so hovering does not re-render this component.
 */
export const StudioNode = memo(function StudioNode({ data }: NodeProps<StudioFlowNode>) {
  const compact = useStore(zoomedOut);
  const { node, stop } = data;
  const b = node.badges;
  const classes = ['gnode', `gnode-${node.kind}`, b.disabled ? 'gnode-disabled' : '', node.external ? 'gnode-external' : '', compact ? 'gnode-compact' : ''];
  return (
    <div className={classes.filter(Boolean).join(' ')} title={`${node.label}\n${node.fullText}`} data-testid={`graph-node-${node.kind}`}>
      {node.column > 0 && <Handle type="target" position={Position.Left} isConnectable={false} />}
      <div className="gnode-head">
        {node.kind !== 'router' && <span className="gnode-kind">{KIND_LABEL[node.kind]}</span>}
        <span className="gnode-label">{node.label}</span>
        {!compact && <Badges b={b} stop={stop} />}
      </div>
      {!compact && node.detail && <div className="gnode-detail">{node.detail}</div>}
      {!compact && node.kind === 'router' && (
        <div className="gnode-tags">
          {b.routes !== undefined ? <span>{b.routes} routes</span> : <span title="effective priority: what Traefik sorts routers by">prio {b.priority}</span>}
          {b.tls && (
            <span className="tag-tls" title={`TLS, option ${b.tls}`}>
              TLS{b.tls === 'default' ? '' : ` ${b.tls.replace(/@kubernetescrd$/, '')}`}
            </span>
          )}
          {b.disabled && <span className="tag-off">not served</span>}
          {node.provider && (
            <span className="tag-provider" title={`from Traefik's ${node.provider} provider (routers of every provider compete on the same entryPoints)`}>
              {PROVIDER_TAG[node.provider] ?? node.provider}
            </span>
          )}
        </div>
      )}
      {node.kind !== 'backend' && <Handle type="source" position={Position.Right} isConnectable={false} />}
    </div>
  );
});
