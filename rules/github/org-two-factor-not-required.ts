import { defineRule } from '../define-rule.ts';

export default defineRule({
  id: 'github/org-two-factor-not-required',
  title: 'Organization requires two-factor authentication',
  description:
    'When the organization does not require two-factor authentication, a phished or reused password is enough to act as a member and reach private repositories.',
  remediation:
    'In the organization settings, open Authentication security and enable "Require two-factor authentication for everyone". Members without 2FA are removed, so warn them first.',
  severity: 'high',
  provider: 'github',
  kind: 'setting',
  streams: ['org-settings'],
  references: [
    'https://docs.github.com/en/organizations/keeping-your-organization-secure/managing-two-factor-authentication-for-your-organization/requiring-two-factor-authentication-in-your-organization',
  ],
  frameworks: { cis_github: ['1.3.5'], prowler: ['organization_members_mfa_required'], soc2: ['CC6.1'] },
  appliesTo: (asset) => asset.settingType === 'github.org',
  evaluate(asset) {
    // null = the token could not see the field (not an owner): unknown, not a pass and not a finding.
    if (asset.values.twoFactorRequired !== false) return null;
    return { evidence: { twoFactorRequired: false } };
  },
});
