/** A Storage in memory, for tests of the autosave (Node has no localStorage). */
export class MemoryStorage implements Storage {
  readonly map = new Map<string, string>();
  writes = 0;
  /** Keys in the order they were written. */
  readonly log: string[] = [];
  written = 0;
  get length(): number {
    return this.map.size;
  }
  clear(): void {
    this.map.clear();
  }
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
  setItem(key: string, value: string): void {
    this.writes++;
    this.log.push(key);
    this.written += value.length;
    this.map.set(key, value);
  }
}
