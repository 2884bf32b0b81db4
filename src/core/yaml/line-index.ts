/**
 * Offset ↔ line/column conversion. Lines and columns are 1-based like Monaco's and editors' status
 * bars; columns count UTF-16 code units (what JS strings, Monaco and LSP use). `\r\n`, `\n` and a lone
 * `\r` each end a line, as in YAML and Monaco.
 */
import type { Offset } from '../types.ts';

export interface LineColumn {
  /** 1-based line number. */
  line: number;
  /** 1-based UTF-16 column. */
  column: number;
}

export class LineIndex {
  /** Offset of the first character of each line. */
  private readonly starts: number[];
  private readonly length: number;
  private readonly text: string;

  /**
   * @example
   * const index = new LineIndex('a: 1\nb: 2\n');
   * index.positionAt(5); // { line: 2, column: 1 }
   * index.offsetAt(2, 4); // 8
   */
  constructor(input: string) {
    const text = typeof input === 'string' ? input : '';
    const starts = [0];
    const n = text.length;
    let i = text.indexOf('\n');
    // Fast path: no lone CRs (the overwhelming case) → only look for '\n'.
    if (text.indexOf('\r') === -1) {
      while (i !== -1) {
        starts.push(i + 1);
        i = text.indexOf('\n', i + 1);
      }
    } else {
      for (let k = 0; k < n; k++) {
        const c = text.charCodeAt(k);
        if (c === 10) starts.push(k + 1);
        else if (c === 13) {
          if (text.charCodeAt(k + 1) === 10) k++;
          starts.push(k + 1);
        }
      }
    }
    this.starts = starts;
    this.length = n;
    this.text = text;
  }

  /** Number of lines (an empty text has one line). */
  get lineCount(): number {
    return this.starts.length;
  }

  /**
   * 1-based line and UTF-16 column of an offset (clamped to the text).
   *
   * @example
   * new LineIndex('x\ny').positionAt(2); // { line: 2, column: 1 }
   */
  positionAt(offset: Offset): LineColumn {
    const o = Math.max(0, Math.min(Number.isFinite(offset) ? Math.floor(offset) : 0, this.length));
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - starts[lo]! + 1 };
  }

  /**
   * Offset of a 1-based line and column; clamped to the line (a column past the end of a line gives
   * the offset of its end, before the line break) and to the text.
   *
   * @example
   * new LineIndex('ab\ncd').offsetAt(2, 2); // 4
   */
  offsetAt(line: number, column: number): Offset {
    if (!Number.isFinite(line) || line < 1) return 0;
    if (line > this.starts.length) return this.length;
    const start = this.starts[line - 1]!;
    const end = this.lineEnd(line);
    const col = Number.isFinite(column) ? Math.max(1, Math.floor(column)) : 1;
    return Math.min(start + col - 1, end);
  }

  /** Offset of the first character of a 1-based line. */
  lineStart(line: number): Offset {
    return this.starts[Math.max(0, Math.min(line, this.starts.length) - 1)]!;
  }

  /** Offset of the end of a 1-based line's content (before its line break). */
  lineEnd(line: number): Offset {
    if (line >= this.starts.length) return this.length;
    let end = this.starts[Math.max(1, line)]! - 1; // the '\n' or lone '\r'
    if (this.text.charCodeAt(end) === 10 && end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
}
