import { useStudio } from '../../store/index.ts';
import { ErrorBoundary } from '../ErrorBoundary.tsx';
import { FormPane } from '../form/FormPane.tsx';

/** The side sheet with the form of the selected resource: closable, reopened by the next selection. */
export function Inspector() {
  const setOpen = useStudio((s) => s.setInspectorOpen);
  return (
    <aside className="inspector" aria-label="Inspector">
      <div className="inspector-head">
        <h2 className="pane-title">Inspector</h2>
        <span className="spacer" />
        <button type="button" className="icon-button" aria-label="Close inspector" title="Close the inspector (selecting a resource reopens it)" onClick={() => setOpen(false)}>
          ×
        </button>
      </div>
      <div className="inspector-body">
        <ErrorBoundary name="Form">
          <FormPane />
        </ErrorBoundary>
      </div>
    </aside>
  );
}

/** What stays of a closed inspector: a narrow rail that opens it again. */
export function InspectorRail() {
  const setOpen = useStudio((s) => s.setInspectorOpen);
  return (
    <div className="inspector-rail">
      <button type="button" className="rail-button" title="Open the form of the selection" onClick={() => setOpen(true)}>
        Open inspector
      </button>
    </div>
  );
}
