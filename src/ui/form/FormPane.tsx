import { useCallback, useEffect, useMemo, useState } from 'react';
import { useStudio } from '../../store/index.ts';
import { routersOfResource, selectResources } from '../../store/selectors.ts';
import { analysisClient } from '../useAnalysis.ts';
import { schemaFor } from '../../core/schema/index.ts';
import type { ResourceKind } from '../../core/types.ts';
import type { ResourceDetail } from '../../worker/protocol.ts';
import { applyTextEdits } from '../editor/bridge.ts';
import { FormContext, type FormContextValue, type FormIntent, type RouteFacts } from './context.ts';
import { ObjectField } from './SchemaField.tsx';
import { MiddlewareTypePicker } from './MiddlewareTypePicker.tsx';
import { IngressRouteForm } from './IngressRouteForm.tsx';
import { MetadataSection } from './MetadataSection.tsx';
import { warmPlanners, withPlanners } from '../planners.ts';
import { CIPHER_SUITES, CURVES } from './tls-choices.ts';
import type { JsonSchema } from './schema-walk.ts';
import './form.css';

/** A renamed resource has a new id: keep it selected (ids are kind/namespace/name). */
function keepRenamedSelected(detail: ResourceDetail, intents: readonly FormIntent[]): void {
  const renamed = intents.find((i) => i.type === 'set' && i.path.length === 2 && i.path[0] === 'metadata' && (i.path[1] === 'name' || i.path[1] === 'namespace'));
  if (renamed && renamed.type === 'set' && typeof renamed.value === 'string') {
    const meta = (detail.raw['metadata'] ?? {}) as { name?: unknown; namespace?: unknown };
    const name = renamed.path[1] === 'name' ? renamed.value : String(meta.name ?? '');
    const ns = renamed.path[1] === 'namespace' ? renamed.value : String(meta.namespace ?? 'default');
    useStudio.getState().select({ resourceId: `${detail.kind}/${ns}/${name}`, from: 'form' });
  }
}

/**
 * The form's identity: the document it edits (file, document, path) and the kind, not the resource's id, so a
 * rename keeps the form and its focus (a new id remounted every field: ~30 ms of layout per keystroke while
 * typing a name at 1,000 IngressRoutes, and the focus lost when the name was committed from the form).
 */
const formKey = (d: ResourceDetail): string => `${d.kind}@${d.file}#${d.docIndex}/${d.path.join('/')}`;

/** The form of the selected resource. Fills the box it is given and scrolls itself; edits the YAML by minimal edits. */
export function FormPane() {
  const selectedId = useStudio((s) => s.selection?.resourceId);
  const routerName = useStudio((s) => s.selection?.routerName);
  // The analysis's summary, not the analysis: its graph comes in a message of its own and changes nothing here.
  const summary = useStudio((s) => s.analysis?.summary);
  const settings = useStudio((s) => s.settings);
  const resources = useStudio(selectResources);
  const [detail, setDetail] = useState<ResourceDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Asked again per analysis version: the shadow check's message gives the same version a new summary, not a new
  // resource.
  const version = useStudio((s) => s.analysis?.version);
  useEffect(() => {
    if (version === undefined || !selectedId) return;
    let live = true;
    void analysisClient()
      .resource(version, selectedId)
      .then((a) => live && setDetail(a.detail));
    return () => {
      live = false;
    };
  }, [version, selectedId]);

  // While the file has a YAML syntax error the form keeps the last good state, read-only.
  const brokenMessage = useMemo(() => {
    if (!detail || !summary) return null;
    const d = summary.diagnostics.find((x) => x.file === detail.file && x.family === 'yaml' && x.severity === 'error');
    return d ? d.message : null;
  }, [detail, summary]);

  const editMany = useCallback(
    (intents: FormIntent[]) => {
      if (!detail) return;
      withPlanners(({ batchEdits }) => {
        const original = useStudio.getState().files.find((f) => f.name === detail.file)?.text;
        if (original === undefined) return;
        const result = batchEdits(original, detail.docIndex, detail.path, intents);
        if ('error' in result) return setError(result.error);
        setError(null);
        applyTextEdits(detail.file, result.edits);
        keepRenamedSelected(detail, intents);
      }, setError);
    },
    [detail],
  );

  const context = useMemo((): FormContextValue | null => {
    // A detail of another id stays on screen until the selected one arrives: typing a resource's name in the
    // editor renames it, and its form (same document) must not go blank and come back at every keystroke.
    if (!detail || !summary || !selectedId) return null;
    const ns = String((detail.raw['metadata'] as { namespace?: string } | undefined)?.namespace ?? 'default');
    const priorities: Record<number, string> = {};
    const routes: Record<number, RouteFacts> = {};
    for (const r of routersOfResource(summary.config, detail.resourceId)) {
      if (r.origin.routeIndex !== undefined) {
        priorities[r.origin.routeIndex] = `Effective priority ${r.effectivePriority}${r.priority === 0 ? ' (length of the rule)' : ''}`;
        routes[r.origin.routeIndex] = { syntax: r.ruleSyntax, priority: r.priority };
      }
    }
    const names = (kinds: string[]) => resources.filter((r) => kinds.includes(r.kind)).map((r) => r.name);
    return {
      detail,
      root: schemaFor(detail.kind as ResourceKind, settings.target) as JsonSchema,
      readOnly: brokenMessage !== null,
      edit: (intent) => editMany([intent]),
      editMany,
      suggestions: {
        'entryPoints.entryPoint': settings.entryPoints.map((e) => e.name),
        'middlewares.name': names(['Middleware']),
        'services.name': names(['Service', 'TraefikService']),
        'cipherSuites.cipherSuite': CIPHER_SUITES,
        'curvePreferences.curvePreference': CURVES,
      },
      priorities,
      resources,
      settings,
      namespace: ns,
      routes,
      createResource: (kind, options) => withPlanners(({ createResource }) => setError(createResource(kind, options)), setError),
    };
  }, [detail, summary, selectedId, resources, settings, brokenMessage, editMany]);

  const routeIndex = routerName ? summary?.config.routers[routerName]?.origin.routeIndex : undefined;
  const name = String((detail?.raw['metadata'] as { name?: string } | undefined)?.name ?? '');
  return (
    // The edit planners load when the user comes to the form (pointer or focus), before the first change.
    <section className="form-pane" aria-label="Form" onPointerEnter={warmPlanners} onFocusCapture={warmPlanners}>
      <div className="toolbar form-toolbar">
        {context && <span className="form-title">{detail?.kind} <strong>{name}</strong></span>}
      </div>
      <div className="form-scroll">
        {!selectedId && <p className="empty">Select a resource in the outline, the graph or the editor to edit it here.</p>}
        {selectedId && !context && <p className="empty">Loading {selectedId}…</p>}
        {brokenMessage && (
          <p role="alert" className="notice notice-warning">
            The YAML has a syntax error ({brokenMessage}); the form shows the last good state, read-only.
          </p>
        )}
        {error && <p role="alert" className="notice notice-warning">{error}</p>}
        {context && detail && (
          <FormContext.Provider value={context}>
            <form key={formKey(detail)} className="schema-form" aria-label={`${detail.kind} form`} onSubmit={(e) => e.preventDefault()}>
              {detail.kind === 'IngressRoute' ? (
                <IngressRouteForm routeIndex={routeIndex} />
              ) : (
                <>
                  <MetadataSection />
                  {detail.kind === 'Middleware' ? (
                    <MiddlewareTypePicker />
                  ) : context.root.properties?.['spec'] ? (
                    <ObjectField name="spec" path={['spec']} schema={context.root.properties['spec']} depth={1} bare />
                  ) : null}
                </>
              )}
            </form>
          </FormContext.Provider>
        )}
      </div>
    </section>
  );
}
