import { createContext, useContext } from 'react';
import type { Path, RuleSyntax, Settings } from '../../core/types.ts';
import type { ResourceIntent } from '../../core/yaml/index.ts';
import type { ResourceSummary } from '../../core/analyze.ts';
import type { ResourceDetail } from '../../worker/protocol.ts';
import type { JsonSchema } from './schema-walk.ts';

/** A form edit: an intent on the selected resource. */
export type FormIntent = ResourceIntent;

/** Per route of the selected IngressRoute: what the analysis says about its router. */
export interface RouteFacts {
  syntax: RuleSyntax;
  /** Configured priority (0 = the rule's length). */
  priority: number;
}

export interface FormContextValue {
  detail: ResourceDetail;
  root: JsonSchema;
  readOnly: boolean;
  edit(intent: FormIntent): void;
  /** Several intents applied as one text edit (one undo step). */
  editMany(intents: FormIntent[]): void;
  /** Suggestions for reference fields, by field name (`middlewares.name`, `services.name`, `entryPoints`). */
  suggestions: Record<string, string[]>;
  /** Priority hint per route index. */
  priorities: Record<number, string>;
  /** Every resource of the workspace (pickers). */
  resources: readonly ResourceSummary[];
  settings: Settings;
  /** The namespace of the selected resource ('default' when unset). */
  namespace: string;
  routes: Record<number, RouteFacts>;
  /** Opens a new document of a kind (templates.ts) after the selected one; `attach` receives its name. */
  createResource(kind: string, options?: { middlewareType?: string; attach?: (name: string) => void }): void;
}

export const FormContext = createContext<FormContextValue | null>(null);

export function useForm(): FormContextValue {
  const ctx = useContext(FormContext);
  if (!ctx) throw new Error('useForm outside FormContext');
  return ctx;
}

export function valueAt(raw: unknown, path: Path): unknown {
  let v = raw;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

export function pathKey(path: Path): string {
  return path.map(String).join('.');
}

export function problemsAt(detail: ResourceDetail, path: Path) {
  const key = pathKey(path);
  return detail.diagnostics.filter((d) => pathKey(d.path) === key);
}

/** Fields the API server writes: never shown in the form, left as they are in the text. */
export const SERVER_MANAGED = new Set(['uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'selfLink', 'finalizers', 'ownerReferences', 'managedFields']);
