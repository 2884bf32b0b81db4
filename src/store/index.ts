import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import {
  createAnalysisSlice,
  createDocumentSlice,
  createSettingsSlice,
  createSimulatorSlice,
  createUiSlice,
} from './slices.ts';
import type { StudioState } from './types.ts';

export const STORAGE_KEY = 'ingressroute-studio:workspace';

/** What survives a reload: the text of every file, the settings, the simulator request and history. */
type Persisted = Pick<StudioState, 'files' | 'activeFile' | 'settings' | 'request' | 'history'>;

export const useStudio = create<StudioState>()(
  persist(
    (...a) => ({
      ...createDocumentSlice(...a),
      ...createAnalysisSlice(...a),
      ...createUiSlice(...a),
      ...createSimulatorSlice(...a),
      ...createSettingsSlice(...a),
    }),
    {
      name: STORAGE_KEY,
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s): Persisted => ({
        files: s.files,
        activeFile: s.activeFile,
        settings: s.settings,
        request: s.request,
        history: s.history,
      }),
    },
  ),
);

export type { StudioState } from './types.ts';
