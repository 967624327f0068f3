/** The admin key never reaches stored assets, findings, the scan record or the logs; keys carry only their hint. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAssets } from '../../../db/assets.ts';
import { listFindings } from '../../../db/finding-queries.ts';
import { type AnthropicHarness, startAnthropicHarness } from '../../support/anthropic-harness.ts';

describe('anthropic secrets', () => {
  let h: AnthropicHarness;
  beforeAll(async () => {
    h = await startAnthropicHarness({ config: { apiVersion: '2023-06-01' } });
    h.sim.faults.add({ path: '/v1/organizations/cost_report', kind: 'server-error', status: 500, times: 1 });
  });
  afterAll(() => h?.close());

  it('stores and logs no key material', async () => {
    const { scan } = await h.scan();
    const assets = await listAssets(h.database.db, h.tenantId);
    const findings = await listFindings(h.database.db, h.tenantId, { status: 'all' });
    expect(assets.length).toBeGreaterThan(50);
    expect(findings.length).toBeGreaterThan(5);
    const haystack = [
      JSON.stringify(assets),
      JSON.stringify(findings),
      JSON.stringify(scan),
      h.logs.join('\n'),
    ].join('\n');
    expect(haystack).not.toContain(h.sim.adminKey);
    expect(haystack).not.toContain(h.sim.adminKey.slice(15, 40));
    expect(haystack).not.toMatch(/sk-ant-admin01-[A-Za-z0-9]{10,}/);
    for (const asset of assets.filter((a) => a.kind === 'api_key')) {
      expect((asset.data as { hint: string }).hint).toMatch(/^sk-ant-api03-\w{3}\.\.\.\w{4}$/);
    }
  });
});
