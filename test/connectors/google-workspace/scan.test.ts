import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findGoogleSettingViolations, findGoogleViolations } from '../../../sandbox/index.ts';
import { type GoogleHarness, startGoogleHarness } from '../../support/google-harness.ts';

describe('google-workspace full scan against the simulator', () => {
  let h: GoogleHarness;
  beforeAll(async () => {
    h = await startGoogleHarness({ dlp: true });
  });
  afterAll(() => h?.close());

  it('finds every planted violation and nothing on the clean look-alikes', async () => {
    const { outcome, scan } = await h.scan();
    expect(outcome.status).toBe('succeeded');
    expect(Object.values(scan.streams).map((s) => s.status)).toEqual(Array(6).fill('completed'));
    const expected = [
      ...findGoogleViolations(h.sim.tenant, new Date()),
      ...findGoogleSettingViolations(h.sim.tenant),
    ]
      .map((v) => `${v.ruleId} ${v.assetKey}`)
      .sort();
    const found = await h.findingKeys();
    expect(found.filter((k) => !expected.includes(k))).toEqual([]);
    expect(expected.filter((k) => !found.includes(k))).toEqual([]);
  });
});
