import type { StateCreator } from 'zustand';
import { defaultSettings } from '../core/provider/settings.ts';
import { followRename } from './follow-rename.ts';
import type { AnalysisSlice, DocumentSlice, SettingsSlice, SimulatorSlice, StudioState, UiSlice } from './types.ts';

export const DEFAULT_FILE = 'workspace.yaml';

export const createDocumentSlice: StateCreator<StudioState, [], [], DocumentSlice> = (set) => ({
  files: [{ name: DEFAULT_FILE, text: '' }],
  activeFile: DEFAULT_FILE,
  version: 0,
  setText: (file, text) =>
    set((s) => {
      const exists = s.files.some((f) => f.name === file);
      const files = exists ? s.files.map((f) => (f.name === file ? { ...f, text } : f)) : [...s.files, { name: file, text }];
      return { files, version: s.version + 1 };
    }),
  setActiveFile: (file) => set({ activeFile: file }),
  replaceWorkspace: (files) =>
    set((s) => ({ files, activeFile: files[0]?.name ?? DEFAULT_FILE, version: s.version + 1 })),
});

export const createAnalysisSlice: StateCreator<StudioState, [], [], AnalysisSlice> = (set) => ({
  analysis: null,
  analysedFiles: null,
  analysisError: null,
  analysisOnMainThread: false,
  setAnalysis: (analysis, files) =>
    set((s) => {
      const selection = followRename(s.selection, s.analysis, analysis);
      return { analysis, analysedFiles: files ?? null, analysisError: null, ...(selection ? { selection } : {}) };
    }),
  setAnalysisError: (analysisError) => set({ analysisError }),
  setAnalysisOnMainThread: () => set({ analysisOnMainThread: true }),
});

export const createUiSlice: StateCreator<StudioState, [], [], UiSlice> = (set) => ({
  selection: null,
  reveal: null,
  bottomTab: 'problems',
  inspectorOpen: false,
  select: (selection) =>
    set((s) => ({
      selection,
      // A click anywhere, or the cursor entering another resource, reopens a closed inspector;
      // typing inside the resource it shows does not.
      inspectorOpen: s.inspectorOpen || (!!selection?.resourceId && (selection.from !== 'editor' || selection.resourceId !== s.selection?.resourceId)),
    })),
  revealRange: (file, range) => set((s) => ({ reveal: { file, range, nonce: (s.reveal?.nonce ?? 0) + 1 } })),
  setBottomTab: (bottomTab) => set({ bottomTab }),
  setInspectorOpen: (inspectorOpen) => set({ inspectorOpen }),
});

export const DEFAULT_REQUEST = {
  method: 'GET',
  url: 'https://shop.example.com/api/orders',
  headers: {},
  clientIP: '203.0.113.7',
};

export const createSimulatorSlice: StateCreator<StudioState, [], [], SimulatorSlice> = (set) => ({
  request: DEFAULT_REQUEST,
  verdict: null,
  verdictVersion: -1,
  history: [],
  setRequest: (patch) => set((s) => ({ request: { ...s.request, ...patch } })),
  setVerdict: (verdict, verdictVersion) => set({ verdict, verdictVersion }),
  remember: (request) =>
    set((s) => {
      const key = JSON.stringify(request);
      const rest = s.history.filter((r) => JSON.stringify(r) !== key);
      return { history: [request, ...rest].slice(0, 20) };
    }),
});

export const createSettingsSlice: StateCreator<StudioState, [], [], SettingsSlice> = (set) => ({
  settings: defaultSettings(),
  setSettings: (settings) => set((s) => ({ settings, version: s.version + 1 })),
});
