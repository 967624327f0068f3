import { describe, expect, it } from 'vitest';
import rule from '../../../rules/microsoft-365/unverified-app-high-risk-permissions.ts';
import { check, m365Grant } from '../support.ts';

const mailGrant = m365Grant({
  scopes: ['openid', 'offline_access', 'Mail.Read', 'Files.ReadWrite.All'],
  scopeRisk: 'high',
  createdAt: '2026-08-20T10:00:00Z',
});

/** An application permission (app-role assignment) from the apps stream. */
const appRole = m365Grant(
  {
    externalId: 'appRoleAssignment-1',
    principal: null,
    principalType: 'tenant',
    allResources: true,
    scopes: ['application:Mail.Read'],
    scopeRisk: 'critical',
  },
  { consentType: 'Application', clientId: '0d0d0d0d-0000-4000-8000-000000000004' },
);

describe(rule.id, () => {
  it("flags a user's consent to an unverified third-party app for mail and files", () => {
    expect(check(rule, mailGrant)).toEqual({
      evidence: {
        app: 'Mail Helper',
        appId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
        principal: 'alice@contoso.example',
        principalType: 'user',
        consentType: 'Principal',
        resource: 'Microsoft Graph',
        scopes: ['Mail.Read', 'Files.ReadWrite.All'],
        scopeRisk: 'high',
        publisherVerified: false,
        thirdParty: true,
        createdAt: '2026-08-20T10:00:00Z',
        aiCatalogId: null,
      },
    });
  });

  it('flags an application permission at critical severity when its scope risk is critical', () => {
    expect(check(rule, appRole)).toMatchObject({
      evidence: { principalType: 'tenant', scopes: ['application:Mail.Read'], consentType: 'Application' },
      severity: 'critical',
    });
  });

  it.each([
    ['approved by appId', { 'microsoft-365:aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee': 'approved' as const }],
  ])('does not flag an app the tenant %s', (_label, appApprovals) => {
    expect(check(rule, mailGrant, { policy: { appApprovals } })).toBeNull();
  });

  it('still flags an app that is only in review', () => {
    const policy = {
      appApprovals: { 'microsoft-365:aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee': 'in_review' as const },
    };
    expect(check(rule, mailGrant, { policy })).not.toBeNull();
  });

  it.each([
    ['a verified publisher', m365Grant({ ...mailGrant }, { publisherVerified: true })],
    ['unknown publisher verification', m365Grant({ ...mailGrant }, { publisherVerified: null })],
    ['a first-party or own-tenant app', m365Grant({ ...mailGrant }, { thirdParty: false })],
    ['medium scope risk', m365Grant({ scopes: ['Calendars.Read'], scopeRisk: 'medium' })],
    ['unrated scopes', m365Grant({ scopes: ['.default'], scopeRisk: null })],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });
});
