// No Traefik counterpart: the review diff as plain text (terminal, CI logs) and as Markdown ready to paste
// into a pull request comment.
import type { Diagnostic } from '../types.ts';
import type { RoutingSummary, WorkspaceDiff } from './types.ts';

const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;

/**
 * One line: `2 requests routed differently · 1 router added · 0 removed · 1 changed · 1 new error · 0 fixed`.
 *
 * @example
 * diffSummary(diff) // 'no routing change (14 requests replayed) · 0 routers added · …'
 */
export function diffSummary(diff: WorkspaceDiff): string {
  const errors = diff.diagnostics.introduced.filter((d) => d.severity === 'error').length;
  return [
    diff.routing.length ? `${plural(diff.routing.length, 'request')} routed differently` : `no routing change (${plural(diff.replayed, 'request')} replayed)`,
    `${plural(diff.routers.added.length, 'router')} added`,
    `${diff.routers.removed.length} removed`,
    `${diff.routers.changed.length} changed`,
    `${plural(diff.diagnostics.introduced.length, 'new problem')}${errors ? ` (${plural(errors, 'error')})` : ''}`,
    `${diff.diagnostics.fixed.length} fixed`,
  ].join(' · ');
}

/** `router → service` or `router → 301 https://…`, for one version of a request. */
export function outcomeText(s: RoutingSummary): string {
  const via = s.router ?? 'no router';
  if (s.outcome === 'forwarded') return `${via} → ${s.backend ?? s.service ?? '?'}`;
  if (s.outcome === 'responded') return `${via} → ${s.status}${s.location ? ` ${s.location}` : ''}`;
  return `no response (${s.reason ?? ''})`;
}

/** A diagnostic message's first line (the rest is detail the diff leaves out). */
const firstLine = (message: string): string => message.split('\n', 1)[0]!;

function diagLine(d: Diagnostic): string {
  return `${d.severity} ${d.code} ${d.file}: ${firstLine(d.message)}`;
}

/**
 * The diff for a terminal.
 *
 * @example
 * io.stdout(formatDiffText(diffWorkspaces(base, head)))
 */
export function formatDiffText(diff: WorkspaceDiff): string {
  const out: string[] = [diffSummary(diff), ''];
  if (diff.routing.length) {
    out.push('Routing changes:');
    for (const c of diff.routing) {
      out.push(`  ${c.label}`, `    ${outcomeText(c.before)}  ⇒  ${outcomeText(c.after)}`);
      for (const line of c.changes) out.push(`    ${line}`);
    }
    out.push('');
  }
  const r = diff.routers;
  if (r.added.length || r.removed.length || r.changed.length) {
    out.push('Routers:');
    for (const a of r.added) out.push(`  + ${a.name}  ${a.rule}`);
    for (const a of r.removed) out.push(`  - ${a.name}  ${a.rule}`);
    for (const c of r.changed) {
      out.push(`  ~ ${c.name}${c.previousName ? ` (was ${c.previousName})` : ''}`);
      for (const f of c.fields) out.push(`      ${f.field}: ${f.before} → ${f.after}`);
    }
    out.push('');
  }
  if (diff.diagnostics.introduced.length || diff.diagnostics.fixed.length) {
    out.push('Diagnostics:');
    for (const d of diff.diagnostics.introduced) out.push(`  + ${diagLine(d)}`);
    for (const d of diff.diagnostics.fixed) out.push(`  - ${diagLine(d)}`);
    out.push('');
  }
  return out.join('\n');
}

/** Inline code that survives backticks in the text (rules are full of them) and table pipes. */
function code(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  // Padded whenever it holds a backtick (which covers one at either end, where the fence would absorb it).
  const pad = longest > 0 ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** Plain Markdown text: escapes what would start markup. */
function md(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

/** One version's outcome in Markdown; `highlight` puts the winner in bold (the changed winner). */
function mdOutcome(s: RoutingSummary, highlight = false): string {
  if (s.outcome === 'no-response') return `no response (${md(s.reason ?? '')})`;
  const router = s.router ? code(s.router) : 'no router';
  const target = s.outcome === 'forwarded' ? code(s.backend ?? s.service ?? '?') : `${s.status}${s.location ? ` ${code(s.location)}` : ''}`;
  return `${highlight ? `**${router}**` : router} → ${target}`;
}

/**
 * The diff as a pull-request comment: summary, routing changes (changed winners first, the new winner in
 * bold), routers
 * added/removed/changed, diagnostics introduced and fixed.
 *
 * @example
 * formatDiffMarkdown(diff).startsWith('### Routing review') // true
 */
export function formatDiffMarkdown(diff: WorkspaceDiff): string {
  const out: string[] = ['### Routing review', '', diffSummary(diff), ''];
  if (diff.routing.length) {
    out.push('#### Requests routed differently', '', '| Request | Before | After | Changes |', '|---|---|---|---|');
    for (const c of diff.routing) {
      out.push(`| ${code(c.label)} | ${mdOutcome(c.before)} | ${mdOutcome(c.after, c.winnerChanged)} | ${c.changes.map(md).join('<br>')} |`);
    }
    out.push('');
  } else out.push(`No request is routed differently (${plural(diff.replayed, 'witness request')} replayed against both versions).`, '');
  const r = diff.routers;
  if (r.added.length || r.removed.length || r.changed.length) {
    out.push('#### Routers', '');
    for (const a of r.added) out.push(`- **added** ${code(a.name)}${a.route ? ` (${md(a.route)})` : ''}: ${code(a.rule)}`);
    for (const a of r.removed) out.push(`- **removed** ${code(a.name)}${a.route ? ` (${md(a.route)})` : ''}: ${code(a.rule)}`);
    for (const c of r.changed) {
      out.push(`- **changed** ${code(c.name)}${c.previousName ? ` (was ${code(c.previousName)})` : ''}`);
      for (const f of c.fields) out.push(`  - ${md(f.field)}: ${code(f.before)} → ${code(f.after)}`);
    }
    out.push('');
  }
  if (diff.diagnostics.introduced.length || diff.diagnostics.fixed.length) {
    out.push('#### Diagnostics', '');
    for (const d of diff.diagnostics.introduced) out.push(`- **new ${d.severity}** ${code(d.code)} in ${code(d.file)}: ${md(firstLine(d.message))}`);
    for (const d of diff.diagnostics.fixed) out.push(`- **fixed** ${code(d.code)} in ${code(d.file)}: ${md(firstLine(d.message))}`);
    out.push('');
  }
  return out.join('\n');
}
