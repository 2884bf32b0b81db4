import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The built page forbids inline script and eval. Only the production build gets the policy: the dev
 * server needs an inline preamble for React Fast Refresh. Monaco sets inline styles, hence
 * 'unsafe-inline' for styles only; workers come from our own origin (blob: for Monaco's loader).
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`);
    },
  };
}

/**
 * Vite's dependency optimizer crawls index.html's imports only; a worker loaded with `?worker` is found when
 * the page first requests it, and a dependency found then makes Vite re-bundle and reload the page (the first
 * visit after `npm start` showed a blank page, then reloaded: "optimized dependencies changed. reloading").
 * So the workers are crawled too, and Monaco's and monaco-yaml's worker entries are declared.
 */
export const optimizeDeps = {
  entries: ['index.html', 'src/**/*.worker.ts'],
  include: ['monaco-yaml/yaml.worker.js', 'monaco-editor/esm/vs/editor/editor.worker.js'],
};

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  optimizeDeps,
  // VITE_CACHE_DIR: a dev server with its own optimizer cache (the first-visit test starts one from empty).
  ...(process.env['VITE_CACHE_DIR'] ? { cacheDir: process.env['VITE_CACHE_DIR'] } : {}),
  resolve: {
    alias: [
      // monaco-yaml bundles prettier for YAML formatting, which the app does not offer: 130 KB gzip saved.
      { find: /^prettier(\/.*)?$/, replacement: fileURLToPath(new URL('./src/ui/editor/prettier-stub.ts', import.meta.url)) },
    ],
  },
  worker: { format: 'es' },
  // STUDIO_NO_MINIFY=1 keeps names readable in a CPU profile of the built page.
  build: { target: 'es2022', chunkSizeWarningLimit: 4000, sourcemap: false, minify: !process.env['STUDIO_NO_MINIFY'] },
  preview: { headers: { 'Content-Security-Policy': CSP } },
});
