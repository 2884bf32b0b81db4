import { useState } from 'react';
import type { TestCase } from '../../core/simulate/index.ts';
import { TestCaseEditor } from './TestCaseEditor.tsx';
import './review.css';

export interface TestCaseResult {
  name: string;
  passed: boolean;
  failures: string[];
}

export interface TestsPanelProps {
  cases: TestCase[];
  /** One per case, in order (null while running or before the first run). */
  results: TestCaseResult[] | null;
  coverage: { exercised: string[]; total: string[] } | null;
  onRecord(): void;
  onChange(cases: TestCase[]): void;
  onSelectRouter(name: string): void;
}

/** The result of case i: same position when it carries the same name, else the first with that name. */
function resultOf(results: TestCaseResult[] | null, c: TestCase, i: number): TestCaseResult | null {
  if (!results) return null;
  const same = results[i];
  return same && same.name === c.name ? same : (results.find((r) => r.name === c.name) ?? null);
}

function expectSummary(c: TestCase): string {
  return Object.entries(c.expect)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k} ${v === null ? 'none' : typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(' · ');
}

/** Route tests: record the simulator's request with its verdict, edit and delete cases, see failures and coverage. */
export function TestsPanel({ cases, results, coverage, onRecord, onChange, onSelectRouter }: TestsPanelProps) {
  const [editing, setEditing] = useState<number | null>(null);
  const failed = results ? cases.filter((c, i) => resultOf(results, c, i)?.passed === false).length : 0;
  const passed = results ? cases.filter((c, i) => resultOf(results, c, i)?.passed === true).length : 0;
  const missed = coverage ? coverage.total.filter((n) => !coverage.exercised.includes(n)) : [];

  return (
    <section className="review-panel tests-panel" aria-label="Route tests">
      <div className="toolbar">
        <button type="button" className="primary" onClick={onRecord}>Record current request as test</button>
        <span role="status" className={failed ? 'tests-summary bad' : 'tests-summary'} data-testid="tests-summary">
          {cases.length === 0 ? 'No tests yet' : results ? `${passed} passed, ${failed} failed` : 'Running…'}
        </span>
      </div>
      {cases.length === 0 && (
        <p className="empty">Set up a request in the Simulator, then record it here: its current verdict becomes the expectation.</p>
      )}
      <ul className="test-list" aria-label="Test cases">
        {cases.map((c, i) => {
          const r = resultOf(results, c, i);
          const state = r === null ? 'pending' : r.passed ? 'pass' : 'fail';
          return (
            <li key={`${i}-${c.name}`} className={`test-item test-${state}`} aria-label={`${c.name}: ${state === 'pending' ? 'not run' : state === 'pass' ? 'passed' : 'failed'}`}>
              <div className="test-head">
                <span className={`test-badge badge-${state}`}>{state === 'pending' ? '…' : state === 'pass' ? 'PASS' : 'FAIL'}</span>
                <span className="test-name">{c.name}</span>
                <span className="spacer" />
                <button type="button" aria-expanded={editing === i} aria-label={`Edit test ${c.name}`} onClick={() => setEditing(editing === i ? null : i)}>
                  Edit
                </button>
                <button
                  type="button"
                  aria-label={`Delete test ${c.name}`}
                  onClick={() => {
                    setEditing(null);
                    onChange(cases.filter((_, j) => j !== i));
                  }}
                >
                  Delete
                </button>
              </div>
              <div className="test-request mono">{c.request.method} {c.request.url}</div>
              <div className="test-expect muted">{expectSummary(c) || 'no expectations'}</div>
              {r && !r.passed && (
                <ul className="test-failures" aria-label={`Failures of ${c.name}`}>
                  {r.failures.map((f, j) => (
                    <li key={j}>{f}</li>
                  ))}
                </ul>
              )}
              {editing === i && (
                <TestCaseEditor
                  testCase={c}
                  onCancel={() => setEditing(null)}
                  onSave={(next) => {
                    setEditing(null);
                    onChange(cases.map((x, j) => (j === i ? next : x)));
                  }}
                />
              )}
            </li>
          );
        })}
      </ul>
      {coverage && (
        <div className="coverage" role="group" aria-label="Router coverage">
          <h3 className="pane-title">
            Router coverage: {coverage.exercised.length}/{coverage.total.length}
          </h3>
          {missed.length === 0 ? (
            <p className="empty">Every router is reached by a test.</p>
          ) : (
            <ul className="coverage-list" aria-label="Routers no test reaches">
              {missed.map((name) => (
                <li key={name}>
                  <button type="button" className="link mono" title="Show in the YAML" onClick={() => onSelectRouter(name)}>
                    {name}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
