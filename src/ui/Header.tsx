import { useState } from 'react';
import { useStudio } from '../store/index.ts';
import { DEFAULT_EXAMPLE, loadExample } from './boot.ts';
import { SettingsDialog } from './settings/SettingsDialog.tsx';
import type { TraefikTarget } from '../core/types.ts';

const TARGETS: { value: TraefikTarget; label: string }[] = [
  { value: 'v3', label: 'Traefik Proxy v3' },
  { value: 'v2.11', label: 'Traefik Proxy v2.11' },
  { value: 'hub', label: 'Traefik Hub API Gateway' },
];

export function Header() {
  const settings = useStudio((s) => s.settings);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const setTarget = (target: TraefikTarget) => {
    const version = target === 'v2.11' ? '2.11.50' : settings.version.startsWith('2.') ? '3.7.9' : settings.version;
    useStudio.getState().setSettings({ ...settings, target, version });
  };
  const reset = async () => {
    if (!window.confirm('Replace the workspace with the built-in example? Your current text will be lost.')) return;
    const text = await loadExample(DEFAULT_EXAMPLE);
    if (text !== null) useStudio.getState().replaceWorkspace([{ name: 'example.yaml', text }]);
  };
  return (
    <header className="header">
      <h1 className="brand">
        IngressRoute <span>Studio</span>
      </h1>
      <label className="field-inline">
        <span>Target</span>
        <select value={settings.target} onChange={(e) => setTarget(e.target.value as TraefikTarget)} aria-label="Traefik target">
          {TARGETS.map((t) => (
            <option key={t.value} value={t.value}>{t.label}</option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => setSettingsOpen(true)}>Settings…</button>
      <span className="spacer" />
      <button type="button" onClick={() => void reset()}>Reset to example</button>
      {settingsOpen && <SettingsDialog onClose={() => setSettingsOpen(false)} />}
    </header>
  );
}
