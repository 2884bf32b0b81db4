import { memo } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import type { GroupBox } from '../../core/graph/index.ts';

export type GroupFrameData = { box: GroupBox; onToggle(group: string): void };
export type GroupFrameNode = Node<GroupFrameData, 'irGroup'>;

/**
 * The frame around the routes of one IngressRoute, with its name and a button that collapses the
 * routes to one node (or expands them again). The frame itself lets clicks through to the canvas.
 */
export const GroupFrame = memo(function GroupFrame({ data }: NodeProps<GroupFrameNode>) {
  const { box, onToggle } = data;
  const action = box.collapsed ? 'Expand' : 'Collapse';
  return (
    <div className="gframe">
      <div className="gframe-head">
        <span className="gframe-label" title={box.id}>
          {box.label}
        </span>
        <button
          type="button"
          className="gframe-toggle nodrag nopan"
          aria-label={`${action} IngressRoute ${box.label}`}
          aria-expanded={!box.collapsed}
          title={box.collapsed ? 'Show each route' : 'Show the routes as one node'}
          onClick={(e) => {
            e.stopPropagation();
            onToggle(box.id);
          }}
        >
          {box.collapsed ? '▸ expand' : '▾ collapse'}
        </button>
      </div>
    </div>
  );
});
