/**
 * Turns js-yaml's terse parser reasons ("deficient indentation", "bad indentation of a mapping
 * entry") into sentences that say what is probably wrong and how to fix it, looking at the text
 * around the error where the same reason covers several mistakes.
 */

const SKIPPED = ' This document is ignored until it is fixed.';

function lineAt(text: string, pos: number): { before: string; after: string } {
  let start = pos;
  while (start > 0 && text.charCodeAt(start - 1) !== 10 && text.charCodeAt(start - 1) !== 13) start--;
  let end = pos;
  while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
  return { before: text.slice(start, pos), after: text.slice(pos, end) };
}

/** The error's line and the one before it contain a Helm/Go template action. */
function looksLikeTemplate(text: string, pos: number): boolean {
  const from = Math.max(0, text.lastIndexOf('\n', Math.max(0, text.lastIndexOf('\n', pos - 1) - 1)));
  const to = text.indexOf('\n', pos);
  return /\{\{/.test(text.slice(from, to === -1 ? text.length : to));
}

/**
 * A readable message for a js-yaml syntax error at `pos`.
 *
 * @example
 * syntaxMessage('tab characters must not be used in indentation', 'a:\n\tb: 1', 3);
 * // 'Tabs are not allowed in YAML indentation: indent with spaces. This document is ignored until it is fixed.'
 */
export function syntaxMessage(reason: string, text: string, pos: number): string {
  if (looksLikeTemplate(text, pos)) {
    return 'This looks like a Helm/Go template (`{{ … }}`), which is not YAML: render it first (`helm template`) or quote the value.' + SKIPPED;
  }
  const { before, after } = lineAt(text, pos);
  const ch = after.charAt(0);
  let m: string;
  if (reason.startsWith('tab characters')) m = 'Tabs are not allowed in YAML indentation: indent with spaces.';
  else if (reason.startsWith('bad indentation of a mapping entry') || reason.startsWith('bad indentation of a sequence entry')) {
    if (ch === '`' || ch === '@' || ch === '%') m = `A plain value cannot start with ${ch === '`' ? 'a backtick' : `\`${ch}\``} (reserved in YAML): put the value in quotes.`;
    else if (ch === ':' && /:\s/.test(before)) m = 'A second `: ` on one line: put the value in quotes if it contains `: `, or move the nested key to its own line.';
    else if (ch === ':' && /^\s*\S/.test(before)) m = 'This key is indented more than the keys above it: align it with the keys it belongs with.';
    else m = 'The indentation of this line matches no enclosing block: align it with the keys (or `-` items) it belongs with.';
  } else if (reason.startsWith('deficient indentation')) {
    m = 'This line is indented less than the value it continues: look above for an unclosed quote or bracket, or indent this line.';
  } else if (reason.startsWith('end of the stream or a document separator is expected')) {
    m = ch === '-'
      ? 'A `-` item where a key was expected: indent the list under its key, or add the missing `key:` above it.'
      : 'Unexpected content: a line above may be missing its `:` (a key without a value) or be indented wrongly.';
  } else if (reason.startsWith('missed comma')) m = 'A comma is missing between two entries of this `[ … ]` or `{ … }`.';
  else if (/within a flow collection/.test(reason)) m = 'Unclosed `[` or `{`: add the closing bracket.';
  else if (/within a (double|single) quoted scalar/.test(reason)) {
    m = `Unclosed ${reason.includes('double') ? 'double' : 'single'} quote: add the closing quote.`;
  } else if (reason.startsWith('unknown escape sequence')) {
    m = 'Unknown escape sequence in a double-quoted string: write `\\\\` for a backslash, or use single quotes.';
  } else if (reason.startsWith('expected valid JSON character') || reason.startsWith('the stream contains non-printable')) {
    m = 'The text contains a control (non-printable) character: remove it, or write it as an escape in double quotes.';
  } else if (reason.startsWith('name of an anchor node')) m = '`&` starts an anchor and must be followed by a name: quote the value if `&` is text.';
  else if (reason.startsWith('name of an alias node')) m = '`*` starts an alias and must be followed by a name: quote the value if `*` is text.';
  else if (reason.startsWith('can not read a block mapping entry')) {
    m = 'A key cannot span several lines: a `:` may be missing after a key, or a quote may be left open.';
  } else if (reason.startsWith("expected ':'")) m = 'A `:` is expected after this key.';
  else m = `Invalid YAML: ${reason}.`;
  return m + SKIPPED;
}
