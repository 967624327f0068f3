import { describe, expect, it } from 'vitest';
import rule from '../../../rules/common/shadow-ai-grant-unapproved.ts';
import { check, grant } from '../support.ts';

/** A Google Workspace token: one user's consent to a third-party OAuth client. */
const googleToken = (fields: Parameters<typeof grant>[0] = {}) =>
  grant({
    provider: 'google-workspace',
    externalId: 'token:alice@acme.example:1234.apps.googleusercontent.com',
    name: 'ChatGPT',
    appId: '1234.apps.googleusercontent.com',
    appName: 'ChatGPT',
    principal: 'alice@acme.example',
    principalType: 'user',
    scopes: ['https://www.googleapis.com/auth/drive.readonly'],
    scopeRisk: 'high',
    aiCatalogId: 'chatgpt',
    ...fields,
  });

describe(rule.id, () => {
  it('flags an unreviewed AI app grant, with the catalog entry and the grant in evidence', () => {
    expect(check(rule, googleToken())).toEqual({
      severity: 'high',
      evidence: {
        app: 'chatgpt',
        vendor: 'OpenAI',
        product: 'ChatGPT',
        category: 'assistant',
        vendorAppId: '1234.apps.googleusercontent.com',
        principal: 'alice@acme.example',
        principalType: 'user',
        scopes: ['https://www.googleapis.com/auth/drive.readonly'],
        scopeRisk: 'high',
        approval: 'unreviewed',
      },
    });
  });

  it.each([
    ['critical', 'high'],
    ['high', 'high'],
    ['medium', 'medium'],
    ['low', 'low'],
  ] as const)('maps %s scope risk to %s severity', (scopeRisk, severity) => {
    expect(check(rule, googleToken({ scopeRisk }))?.severity).toBe(severity);
  });

  it('keeps the default severity when the scope risk is unknown', () => {
    const violation = check(rule, googleToken({ scopeRisk: null }));
    expect(violation).not.toBeNull();
    expect(violation?.severity).toBeUndefined();
  });

  it('flags an app the tenant marked unapproved, by catalog id or by provider:appId', () => {
    const byCatalog = { appApprovals: { chatgpt: 'unapproved' as const } };
    expect(check(rule, googleToken(), { policy: byCatalog })?.evidence.approval).toBe('unapproved');
    const byVendorId = {
      appApprovals: { 'google-workspace:1234.apps.googleusercontent.com': 'unapproved' as const },
    };
    expect(check(rule, googleToken(), { policy: byVendorId })?.evidence.approval).toBe('unapproved');
  });

  it('works unchanged on an Entra tenant-wide delegated grant and a GitHub installation', () => {
    const entra = grant({
      provider: 'microsoft-365',
      externalId: 'oauth2PermissionGrant:abc',
      appId: '00000000-0000-0000-0000-00000000c1a0',
      appName: 'Claude',
      principal: null,
      principalType: 'tenant',
      scopes: ['Files.Read.All', 'Mail.Read'],
      scopeRisk: 'critical',
      aiCatalogId: 'claude',
    });
    const github = grant({
      appId: 'claude',
      appName: 'claude',
      scopeRisk: 'medium',
      aiCatalogId: 'claude-code',
    });
    expect(check(rule, entra)).toMatchObject({
      severity: 'high',
      evidence: { vendor: 'Anthropic', principalType: 'tenant' },
    });
    expect(check(rule, github)).toMatchObject({
      severity: 'medium',
      evidence: { app: 'claude-code', category: 'coding' },
    });
  });

  it.each([
    ['approved', { appApprovals: { chatgpt: 'approved' as const } }],
    ['in review', { appApprovals: { chatgpt: 'in_review' as const } }],
  ])('does not flag an app that is %s', (_label, policy) => {
    expect(check(rule, googleToken(), { policy })).toBeNull();
  });

  it('does not flag an app the catalog does not know', () => {
    expect(check(rule, googleToken({ aiCatalogId: null, appName: 'Expense Tracker' }))).toBeNull();
  });
});
