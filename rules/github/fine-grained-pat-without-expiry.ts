import { defineRule } from '../define-rule.ts';

export default defineRule({
  id: 'github/fine-grained-pat-without-expiry',
  title: 'Fine-grained tokens with organization access expire',
  description:
    'A fine-grained personal access token without an expiration date keeps its access to the organization until it is revoked; a leaked copy stays useful indefinitely.',
  remediation:
    'Ask the owner to replace the token with one that expires, then revoke the old one under Settings > Personal access tokens > Active tokens. Set a maximum lifetime policy for fine-grained tokens.',
  severity: 'medium',
  provider: 'github',
  kind: 'api_key',
  streams: ['pat-grants'],
  references: [
    'https://docs.github.com/en/organizations/managing-programmatic-access-to-your-organization/reviewing-and-revoking-personal-access-tokens-in-your-organization',
    'https://docs.github.com/en/organizations/managing-programmatic-access-to-your-organization/setting-a-personal-access-token-policy-for-your-organization',
  ],
  frameworks: { soc2: ['CC6.1'] },
  appliesTo: (asset) => asset.keyType === 'github_fine_grained_pat',
  evaluate(asset) {
    if (asset.expiresAt !== null || asset.attributes.expiryReported === false) return null;
    return { evidence: { owner: asset.owner, tokenName: asset.name, expiresAt: null } };
  },
});
