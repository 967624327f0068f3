import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findMicrosoftViolations } from '../../../sandbox/index.ts';
import { type MicrosoftHarness, startMicrosoftHarness } from '../../support/microsoft-harness.ts';

// A full first pass with DLP inspection of every shared file: tens of seconds when the suite runs in parallel.
describe('microsoft-365 full scan against the simulator', { timeout: 180_000 }, () => {
  let h: MicrosoftHarness;
  beforeAll(async () => {
    h = await startMicrosoftHarness({ dlp: true });
  });
  afterAll(() => h?.close());

  it('finds every planted violation and nothing on the clean look-alikes', async () => {
    const { outcome, scan } = await h.scan();
    expect(outcome.status).toBe('succeeded');
    expect(Object.values(scan.streams).every((s) => s.status === 'completed')).toBe(true);
    const expected = findMicrosoftViolations(h.sim.tenant, new Date())
      .map((v) => `${v.ruleId} ${v.assetKey}`)
      .sort();
    const found = await h.findingKeys();
    expect(found.filter((k) => !expected.includes(k))).toEqual([]);
    expect(expected.filter((k) => !found.includes(k))).toEqual([]);
  });
});
