import { daysBetween, defineRule } from '../define-rule.ts';

interface Options extends Record<string, unknown> {
  /** Days after which a key should have been replaced; default: the tenant policy's rotationDays. */
  rotationDays?: number;
}

export default defineRule<'api_key', Options>({
  id: 'gemini/api-key-not-rotated',
  title: 'API keys are rotated within the rotation period',
  description:
    'An API key never expires and Google does not report when it was last used, so an old key has had the longest time to be copied, committed or shared. Replacing keys on a schedule bounds how long a leaked key stays useful.',
  remediation:
    'Create a new key with the same restrictions in the Google Cloud console (APIs & Services > Credentials > Create credentials > API key), move the applications to it, then delete the old key there.',
  severity: 'medium',
  provider: 'gemini',
  kind: 'api_key',
  streams: ['api-keys'],
  references: [
    'https://docs.cloud.google.com/docs/authentication/api-keys',
    'https://docs.cloud.google.com/api-keys/docs/reference/rest/v2/projects.locations.keys',
  ],
  frameworks: { soc2: ['CC6.1'], iso27001: ['A.5.17', 'A.8.5'], cis_gcp: ['1.15'] },
  appliesTo: (asset) => asset.keyType === 'google_cloud_api_key',
  // A key whose creation time Google did not send cannot be judged: not a pass.
  evidenceAvailable: (asset) => asset.createdAt !== null,
  evaluate(asset, ctx) {
    if (!asset.createdAt) return null;
    const rotationDays = ctx.options.rotationDays ?? ctx.policy.rotationDays;
    const ageDays = Math.floor(daysBetween(asset.createdAt, ctx.now));
    if (daysBetween(asset.createdAt, ctx.now) <= rotationDays) return null;
    return {
      evidence: { key: asset.name, hint: asset.hint, createdAt: asset.createdAt, ageDays, rotationDays },
    };
  },
});
