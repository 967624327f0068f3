import { describe, expect, it } from 'vitest';
import { generateGitHubTenant } from '../../sandbox/github/generate.ts';
import { shadowAiRuleIds } from '../../sandbox/github/generate-access.ts';
import { findGitHubViolations } from '../../sandbox/github/oracle.ts';
import { githubRuleIds } from '../../sandbox/index.ts';

const now = new Date('2026-09-01T12:00:00Z');
const keyOf = (p: { ruleId: string; assetKey: string }) => `${p.ruleId} ${p.assetKey}`;

describe('GitHub tenant generator', () => {
  it('plants the same violations for the same seed and different ones for another seed', () => {
    const first = generateGitHubTenant({ seed: 42, now });
    const second = generateGitHubTenant({ seed: 42, now });
    const other = generateGitHubTenant({ seed: 43, now });
    expect(second.planted).toEqual(first.planted);
    expect(second.tenant.members.map((m) => m.login)).toEqual(first.tenant.members.map((m) => m.login));
    expect(other.planted.map(keyOf)).not.toEqual(first.planted.map(keyOf));
  });

  it('plants every rule at least once, and nothing else is violated', () => {
    for (const seed of [1, 2, 3]) {
      const { tenant, planted } = generateGitHubTenant({ seed, now });
      expect(new Set(planted.map((p) => p.ruleId))).toEqual(new Set([...githubRuleIds, ...shadowAiRuleIds]));
      expect(findGitHubViolations(tenant, now).map(keyOf).sort()).toEqual(planted.map(keyOf).sort());
      expect(new Set(planted.map(keyOf)).size).toBe(planted.length);
    }
  });

  it('generates a fully clean org on request', () => {
    const { tenant, planted } = generateGitHubTenant({ seed: 5, now, clean: true });
    expect(planted).toEqual([]);
    expect(findGitHubViolations(tenant, now)).toEqual([]);
    expect(tenant.org.two_factor_requirement_enabled).toBe(true);
    expect(tenant.members.filter((m) => m.role === 'admin').length).toBeLessThanOrEqual(5);
  });

  it('keeps clean near-misses that a sloppy rule would flag', () => {
    const { tenant } = generateGitHubTenant({ seed: 1, now });
    expect(tenant.repos.some((r) => r.visibility !== 'public' && r.secret_scanning === 'disabled')).toBe(
      true,
    );
    expect(
      tenant.repos.some((r) => r.visibility === 'public' && r.archived && r.secret_scanning === 'disabled'),
    ).toBe(true);
    const keys = [...tenant.deployKeys.values()].flat();
    expect(
      keys.some((k) => k.last_used !== null && now.getTime() - Date.parse(k.last_used) < 12 * 86_400_000),
    ).toBe(true);
    expect(
      keys.some((k) => k.last_used === null && now.getTime() - Date.parse(k.created_at) < 7 * 86_400_000),
    ).toBe(true);
    expect(
      tenant.installations.some(
        (i) => i.repository_selection === 'selected' && Object.values(i.permissions).includes('write'),
      ),
    ).toBe(true);
    expect(tenant.members.some((m) => m.two_factor === 'insecure')).toBe(true);
  });

  it('timestamps planted stale records ~200 days and fresh ones days before now', () => {
    const { tenant, planted } = generateGitHubTenant({ seed: 1, now });
    const unusedPat = planted.find((p) => p.ruleId === 'github/fine-grained-pat-unused');
    const grant = tenant.patGrants.find((g) => unusedPat?.assetKey.endsWith(`:${g.id}`));
    const age = (iso: string | null) => (now.getTime() - Date.parse(iso ?? '')) / 86_400_000;
    expect(age(grant?.token_last_used_at ?? null)).toBeGreaterThan(170);
    expect(age(grant?.token_last_used_at ?? null)).toBeLessThan(230);
  });

  it('generates 2,000 repos and 5,000 members well under a second', () => {
    const started = performance.now();
    const { tenant, planted } = generateGitHubTenant({ seed: 9, now, size: { repos: 2000, members: 5000 } });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(tenant.repos).toHaveLength(2000);
    expect(tenant.members).toHaveLength(5000);
    expect(new Set(tenant.members.map((m) => m.id)).size).toBe(5000);
    const keyCounts = tenant.repos.map((r) => tenant.deployKeys.get(r.name)?.length ?? 0);
    expect(keyCounts.filter((n) => n <= 1).length / keyCounts.length).toBeGreaterThan(0.9);
    expect(findGitHubViolations(tenant, now).length).toBe(planted.length);
  });

  it('keeps other sections stable when one grows', () => {
    const small = generateGitHubTenant({ seed: 3, now, size: { repos: 10 } });
    const large = generateGitHubTenant({ seed: 3, now, size: { repos: 500 } });
    expect(large.tenant.hooks.map((h) => h.id)).toEqual(small.tenant.hooks.map((h) => h.id));
    expect(large.tenant.members.map((m) => m.id)).toEqual(small.tenant.members.map((m) => m.id));
  });
});
