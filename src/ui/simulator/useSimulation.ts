import { useEffect, useRef, useState } from 'react';
import { useStudio } from '../../store/index.ts';
import { analysisClient } from '../useAnalysis.ts';
import type { VerdictJson } from './verdict-json.ts';

/** Re-simulates whenever the request or the analysis changes; the newest answer wins. */
export function useSimulation(): { json: VerdictJson | null; error: string | null } {
  const request = useStudio((s) => s.request);
  // Per analysis version: the graph's message and the shadow check's give the same version a new analysis object,
  // and the same routing.
  const version = useStudio((s) => s.analysis?.version);
  const [json, setJson] = useState<VerdictJson | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The verdict is on screen all the time: most keystrokes do not change it, and an unchanged answer
  // must not re-render the verdict panel and re-light the graph (thousands of nodes) for nothing.
  const last = useRef('');
  useEffect(() => {
    if (version === undefined) return;
    try {
      new URL(request.url);
    } catch {
      setError('Enter an absolute URL, e.g. https://shop.example.com/api/orders');
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      void analysisClient()
        .simulate(version, request)
        .then((answer) => {
          if (!live) return;
          setError(null);
          const key = JSON.stringify(answer.json);
          if (key === last.current) return;
          last.current = key;
          setJson(answer.json as VerdictJson);
          useStudio.getState().setVerdict(answer.verdict, version);
        });
    }, 80);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [request, version]);
  return { json, error };
}
