/**
 * One pass over js-yaml's flat event stream of one document: builds the YNode tree with a source range
 * for every node AND the constructed value (Kubernetes' YAML 1.1, see resolve.ts), and reports
 * duplicate keys, aliases and tags. Building the value here instead of calling constructFromEvents
 * keeps the hot path to one walk (parseFile must stay within 3× of a bare loadAll).
 *
 * Events carry offsets relative to the segment handed to parseEvents; `base` turns them into file
 * offsets. Collection events have a start but no end: block collections end at their last child,
 * flow collections at the closing bracket found after it.
 */
import { EVENT_ID, getScalarValue, type Event, type ScalarEvent } from 'js-yaml';
import type { Diagnostic, ScalarStyle, YMap, YNode, YPair, YScalar, YSeq } from '../types.ts';
import { diagnostic } from '../diagnostic.ts';
import { YAML_CODES } from './codes.ts';
import { ambiguity, isKnownCollectionTag, resolvePlain, resolveTagged } from './resolve.ts';
import { blockScalarRanges, closingBracket, emptyScalarAt } from './scan.ts';
import { addPair, applyMerges, CHILDREN, type MapFrame, type SeqFrame } from './compose-map.ts';

/** Alias expansion caps ("billion laughs"): aliases per document and nodes reached through them. */
export const MAX_ALIASES = 10_000;
export const MAX_ALIAS_EXPANSION = 100_000;

const STYLES: readonly ScalarStyle[] = ['plain', 'plain', 'single', 'double', 'literal', 'folded'];

interface Anchor {
  node: YNode;
  value: unknown;
  size: number;
  open: boolean;
}

export interface ComposeContext {
  file: string;
  diagnostics: Diagnostic[];
}

type Frame = MapFrame | SeqFrame;

/** The children above `start` as one array of their own, taken off the stack. */
function take<T>(stack: T[], start: number): T[] {
  const out = stack.length === start ? [] : stack.slice(start);
  stack.length = start;
  return out;
}

/**
 * Builds the tree and value of one document from its events.
 *
 * @example
 * const seg = 'a: [1, yes]';
 * compose(parseEvents(seg, {}), seg, 0, seg.length, { file: 'f.yaml', diagnostics: [] });
 * // { root: { kind: 'map', … }, value: { a: [1, true] } }
 */
export function compose(
  events: readonly Event[],
  seg: string,
  base: number,
  contentStart: number,
  ctx: ComposeContext,
): { root: YNode | null; value: unknown } {
  const stack: Frame[] = [];
  const children = CHILDREN;
  // Whatever an earlier document left (it can only be an exception part-way), it is not this one's.
  children.pairs.length = children.items.length = children.values.length = 0;
  const anchors = new Map<string, Anchor>();
  let root: YNode | null = null;
  let rootValue: unknown = null;
  let lastEnd = contentStart; // relative: end of the last token seen, for empty nodes and `|` headers
  let aliasCount = 0;
  let expanded = 0;
  let limitReported = false;

  const add = (node: YNode, value: unknown, size: number): void => {
    const frame = stack[stack.length - 1];
    if (frame === undefined) {
      root = node;
      rootValue = value;
    } else if (frame.kind === 1) {
      children.items.push(node);
      children.values.push(value);
      frame.size += size;
    } else if (frame.key === null) {
      frame.key = node;
      frame.keyValue = value;
    } else {
      frame.size += size;
      addPair(frame, node, value, ctx);
    }
  };

  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    switch (e.type) {
      case EVENT_ID.SCALAR: {
        const node = scalar(e, seg, base, lastEnd, ctx);
        lastEnd = node.range.end - base;
        if (e.anchorStart !== -1) {
          node.anchor = seg.slice(e.anchorStart, e.anchorEnd);
          anchors.set(node.anchor, { node, value: node.value, size: 1, open: false });
        }
        add(node, node.value, 1);
        break;
      }
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        const flow = e.style === 2;
        const start = propsStart(e.start, e.anchorStart, e.tagStart);
        const range = { start: start + base, end: e.start + base };
        let frame: Frame;
        if (e.type === EVENT_ID.MAPPING) {
          const node: YMap = { kind: 'map', flow, pairs: NONE as unknown as YPair[], range };
          frame = { kind: 0, node, start: children.pairs.length, value: {}, key: null, keyValue: undefined, size: 1, merges: null, flowEnd: flow };
        } else {
          const node: YSeq = { kind: 'seq', flow, items: NONE as unknown as YNode[], range };
          frame = { kind: 1, node, start: children.items.length, value: NONE as unknown as unknown[], size: 1, flowEnd: flow };
        }
        if (e.tagStart !== -1) {
          frame.node.tag = seg.slice(e.tagStart, e.tagEnd);
          if (!isKnownCollectionTag(frame.node.tag)) unknownTag(ctx, frame.node.tag, { start: e.tagStart + base, end: e.tagEnd + base });
        }
        if (e.anchorStart !== -1) {
          frame.node.anchor = seg.slice(e.anchorStart, e.anchorEnd);
          anchors.set(frame.node.anchor, { node: frame.node, value: frame.value, size: 1, open: true });
        }
        stack.push(frame);
        lastEnd = flow ? e.start + 1 : e.start;
        break;
      }
      case EVENT_ID.ALIAS: {
        const name = seg.slice(e.anchorStart, e.anchorEnd);
        const range = { start: e.anchorStart - 1 + base, end: e.anchorEnd + base };
        lastEnd = e.anchorEnd;
        const anchor = anchors.get(name);
        let value: unknown = null;
        let size = 1;
        let target: YNode | null = null;
        if (anchor === undefined) {
          ctx.diagnostics.push(
            diagnostic(YAML_CODES, 'YAML_BAD_ALIAS', `Alias *${name} has no anchor &${name} before it in this document; it reads as null.`, ctx.file, range),
          );
        } else if (anchor.open) {
          ctx.diagnostics.push(
            diagnostic(YAML_CODES, 'YAML_BAD_ALIAS', `Alias *${name} is inside the node anchored &${name} (a cycle); Kubernetes rejects it.`, ctx.file, range, {
              related: [{ message: `&${name} is defined here.`, range: anchor.node.range, file: ctx.file }],
            }),
          );
        } else {
          target = anchor.node;
          aliasCount++;
          if (!limitReported && aliasCount <= MAX_ALIASES && expanded + anchor.size <= MAX_ALIAS_EXPANSION) {
            expanded += anchor.size;
            value = anchor.value;
            size = anchor.size;
          } else if (!limitReported) {
            limitReported = true;
            const message =
              `Aliases in this document expand to more than ${MAX_ALIAS_EXPANSION.toLocaleString('en-US')} nodes (or ${MAX_ALIASES.toLocaleString('en-US')} aliases): ` +
              'this alias and the ones after it read as null. Kubernetes rejects documents with excessive aliasing.';
            ctx.diagnostics.push(diagnostic(YAML_CODES, 'YAML_ALIAS_LIMIT', message, ctx.file, range));
          }
        }
        add({ kind: 'alias', name, target, range }, value, size);
        break;
      }
      case EVENT_ID.POP: {
        const frame = stack.pop();
        if (frame === undefined) break; // the document's own POP
        const node = frame.node;
        if (frame.flowEnd) {
          node.range.end = closingBracket(seg, lastEnd) + base;
        } else {
          const last = frame.kind === 0 ? (children.pairs.length > frame.start ? children.pairs[children.pairs.length - 1]!.value : undefined) : children.items.length > frame.start ? children.items[children.items.length - 1] : undefined;
          if (last !== undefined) node.range.end = last.range.end;
        }
        lastEnd = node.range.end - base;
        if (frame.kind === 0) {
          if (frame.key !== null) addPair(frame, emptyScalar(seg, base, lastEnd), null, ctx); // unbalanced (defensive)
          if (frame.merges !== null) applyMerges(frame);
          frame.node.pairs = take(children.pairs, frame.start);
        } else {
          frame.node.items = take(children.items, frame.start);
          frame.value = take(children.values, frame.start);
        }
        if (node.anchor !== undefined) {
          const anchor = anchors.get(node.anchor);
          if (anchor && anchor.node === node) {
            anchor.open = false;
            anchor.size = frame.size;
            anchor.value = frame.value;
          }
        }
        add(node, frame.value, frame.size);
        break;
      }
      default:
        if (e.type === EVENT_ID.DOCUMENT) lastEnd = contentStart;
    }
  }
  // An empty document (`---` alone) has no root, not an empty scalar.
  const r = root as YNode | null;
  if (r !== null && r.kind === 'scalar' && r.range.start === r.range.end && r.tag === undefined && r.anchor === undefined) root = null;
  return { root, value: rootValue };
}

/** What an open collection's list holds until it closes (its children are on CHILDREN meanwhile). */
const NONE: readonly never[] = Object.freeze([]);

function propsStart(start: number, anchorStart: number, tagStart: number): number {
  let s = start;
  if (anchorStart !== -1 && anchorStart - 1 < s) s = anchorStart - 1;
  if (tagStart !== -1 && tagStart < s) s = tagStart;
  return s;
}

function emptyScalar(seg: string, base: number, lastEnd: number): YScalar {
  const at = emptyScalarAt(seg, lastEnd) + base;
  return { kind: 'scalar', value: null, text: '', style: 'plain', range: { start: at, end: at }, valueRange: { start: at, end: at } };
}

function scalar(e: ScalarEvent, seg: string, base: number, lastEnd: number, ctx: ComposeContext): YScalar {
  const vs = e.valueStart;
  if (e.style === 1 && vs !== -1 && e.tagStart === -1 && e.anchorStart === -1) {
    // Hot path: a plain scalar without properties (most keys and values). range and valueRange are
    // the same span, so they share one (never mutated) object.
    const text = e.fast ? seg.slice(vs, e.valueEnd) : getScalarValue(seg, e);
    const value = resolvePlain(text);
    const range = { start: vs + base, end: e.valueEnd + base };
    if (typeof value === 'boolean' || typeof value === 'number') {
      const why = ambiguity(text, value);
      if (why !== null) ambiguous(ctx, text, why, range);
    }
    return { kind: 'scalar', value, text, style: 'plain', range, valueRange: range };
  }
  const style = STYLES[e.style] ?? 'plain';
  const text = vs === -1 ? '' : e.fast ? seg.slice(vs, e.valueEnd) : getScalarValue(seg, e);
  const hasTag = e.tagStart !== -1;
  const propsEnd = Math.max(e.tagEnd, e.anchorEnd);
  let start: number;
  let end: number;
  let vStart: number;
  let vEnd: number;
  if (style === 'literal' || style === 'folded') {
    const r = blockScalarRanges(seg, propsEnd === -1 ? lastEnd : propsEnd, vs, e.valueEnd, e.indent);
    start = r.start;
    end = r.end;
    vStart = r.valueStart;
    vEnd = r.end;
  } else if (vs === -1) {
    start = end = vStart = vEnd = propsEnd === -1 ? emptyScalarAt(seg, lastEnd) : propsEnd;
  } else {
    vStart = vs;
    vEnd = e.valueEnd;
    const q = style === 'plain' ? 0 : 1;
    start = vs - q;
    end = vEnd + q;
  }
  if (e.anchorStart !== -1 && e.anchorStart - 1 < start) start = e.anchorStart - 1;
  if (hasTag && e.tagStart < start) start = e.tagStart;

  let value: unknown;
  const tag = hasTag ? seg.slice(e.tagStart, e.tagEnd) : undefined;
  if (tag !== undefined) {
    const r = resolveTagged(tag, text);
    value = r.value;
    if ('error' in r) {
      const range = { start: e.tagStart + base, end: e.tagEnd + base };
      if (r.error === 'unknown') unknownTag(ctx, tag, range);
      else {
        const message = `\`${text}\` cannot be read as ${tag}: remove the tag or fix the value.`;
        ctx.diagnostics.push(diagnostic(YAML_CODES, 'YAML_TAG_MISMATCH', message, ctx.file, { start: range.start, end: end + base }));
      }
    }
  } else if (style === 'plain') {
    value = resolvePlain(text);
    if (typeof value === 'boolean' || typeof value === 'number') {
      const why = ambiguity(text, value);
      if (why !== null) ambiguous(ctx, text, why, { start: vStart + base, end: vEnd + base });
    }
  } else {
    value = text;
  }
  const node: YScalar = {
    kind: 'scalar',
    value,
    text,
    style,
    range: { start: start + base, end: end + base },
    valueRange: { start: vStart + base, end: vEnd + base },
  };
  if (tag !== undefined) node.tag = tag;
  return node;
}

function ambiguous(ctx: ComposeContext, text: string, why: string, at: { start: number; end: number }): void {
  const range = { start: at.start, end: at.end };
  const quoted = JSON.stringify(text);
  const message = `\`${text}\` is read as ${why} by Kubernetes (YAML 1.1); write ${quoted} if you mean the string.`;
  ctx.diagnostics.push(
    diagnostic(YAML_CODES, 'YAML_AMBIGUOUS_SCALAR', message, ctx.file, range, {
      fixes: [{ title: `Quote as ${quoted}`, edits: [{ range, text: quoted }] }],
    }),
  );
}

function unknownTag(ctx: ComposeContext, tag: string, range: { start: number; end: number }): void {
  const message = `Kubernetes does not know the tag ${tag}; the value is read as if it had no tag. Remove the tag.`;
  ctx.diagnostics.push(diagnostic(YAML_CODES, 'YAML_UNKNOWN_TAG', message, ctx.file, range));
}
