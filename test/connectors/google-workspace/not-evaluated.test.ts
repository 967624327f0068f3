/**
 * A missing delegated scope, an impersonation subject Google refuses and an admin without the
 * Policy API's super-admin role each take out exactly the streams that need them: their rules
 * are reported not evaluated with a reason naming what is missing, the rest are evaluated, and
 * nothing fails on every user.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SCOPES } from '../../../connectors/google-workspace/scopes.ts';
import { rules } from '../../../rules/index.ts';
import { type GoogleHarness, startGoogleHarness } from '../../support/google-harness.ts';

const google = rules.filter((r) => r.provider === 'google-workspace').map((r) => r.id);
const grantRules = rules
  .filter((r) => r.kind === 'oauth_grant' && (r.provider === 'google-workspace' || r.provider === 'common'))
  .map((r) => r.id);
const settingsRules = rules.filter((r) => r.streams?.includes('settings')).map((r) => r.id);

describe('google-workspace rules not evaluated for what the connection cannot read', () => {
  let h: GoogleHarness | undefined;
  afterEach(() => h?.close());

  it('a scope missing from the delegation: only the grant rules, naming the scope', async () => {
    h = await startGoogleHarness();
    h.sim.delegatedScopes.delete(SCOPES.directoryTokens);
    const { outcome, scan } = await h.scan();
    expect(outcome.status).toBe('succeeded');
    expect(scan.streams['oauth-tokens']).toMatchObject({
      status: 'unavailable',
      reason: 'scope_not_delegated',
    });
    for (const id of grantRules) {
      expect(scan.rules[id]?.status, id).toBe('not_evaluated');
      expect(scan.rules[id]?.reason, id).toContain(SCOPES.directoryTokens);
    }
    const evaluated = Object.entries(scan.rules)
      .filter(([, r]) => r.status === 'evaluated')
      .map(([id]) => id);
    expect(evaluated).toEqual(
      expect.arrayContaining(['google-workspace/admin-without-2sv', 'common/file-public-edit']),
    );
    const keys = await h.findingKeys();
    expect(keys.some((k) => k.includes(':oauth_grant:'))).toBe(false);
    expect(keys.some((k) => k.startsWith('google-workspace/user-without-2sv '))).toBe(true);
  });

  it('an admin who is not a super admin: only the settings rules, naming the role', async () => {
    h = await startGoogleHarness();
    const delegated = h.sim.tenant.users.find((u) => u.isDelegatedAdmin && !u.isAdmin && !u.suspended);
    await h.setConfig({ adminEmail: delegated?.primaryEmail ?? '' });
    const { outcome, scan } = await h.scan();
    expect(outcome.status).toBe('succeeded');
    expect(scan.streams.settings).toMatchObject({
      status: 'unavailable',
      reason: 'policy_api_requires_super_admin',
    });
    expect(settingsRules.length).toBeGreaterThan(5);
    for (const id of settingsRules) {
      expect(scan.rules[id]?.status, id).toBe('not_evaluated');
      expect(scan.rules[id]?.reason, id).toContain('super admin');
    }
    const others = google.filter((id) => !settingsRules.includes(id));
    for (const id of others) expect(scan.rules[id]?.status, id).toBe('evaluated');
    expect((await h.findingKeys()).some((k) => k.includes(':setting:policies/'))).toBe(false);
  });

  it('a suspended admin to impersonate: every rule not evaluated, naming the subject — no finding on anyone', async () => {
    h = await startGoogleHarness();
    const suspended = h.sim.tenant.planted.users.suspendedSuperAdmin as string;
    await h.setConfig({ adminEmail: suspended });
    const { scan } = await h.scan();
    for (const stream of Object.values(scan.streams)) {
      expect(stream).toMatchObject({ status: 'unavailable', reason: 'impersonation_refused' });
    }
    for (const id of google) {
      expect(scan.rules[id]?.status, id).toBe('not_evaluated');
      expect(scan.rules[id]?.reason, id).toContain(suspended);
    }
    expect(await h.findingKeys()).toEqual([]);
  });

  it('a user suspended since the last scan: their files cannot be read, so their findings stay open', async () => {
    h = await startGoogleHarness();
    await h.scan();
    const sharer = h.sim.tenant.planted.users.fileSharer as string;
    const publicEdit = `common/file-public-edit google-workspace:file:${h.sim.tenant.planted.files.publicEdit}`;
    expect(await h.findingKeys()).toContain(publicEdit);
    h.sim.mutate.updateUser(sharer, { suspended: true });
    const { outcome } = await h.scan();
    expect(outcome.status).toBe('succeeded');
    expect(await h.findingKeys()).toContain(publicEdit);
    expect(await h.findingKeys('resolved')).not.toContain(publicEdit);
  });
});

describe('google-workspace with an OAuth-connected admin instead of a service account', () => {
  it('reads the directory, tokens, settings and Gemini streams; Drive is not evaluated, naming delegation', async () => {
    const h = await startGoogleHarness({
      credentials: (sim) => {
        const admin = sim.auth.findUser(sim.adminEmail);
        if (!admin) throw new Error('no admin');
        sim.auth.refreshTokens.set('1//oauth-admin', {
          user: admin,
          scopes: [...sim.delegatedScopes],
          clientId: sim.webClient.clientId,
        });
        return { ...sim.webClient, refreshToken: '1//oauth-admin' };
      },
    });
    try {
      const { outcome, scan } = await h.scan();
      expect(outcome.status).toBe('succeeded');
      expect(scan.streams.drive).toMatchObject({
        status: 'unavailable',
        reason: 'requires_domain_wide_delegation',
      });
      for (const name of ['users', 'oauth-tokens', 'settings', 'gemini-usage'])
        expect(scan.streams[name]?.status, name).toBe('completed');
      expect(scan.rules['common/file-public-edit']).toMatchObject({ status: 'not_evaluated' });
      expect(scan.rules['common/file-public-edit']?.reason).toContain('domain-wide delegation');
      const keys = await h.findingKeys();
      expect(keys.some((k) => k.startsWith('google-workspace/admin-without-2sv '))).toBe(true);
      expect(keys.some((k) => k.includes(':file:'))).toBe(false);
    } finally {
      await h.close();
    }
  });
});
