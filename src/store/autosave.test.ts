import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { autosaveStorage } from './autosave.ts';
import { MemoryStorage } from './memory-storage.ts';
import { readChunked } from './chunked.ts';

/** Saves made: each ends with the manifest under the key itself. */
const saves = (m: MemoryStorage) => m.log.filter((k) => k === 'k').length;

describe('autosaveStorage', () => {
  let mem: MemoryStorage;
  beforeEach(() => {
    vi.useFakeTimers();
    mem = new MemoryStorage();
  });
  afterEach(() => vi.useRealTimers());

  it('coalesces a burst of changes into one write of the latest state', () => {
    const s = autosaveStorage<{ files: string[] }>(() => mem, 300);
    for (let i = 0; i < 20; i++) s.setItem('k', { state: { files: [`text ${i}`] }, version: 1 });
    expect(saves(mem)).toBe(0);
    // A read before the write sees the pending state, not the stored one.
    expect(s.getItem('k')).toEqual({ state: { files: ['text 19'] }, version: 1 });
    vi.advanceTimersByTime(299);
    expect(saves(mem)).toBe(0);
    vi.advanceTimersByTime(1);
    // Serialised first; written in a task of its own.
    expect(saves(mem)).toBe(0);
    vi.advanceTimersToNextTimer();
    expect(saves(mem)).toBe(1);
    expect(JSON.parse(readChunked(mem, 'k')!)).toEqual({ state: { files: ['text 19'] }, version: 1 });
  });

  it('does not write a state whose persisted parts are the same objects', () => {
    const s = autosaveStorage<{ files: string[]; settings: object }>(() => mem, 300);
    const files = ['a'];
    const settings = {};
    s.setItem('k', { state: { files, settings }, version: 1 });
    vi.runAllTimers();
    s.setItem('k', { state: { files, settings }, version: 1 });
    vi.runAllTimers();
    expect(saves(mem)).toBe(1);
    s.setItem('k', { state: { files: ['b'], settings }, version: 1 });
    vi.runAllTimers();
    expect(saves(mem)).toBe(2);
  });

  it('flush writes at once (the page is being hidden) and only once', () => {
    const s = autosaveStorage<{ files: string[] }>(() => mem, 300);
    s.setItem('k', { state: { files: ['x'] }, version: 1 });
    s.flush();
    expect(saves(mem)).toBe(1);
    vi.runAllTimers();
    s.flush();
    expect(saves(mem)).toBe(1);
  });

  it('a full storage keeps the work in memory, says so, and says when saving works again', () => {
    const full = new MemoryStorage();
    let quota = true;
    const setItem = full.setItem.bind(full);
    full.setItem = (k: string, v: string) => {
      if (quota) throw new DOMException('quota', 'QuotaExceededError');
      setItem(k, v);
    };
    const s = autosaveStorage<{ files: string[] }>(() => full, 300);
    const told: (string | null)[] = [];
    s.onStatus((e) => told.push(e));
    s.setItem('k', { state: { files: ['x'] }, version: 1 });
    expect(() => vi.runAllTimers()).not.toThrow();
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(/Autosave failed \(QuotaExceededError\).*export it/);
    quota = false;
    s.setItem('k', { state: { files: ['y'] }, version: 1 });
    vi.runAllTimers();
    expect(told).toEqual([told[0], null]);
    expect(readChunked(full, 'k')).toContain('"y"');
  });
});
