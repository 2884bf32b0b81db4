/**
 * Placing a rendered value in the document for planEdit: inline after `key:`/`-`, as a block scalar,
 * or as block lines on the following lines at the right column; JSON and flow contexts get flow text.
 */
import type { ScalarStyle } from '../types.ts';
import {
  CONTROL,
  blockLines,
  indentAll,
  indentRest,
  isCollection,
  isEmptyCollection,
  jsonLines,
  literalBlock,
  renderInline,
  type RenderStyle,
} from './edit-render.ts';
import { dump } from 'js-yaml';

export type Rendered =
  | { kind: 'inline'; text: string }
  | { kind: 'block-scalar'; header: string; lines: string[] }
  | { kind: 'block'; lines: string[]; seq: boolean };


/**
 * How a value is written in block context. `prefer` keeps a replaced scalar's quoting; `keepBlock`
 * keeps a replaced block scalar a block scalar.
 *
 * @example
 * renderBlock({ a: 1 }, style); // { kind: 'block', lines: ['a: 1'], seq: false }
 */
export function renderBlock(v: unknown, style: RenderStyle, prefer?: ScalarStyle): Rendered {
  if (isCollection(v)) {
    if (isEmptyCollection(v)) return { kind: 'inline', text: Array.isArray(v) ? '[]' : '{}' };
    return { kind: 'block', lines: blockLines(v, style), seq: Array.isArray(v) };
  }
  if (typeof v === 'string') {
    if ((prefer === 'literal' || prefer === 'folded') && !/[\n\r\t]/.test(v) && v !== '' && !/^ /.test(v) && !CONTROL.test(v)) {
      return { kind: 'block-scalar', header: prefer === 'folded' ? '>-' : '|-', lines: [v] };
    }
    const lit = literalBlock(v);
    if (lit) return { kind: 'block-scalar', header: lit.header, lines: lit.lines };
  }
  // renderInline keeps only a single or double quoting (a string leaving a block scalar is written as
  // if new), and ignores `prefer` for other values.
  return { kind: 'inline', text: renderInline(v, { flow: false, prefer }) };
}

/**
 * A value as flow text (one line, or pretty JSON lines continued at `lineIndent`).
 *
 * @example
 * flowText({ a: [1] }, style, { pretty: false, lineIndent: 0 }); // '{a: [1]}'
 */
export function flowText(v: unknown, style: RenderStyle, opts: { pretty: boolean; lineIndent: number; prefer?: ScalarStyle }): string {
  if (style.json) return indentRest(jsonLines(v, style.unit, opts.pretty && isCollection(v) && !isEmptyCollection(v)), opts.lineIndent, style.eol);
  // (v is normalized: nothing dump cannot write, no collection met twice; a flow scalar is never folded.)
  if (isCollection(v)) return dump(v, { flowLevel: 0 }).trimEnd();
  // A flow context has no block scalars: `prefer` is the quoting of a flow scalar, or none.
  return renderInline(v, { flow: true, prefer: opts.prefer });
}

/** What follows `key:` for a value of a pair whose key is at `keyCol`. */
export function pairTail(r: Rendered, keyCol: number, style: RenderStyle): string {
  switch (r.kind) {
    case 'inline':
      return ' ' + r.text;
    case 'block-scalar':
      return ' ' + r.header + style.eol + indentAll(r.lines, keyCol + style.unit, style.eol);
    case 'block':
      return style.eol + indentAll(r.lines, keyCol + (r.seq && !style.seqIndented ? 0 : style.unit), style.eol);
  }
}

/** What follows `-` for an item of a sequence whose dashes are at `dashCol`. */
export function itemTail(r: Rendered, dashCol: number, style: RenderStyle): string {
  switch (r.kind) {
    case 'inline':
      return ' ' + r.text;
    case 'block-scalar':
      return ' ' + r.header + style.eol + indentAll(r.lines, dashCol + Math.max(2, style.unit), style.eol);
    case 'block':
      return ' ' + indentRest(r.lines, dashCol + 2, style.eol);
  }
}

/** A value as a whole document body at column 0. */
export function rootText(r: Rendered, style: RenderStyle): string {
  switch (r.kind) {
    case 'inline':
      return r.text;
    case 'block-scalar':
      return r.header + style.eol + indentAll(r.lines, style.unit, style.eol);
    case 'block':
      return r.lines.join(style.eol);
  }
}
