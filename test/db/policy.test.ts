import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPolicy, updatePolicy } from '../../db/policy.ts';
import { createTenant } from '../../db/tenants.ts';
import { aiToolApproved, approvalOf, builtInDlpProfiles, parsePolicy } from '../../scanner/policy.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

describe('tenant policy', () => {
  let database: TestDatabase;
  let tenantId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    tenantId = (await createTenant(database.db, 'policy-co')).id;
  });
  afterAll(() => database?.close());

  it('defaults every field on an empty policy', async () => {
    const policy = await getPolicy(database.db, tenantId);
    expect(policy).toMatchObject({
      staleDays: 90,
      rotationDays: 365,
      allowedDomains: [],
      appApprovals: {},
      dlpProfiles: [...builtInDlpProfiles],
      customDlpProfiles: [],
      severityOverrides: {},
      disabledRules: [],
    });
  });

  it('replaces scalars and lists, merges keyed maps and removes keys set to null', async () => {
    await updatePolicy(database.db, tenantId, {
      staleDays: 30,
      allowedDomains: ['partner.example'],
      appApprovals: { 'openai-chatgpt': 'approved', 'github:lint-bot': 'in_review' },
      severityOverrides: { 'common/dlp-file-org-wide': 'high' },
    });
    const policy = await updatePolicy(database.db, tenantId, {
      appApprovals: { 'github:lint-bot': null, 'anthropic-claude': 'unapproved' },
      dlpProfiles: ['pii'],
    });
    expect(policy.staleDays).toBe(30);
    expect(policy.allowedDomains).toEqual(['partner.example']);
    expect(policy.appApprovals).toEqual({ 'openai-chatgpt': 'approved', 'anthropic-claude': 'unapproved' });
    expect(policy.severityOverrides).toEqual({ 'common/dlp-file-org-wide': 'high' });
    expect(policy.dlpProfiles).toEqual(['pii']);
    expect(await getPolicy(database.db, tenantId)).toEqual(policy);
  });

  it.each([
    [{ staleDays: -1 }, /policy\.staleDays: /],
    [{ dlpProfiles: ['pii', 'dna'] }, /policy\.dlpProfiles\.1: /],
    [{ appApprovals: { x: 'maybe' } }, /policy\.appApprovals\.x: /],
    [{ severityOverrides: { 'not a rule': 'high' } }, /policy\.severityOverrides/],
    [{ staleDayz: 5 }, /staleDayz/],
    [
      { customDlpProfiles: [{ id: 'pii', name: 'x', patterns: ['('] }] },
      /customDlpProfiles\.0\.id: clashes with a built-in.*customDlpProfiles\.0\.patterns\.0: is not a valid regular expression/,
    ],
    [{ customDlpProfiles: [{ id: 'empty', name: 'x' }] }, /customDlpProfiles\.0: needs at least one pattern/],
    [{ approvedAiTools: { openai: ['web_search', 'telepathy'] } }, /policy\.approvedAiTools\.openai\.1: /],
    [{ requireZeroDataRetention: 'yes' }, /policy\.requireZeroDataRetention: /],
  ])('refuses %j with the field named', async (patch, message) => {
    await expect(updatePolicy(database.db, tenantId, patch)).rejects.toThrow(message);
  });

  it('merges approved AI tools per scope and requires nothing of AI vendors by default', async () => {
    const fresh = (await createTenant(database.db, 'ai-policy-co')).id;
    expect(await getPolicy(database.db, fresh)).toMatchObject({
      requireZeroDataRetention: false,
      requireModelAllowList: false,
      approvedAiTools: {},
    });
    await updatePolicy(database.db, fresh, {
      requireZeroDataRetention: true,
      approvedAiTools: { '*': ['file_search'], 'openai:proj_1': ['web_search', 'mcp'] },
    });
    const policy = await updatePolicy(database.db, fresh, {
      approvedAiTools: { '*': null, anthropic: ['code_interpreter'] },
    });
    expect(policy.requireZeroDataRetention).toBe(true);
    expect(policy.approvedAiTools).toEqual({
      'openai:proj_1': ['web_search', 'mcp'],
      anthropic: ['code_interpreter'],
    });
  });

  it('approves an AI tool everywhere, per provider or per project', () => {
    const policy = parsePolicy({
      approvedAiTools: { '*': ['file_search'], anthropic: ['web_search'], 'openai:proj_1': ['mcp'] },
    });
    expect(aiToolApproved(policy, 'openai', 'proj_2', 'file_search')).toBe(true);
    expect(aiToolApproved(policy, 'anthropic', 'wrkspc_1', 'web_search')).toBe(true);
    expect(aiToolApproved(policy, 'openai', 'proj_1', 'web_search')).toBe(false);
    expect(aiToolApproved(policy, 'openai', 'proj_1', 'mcp')).toBe(true);
    expect(aiToolApproved(policy, 'openai', 'proj_2', 'mcp')).toBe(false);
  });

  it('looks approvals up by catalog id, then provider:appId, else unreviewed', () => {
    const policy = parsePolicy({
      appApprovals: { 'openai-chatgpt': 'approved', 'github:ci-bot': 'unapproved' },
    });
    const of = (aiCatalogId: string | null, appId: string) =>
      approvalOf(policy, { aiCatalogId, provider: 'github', appId });
    expect(of('openai-chatgpt', 'chatgpt')).toBe('approved');
    expect(of(null, 'ci-bot')).toBe('unapproved');
    expect(of('anthropic-claude', 'claude')).toBe('unreviewed');
  });
});
