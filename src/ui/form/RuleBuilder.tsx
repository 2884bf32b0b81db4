import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Path } from '../../core/types.ts';
import { parseRule, rulePriority } from '../../core/rules/index.ts';
import { placeErrors, printRows, rowSpans, ruleToRows, type RuleRows } from '../../core/rules/builder.ts';
import { problemsAt, useForm, valueAt } from './context.ts';
import { RuleGroupView, type BuilderCtx } from './RuleGroupView.tsx';

/**
 * A route's `match` as rows of matchers (AND/OR groups, NOT), or as text. Both views edit one value:
 * rows print back to the exact text they came from, and an edit rewrites only its own piece. Typing
 * updates the effective priority at once; the YAML is written on Enter or when a field is left.
 */
export function RuleBuilder({ path, routeIndex }: { path: Path; routeIndex: number }) {
  const { detail, edit, readOnly, routes } = useForm();
  const committed = String(valueAt(detail.raw, path) ?? '');
  const facts = routes[routeIndex];
  const syntax = facts?.syntax ?? 'v3';
  const [draft, setDraft] = useState(committed);
  const [textMode, setTextMode] = useState(false);
  const id = useId();
  // The YAML changed: show it, unless it is our own write coming back (the user may be adding a row).
  const written = useRef<string | null>(null);
  useEffect(() => {
    if (committed !== written.current) setDraft(committed);
    written.current = null;
  }, [committed]);

  const parsed = useMemo(() => ruleToRows(draft, syntax), [draft, syntax]);
  const errors = useMemo(() => parseRule(draft, syntax).errors, [draft, syntax]);
  const spans = useMemo(() => (parsed.ok ? rowSpans(parsed.rows) : []), [parsed]);
  const placed = useMemo(() => placeErrors(spans, errors), [spans, errors]);
  const hasEmpty = errors.some((e) => e.code === 'RULE_EMPTY_ARG' || e.code === 'RULE_NO_ARGS');

  const commit = (text: string) => {
    setDraft(text);
    if (text === committed) return;
    written.current = text;
    edit({ type: 'set', path, value: text });
  };
  const ctx: BuilderCtx = {
    syntax,
    readOnly,
    spans,
    placed,
    idPrefix: id,
    /** Structural edits are written at once unless a value is still empty (then on Enter/leave). */
    change(rows: RuleRows, write: boolean) {
      const text = printRows(rows);
      if (write && !parseRule(text, syntax).errors.some((e) => e.code === 'RULE_EMPTY_ARG')) commit(text);
      else setDraft(text);
    },
    commitDraft: () => commit(draft),
  };

  const priority = facts && facts.priority > 0 ? `${facts.priority} (set on the route)` : `${rulePriority(draft)} (length of the rule)`;
  const yamlProblems = problemsAt(detail, path).filter((p) => !p.code.startsWith('RULE_'));
  const showText = textMode || !parsed.ok;
  return (
    <div className="rule-builder" role="group" aria-label="Rule">
      <div className="rb-head">
        <span className="rb-title">Match</span>
        <span className="rb-priority" aria-live="polite">Priority {priority}</span>
        <button type="button" className="link" aria-pressed={showText} disabled={!parsed.ok && !textMode} onClick={() => setTextMode(!textMode)}>
          {showText ? 'Edit as rows' : 'Edit as text'}
        </button>
      </div>
      {!parsed.ok && (
        <p className="rb-note" role="note">
          Shown as text: {parsed.reason}
        </p>
      )}
      {showText ? (
        <>
          <textarea
            className="mono rb-text"
            aria-label="Rule text"
            rows={Math.min(4, 1 + Math.floor(draft.length / 40))}
            value={draft}
            readOnly={readOnly}
            aria-invalid={errors.length > 0}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={(e) => commit(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                commit(e.currentTarget.value);
              }
            }}
          />
          {errors.map((e, i) => (
            <small key={i} className="field-problem sev-error" role="note">
              {e.message}
            </small>
          ))}
        </>
      ) : (
        parsed.ok && <RuleGroupView rows={parsed.rows} path={[]} ctx={ctx} />
      )}
      {!showText && placed.some((p) => p.rowIndex < 0) && (
        <small className="field-problem sev-error" role="note">
          {placed.find((p) => p.rowIndex < 0)!.error.message}
        </small>
      )}
      {draft !== committed && <small className="muted">{hasEmpty ? 'Not written yet: fill in the empty value.' : 'Press Enter or leave the field to write it.'}</small>}
      {yamlProblems.map((p, i) => (
        <small key={i} className={`field-problem sev-${p.severity}`} role="note">{p.message}</small>
      ))}
    </div>
  );
}
