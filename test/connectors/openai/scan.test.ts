/**
 * A full scan with the admin key and project keys finds every planted violation and nothing on
 * the clean look-alikes (the oracle reads the simulator's state), DLP included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAssetRow } from '../../../db/asset-dlp.ts';
import { listFindings } from '../../../db/finding-queries.ts';
import { updatePolicy } from '../../../db/policy.ts';
import { findOpenAIViolations } from '../../../sandbox/index.ts';
import { type OpenAIHarness, startOpenAIHarness } from '../../support/openai-harness.ts';

describe('openai full scan against the simulator', () => {
  let h: OpenAIHarness;
  let policy: Record<string, unknown>;
  beforeAll(async () => {
    h = await startOpenAIHarness({ dlp: true });
    const approved = h.sim.org.planted['project.approvedTools'] as string;
    policy = {
      requireZeroDataRetention: true,
      requireModelAllowList: true,
      approvedAiTools: { [`openai:${approved}`]: ['web_search', 'mcp', 'code_interpreter'] },
    };
    await updatePolicy(h.database.db, h.tenantId, policy);
  });
  afterAll(() => h?.close());

  it('finds every planted violation and nothing on the clean look-alikes', async () => {
    const { outcome, scan } = await h.scan();
    expect(outcome.status).toBe('succeeded');
    for (const [name, stream] of Object.entries(scan.streams))
      expect(stream.status, `${name}: ${stream.error?.message}`).toBe('completed');
    const expected = findOpenAIViolations(h.sim.org, new Date(), { policy })
      .map((v) => `${v.ruleId} ${v.assetKey}`)
      .sort();
    const found = await h.findingKeys();
    expect(found.filter((k) => !expected.includes(k))).toEqual([]);
    expect(expected.filter((k) => !found.includes(k))).toEqual([]);
  });

  it('covers every OpenAI rule with a planted violation and keeps the look-alikes clean', async () => {
    const found = await h.findingKeys();
    const p = h.sim.org.planted;
    const at = (rule: string, kind: string, label: string) => `openai/${rule} openai:${kind}:${p[label]}`;
    const hits = [
      at('admin-key-unused', 'api_key', 'adminKey.unused'),
      at('admin-key-unused', 'api_key', 'adminKey.neverUsedOld'),
      at('admin-key-not-rotated', 'api_key', 'adminKey.old'),
      at('key-owner-removed', 'api_key', 'adminKey.ownerRemoved'),
      at('project-key-unused', 'api_key', 'projectKey.unused'),
      at('project-key-unused', 'api_key', 'projectKey.serviceUnused'),
      at('project-key-not-rotated', 'api_key', 'projectKey.old'),
      at('key-owner-removed', 'api_key', 'projectKey.ownerLeftProject'),
      at('key-owner-removed', 'api_key', 'projectKey.ownerBanned'),
      at('key-owner-removed', 'api_key', 'projectKey.ownerRemoved'),
      at('key-owner-removed', 'api_key', 'projectKey.serviceRemoved'),
      at('high-privilege-invite', 'setting', 'invite.ownerPending'),
      at('high-privilege-invite', 'setting', 'invite.projectOwnerPending'),
      at('stale-invite', 'setting', 'invite.stale'),
      at('inactive-user', 'identity', 'user.inactive'),
      at('inactive-user', 'identity', 'user.neverLoggedIn'),
      at('project-risky-tool-enabled', 'setting', 'project.production'),
      at('project-risky-tool-enabled', 'setting', 'project.research'),
      at('zero-data-retention-off', 'setting', 'project.research'),
      at('zero-data-retention-off', 'setting', 'project.sandbox'),
      at('model-allow-list-absent', 'setting', 'project.research'),
      at('model-allow-list-absent', 'setting', 'project.sandbox'),
      at('vector-store-without-expiry', 'setting', 'vectorStore.noExpiry'),
      at('assistant-risky-tool-unapproved', 'setting', 'assistant.codeInterpreter'),
      'openai/too-many-owners openai:setting:organization',
      `common/dlp-file-ai-upload openai:file:${p['file.batchOutput']}`,
    ];
    expect(hits.filter((k) => !found.includes(k))).toEqual([]);
    const clean = [
      'adminKey.scanner',
      'adminKey.neverUsedNew',
      'projectKey.fresh',
      'projectKey.serviceFresh',
      'invite.ownerAccepted',
      'invite.recent',
      'invite.expiredOwner',
      'user.apiOnly',
      'user.newcomer',
      'user.banned',
      'project.approvedTools',
      'project.archived',
      'projectKey.archivedProject',
      'vectorStore.withExpiry',
      'assistant.searchOnly',
      'assistant.functions',
      'assistant.approvedCodeInterpreter',
      'file.customerUpload',
      'file.cleanOutput',
    ];
    for (const label of clean)
      expect(
        found.filter((k) => k.endsWith(`:${p[label]}`)),
        label,
      ).toEqual([]);
  });

  it('reports the severity per risk and leaves user uploads not inspectable rather than clean', async () => {
    const rows = await listFindings(h.database.db, h.tenantId, { status: 'open' });
    const risky = rows.filter((f) => f.ruleId === 'openai/project-risky-tool-enabled');
    const p = h.sim.org.planted;
    expect(risky.find((f) => f.assetKey.endsWith(p['project.research'] as string))?.severity).toBe('high');
    expect(risky.find((f) => f.assetKey.endsWith(p['project.production'] as string))?.severity).toBe(
      'medium',
    );
    const upload = await findAssetRow(
      h.database.db,
      h.tenantId,
      h.connectionId,
      `openai:file:${p['file.customerUpload']}`,
    );
    expect((upload?.data as { dlp?: { status: string } } | undefined)?.dlp?.status).toBe('unsupported');
    const output = await findAssetRow(
      h.database.db,
      h.tenantId,
      h.connectionId,
      `openai:file:${p['file.cleanOutput']}`,
    );
    expect((output?.data as { dlp?: { status: string } } | undefined)?.dlp?.status).toBe('clean');
  });
});
