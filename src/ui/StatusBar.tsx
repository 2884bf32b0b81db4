import { useStudio } from '../store/index.ts';
import { selectCounts, selectIsStale, selectRouterCount } from '../store/selectors.ts';

export function StatusBar() {
  const counts = useStudio(selectCounts);
  const stale = useStudio(selectIsStale);
  // What it shows of the analysis, not the analysis: the status bar is drawn again only when one of them changes.
  const ms = useStudio((s) => s.analysis?.ms);
  const shadowCut = useStudio((s) => s.analysis?.shadowCut);
  const routers = useStudio(selectRouterCount);
  const error = useStudio((s) => s.analysisError);
  const mainThread = useStudio((s) => s.analysisOnMainThread);
  const target = useStudio((s) => s.settings.target);
  return (
    <footer className="statusbar">
      <div className="statusbar-live" role="status" aria-live="polite">
        <span className="stat stat-error" data-testid="count-errors">{counts.errors} errors</span>
        <span className="stat stat-warning" data-testid="count-warnings">{counts.warnings} warnings</span>
        <span className="stat">{counts.infos} infos</span>
        <span className="stat">{routers} routers</span>
        <span className="stat muted">{stale ? 'analysing…' : ms !== undefined ? `analysed in ${ms.toFixed(0)} ms` : ''}</span>
        {shadowCut && (
          <span className="stat muted" title="The check for routers that can never win has a budget so that huge workspaces stay fast; the routers beyond it were not checked.">
            shadow check: {shadowCut.checked.toLocaleString('en')} of {shadowCut.total.toLocaleString('en')} routes
          </span>
        )}
        {mainThread && (
          <span className="stat stat-warning" data-testid="main-thread" title="The analysis worker could not start (or stopped): the analysis runs on the page's own thread, so large workspaces make typing slower. Reload the page to try the worker again.">
            analysing on the main thread
          </span>
        )}
        {error && <span className="stat stat-error">{error}</span>}
      </div>
      <span className="spacer" />
      <span className="stat muted">Target: {target === 'v3' ? 'Traefik Proxy v3' : target === 'v2.11' ? 'Traefik Proxy v2.11' : 'Traefik Hub API Gateway'}</span>
      <span className="stat muted">Nothing leaves this page</span>
    </footer>
  );
}
