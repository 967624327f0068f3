import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasAppAsset, listAiInventory } from '../../db/ai-inventory.ts';
import { upsertAssets } from '../../db/assets.ts';
import { createConnection } from '../../db/connections.ts';
import { updatePolicy } from '../../db/policy.ts';
import { createTenant } from '../../db/tenants.ts';
import { SecretBox } from '../../runtime/secrets.ts';
import { type AssetInput, parseAsset } from '../../scanner/model.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

const observedAt = '2026-09-01T00:00:00Z';
const token = (user: string | null, fields: Partial<AssetInput> = {}) =>
  parseAsset({
    kind: 'oauth_grant',
    provider: 'google-workspace',
    externalId: `token:${user}`,
    name: 'ChatGPT',
    observedAt,
    appId: '1234.apps.googleusercontent.com',
    appName: 'ChatGPT',
    principal: user,
    principalType: user ? 'user' : 'tenant',
    scopes: [],
    aiCatalogId: 'chatgpt',
    ...fields,
  } as AssetInput);

describe('AI inventory', () => {
  let database: TestDatabase;
  let tenantId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    tenantId = (await createTenant(database.db, 'inventory-co')).id;
    const other = (await createTenant(database.db, 'other-co')).id;
    const box = new SecretBox(Buffer.alloc(32, 3));
    const connect = (tenant: string) =>
      createConnection(database.db, box, {
        tenantId: tenant,
        provider: 'google-workspace',
        config: {},
        credentials: {},
      });
    const scope = async (tenant: string) => ({
      tenantId: tenant,
      connectionId: (await connect(tenant)).id,
      scanId: randomUUID(),
      stream: 'tokens',
    });
    await upsertAssets(
      database.db,
      await scope(tenantId),
      [
        token('dave@acme.example', { scopeRisk: 'medium' }),
        token('alice@acme.example', { scopeRisk: 'high' }),
        token('carol@acme.example'),
        token('bob@acme.example', { externalId: 'token:bob:2', scopeRisk: 'low' }),
        token('bob@acme.example'),
        token(null, { externalId: 'domain-wide', aiCatalogId: 'notebooklm', appName: 'NotebookLM' }),
        token('erin@acme.example', {
          externalId: 'plain',
          aiCatalogId: null,
          appId: 'expenses',
          appName: 'Expenses',
        }),
      ],
      new Date(observedAt),
    );
    // Another tenant's grants never show up.
    await upsertAssets(
      database.db,
      await scope(other),
      [token('mallory@other.example')],
      new Date(observedAt),
    );
    await updatePolicy(database.db, tenantId, { appApprovals: { notebooklm: 'in_review' } });
  });
  afterAll(() => database?.close());

  it('lists one row per catalog app with distinct users, breadth, scope risk and approval', async () => {
    const rows = await listAiInventory(database.db, tenantId);
    expect(rows).toEqual([
      {
        aiCatalogId: 'chatgpt',
        vendor: 'OpenAI',
        product: 'ChatGPT',
        category: 'assistant',
        approval: 'unreviewed',
        providers: ['google-workspace'],
        grants: 5,
        users: 4,
        sampleUsers: ['alice@acme.example', 'bob@acme.example', 'carol@acme.example'],
        tenantWide: false,
        highestScopeRisk: 'high',
        firstSeenAt: new Date(observedAt),
        lastSeenAt: new Date(observedAt),
      },
      expect.objectContaining({
        aiCatalogId: 'notebooklm',
        approval: 'in_review',
        grants: 1,
        users: 0,
        sampleUsers: [],
        tenantWide: true,
        highestScopeRisk: null,
      }),
    ]);
  });

  it('knows which vendor app ids the tenant has seen', async () => {
    expect(await hasAppAsset(database.db, tenantId, 'google-workspace', 'expenses')).toBe(true);
    expect(await hasAppAsset(database.db, tenantId, 'github', 'expenses')).toBe(false);
    expect(await hasAppAsset(database.db, tenantId, 'google-workspace', 'nope')).toBe(false);
  });
});
