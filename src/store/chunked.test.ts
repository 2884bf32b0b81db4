import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cutPoints, readChunked, removeChunked, writeChunked } from './chunked.ts';
import { MemoryStorage } from './memory-storage.ts';
import { generateWorkspace } from '../../bench/generate-yaml.ts';

/** The workspace as the autosave stores it: JSON, where a document separator reads `\n---`. */
const stored = (text: string) => JSON.stringify({ state: { files: [{ name: 'big.yaml', text }] }, version: 1 });

describe('chunked storage', () => {
  const big = stored(generateWorkspace(500).text);

  it('reads back exactly what was written, in several chunks', () => {
    const mem = new MemoryStorage();
    writeChunked(mem, 'k', big);
    expect(readChunked(mem, 'k')).toBe(big);
    expect(cutPoints(big).length).toBeGreaterThan(4);
  });

  it('an edit rewrites the chunk it is in and the manifest, not the rest', () => {
    const mem = new MemoryStorage();
    writeChunked(mem, 'k', big);
    const at = big.indexOf('name: app-300');
    const edited = `${big.slice(0, at)}name: app-300x${big.slice(at + 'name: app-300'.length)}`;
    const before = mem.written;
    const written = writeChunked(mem, 'k', edited);
    expect(mem.written - before).toBe(written);
    expect(written).toBeLessThan(40 * 1024);
    expect(big.length).toBeGreaterThan(15 * written);
    expect(readChunked(mem, 'k')).toBe(edited);
    // The replaced chunk is gone: the storage holds the manifest and the current chunks only.
    expect(mem.length).toBe(cutPoints(edited).length + 1);
  });

  it('cuts any text into pieces that join back to it', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '\\n', '---', 'x'.repeat(5000), '"') , maxLength: 400 }), (text) => {
        const ends = cutPoints(text);
        expect(ends[ends.length - 1]).toBe(text.length);
        for (let i = 1; i < ends.length; i++) expect(ends[i]!).toBeGreaterThan(ends[i - 1]!);
        const mem = new MemoryStorage();
        writeChunked(mem, 'k', text);
        expect(readChunked(mem, 'k')).toBe(text);
      }),
      { seed: 3, numRuns: 60 },
    );
  });

  it('a line longer than any boundary allows is cut hard', () => {
    const text = 'y'.repeat(600 * 1024);
    const ends = cutPoints(text);
    expect(ends.length).toBe(3);
    expect(ends.every((e, i) => e - (i ? ends[i - 1]! : 0) <= 256 * 1024)).toBe(true);
  });

  it('reads an old unchunked value, and reports a damaged one as absent', () => {
    const mem = new MemoryStorage();
    mem.setItem('k', '{"state":{"files":[]},"version":1}');
    expect(readChunked(mem, 'k')).toBe('{"state":{"files":[]},"version":1}');
    writeChunked(mem, 'k', big);
    const aChunk = [...mem.map.keys()].find((key) => key.startsWith('k:chunk:'))!;
    mem.removeItem(aChunk);
    expect(readChunked(mem, 'k')).toBeNull();
    removeChunked(mem, 'k');
    expect(mem.length).toBe(0);
  });
});
