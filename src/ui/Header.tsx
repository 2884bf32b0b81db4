import { lazy, Suspense, useCallback, useRef, useState } from 'react';
import { useStudio } from '../store/index.ts';
import { DEFAULT_EXAMPLE, loadExample } from './boot.ts';
import type { TraefikTarget } from '../core/types.ts';
import { EXAMPLES } from './examples.ts';
import { FilesMenu, ShareExport } from './files/FilesMenu.tsx';
import { DropOverlay } from './files/DropOverlay.tsx';
import { NewResourceMenu } from './form/NewResourceMenu.tsx';
import { Notices, type Toast } from './Notices.tsx';
import { ConvertButton } from './review/ConvertButton.tsx';

// Loads on first use (it brings the TOML parser for static configuration).
const SettingsDialog = lazy(() => import('./settings/SettingsDialog.tsx').then((m) => ({ default: m.SettingsDialog })));

const TARGETS: { value: TraefikTarget; label: string }[] = [
  { value: 'v3', label: 'Traefik Proxy v3' },
  { value: 'v2.11', label: 'Traefik Proxy v2.11' },
  { value: 'hub', label: 'Traefik Hub API Gateway' },
];

/** One line at 1280 px: name, target, files in, new resource, examples, settings, files out. Toasts float above the page. */
export function Header() {
  const settings = useStudio((s) => s.settings);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(0);
  const push = useCallback((messages: string[]) => setToasts((t) => [...t, ...messages.map((text) => ({ id: nextId.current++, text }))]), []);
  const dismiss = useCallback((id: number) => setToasts((t) => t.filter((x) => x.id !== id)), []);
  const setTarget = (target: TraefikTarget) => {
    const version = target === 'v2.11' ? '2.11.50' : settings.version.startsWith('2.') ? '3.7.9' : settings.version;
    useStudio.getState().setSettings({ ...settings, target, version });
  };
  const openExample = async (name: string) => {
    const title = EXAMPLES.find((e) => e.name === name)?.title ?? name;
    if (!window.confirm(`Replace the workspace with the example "${title}"? Your current text will be lost.`)) return;
    const text = await loadExample(name);
    if (text !== null) useStudio.getState().replaceWorkspace([{ name: `${name === DEFAULT_EXAMPLE ? 'example' : name}.yaml`, text }]);
  };
  return (
    <header className="header">
      <h1 className="brand">
        IngressRoute <span>Studio</span>
      </h1>
      <select className="header-select" value={settings.target} onChange={(e) => setTarget(e.target.value as TraefikTarget)} aria-label="Traefik target" title="Traefik target">
        {TARGETS.map((t) => (
          <option key={t.value} value={t.value}>{t.label}</option>
        ))}
      </select>
      <span className="header-sep" aria-hidden="true" />
      <FilesMenu onMessages={push} />
      <NewResourceMenu />
      <ConvertButton onMessages={push} />
      <select
        className="header-select"
        aria-label="Examples"
        value=""
        onChange={(e) => {
          if (e.target.value) void openExample(e.target.value);
        }}
      >
        <option value="">Examples…</option>
        {EXAMPLES.map((ex) => (
          <option key={ex.name} value={ex.name}>{ex.title}</option>
        ))}
      </select>
      <span className="spacer" />
      <button type="button" onClick={() => setSettingsOpen(true)}>Settings…</button>
      <ShareExport />
      <Notices toasts={toasts} onDismiss={dismiss} />
      <DropOverlay onImported={push} />
      <Suspense fallback={null}>{settingsOpen && <SettingsDialog onClose={() => setSettingsOpen(false)} />}</Suspense>
    </header>
  );
}
