import { createContext, useContext } from 'react';
import type { Path } from '../../core/types.ts';
import type { ResourceDetail } from '../../worker/protocol.ts';
import type { JsonSchema } from './schema-walk.ts';

export type FormIntent =
  | { type: 'set'; path: Path; value: unknown }
  | { type: 'delete'; path: Path }
  | { type: 'insert'; path: Path; index: number; value: unknown }
  | { type: 'move'; path: Path; from: number; to: number };

export interface FormContextValue {
  detail: ResourceDetail;
  root: JsonSchema;
  readOnly: boolean;
  edit(intent: FormIntent): void;
  /** Suggestions for reference fields, by field name (`middlewares.name`, `services.name`, `entryPoints`). */
  suggestions: Record<string, string[]>;
  /** Priority hint per route index. */
  priorities: Record<number, string>;
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
