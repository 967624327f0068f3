/**
 * Enrichment then rules, without a database: each provider's grant shape is recognised by the
 * AI catalog, given a scope risk, and flagged by the common shadow-AI rules unchanged; tenant
 * policy (approvals, severity overrides, disabled rules) steers the result.
 */
import { describe, expect, it, vi } from 'vitest';
import { rules } from '../../rules/index.ts';
import { aiCatalog } from '../../scanner/ai-catalog/index.ts';
import { createAssetEnricher } from '../../scanner/enrich.ts';
import { type Asset, type AssetInput, parseAsset } from '../../scanner/model.ts';
import { parsePolicy, type TenantPolicy } from '../../scanner/policy.ts';
import { buildRuleIndex, type EvaluationResult, evaluateAssets } from '../../scanner/rule-engine.ts';

const observedAt = '2026-09-01T00:00:00Z';
const grant = (input: Partial<Extract<AssetInput, { kind: 'oauth_grant' }>>): Asset =>
  parseAsset({
    kind: 'oauth_grant',
    provider: 'github',
    externalId: 'g',
    name: 'g',
    observedAt,
    appId: 'x',
    appName: 'x',
    principal: null,
    principalType: 'user',
    scopes: [],
    ...input,
  } as AssetInput);

const googleToken = (user: string) =>
  grant({
    provider: 'google-workspace',
    externalId: `token:${user}:1234.apps.googleusercontent.com`,
    name: 'ChatGPT',
    appId: '1234.apps.googleusercontent.com',
    appName: 'ChatGPT',
    principal: user,
    principalType: 'user',
    scopes: ['https://www.googleapis.com/auth/drive'],
  });
const entraAllPrincipals = grant({
  provider: 'microsoft-365',
  externalId: 'oauth2PermissionGrant:abc',
  appId: '0f0e0d0c-0000-0000-0000-00000000c1a0',
  appName: 'Claude',
  principalType: 'tenant',
  scopes: ['Files.Read.All', 'User.Read'],
});
const githubInstallation = grant({
  externalId: 'installation:42',
  appId: 'coderabbitai',
  appName: 'coderabbitai',
  principalType: 'organization',
  scopes: ['contents:read', 'pull_requests:write'],
  scopeRisk: 'medium', // the GitHub connector rates installations itself; kept as is
});

function findings(assets: Asset[], provider: Asset['provider'], policy: Partial<TenantPolicy> = {}) {
  const index = buildRuleIndex(rules, provider, parsePolicy(policy), new Date(observedAt));
  const result: EvaluationResult = { observations: [], errors: new Map() };
  evaluateAssets(index, assets, result);
  expect(result.errors).toEqual(new Map());
  // The shadow-AI rules' findings; provider rules (e.g. Google's scope classes) fire too.
  return result.observations
    .filter((o) => o.ruleId.startsWith('common/shadow-ai-'))
    .map((o) => `${o.ruleId} ${o.severity}`)
    .sort();
}

describe('asset enrichment and the shadow-AI rules', () => {
  it('recognises each provider grant shape and rates scopes the connector left unrated', () => {
    const assets = [googleToken('alice@acme.example'), entraAllPrincipals, githubInstallation];
    createAssetEnricher()(assets);
    expect(assets.map((a) => a.kind === 'oauth_grant' && [a.aiCatalogId, a.scopeRisk])).toEqual([
      ['chatgpt', expect.stringMatching(/high|critical/)],
      ['claude', expect.stringMatching(/high|critical/)],
      ['coderabbit', 'medium'],
    ]);
  });

  it("shares an app asset's verdict with its grants and classifies each app once per scan", () => {
    const classify = vi.fn(aiCatalog.classify);
    const enrich = createAssetEnricher({ ...aiCatalog, classify });
    const app = parseAsset({
      kind: 'app',
      provider: 'google-workspace',
      externalId: '999.apps.googleusercontent.com',
      name: 'Meeting helper',
      observedAt,
      appId: '999.apps.googleusercontent.com',
      domains: ['otter.ai'],
    });
    const tokens = ['a', 'b', 'c'].map((u) =>
      grant({
        provider: 'google-workspace',
        externalId: u,
        appId: app.kind === 'app' ? app.appId : '',
        appName: 'Meeting helper',
        principal: u,
      }),
    );
    enrich([app]);
    enrich(tokens);
    const ids = [app, ...tokens].map((a) =>
      a.kind === 'app' || a.kind === 'oauth_grant' ? a.aiCatalogId : null,
    );
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).not.toBeNull();
    expect(classify).toHaveBeenCalledTimes(1);
  });

  it('flags each shape through the rule engine, per provider connector', () => {
    const assets = [googleToken('alice@acme.example'), entraAllPrincipals, githubInstallation];
    createAssetEnricher()(assets);
    expect(findings([assets[0]!], 'google-workspace')).toEqual(['common/shadow-ai-grant-unapproved high']);
    expect(findings([entraAllPrincipals], 'microsoft-365')).toEqual([
      'common/shadow-ai-grant-unapproved high',
      'common/shadow-ai-tenant-wide-grant high',
    ]);
    expect(findings([githubInstallation], 'github')).toEqual([
      'common/shadow-ai-grant-unapproved medium',
      'common/shadow-ai-tenant-wide-grant high',
    ]);
  });

  it('applies severity overrides, approvals and disabled rules from the tenant policy', () => {
    const assets = [githubInstallation];
    createAssetEnricher()(assets);
    const policy: Partial<TenantPolicy> = {
      severityOverrides: { 'common/shadow-ai-grant-unapproved': 'critical' },
      disabledRules: ['common/shadow-ai-tenant-wide-grant'],
    };
    expect(findings(assets, 'github', policy)).toEqual(['common/shadow-ai-grant-unapproved critical']);
    expect(findings(assets, 'github', { appApprovals: { coderabbit: 'approved' } })).toEqual([]);
  });
});
