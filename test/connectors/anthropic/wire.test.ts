/**
 * Both wire versions (2023-06-01 over x-api-key, 2026-10-21 over Bearer) with one object per
 * list page and five buckets per report page: every page is read (a skipped page loses planted
 * keys, members or usage, and the findings differ from the oracle), the call counts are exactly
 * one per page, and the simulator saw only the headers of the version asked for.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type AnthropicHarness, startAnthropicHarness } from '../../support/anthropic-harness.ts';

const DAY_MS = 86_400_000;
const pages = (n: number, size: number) => Math.max(1, Math.ceil(n / size));

describe('anthropic paging and wire versions', () => {
  let h: AnthropicHarness | undefined;
  afterEach(() => h?.close());

  it.each([
    ['2023-06-01', 'x-api-key 2023-06-01'],
    ['2026-10-21', 'bearer 2026-10-21'],
  ])('apiVersion %s: small pages everywhere, same findings as the oracle', async (apiVersion, wire) => {
    h = await startAnthropicHarness({ config: { apiVersion, pageSize: '2', reportPageSize: '5' } });
    const started = Date.now();
    const { outcome } = await h.scan();
    expect(outcome.status).toBe('succeeded');
    expect(await h.findingKeys()).toEqual(h.expectedKeys());
    expect(Object.keys(h.sim.wireSeen())).toEqual([wire]);

    const { org } = h.sim;
    const calls = (template: string) => h?.sim.requests.count('GET', `/v1/organizations${template}`);
    expect(calls('/api_keys')).toBe(pages(org.apiKeys.length, 2));
    expect(calls('/users')).toBe(pages(org.users.length, 2));
    expect(calls('/invites')).toBe(pages(org.invites.length, 2));
    expect(calls('/workspaces')).toBe(pages(org.workspaces.length, 2));
    const live = org.workspaces.filter((w) => w.archived_at === null);
    const memberPages = live.reduce((sum, w) => sum + pages(org.members.get(w.id)?.length ?? 0, 2), 0);
    expect(calls('/workspaces/{workspace_id}/members')).toBe(memberPages);
    // 90 days back from midnight UTC, in 1d buckets: 91 (or 92 across midnight) buckets, 5 a page.
    const start = Math.floor((started - 90 * DAY_MS) / DAY_MS) * DAY_MS;
    const buckets = Math.ceil((Date.now() - start) / DAY_MS);
    expect([pages(buckets - 1, 5), pages(buckets, 5)]).toContain(calls('/usage_report/messages'));
    expect([pages(buckets - 1, 5), pages(buckets, 5)]).toContain(calls('/cost_report'));
  });

  it('both versions store the same keys, workspace aside', async () => {
    const now = new Date();
    const snapshot = async (apiVersion: string) => {
      h = await startAnthropicHarness({ sim: { now }, config: { apiVersion } });
      await h.scan();
      const rows = await h.database.db.query.assets.findMany();
      const keys = rows
        .filter((r) => r.kind === 'api_key')
        .map((r): Record<string, unknown> => {
          const {
            observedAt: _o,
            attributes,
            ...rest
          } = r.data as Record<string, unknown> & {
            attributes: Record<string, unknown>;
          };
          const {
            workspaceId: _w,
            scopeType: _s,
            principalType: _p,
            principalId: _i,
            ...stable
          } = attributes;
          return { ...(rest as Record<string, unknown>), attributes: stable };
        })
        .sort((a, b) => String(a.externalId).localeCompare(String(b.externalId)));
      const defaultKeys = rows.filter(
        (r) =>
          r.kind === 'api_key' &&
          (r.data as { attributes: { workspaceId: unknown } }).attributes.workspaceId === null,
      ).length;
      await h.close();
      h = undefined;
      return { keys, defaultKeys };
    };
    const legacy = await snapshot('2023-06-01');
    const current = await snapshot('2026-10-21');
    expect(legacy.keys).toEqual(current.keys);
    // 2023-06-01 says null for the default workspace; 2026-10-21 names it.
    expect(legacy.defaultKeys).toBeGreaterThan(0);
    expect(current.defaultKeys).toBe(0);
  });
});
