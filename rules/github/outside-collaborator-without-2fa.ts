import { defineRule } from '../define-rule.ts';

export default defineRule({
  id: 'github/outside-collaborator-without-2fa',
  title: 'Outside collaborators use two-factor authentication',
  description:
    'Outside collaborators are not bound by your identity provider. Without two-factor authentication, a password alone opens the repositories they were given.',
  remediation:
    'Ask the collaborator to enable two-factor authentication or remove their access; requiring 2FA for the organization also removes outside collaborators without it.',
  severity: 'high',
  provider: 'github',
  kind: 'identity',
  streams: ['outside-collaborators'],
  references: [
    'https://docs.github.com/en/organizations/keeping-your-organization-secure/managing-two-factor-authentication-for-your-organization/viewing-whether-users-in-your-organization-have-2fa-enabled',
    'https://docs.github.com/en/organizations/managing-user-access-to-your-organizations-repositories/managing-outside-collaborators/adding-outside-collaborators-to-repositories-in-your-organization',
  ],
  frameworks: { cis_github: ['1.3.4', '1.3.5'], soc2: ['CC6.1'] },
  appliesTo: (asset) => asset.identityType === 'outside_collaborator',
  evaluate(asset) {
    if (asset.mfaEnabled !== false) return null;
    return { evidence: { login: asset.name, mfaEnabled: false } };
  },
});
