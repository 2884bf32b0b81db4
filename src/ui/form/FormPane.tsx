import { useCallback, useEffect, useMemo, useState } from 'react';
import { useStudio } from '../../store/index.ts';
import { selectResources } from '../../store/selectors.ts';
import { analysisClient } from '../useAnalysis.ts';
import { schemaFor } from '../../core/schema/index.ts';
import { planEdit } from '../../core/yaml/index.ts';
import type { ResourceKind } from '../../core/types.ts';
import type { ResourceDetail } from '../../worker/protocol.ts';
import { applyTextEdits } from '../editor/bridge.ts';
import { FormContext, type FormContextValue, type FormIntent } from './context.ts';
import { ObjectField, SchemaField } from './SchemaField.tsx';
import { NewResourceMenu } from './NewResourceMenu.tsx';
import { MiddlewareTypePicker } from './MiddlewareTypePicker.tsx';
import type { JsonSchema } from './schema-walk.ts';

/** The form for the selected resource: every field of its kind, editing the YAML by minimal edits. */
export function FormPane() {
  const selectedId = useStudio((s) => s.selection?.resourceId);
  const analysis = useStudio((s) => s.analysis);
  const target = useStudio((s) => s.settings.target);
  const entryPoints = useStudio((s) => s.settings.entryPoints);
  const resources = useStudio(selectResources);
  const [detail, setDetail] = useState<ResourceDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!analysis || !selectedId) return;
    let live = true;
    void analysisClient()
      .resource(analysis.version, selectedId)
      .then((a) => live && setDetail(a.detail));
    return () => {
      live = false;
    };
  }, [analysis, selectedId]);

  // While the file has a YAML syntax error the form keeps the last good state, read-only.
  const brokenMessage = useMemo(() => {
    if (!detail || !analysis) return null;
    const d = analysis.summary.diagnostics.find((x) => x.file === detail.file && x.family === 'yaml' && x.severity === 'error');
    return d ? d.message : null;
  }, [detail, analysis]);

  const edit = useCallback(
    (intent: FormIntent) => {
      if (!detail) return;
      const text = useStudio.getState().files.find((f) => f.name === detail.file)?.text;
      if (text === undefined) return;
      const result = planEdit(text, { ...intent, docIndex: detail.docIndex, path: [...detail.path, ...intent.path] } as Parameters<typeof planEdit>[1]);
      if ('error' in result) setError(result.error);
      else {
        setError(null);
        // A commit of the value already there (Enter, then blur before the form refreshed) must not
        // leave a no-op step in the editor's undo history.
        const edits = result.edits.filter((e) => text.slice(e.range.start, e.range.end) !== e.text);
        if (edits.length) applyTextEdits(detail.file, edits);
      }
    },
    [detail],
  );

  const context = useMemo((): FormContextValue | null => {
    if (!detail || !analysis) return null;
    const ns = String((detail.raw['metadata'] as { namespace?: string } | undefined)?.namespace ?? 'default');
    const names = (kinds: string[]) => resources.filter((r) => kinds.includes(r.kind)).map((r) => (r.namespace === ns ? r.name : r.name));
    const priorities: Record<number, string> = {};
    for (const r of Object.values(analysis.summary.config.routers)) {
      if (r.origin.resourceId === detail.resourceId && r.origin.routeIndex !== undefined) {
        priorities[r.origin.routeIndex] = `Effective priority ${r.effectivePriority}${r.priority === 0 ? ' (length of the rule)' : ''}`;
      }
    }
    return {
      detail,
      root: schemaFor(detail.kind as ResourceKind, target) as JsonSchema,
      readOnly: brokenMessage !== null,
      edit,
      suggestions: {
        'entryPoints.entryPoint': entryPoints.map((e) => e.name),
        'middlewares.name': names(['Middleware']),
        'services.name': names(['Service', 'TraefikService']),
        'options.name': names(['TLSOption']),
      },
      priorities,
    };
  }, [detail, analysis, resources, target, entryPoints, brokenMessage, edit]);

  return (
    <section className="form-pane" aria-label="Form">
      <div className="toolbar">
        <NewResourceMenu />
        {detail && <span className="muted">{detail.kind} {String((detail.raw['metadata'] as { name?: string } | undefined)?.name ?? '')}</span>}
      </div>
      {!selectedId && <p className="empty">Select a resource in the outline, the graph or the editor to edit it here.</p>}
      {brokenMessage && (
        <p role="alert" className="notice notice-warning">
          The YAML has a syntax error ({brokenMessage}); the form shows the last good state, read-only.
        </p>
      )}
      {error && <p role="alert" className="notice notice-warning">{error}</p>}
      {context && (
        <FormContext.Provider value={context}>
          <form className="schema-form" aria-label={`${detail?.kind} form`} onSubmit={(e) => e.preventDefault()}>
            <ObjectField name="metadata" path={['metadata']} schema={context.root.properties?.['metadata'] ?? {}} depth={1} />
            {detail?.kind === 'Middleware' ? (
              <MiddlewareTypePicker />
            ) : context.root.properties?.['spec'] ? (
              <SchemaField name="spec" path={['spec']} schema={context.root.properties['spec']} depth={0} />
            ) : null}
          </form>
        </FormContext.Provider>
      )}
    </section>
  );
}
