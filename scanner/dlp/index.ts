/**
 * Public API of the DLP engine. Results carry detector ids, counts, confidence and masked hints
 * only; a matched value never leaves the engine.
 */
import { builtInDetectors } from './detectors/index.ts';

export type { CustomProfile } from './custom.ts';
export { inspectContent } from './extract/index.ts';
export { builtInProfiles } from './profiles.ts';
export {
  createDlpScanner,
  DEFAULT_MAX_BYTES,
  type DetectorSummary,
  type DlpResult,
  type DlpScanner,
  type DlpScannerOptions,
  findMatches,
} from './scanner.ts';
export type { DlpConfidence } from './types.ts';

/** Built-in detectors, for listing in the CLI/UI: id, name, and whether a keyword is required. */
export const detectors: ReadonlyArray<{ id: string; name: string; contextRequired: boolean }> =
  builtInDetectors.map((d) => ({ id: d.id, name: d.name, contextRequired: d.context?.required ?? false }));
