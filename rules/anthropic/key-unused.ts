import { daysBetween, defineRule, RuleNotEvaluated } from '../define-rule.ts';

interface Options extends Record<string, unknown> {
  /** Days without use before a key is stale; default: the tenant policy's staleDays. */
  staleDays?: number;
}

const attr = (a: { attributes: Record<string, unknown> }, name: string) => a.attributes[name];

export default defineRule<'api_key', Options>({
  id: 'anthropic/key-unused',
  title: 'Active Anthropic API keys are in use',
  description:
    'An API key nobody uses still grants API access to its workspace and bills the organization; a forgotten key that leaks goes unnoticed. Use is read from the messages usage report (day precision), so a key counts as unused when it has no usage within staleDays.',
  remediation:
    'In the Claude Console, open Settings > API keys, confirm with the key creator that the key is no longer needed, then disable or archive it.',
  severity: 'medium',
  provider: 'anthropic',
  kind: 'api_key',
  // The report is read once and joined into the keys; without it use is unknown, never "unused".
  streams: ['api-keys', 'usage-report'],
  references: [
    'https://platform.claude.com/docs/en/api/admin/api_keys/list',
    'https://platform.claude.com/docs/en/api/admin/usage_report/retrieve_messages',
  ],
  frameworks: { soc2: ['CC6.2', 'CC6.3'], iso27001: ['A.5.17', 'A.5.18'] },
  appliesTo: (asset) => asset.keyType === 'anthropic_api_key' && attr(asset, 'status') === 'active',
  evidenceAvailable: (asset) =>
    attr(asset, 'status') !== 'active' ||
    (asset.usageTracked && typeof attr(asset, 'usageLookbackDays') === 'number'),
  evaluate(asset, ctx) {
    const staleDays = ctx.options.staleDays ?? ctx.policy.staleDays;
    const lookback = attr(asset, 'usageLookbackDays') as number;
    // No usage in a window shorter than staleDays proves nothing: refuse to judge (not evaluated).
    if (lookback < staleDays) {
      throw new RuleNotEvaluated(
        `usage is read ${lookback} days back, less than staleDays (${staleDays}): raise the connection's usageLookbackDays`,
      );
    }
    const evidence = {
      workspaceId: attr(asset, 'workspaceId') ?? null,
      createdAt: asset.createdAt,
      lastUsedAt: asset.lastUsedAt,
      staleDays,
      usageLookbackDays: lookback,
    };
    if (asset.lastUsedAt) {
      const idleDays = Math.floor(daysBetween(asset.lastUsedAt, ctx.now));
      return idleDays >= staleDays ? { evidence: { ...evidence, idleDays } } : null;
    }
    if (!asset.createdAt || daysBetween(asset.createdAt, ctx.now) <= staleDays) return null;
    return { evidence: { ...evidence, idleDays: null } };
  },
});
