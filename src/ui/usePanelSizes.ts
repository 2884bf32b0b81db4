import { useEffect, useState } from 'react';

const KEY = 'ingressroute-studio:layout';

export interface PanelSizes {
  outline: number;
  right: number;
  problems: number;
}

const DEFAULTS: PanelSizes = { outline: 230, right: Math.max(560, Math.round((globalThis.innerWidth || 1600) * 0.48)), problems: 170 };

function load(): PanelSizes {
  try {
    return { ...DEFAULTS, ...(JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<PanelSizes>) };
  } catch {
    return DEFAULTS;
  }
}

/** Panel sizes, remembered across reloads. */
export function usePanelSizes(): [PanelSizes, (patch: Partial<PanelSizes>) => void] {
  const [sizes, setSizes] = useState(load);
  useEffect(() => localStorage.setItem(KEY, JSON.stringify(sizes)), [sizes]);
  return [sizes, (patch) => setSizes((s) => ({ ...s, ...patch }))];
}
