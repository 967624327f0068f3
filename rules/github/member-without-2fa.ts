import { defineRule } from '../define-rule.ts';

export default defineRule({
  id: 'github/member-without-2fa',
  title: 'Organization members use two-factor authentication',
  description:
    'A member without two-factor authentication can be taken over with a password alone, and the attacker gets every repository the member can reach.',
  remediation:
    'Ask the member to enable two-factor authentication, or require 2FA for the whole organization so accounts without it are removed.',
  severity: 'high',
  provider: 'github',
  kind: 'identity',
  streams: ['members'],
  references: [
    'https://docs.github.com/en/organizations/keeping-your-organization-secure/managing-two-factor-authentication-for-your-organization/viewing-whether-users-in-your-organization-have-2fa-enabled',
  ],
  frameworks: { cis_github: ['1.3.5'], soc2: ['CC6.1'] },
  appliesTo: (asset) => asset.identityType === 'user',
  evaluate(asset) {
    // mfaEnabled null: the 2FA filter was refused (not an owner), so we do not know.
    if (asset.mfaEnabled !== false) return null;
    return { evidence: { login: asset.name, isAdmin: asset.isAdmin, mfaEnabled: false } };
  },
});
