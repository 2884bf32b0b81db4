/**
 * A long string in localStorage as content-defined chunks. localStorage writes are synchronous: the
 * 0.77 MB workspace was one 40–50 ms `setItem` per save. Cut at YAML document boundaries (else at line
 * ends) once a chunk is long enough, the text's chunks stay the same around an edit, so a save writes
 * the one chunk that changed and a small manifest. Chunks are keyed by a hash of their content and
 * written before the manifest that names them; chunks no manifest names are then removed.
 */

/** A chunk ends at the first boundary after this many characters. */
const TARGET = 16 * 1024;
/** Without any boundary (one huge line), a chunk is cut here. */
const HARD = 256 * 1024;

interface Manifest {
  chunked: 1;
  chunks: string[];
}

const chunkKey = (name: string, hash: string) => `${name}:chunk:${hash}`;

/** Where the chunks of `text` end. In the JSON of a workspace a document separator reads `\n---`. */
export function cutPoints(text: string): number[] {
  const ends: number[] = [];
  let start = 0;
  while (text.length - start > TARGET) {
    const from = start + TARGET;
    let end = text.indexOf('\\n---', from);
    if (end < 0 || end - start > HARD) end = text.indexOf('\\n', from);
    if (end < 0 || end - start > HARD) end = Math.min(start + HARD, text.length);
    ends.push(end);
    start = end;
  }
  if (start < text.length || ends.length === 0) ends.push(text.length);
  return ends;
}

/** cyrb53: a 53-bit hash of a string, good enough to tell chunks apart. */
export function hash53(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Writes `text` under `name`; returns how many characters were actually written. */
export function writeChunked(storage: Storage, name: string, text: string): number {
  const chunks: string[] = [];
  let written = 0;
  let start = 0;
  for (const end of cutPoints(text)) {
    const part = text.slice(start, end);
    start = end;
    const key = `${hash53(part)}-${part.length.toString(36)}`;
    chunks.push(key);
    if (storage.getItem(chunkKey(name, key)) === null) {
      storage.setItem(chunkKey(name, key), part);
      written += part.length;
    }
  }
  const manifest: Manifest = { chunked: 1, chunks };
  const manifestText = JSON.stringify(manifest);
  storage.setItem(name, manifestText);
  written += manifestText.length;
  removeChunks(storage, name, new Set(chunks.map((c) => chunkKey(name, c))));
  return written;
}

/** Removes the chunks of `name` that are not in `keep`. */
function removeChunks(storage: Storage, name: string, keep: ReadonlySet<string> = new Set()): void {
  const prefix = chunkKey(name, '');
  for (let i = storage.length - 1; i >= 0; i--) {
    const key = storage.key(i);
    if (key?.startsWith(prefix) && !keep.has(key)) storage.removeItem(key);
  }
}

/** The text stored under `name` (also an old, unchunked value); null when absent or incomplete. */
export function readChunked(storage: Storage, name: string): string | null {
  const head = storage.getItem(name);
  if (head === null) return null;
  let manifest: Partial<Manifest> | null = null;
  try {
    manifest = JSON.parse(head) as Partial<Manifest>;
  } catch {
    return head;
  }
  if (manifest?.chunked !== 1 || !Array.isArray(manifest.chunks)) return head;
  const parts: string[] = [];
  for (const key of manifest.chunks) {
    const part = storage.getItem(chunkKey(name, String(key)));
    if (part === null) return null;
    parts.push(part);
  }
  return parts.join('');
}

/** Removes `name` and its chunks. */
export function removeChunked(storage: Storage, name: string): void {
  storage.removeItem(name);
  removeChunks(storage, name);
}
