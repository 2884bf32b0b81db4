import { useEffect } from 'react';
import { createAnalysisClient, type AnalysisClient } from '../worker/client.ts';
import { useStudio } from '../store/index.ts';

let client: AnalysisClient | null = null;

/** The app's single analysis client. */
export function analysisClient(): AnalysisClient {
  client ??= createAnalysisClient(
    (result) => useStudio.getState().setAnalysis(result),
    (message) => useStudio.getState().setAnalysisError(message),
  );
  return client;
}

/** Sends the workspace to the worker whenever text or settings change (latest version wins). */
export function useAnalysis(): void {
  useEffect(() => {
    const c = analysisClient();
    const send = () => {
      const s = useStudio.getState();
      c.analyze(s.version, s.files, s.settings);
    };
    send();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = useStudio.subscribe((s, prev) => {
      if (s.version === prev.version) return;
      clearTimeout(timer);
      // A short debounce merges the keystrokes of fast typing; the worker drops stale work too.
      timer = setTimeout(send, 60);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, []);
}
