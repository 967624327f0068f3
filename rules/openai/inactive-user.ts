import { daysBetween, defineRule } from '../define-rule.ts';

interface Options extends Record<string, unknown> {
  /** Days without a login or API key use before a user is inactive; default: the policy's staleDays. */
  staleDays?: number;
}

const latest = (...times: unknown[]) =>
  times
    .filter((t): t is string => typeof t === 'string')
    .sort()
    .at(-1) ?? null;

export default defineRule<'identity', Options>({
  id: 'openai/inactive-user',
  title: 'Organization members are active',
  description:
    'A member who has neither logged in nor used an API key for the stale period (or ever) still holds their role and project access. Dormant accounts of people who moved on are taken over unnoticed.',
  remediation:
    'Confirm with the person or their manager, then remove them under Settings > Organization > People (their keys stop working with them).',
  severity: 'medium',
  provider: 'openai',
  kind: 'identity',
  // audit-log: logins come from the audit log; without it there is nothing to judge by.
  streams: ['users', 'audit-log'],
  references: [
    'https://platform.openai.com/docs/api-reference/audit-logs',
    'https://platform.openai.com/docs/api-reference/users',
  ],
  frameworks: { soc2: ['CC6.2'], iso27001: ['A.5.18'] },
  evidenceAvailable: (asset) => asset.attributes.loginTracked === true,
  appliesTo: (asset) => asset.identityType === 'user' && !asset.suspended,
  evaluate(asset, ctx) {
    const staleDays = ctx.options.staleDays ?? ctx.policy.staleDays;
    const apiKeyLastUsedAt = asset.attributes.apiKeyLastUsedAt ?? null;
    const last = latest(asset.lastLoginAt, apiKeyLastUsedAt);
    if (last) {
      if (daysBetween(last, ctx.now) <= staleDays) return null;
      return {
        evidence: {
          lastLoginAt: asset.lastLoginAt,
          apiKeyLastUsedAt,
          idleDays: Math.floor(daysBetween(last, ctx.now)),
          staleDays,
        },
      };
    }
    if (!asset.createdAt || daysBetween(asset.createdAt, ctx.now) <= staleDays) return null;
    // Logins are read from a window; one that does not reach back staleDays cannot prove inactivity.
    const since = asset.attributes.loginsSince;
    if (typeof since !== 'string' || daysBetween(since, ctx.now) < staleDays) return null;
    return {
      evidence: {
        lastLoginAt: null,
        apiKeyLastUsedAt: null,
        loginsSince: since,
        createdAt: asset.createdAt,
        staleDays,
      },
    };
  },
});
