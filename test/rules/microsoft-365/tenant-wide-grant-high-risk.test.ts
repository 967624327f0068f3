import { describe, expect, it } from 'vitest';
import rule from '../../../rules/microsoft-365/tenant-wide-grant-high-risk.ts';
import { check, m365Grant } from '../support.ts';

const allPrincipals = m365Grant(
  {
    externalId: 'oAuth2PermissionGrant-2',
    appName: 'Contoso CRM',
    appId: 'cccccccc-0000-4000-8000-00000000c0de',
    principal: null,
    principalType: 'tenant',
    scopes: ['User.Read', 'Mail.ReadWrite', 'Calendars.Read'],
    scopeRisk: 'high',
  },
  { publisherVerified: true },
);

describe(rule.id, () => {
  it('flags an admin consent for all users to high-risk delegated permissions', () => {
    expect(check(rule, allPrincipals)).toEqual({
      evidence: {
        app: 'Contoso CRM',
        appId: 'cccccccc-0000-4000-8000-00000000c0de',
        principal: null,
        principalType: 'tenant',
        consentType: 'AllPrincipals',
        resource: 'Microsoft Graph',
        scopes: ['Mail.ReadWrite'],
        scopeRisk: 'high',
        publisherVerified: true,
        thirdParty: true,
        createdAt: null,
      },
    });
  });

  it('raises a critical tenant-wide grant to high', () => {
    const asset = m365Grant({ ...allPrincipals, scopes: ['Directory.ReadWrite.All'], scopeRisk: 'critical' });
    expect(check(rule, asset)?.severity).toBe('high');
  });

  it.each([
    ['medium scope risk', m365Grant({ ...allPrincipals, scopes: ['Calendars.Read'], scopeRisk: 'medium' })],
    ['a single user consent', m365Grant({ scopes: ['Mail.ReadWrite'], scopeRisk: 'high' })],
    [
      'an application permission (app-role assignment)',
      m365Grant(
        { ...allPrincipals, scopes: ['application:Mail.Read'], scopeRisk: 'critical' },
        { consentType: 'Application' },
      ),
    ],
    [
      'an AI app (common/shadow-ai-tenant-wide-grant reports it)',
      m365Grant({ ...allPrincipals, aiCatalogId: 'claude' }),
    ],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });

  it('does not flag an app the tenant approved', () => {
    const policy = {
      appApprovals: { 'microsoft-365:cccccccc-0000-4000-8000-00000000c0de': 'approved' as const },
    };
    expect(check(rule, allPrincipals, { policy })).toBeNull();
  });
});
