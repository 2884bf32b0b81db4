import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent, type RefObject } from 'react';
import { useStudio } from '../../store/index.ts';
import { selectResources } from '../../store/selectors.ts';
import { nameProblem, NEW_MIDDLEWARES, type GraphNode } from '../../core/graph/index.ts';
import type { GraphEdits } from './useGraphEdits.ts';

export type DialogState = { type: 'add'; node: GraphNode } | { type: 'rename'; node: GraphNode };

const KINDS = new Set(['Middleware', 'Service', 'TraefikService']);
const SERVICE = 'Kubernetes Service';

/**
 * The graph's small dialogs: "+" on a route (attach an existing Middleware/Service/TraefikService from a
 * searchable list, or create a new one: type, name → a new document appended and attached) and rename
 * (double-click or F2). Escape closes; focus starts in the first field.
 */
export function GraphDialog({ state, edits, onClose }: { state: DialogState; edits: GraphEdits; onClose(): void }) {
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    }
  };
  const title = state.type === 'add' ? `Add to ${state.node.label}` : `Rename ${state.node.label}`;
  return (
    <div className="graph-dialog nodrag nopan nowheel" role="dialog" aria-label={title} onKeyDown={onKeyDown}>
      <div className="graph-dialog-head">
        <strong>{title}</strong>
        <button type="button" className="link" aria-label="Close" onClick={onClose}>✕</button>
      </div>
      {state.type === 'add' ? <AddForm node={state.node} edits={edits} onClose={onClose} first={first} /> : <RenameForm node={state.node} edits={edits} onClose={onClose} first={first} />}
    </div>
  );
}

interface FormProps {
  node: GraphNode;
  edits: GraphEdits;
  onClose(): void;
  first: RefObject<HTMLInputElement | null>;
}

function AddForm({ node, edits, onClose, first }: FormProps) {
  const resources = useStudio(selectResources);
  const [query, setQuery] = useState('');
  const [type, setType] = useState('stripPrefix');
  const [name, setName] = useState('');
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    return resources.filter((r) => KINDS.has(r.kind) && (!q || `${r.kind} ${r.namespace}/${r.name}`.toLowerCase().includes(q))).slice(0, 50);
  }, [resources, query]);
  const problem = name ? nameProblem(name) : null;
  const create = (e: FormEvent) => {
    e.preventDefault();
    if (!name || problem) return;
    void edits.createAndAttach(node, type === SERVICE ? 'Service' : 'Middleware', name, type === SERVICE ? undefined : type);
    onClose();
  };
  return (
    <>
      <input ref={first} type="search" aria-label="Search middlewares and services" placeholder="Search middlewares and services" value={query} onChange={(e) => setQuery(e.target.value)} />
      <ul className="graph-dialog-list" aria-label="Middlewares and services">
        {matches.map((r) => (
          <li key={r.id}>
            <button
              type="button"
              onClick={() => {
                void edits.attachResource(node, r);
                onClose();
              }}
            >
              <span className="muted">{r.kind === 'TraefikService' ? 'TraefikService' : r.kind}</span> {r.namespace}/{r.name}
            </button>
          </li>
        ))}
        {matches.length === 0 && <li className="muted">Nothing matches.</li>}
      </ul>
      <form className="graph-dialog-new" onSubmit={create} aria-label="Create a new middleware or service">
        <select aria-label="Type of the new resource" value={type} onChange={(e) => setType(e.target.value)}>
          <optgroup label="Middleware">
            {Object.keys(NEW_MIDDLEWARES).map((t) => (
              <option key={t} value={t}>{t}</option>
            ))}
          </optgroup>
          <optgroup label="Service">
            <option value={SERVICE}>{SERVICE}</option>
          </optgroup>
        </select>
        <input aria-label="Name of the new resource" placeholder="name" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={!!problem} />
        <button type="submit" disabled={!name || !!problem}>Create and attach</button>
        {problem && <span className="graph-dialog-problem" role="alert">{problem}</span>}
      </form>
    </>
  );
}

function RenameForm({ node, edits, onClose, first }: FormProps) {
  const current = node.kind === 'router' ? (node.groupLabel?.split('/')[1] ?? '') : (node.ref?.name ?? node.label);
  const [name, setName] = useState(current);
  const problem = nameProblem(name);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (problem || name === current) return onClose();
    void edits.rename(node, name);
    onClose();
  };
  return (
    <form onSubmit={submit} className="graph-dialog-rename">
      <input ref={first} aria-label="New name" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={!!problem} />
      <button type="submit" disabled={!!problem}>Rename</button>
      <p className="muted graph-dialog-note">
        {node.kind === 'router' ? 'Renames the IngressRoute (metadata.name).' : 'Renames the resource and the route references to it in this workspace.'}
      </p>
      {problem && <span className="graph-dialog-problem" role="alert">{problem}</span>}
    </form>
  );
}
