import { describe, expect, it } from 'vitest';
import { crossesAnalyzeThreshold } from '../../db/maintenance.ts';

describe('planner statistics refresh', () => {
  it('refreshes once per tenfold growth of a stream from 20,000 rows, never for small streams', () => {
    expect(crossesAnalyzeThreshold(0, 1_000)).toBe(false);
    expect(crossesAnalyzeThreshold(4_000, 5_000)).toBe(false);
    expect(crossesAnalyzeThreshold(19_000, 20_000)).toBe(true);
    expect(crossesAnalyzeThreshold(20_000, 21_000)).toBe(false);
    expect(crossesAnalyzeThreshold(199_500, 200_500)).toBe(true);
    expect(crossesAnalyzeThreshold(1_999_000, 2_000_000)).toBe(true);
  });
});
