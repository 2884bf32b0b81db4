import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { GraphNode } from '../../core/graph/index.ts';

export type NodeState = 'normal' | 'lit' | 'dim' | 'winner' | 'loser' | 'stopped';

export type StudioNodeData = { node: GraphNode; state: NodeState; stop?: number; collapsible?: boolean; onCollapse?: (group: string) => void };
export type StudioFlowNode = Node<StudioNodeData, 'studio'>;

const KIND_LABEL: Record<GraphNode['kind'], string> = {
  entryPoint: 'entryPoint',
  router: 'route',
  middleware: 'middleware',
  service: 'service',
  backend: 'backend',
  missing: 'missing',
};

/** One graph node: what a reviewer needs without opening the YAML. Labels are rendered as text only. */
export const StudioNode = memo(function StudioNode({ data }: NodeProps<StudioFlowNode>) {
  const { node, state, stop } = data;
  const b = node.badges;
  return (
    <div
      className={`gnode gnode-${node.kind} gstate-${state}${b.disabled ? ' gnode-disabled' : ''}`}
      title={node.fullText}
      role="button"
      aria-label={`${KIND_LABEL[node.kind]} ${node.label}`}
      data-testid={`graph-node-${node.kind}`}
    >
      {node.column > 0 && <Handle type="target" position={Position.Left} isConnectable={false} />}
      <div className="gnode-head">
        <span className="gnode-kind">{KIND_LABEL[node.kind]}</span>
        <span className="gnode-label">{node.label}</span>
        {b.errors > 0 && <span className="badge badge-error" title={`${b.errors} errors`}>{b.errors}</span>}
        {b.warnings > 0 && <span className="badge badge-warning" title={`${b.warnings} warnings`}>{b.warnings}</span>}
        {b.usage !== undefined && b.usage > 1 && <span className="badge badge-info" title={`used by ${b.usage} routes`}>×{b.usage}</span>}
      </div>
      <div className="gnode-detail mono">{node.detail}</div>
      {node.kind === 'router' && (
        <div className="gnode-tags">
          <span title="effective priority">prio {b.priority}</span>
          {b.tls && <span className="tag-tls" title="TLS option">TLS {b.tls}</span>}
          {b.disabled && <span className="tag-off">not served</span>}
          {data.collapsible && node.group && (
            <button type="button" className="gnode-collapse nodrag" onClick={(e) => { e.stopPropagation(); data.onCollapse?.(node.group!); }} aria-label="Collapse this IngressRoute">
              collapse
            </button>
          )}
        </div>
      )}
      {stop !== undefined && <div className="gnode-stop" role="status">stopped here: {stop}</div>}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
});
