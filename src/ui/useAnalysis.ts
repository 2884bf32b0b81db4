import { useEffect } from 'react';
import { createAnalysisClient, type AnalysisClient } from '../worker/client.ts';
import { useStudio } from '../store/index.ts';
import type { WorkspaceFile } from '../core/analyze.ts';

let client: AnalysisClient | null = null;
/** The files sent for each version still awaited: an analysis is stored with the texts it read. */
const sent = new Map<number, WorkspaceFile[]>();

/** The app's single analysis client. */
export function analysisClient(): AnalysisClient {
  client ??= createAnalysisClient(
    (result) => {
      for (const v of sent.keys()) if (v < result.version) sent.delete(v);
      useStudio.getState().setAnalysis(result, sent.get(result.version));
    },
    (message) => useStudio.getState().setAnalysisError(message),
    () => useStudio.getState().setAnalysisOnMainThread(),
  );
  return client;
}

/** Sends the workspace to the worker whenever text or settings change (latest version wins). */
export function useAnalysis(): void {
  useEffect(() => {
    const c = analysisClient();
    const send = () => {
      const s = useStudio.getState();
      sent.set(s.version, s.files);
      c.analyze(s.version, s.files, s.settings);
    };
    send();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = useStudio.subscribe((s, prev) => {
      if (s.version === prev.version) return;
      clearTimeout(timer);
      // The next task: the changes one gesture makes in a task (a paste, an undo, a form edit of several keys) go
      // as one request; the worker keeps only the newest request waiting while it is busy, which merges fast
      // typing. (A 60 ms debounce here delayed every keystroke's analysis by 60 ms, a sixth of the 1,000-IngressRoute
      // keystroke.)
      timer = setTimeout(send, 0);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, []);
}
