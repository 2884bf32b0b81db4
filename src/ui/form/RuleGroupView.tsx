import type { RuleSyntax } from '../../core/types.ts';
import { MATCHER_DOCS } from '../../core/rules/index.ts';
import type { Group, ItemPath, PlacedError, Row, RowSpan, RuleRows } from '../../core/rules/builder.ts';
import { addRow, BUILDER_MATCHERS, newGroup, newRow, removeItem, setArg, setMatcher, setOp, toggleNegate, truncateArgs } from '../../core/rules/builder-edit.ts';

export interface BuilderCtx {
  syntax: RuleSyntax;
  readOnly: boolean;
  spans: RowSpan[];
  placed: PlacedError[];
  idPrefix: string;
  /** New rows; `write` = put it in the YAML now (selects, checkboxes, buttons), else only in the draft. */
  change(rows: RuleRows, write: boolean): void;
  commitDraft(): void;
}

const same = (a: ItemPath, b: ItemPath) => a.length === b.length && a.every((x, i) => x === b[i]);

function docOf(name: string, syntax: RuleSyntax): string {
  const d = MATCHER_DOCS.find((m) => m.name === name && m.syntax === syntax);
  return d ? `${d.signature}: ${d.doc}` : `${name} is not a matcher of the ${syntax} syntax.`;
}

function itemOf(rows: RuleRows, path: ItemPath): { negated: boolean; node: Row | Group } {
  let it: { negated: boolean; node: Row | Group } = rows.root;
  for (const i of path) it = (it.node as Group).items[i]!;
  return it;
}

/** A group of conditions joined by AND or OR; nested groups are shown indented. */
export function RuleGroupView({ rows, path, ctx }: { rows: RuleRows; path: ItemPath; ctx: BuilderCtx }) {
  const item = itemOf(rows, path);
  const group = item.node as Group;
  const nested = path.length > 0;
  const firstName = (node: Row | Group): string => (node.type === 'row' ? node.name : firstName(node.items[0]!.node));
  const hasHost = group.items.some((it) => it.node.type === 'row' && it.node.name.startsWith('Host'));
  return (
    <div className={`rb-group${nested ? ' rb-nested' : ''}`} role="group" aria-label={nested ? `Group ${path.map((i) => i + 1).join('.')}` : 'Conditions'}>
      {(nested || group.items.length > 1) && (
        <div className="rb-group-head">
          {nested && (
            <label className="rb-not">
              <input type="checkbox" checked={item.negated} disabled={ctx.readOnly} onChange={() => ctx.change(toggleNegate(rows, path), true)} /> NOT
            </label>
          )}
          {group.items.length > 1 && (
            <select aria-label="Join conditions with" value={group.op} disabled={ctx.readOnly} onChange={(e) => ctx.change(setOp(rows, path, e.target.value as 'and' | 'or'), true)}>
              <option value="and">all must match (AND)</option>
              <option value="or">any may match (OR)</option>
            </select>
          )}
          {nested && (
            <button type="button" disabled={ctx.readOnly} aria-label={`Remove group ${path.map((i) => i + 1).join('.')}`} onClick={() => ctx.change(removeItem(rows, path), true)}>
              ×
            </button>
          )}
        </div>
      )}
      <ol className="rb-items">
        {group.items.map((it, i) => (
          <li key={i}>
            {i > 0 && <span className="rb-op">{group.op === 'and' ? 'AND' : 'OR'}</span>}
            {it.node.type === 'row' ? <RuleRowView rows={rows} path={[...path, i]} ctx={ctx} canRemove={group.items.length > 1 || nested} /> : <RuleGroupView rows={rows} path={[...path, i]} ctx={ctx} />}
          </li>
        ))}
      </ol>
      <div className="rb-add">
        <button type="button" disabled={ctx.readOnly} onClick={() => ctx.change(addRow(rows, path, newRow(hasHost ? 'PathPrefix' : 'Host', [''])), false)}>
          Add condition
        </button>
        <button type="button" disabled={ctx.readOnly} onClick={() => ctx.change(addRow(rows, path, newGroup(group.op, newRow(firstName(group) === 'Method' ? 'Method' : 'PathPrefix', ['']), newRow('PathPrefix', ['']))), false)}>
          Add group
        </button>
      </div>
    </div>
  );
}

/** One matcher: NOT, the matcher (its doc on hover), its arguments, each with its own errors. */
function RuleRowView({ rows, path, ctx, canRemove }: { rows: RuleRows; path: ItemPath; ctx: BuilderCtx; canRemove: boolean }) {
  const item = itemOf(rows, path);
  const row = item.node as Row;
  const index = ctx.spans.findIndex((s) => same(s.path, path));
  const n = index + 1;
  const argNames = BUILDER_MATCHERS[ctx.syntax][row.name] ?? row.args.map((_, i) => `argument ${i + 1}`);
  const slots = Math.max(row.args.length, argNames.length);
  const problems = ctx.placed.filter((p) => p.rowIndex === index);
  const known = row.name in BUILDER_MATCHERS[ctx.syntax];
  const errId = (k: number) => `${ctx.idPrefix}-r${n}-e${k}`;
  const describedBy = (a: number) => problems.flatMap((p, k) => (p.argIndex === a ? [errId(k)] : [])).join(' ') || undefined;
  return (
    <div className="rb-row" role="group" aria-label={`Condition ${n}`}>
      <label className="rb-not">
        <input type="checkbox" checked={item.negated} disabled={ctx.readOnly} onChange={() => ctx.change(toggleNegate(rows, path), true)} /> NOT
      </label>
      <select aria-label="Matcher" title={docOf(row.name, ctx.syntax)} value={row.name} disabled={ctx.readOnly} aria-invalid={!known} onChange={(e) => ctx.change(setMatcher(rows, path, e.target.value, ctx.syntax), true)}>
        {!known && <option value={row.name}>{row.spelled} (unknown)</option>}
        {Object.keys(BUILDER_MATCHERS[ctx.syntax]).map((m) => (
          <option key={m} value={m} title={docOf(m, ctx.syntax)}>
            {m}
          </option>
        ))}
      </select>
      {Array.from({ length: slots }, (_, a) => {
        const name = argNames[a] ?? `argument ${a + 1}`;
        const optional = a >= row.args.length;
        const own = problems.filter((p) => p.argIndex === a);
        if (optional && a > row.args.length) return null;
        return (
          <input
            key={a}
            className="mono rb-arg"
            aria-label={name}
            placeholder={name}
            value={row.args[a]?.value ?? ''}
            readOnly={ctx.readOnly}
            aria-invalid={own.length > 0}
            aria-describedby={describedBy(a)}
            onChange={(e) => {
              const v = e.target.value;
              ctx.change(optional || (v === '' && a > 0 && a === row.args.length - 1 && name.endsWith('(optional)')) ? (v === '' ? truncateArgs(rows, path, a) : setArg(rows, path, a, v)) : setArg(rows, path, a, v), false);
            }}
            onBlur={() => ctx.commitDraft()}
            onKeyDown={(e) => e.key === 'Enter' && ctx.commitDraft()}
          />
        );
      })}
      {canRemove && (
        <button type="button" disabled={ctx.readOnly} aria-label={`Remove condition ${n}`} onClick={() => ctx.change(removeItem(rows, path), true)}>
          ×
        </button>
      )}
      {problems.map((p, i) => (
        <small key={i} id={errId(i)} className="field-problem sev-error rb-problem" role="note">
          {p.error.message}
        </small>
      ))}
    </div>
  );
}
