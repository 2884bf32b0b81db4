// Public API of the simulator (see src/core/CONTEXT.md): compile once per analysis, then simulate requests.
export { compileRouting, redirectRouterNames, routingExtrasOf } from './compile.ts';
export { simulate, simulateLinear, type SimulateOptions } from './simulate.ts';
export { verdictToJson, type VerdictJson } from './format.ts';
export { formatVerdict } from './format.ts';
export { sampleRequests } from './sample.ts';
export { parseTestCases, runTestCases, routerMatchesExpectation, type TestCase, type TestExpect, type TestResult } from './test-cases.ts';
export { generateConfig, generateRequests } from './generate.ts';
export { featuresOf, type Features } from './version.ts';
export type { CompiledRouting, RoutingExtras } from './compiled.ts';
export type {
  CertificateChoice, DecidingLeaf, EntryPointStep, ErrorPageRule, ForwardedVerdict, MiddlewareStep, NoResponseVerdict,
  PreprocessStep, RankEntry, RespondedVerdict, ResponseCause, RoutingStep, ServiceNode, ServiceStep, SimRequest,
  SimResponse, SniCheckStep, TlsStep, UpstreamRequest, Verdict,
} from './verdict.ts';
