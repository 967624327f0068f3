/**
 * Vendor-API simulators for tests, `periscope demo` and the benchmark. Never imported by
 * production code.
 */
export * from './anthropic/index.ts';
export { simulatorConnectApps } from './connect-apps.ts';
export {
  type ActiveFault,
  createFaultInjector,
  type FaultInjector,
  type FaultKind,
  type FaultSpec,
} from './faults.ts';
export * from './gemini/index.ts';
export * from './github/index.ts';
export * from './google/index.ts';
export { type SandboxHandler, type SandboxHost, type SandboxHostOptions, startSandboxHost } from './host.ts';
export * from './microsoft/index.ts';
export * from './openai/index.ts';
export { createIdSequence, createRandom, type Random } from './random.ts';
export {
  type CountedStatus,
  createRequestCounter,
  type EndpointCount,
  type RequestCounter,
} from './request-counter.ts';
export { createRouter, type Router } from './router.ts';
export { createSelfSignedCertificate, type SelfSignedCertificate } from './tls-cert.ts';
