/**
 * Share links: the whole workspace, settings and simulator request, deflate-raw compressed and
 * base64url-encoded in the URL fragment. The fragment is never sent to any server.
 */
import type { WorkspaceFile } from '../../core/analyze.ts';
import type { Settings } from '../../core/types.ts';
import type { SimRequest } from '../../core/simulate/index.ts';

export interface SharedState {
  v: 1;
  files: WorkspaceFile[];
  settings: Settings;
  request: SimRequest;
}

const PREFIX = '#share=';

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

export async function encodeShare(state: SharedState): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(state));
  return PREFIX + toBase64Url(await pipe(json, new CompressionStream('deflate-raw')));
}

/** Reads a `#share=` fragment; null when there is none, an error message when it is damaged. */
export async function decodeShare(hash: string): Promise<SharedState | { error: string } | null> {
  if (!hash.startsWith(PREFIX)) return null;
  try {
    const bytes = await pipe(fromBase64Url(hash.slice(PREFIX.length)), new DecompressionStream('deflate-raw'));
    const state = JSON.parse(new TextDecoder().decode(bytes)) as SharedState;
    if (state?.v !== 1 || !Array.isArray(state.files) || !state.files.every((f) => typeof f?.name === 'string' && typeof f?.text === 'string')) {
      return { error: 'The share link does not hold a workspace.' };
    }
    return state;
  } catch {
    return { error: 'The share link is damaged or truncated; nothing was loaded.' };
  }
}

/** True when some file holds a Secret with data (the share link would carry it). */
export function holdsSecretData(files: WorkspaceFile[]): boolean {
  return files.some((f) => /^kind:\s*Secret\s*$/m.test(f.text) && /^\s*(data|stringData):\s*$/m.test(f.text));
}

/** Replaces every value under `data:` / `stringData:` of Secret documents with `REDACTED`. */
export function redactSecrets(text: string): string {
  return text
    .split(/(?=^---)/m)
    .map((doc) => {
      if (!/^kind:\s*Secret\s*$/m.test(doc)) return doc;
      const lines = doc.split('\n');
      let inData = -1;
      return lines
        .map((line) => {
          const indent = line.length - line.trimStart().length;
          if (/^\s*(data|stringData):\s*$/.test(line)) {
            inData = indent;
            return line;
          }
          if (inData >= 0 && line.trim() !== '' && indent <= inData) inData = -1;
          if (inData >= 0) return line.replace(/^(\s*[^:#]+:\s*).+$/, '$1REDACTED');
          return line;
        })
        .join('\n');
    })
    .join('');
}
