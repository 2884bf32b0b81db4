/**
 * The autosave storage behind zustand's persist: writes are coalesced and made when the user pauses
 * (and at once when the page is hidden or closed), and a state whose persisted parts are the same
 * objects as the last write is not written again. zustand calls setItem on every change — hover,
 * selection, each analysis — and serialising a 1 MB workspace into localStorage on each was a 50–80 ms
 * main-thread task per keystroke. The text is stored in chunks (chunked.ts): a save writes what changed.
 */
import type { PersistStorage, StorageValue } from 'zustand/middleware';
import { readChunked, removeChunked, writeChunked } from './chunked.ts';

export interface AutosaveStorage<S> extends PersistStorage<S> {
  /** Writes a pending save now. */
  flush(): void;
  /** Told whether the last write failed (quota exceeded: the workspace is larger than the browser keeps). */
  onStatus(listener: (error: string | null) => void): () => void;
}

export function autosaveStorage<S extends object>(storage: () => Storage, delayMs = 300): AutosaveStorage<S> {
  let pending: { name: string; value: StorageValue<S> } | null = null;
  let last: StorageValue<S> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let serialized: { name: string; text: string } | null = null;
  const listeners = new Set<(error: string | null) => void>();
  let status: string | null = null;
  const report = (error: string | null) => {
    if (error === status) return;
    status = error;
    listeners.forEach((l) => l(error));
  };

  const write = () => {
    if (!serialized) return;
    const { name, text } = serialized;
    serialized = null;
    try {
      writeChunked(storage(), name, text);
      report(null);
    } catch (error) {
      // Quota exceeded or storage disabled: the work stays in this tab; the page says so.
      const size = `${(text.length / 1e6).toFixed(1)} MB`;
      report(`Autosave failed (${error instanceof Error ? error.name : 'storage error'}): this browser does not keep a ${size} workspace. Your work is still here; export it before closing the tab.`);
    }
  };

  /** Serialises, then writes in a task of its own. */
  const flush = (now = true) => {
    clearTimeout(timer);
    timer = undefined;
    if (pending) {
      serialized = { name: pending.name, text: JSON.stringify(pending.value) };
      pending = null;
    }
    if (now) write();
    else timer = setTimeout(write, 0);
  };

  if (typeof window !== 'undefined') {
    window.addEventListener('pagehide', () => flush());
    document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && flush());
  }

  return {
    getItem(name) {
      if (pending?.name === name) return pending.value;
      if (serialized?.name === name) return JSON.parse(serialized.text) as StorageValue<S>;
      const text = readChunked(storage(), name);
      if (text === null) return null;
      try {
        return JSON.parse(text) as StorageValue<S>;
      } catch {
        return null;
      }
    },
    setItem(name, value) {
      if (last && sameParts(last, value)) return;
      last = value;
      pending = { name, value };
      serialized = null;
      clearTimeout(timer);
      timer = setTimeout(() => flush(false), delayMs);
    },
    removeItem(name) {
      if (pending?.name === name) pending = null;
      if (serialized?.name === name) serialized = null;
      removeChunked(storage(), name);
    },
    flush: () => flush(),
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Same version and the same objects in every persisted field (the store replaces what it changes). */
function sameParts<S extends object>(a: StorageValue<S>, b: StorageValue<S>): boolean {
  if (a.version !== b.version) return false;
  const keys = Object.keys(b.state) as (keyof S)[];
  return keys.length === Object.keys(a.state).length && keys.every((k) => a.state[k] === b.state[k]);
}
