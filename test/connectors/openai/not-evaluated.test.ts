/**
 * What the connection cannot read takes out exactly the rules that need it, with the reason —
 * never a pass and never a fail: an admin key without some scopes, an org without audit logging,
 * no project keys, and a project missing from the project keys.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { rules } from '../../../rules/index.ts';
import { OPENAI_ADMIN_SCOPES } from '../../../sandbox/index.ts';
import { type OpenAIHarness, startOpenAIHarness } from '../../support/openai-harness.ts';

const openaiRules = rules.filter((r) => r.provider === 'openai' || r.id === 'common/dlp-file-ai-upload');

function expectOnly(
  scan: { rules: Record<string, { status: string; reason?: string }> },
  affected: string[],
  reason: RegExp,
) {
  for (const id of affected) {
    expect(scan.rules[id]?.status, id).toBe('not_evaluated');
    expect(scan.rules[id]?.reason, id).toMatch(reason);
  }
  for (const r of openaiRules.filter((r) => !affected.includes(r.id)))
    expect(scan.rules[r.id]?.status, r.id).toBe('evaluated');
}

describe('openai rules not evaluated for what the connection cannot read', () => {
  let h: OpenAIHarness | undefined;
  afterEach(() => h?.close());

  it('an admin key without the audit-log and admin-key scopes: only the rules on them, naming the scope', async () => {
    h = await startOpenAIHarness({
      sim: {
        scannerScopes: OPENAI_ADMIN_SCOPES.filter(
          (s) => s !== 'api.organization.audit_logs.read' && s !== 'api.organization.admin_api_keys.read',
        ),
      },
    });
    const { outcome, scan } = await h.scan();
    expect(outcome.status).toBe('succeeded');
    expect(scan.streams['audit-log']).toMatchObject({ status: 'unavailable', reason: 'permission_denied' });
    expect(scan.streams['admin-keys']).toMatchObject({ status: 'unavailable', reason: 'permission_denied' });
    expect(scan.rules['openai/inactive-user']?.reason).toContain('api.organization.audit_logs.read');
    expect(scan.rules['openai/admin-key-unused']?.reason).toContain('api.organization.admin_api_keys.read');
    expectOnly(
      scan,
      [
        'openai/inactive-user',
        'openai/admin-key-unused',
        'openai/admin-key-not-rotated',
        'openai/key-owner-removed',
      ],
      /permission_denied/,
    );
    const keys = await h.findingKeys();
    expect(keys.some((k) => /openai\/(inactive-user|admin-key-)/.test(k))).toBe(false);
    expect(keys.some((k) => k.startsWith('openai/project-key-unused '))).toBe(true);
    // Users still came in without their logins.
    expect(scan.streams.users).toMatchObject({ status: 'completed' });
  });

  it('an org without audit logging: users are read, only inactivity is not evaluated', async () => {
    h = await startOpenAIHarness({ sim: { auditLogging: false } });
    const { outcome, scan } = await h.scan();
    expect(outcome.status).toBe('succeeded');
    expect(scan.streams['audit-log']).toMatchObject({
      status: 'unavailable',
      reason: 'audit_logging_disabled',
    });
    expect(scan.streams.users?.assets).toBe(h.sim.org.users.filter((u) => !u.removed).length);
    expectOnly(scan, ['openai/inactive-user'], /audit_logging_disabled.*audit logging is off/);
    expect((await h.findingKeys()).some((k) => k.startsWith('openai/inactive-user '))).toBe(false);
  });

  it('no project keys: only the file, vector-store and assistant rules, saying keys are needed', async () => {
    h = await startOpenAIHarness({ projectKeys: false });
    const { outcome, scan } = await h.scan();
    expect(outcome.status).toBe('succeeded');
    for (const name of ['files', 'vector-stores', 'assistants'])
      expect(scan.streams[name], name).toMatchObject({
        status: 'unavailable',
        reason: 'requires_project_keys',
      });
    expectOnly(
      scan,
      [
        'openai/vector-store-without-expiry',
        'openai/assistant-risky-tool-unapproved',
        'common/dlp-file-ai-upload',
      ],
      /requires_project_keys.*projectKeys/,
    );
    expect(h.sim.requests.count('GET', '/files')).toBe(0);
  });

  it('a project missing from the project keys: the others are read, the reason names it, nothing resolves', async () => {
    h = await startOpenAIHarness();
    await h.scan();
    const before = await h.findingKeys();
    const noExpiry = h.sim.org.planted['vectorStore.noExpiry'];
    expect(before).toContain(`openai/vector-store-without-expiry openai:setting:${noExpiry}`);
    const research = h.sim.org.planted['project.research'] as string;
    const { [research]: _dropped, ...others } = h.sim.projectKeys();
    await h.setCredentials({ adminKey: h.sim.adminKey, projectKeys: others });
    const calls = h.sim.requests.count('GET', '/vector_stores');
    const { outcome, scan } = await h.scan();
    expect(outcome.status).toBe('succeeded');
    expect(scan.streams['vector-stores']).toMatchObject({
      status: 'unavailable',
      reason: 'project_keys_missing',
    });
    expect(scan.rules['openai/vector-store-without-expiry']?.reason).toContain(research);
    expect(scan.rules['openai/assistant-risky-tool-unapproved']?.reason).toContain(research);
    // Every other active project was still read with its own key.
    const keyed = h.sim.org.projects.filter((p) => p.archivedAt === null && p.id !== research).length;
    expect(h.sim.requests.count('GET', '/vector_stores') - calls).toBe(keyed);
    // …and what they returned was stored, though the stream ended unavailable.
    const readable = h.sim.org.projects.filter((p) => p.archivedAt === null && p.id !== research);
    expect(scan.streams['vector-stores']?.assets).toBe(
      readable.reduce((n, p) => n + p.vectorStores.length, 0),
    );
    expect(await h.findingKeys()).toEqual(before);
    expect(await h.findingKeys('resolved')).toEqual([]);
  });
});
