import { describe, expect, it } from 'vitest';
import rule from '../../../rules/common/shadow-ai-tenant-wide-grant.ts';
import { check, grant } from '../support.ts';

/** Three providers' tenant-wide shapes: Entra AllPrincipals consent, a GitHub App installation, a Google domain-wide grant. */
const entraAllPrincipals = grant({
  provider: 'microsoft-365',
  externalId: 'oauth2PermissionGrant:abc',
  appId: '00000000-0000-0000-0000-00000000c1a0',
  appName: 'Claude',
  principal: null,
  principalType: 'tenant',
  scopes: ['Files.Read.All'],
  scopeRisk: 'high',
  aiCatalogId: 'claude',
});
const githubInstallation = grant({
  externalId: 'installation:42',
  appId: 'coderabbitai',
  appName: 'coderabbitai',
  principalType: 'organization',
  scopes: ['contents:read', 'pull_requests:write'],
  scopeRisk: 'medium',
  aiCatalogId: 'coderabbit',
});
const googleDomainWide = grant({
  provider: 'google-workspace',
  externalId: 'domain-wide:1234',
  appId: '1234.apps.googleusercontent.com',
  appName: 'NotebookLM',
  principalType: 'tenant',
  scopes: ['https://www.googleapis.com/auth/drive.readonly'],
  aiCatalogId: 'notebooklm',
});

describe(rule.id, () => {
  it.each([
    ['an Entra AllPrincipals grant', entraAllPrincipals, 'Anthropic'],
    ['a GitHub App installation', githubInstallation, 'CodeRabbit'],
    ['a Google domain-wide grant', googleDomainWide, 'Google'],
  ])('flags %s to an unapproved AI app', (_label, asset, vendor) => {
    expect(check(rule, asset)?.evidence).toMatchObject({
      app: asset.aiCatalogId,
      vendor,
      principal: null,
      principalType: asset.principalType,
      approval: 'unreviewed',
    });
  });

  it('flags an app still in review: tenant-wide access waits for the verdict', () => {
    const policy = { appApprovals: { coderabbit: 'in_review' as const } };
    expect(check(rule, githubInstallation, { policy })?.evidence.approval).toBe('in_review');
  });

  it.each([
    ['approved by catalog id', githubInstallation, { appApprovals: { coderabbit: 'approved' as const } }],
    [
      'approved by provider:appId',
      githubInstallation,
      { appApprovals: { 'github:coderabbitai': 'approved' as const } },
    ],
    [
      "a single user's grant",
      grant({ ...githubInstallation, principal: 'octocat', principalType: 'user' }),
      {},
    ],
    ['not an AI app', grant({ principalType: 'organization', aiCatalogId: null }), {}],
  ])('does not flag %s', (_label, asset, policy) => {
    expect(check(rule, asset, { policy })).toBeNull();
  });
});
