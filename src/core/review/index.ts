// Public API of the review module: witness requests, shadowing and reachability, route test files, and the
// diff of two workspace versions (see src/core/CONTEXT.md).
export { witnessRequests, witnessTarget, requestKey, type WitnessOptions, type WitnessTarget } from './witness.ts';
export { findShadowed, shadowReport, shadowSteps, type ShadowOptions, type ShadowReport } from './shadow.ts';
export { REVIEW_CODES, toDiagnostics, type ReviewCode } from './codes.ts';
export { diffWorkspaces, diffHasFindings, summarize, requestLabel, routeOf, type DiffOptions } from './diff.ts';
export { formatDiffMarkdown, formatDiffText, diffSummary, outcomeText } from './diff-format.ts';
export {
  caseFromVerdict, serializeCases, readCases, findTestsFile, uniqueCaseName, routerExpectation, DEFAULT_TESTS_FILE,
} from './tests-file.ts';
export { expectedRouters, failuresByRouter, testFailureDiagnostics, unexercised, type CaseResult } from './test-markers.ts';
export { regexSamples, muxTemplateToRegexp } from './regex-sample.ts';
export type {
  FieldChange, RouterChange, RouterRef, RoutingChange, RoutingSummary, ShadowFinding, ShadowKind, WorkspaceDiff,
} from './types.ts';
