import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { autosaveStorage } from './autosave.ts';
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

/** The autosave behind the store (the notices tell the user when a write fails). */
export const autosave = autosaveStorage<Persisted>(() => localStorage);

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
      storage: autosave,
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
