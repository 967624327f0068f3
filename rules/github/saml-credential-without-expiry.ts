import { defineRule } from '../define-rule.ts';

export default defineRule({
  id: 'github/saml-credential-without-expiry',
  title: 'SSO-authorized tokens expire',
  description:
    'A token authorized for SAML single sign-on that never expires keeps working until someone revokes it; a leaked copy stays useful indefinitely.',
  remediation:
    'Ask the owner to replace the token with one that has an expiration date, then revoke the old authorization under People > the member > SAML identity linked, or with the credential authorizations API.',
  severity: 'medium',
  provider: 'github',
  kind: 'oauth_grant',
  streams: ['saml-credentials'],
  references: [
    'https://docs.github.com/en/enterprise-cloud@latest/organizations/granting-access-to-your-organization-with-saml-single-sign-on/viewing-and-managing-a-members-saml-access-to-your-organization',
    'https://docs.github.com/en/enterprise-cloud@latest/rest/orgs/orgs#list-saml-sso-authorizations-for-an-organization',
  ],
  frameworks: { soc2: ['CC6.1'] },
  // SSH keys have no expiry in GitHub, so only token credentials are judged.
  appliesTo: (asset) =>
    asset.externalId.startsWith('credential:') && asset.attributes.credentialType !== 'SSH key',
  evaluate(asset) {
    // The normalizer marks an absent expiry field as unknown; only a reported null means "never".
    if (asset.expiresAt !== null || asset.attributes.expiryReported === false) return null;
    return {
      evidence: {
        login: asset.principal,
        credentialType: asset.attributes.credentialType ?? null,
        expiresAt: null,
      },
    };
  },
});
