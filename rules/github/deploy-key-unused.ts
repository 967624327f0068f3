import { daysBetween, defineRule } from '../define-rule.ts';

interface Options extends Record<string, unknown> {
  /** Days without use before a key is stale; default: the tenant policy's staleDays. */
  staleDays?: number;
}

export default defineRule<'api_key', Options>({
  id: 'github/deploy-key-unused',
  title: 'Deploy keys are in use',
  description:
    'A deploy key nobody uses still opens the repository to whoever holds the private key; old keys tend to live on decommissioned servers and laptops.',
  remediation: 'Delete the deploy key in the repository settings under Deploy keys.',
  severity: 'low',
  provider: 'github',
  kind: 'api_key',
  streams: ['deploy-keys'],
  references: [
    'https://docs.github.com/en/authentication/connecting-to-github-with-ssh/managing-deploy-keys',
  ],
  frameworks: { soc2: ['CC6.2'] },
  appliesTo: (asset) => asset.keyType === 'github_deploy_key',
  evaluate(asset, ctx) {
    const staleDays = ctx.options.staleDays ?? ctx.policy.staleDays;
    const repository = asset.attributes.repository ?? null;
    if (asset.lastUsedAt) {
      const idle = Math.floor(daysBetween(asset.lastUsedAt, ctx.now));
      return idle >= staleDays
        ? { evidence: { repository, lastUsedAt: asset.lastUsedAt, idleDays: idle, staleDays } }
        : null;
    }
    if (!asset.createdAt || daysBetween(asset.createdAt, ctx.now) <= staleDays) return null;
    return { evidence: { repository, lastUsedAt: null, createdAt: asset.createdAt, staleDays } };
  },
});
