import { defineRule } from '../define-rule.ts';
import { externalSharesOf } from '../drive-shares.ts';

export default defineRule({
  id: 'google-workspace/file-external-share-without-expiry',
  title: 'External shares of files expire',
  description:
    'The file is shared with a person or group outside the organization (and outside the allowed partner domains) with no access expiry, so the access outlives the project or contract it was granted for.',
  remediation:
    "In Google Drive open Share, and next to each external person choose Add expiration (or remove them when the work is done). Add long-term partner domains to the policy's allowedDomains.",
  severity: 'low',
  provider: 'google-workspace',
  kind: 'file',
  streams: ['drive'],
  references: [
    'https://support.google.com/a/users/answer/9308784',
    'https://support.google.com/a/answer/60781',
  ],
  frameworks: { soc2: ['CC6.2'], iso27001: ['A.5.15', 'A.5.18'] },
  evaluate(asset, ctx) {
    const allowed = new Set(ctx.policy.allowedDomains.map((d) => d.toLowerCase()));
    const shares = externalSharesOf(asset)
      .filter(
        (s) => (s.type === 'user' || s.type === 'group') && s.expiresAt === null && !allowed.has(s.domain),
      )
      .map(({ email, domain, type, role }) => ({ email, domain, type, role }));
    if (shares.length === 0) return null;
    return { evidence: { shares, owner: asset.owner, exposure: asset.exposure } };
  },
});
