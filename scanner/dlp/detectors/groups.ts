/**
 * Scan groups (see `Detector.scanGroup`). The number-shaped detectors (SSN, routing, NPI, card,
 * phone, DNI/NIE) all stop on the same digit runs; one walk finds them all.
 */
export const DIGIT_RUNS = 'digit-runs';
