import { useEffect, useState } from 'react';

const KEY = 'ingressroute-studio:workbench';

/** The workbench's user-sized boxes, in CSS pixels, remembered per browser profile. */
export interface PanelSizes {
  outline: number;
  /** Below ~1400 px the outline starts as a rail so that the editor, graph and form fit side by side. */
  outlineCollapsed: boolean;
  editor: number;
  inspector: number;
  /** Height of the verdict panel under the graph. */
  verdict: number;
  /** The most the bottom strip may grow to; it is shorter when its content is (one line when empty). */
  bottom: number;
}

/** Defaults scaled to the window, so that 1280×720 and 1920×1080 both open with every pane usable. */
export function defaultSizes(width: number, height: number): PanelSizes {
  return {
    outline: width >= 1800 ? 220 : 180,
    outlineCollapsed: width < 1400,
    editor: Math.round(Math.min(540, Math.max(340, width * 0.26))),
    inspector: Math.round(Math.min(420, Math.max(340, width * 0.22))),
    // A fifth of the height: the verdict's headline, entryPoint and TLS show, and the graph above keeps
    // room for the example's routes at a readable zoom (1440×900).
    verdict: Math.round(Math.min(340, Math.max(160, height * 0.2))),
    bottom: Math.round(Math.min(320, Math.max(140, height * 0.2))),
  };
}

function load(): PanelSizes {
  const defaults = defaultSizes(globalThis.innerWidth || 1440, globalThis.innerHeight || 900);
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<PanelSizes>;
    return { ...defaults, ...saved };
  } catch {
    return defaults;
  }
}

/** Panel sizes, remembered across reloads. */
export function usePanelSizes(): [PanelSizes, (patch: Partial<PanelSizes>) => void] {
  const [sizes, setSizes] = useState(load);
  useEffect(() => {
    try {
      localStorage.setItem(KEY, JSON.stringify(sizes));
    } catch {
      // A full storage must not break the layout: the sizes just do not persist.
    }
  }, [sizes]);
  return [sizes, (patch) => setSizes((s) => ({ ...s, ...patch }))];
}

/**
 * The widths actually used in a window of `width` px: the editor, then the inspector, then the outline give way so that
 * the centre (request, graph, verdict) keeps at least `minCentre` px, whatever sizes were saved.
 */
export function fitColumns(sizes: PanelSizes, width: number, inspectorOpen: boolean, minCentre = 420): { outline: number; editor: number; inspector: number } {
  let outline = sizes.outlineCollapsed ? 36 : sizes.outline;
  let editor = sizes.editor;
  let inspector = inspectorOpen ? sizes.inspector : 0;
  const splitters = 6 * (inspectorOpen ? 3 : 2);
  let excess = outline + editor + inspector + splitters + minCentre - width;
  if (excess > 0) {
    const fromEditor = Math.min(excess, Math.max(0, editor - 280));
    editor -= fromEditor;
    excess -= fromEditor;
    if (excess > 0 && inspectorOpen) {
      const fromInspector = Math.min(excess, Math.max(0, inspector - 280));
      inspector -= fromInspector;
      excess -= fromInspector;
    }
    if (excess > 0 && !sizes.outlineCollapsed) outline -= Math.min(excess, Math.max(0, outline - 140));
  }
  return { outline, editor, inspector };
}
