/**
 * A large message in slices. The page deserialises a message in the task that receives it, so one
 * 12 MB analysis was one 60 ms task however it was split afterwards. The worker cuts every long array
 * out of the message into slices posted ahead of it; each slice is received in a task of its own and
 * the message that follows, now small, is put back together from them.
 */

/** Items per slice: ~1,000 graph nodes deserialise in ~5 ms. */
export const SLICE = 1000;

export interface Slice {
  type: 'slice';
  /** Which cut-out array the items belong to (unique per message). */
  id: number;
  items: unknown[];
}

const MARK = '__slices';
interface Mark {
  [MARK]: number;
}

let nextId = 1;

/** The slices to post first, then `head` (the message with each long array replaced by a mark). */
export function cut<T>(message: T, size = SLICE): { slices: Slice[]; head: T } {
  const slices: Slice[] = [];
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      if (value.length <= size) return value.map(visit);
      const id = nextId++;
      for (let i = 0; i < value.length; i += size) slices.push({ type: 'slice', id, items: value.slice(i, i + size) });
      return { [MARK]: id } satisfies Mark;
    }
    if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = visit(v);
      return out;
    }
    return value;
  };
  return { slices, head: visit(message) as T };
}

/** Page side: keeps slices as they arrive and restores the arrays when their message comes. */
export class SliceCollector {
  private readonly held = new Map<number, unknown[][]>();

  add(slice: Slice): void {
    const list = this.held.get(slice.id) ?? [];
    list.push(slice.items);
    this.held.set(slice.id, list);
  }

  restore<T>(head: T): T {
    const visit = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(visit);
      if (value !== null && typeof value === 'object') {
        const id = (value as Partial<Mark>)[MARK];
        if (typeof id === 'number') {
          const parts = this.held.get(id) ?? [];
          this.held.delete(id);
          return parts.flat();
        }
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) out[k] = visit(v);
        return out;
      }
      return value;
    };
    return visit(head) as T;
  }
}
