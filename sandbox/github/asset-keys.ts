/**
 * Asset keys (`github:<kind>:<externalId>`) exactly as the GitHub connector builds them, and
 * the rule ids the generator plants. Kept in one place so the planted list, the oracle and the
 * tests agree with the connector's conventions.
 */

export const githubAssetKey = {
  orgSettings: (org: string) => `github:setting:org:${org}`,
  actions: (org: string) => `github:setting:actions:${org}`,
  copilot: (org: string) => `github:setting:copilot:${org}`,
  identity: (userId: number) => `github:identity:${userId}`,
  installation: (installationId: number) => `github:oauth_grant:installation:${installationId}`,
  app: (appSlug: string) => `github:app:${appSlug}`,
  credential: (credentialId: number) => `github:oauth_grant:credential:${credentialId}`,
  patGrant: (grantId: number) => `github:api_key:pat:${grantId}`,
  patRequest: (requestId: number) => `github:api_key:pat-request:${requestId}`,
  deployKey: (repoFullName: string, keyId: number) => `github:api_key:deploy-key:${repoFullName}:${keyId}`,
  hook: (hookId: number) => `github:setting:hook:${hookId}`,
  repo: (repoId: number) => `github:setting:repo:${repoId}`,
  secretAlert: (repoFullName: string, alertNumber: number) =>
    `github:setting:secret-alert:${repoFullName}#${alertNumber}`,
} as const;

export const githubRuleIds = [
  'github/org-two-factor-not-required',
  'github/org-base-permission-too-broad',
  'github/org-members-can-create-public-repos',
  'github/org-too-many-owners',
  'github/actions-workflow-token-can-write',
  'github/actions-all-actions-allowed',
  'github/copilot-public-code-suggestions-allowed',
  'github/member-without-2fa',
  'github/outside-collaborator-without-2fa',
  'github/app-installation-all-repos-write',
  'github/saml-credential-without-expiry',
  'github/saml-credential-admin-scopes',
  'github/saml-credential-unused',
  'github/fine-grained-pat-without-expiry',
  'github/fine-grained-pat-unused',
  'github/deploy-key-write-access',
  'github/deploy-key-unused',
  'github/webhook-without-secret',
  'github/webhook-insecure-url',
  'github/webhook-ssl-verification-disabled',
  'github/public-repo-without-secret-scanning',
  'github/secret-scanning-alert-open',
] as const;

export type GitHubRuleId = (typeof githubRuleIds)[number];
