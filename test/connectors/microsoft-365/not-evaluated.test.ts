/**
 * A tenant without Entra ID P1/P2, a permission the app was not granted (403
 * Authorization_RequestDenied) and a site the app cannot reach each take out exactly the rules
 * that need them, with the reason — never a fail on every user.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { rules } from '../../../rules/index.ts';
import { DEFAULT_GRAPH_ROLES } from '../../../sandbox/index.ts';
import { type MicrosoftHarness, startMicrosoftHarness } from '../../support/microsoft-harness.ts';

const m365 = rules.filter((r) => r.provider === 'microsoft-365');
const idsOn = (stream: string) => m365.filter((r) => r.streams?.includes(stream)).map((r) => r.id);

describe('microsoft-365 rules not evaluated for what the connection cannot read', () => {
  let h: MicrosoftHarness | undefined;
  afterEach(() => h?.close());

  it('a tenant without Entra ID P1/P2: only the MFA and inactivity rules, naming the licence', async () => {
    h = await startMicrosoftHarness({ sim: { premium: false } });
    const { outcome, scan } = await h.scan();
    expect(outcome.status).toBe('succeeded');
    const licensed = [...idsOn('sign-in-activity'), ...idsOn('mfa-registration')];
    expect(licensed.sort()).toEqual([
      'microsoft-365/admin-without-mfa',
      'microsoft-365/inactive-admin',
      'microsoft-365/inactive-user',
      'microsoft-365/user-without-mfa',
    ]);
    for (const id of licensed) {
      expect(scan.rules[id]?.status, id).toBe('not_evaluated');
      expect(scan.rules[id]?.reason, id).toMatch(/P1 or P2/);
    }
    for (const r of m365.filter((r) => !licensed.includes(r.id)))
      expect(scan.rules[r.id]?.status, r.id).toBe('evaluated');
    const keys = await h.findingKeys();
    expect(keys.some((k) => k.startsWith('microsoft-365/guest-with-privileged-role '))).toBe(true);
    expect(keys.some((k) => /without-mfa|inactive-/.test(k))).toBe(false);
  });

  it('a permission not granted (403 Authorization_RequestDenied): only the rules on that API, naming the permission', async () => {
    h = await startMicrosoftHarness();
    h.sim.mutate.setScannerRoles({ graph: DEFAULT_GRAPH_ROLES.filter((r) => r !== 'Policy.Read.All') });
    const { outcome, scan } = await h.scan();
    expect(outcome.status).toBe('succeeded');
    expect(scan.streams['consent-policy']).toMatchObject({ status: 'unavailable' });
    const affected = idsOn('consent-policy');
    expect(affected.length).toBe(3);
    for (const id of affected) {
      expect(scan.rules[id]?.status, id).toBe('not_evaluated');
      expect(scan.rules[id]?.reason, id).toContain('Policy.Read.All');
    }
    for (const r of m365.filter((r) => !affected.includes(r.id)))
      expect(scan.rules[r.id]?.status, r.id).toBe('evaluated');
  });

  it('a site the app cannot reach: the other sites are read, its files keep their findings, file rules name it', async () => {
    h = await startMicrosoftHarness({ config: { sweepHours: '0' } });
    await h.scan();
    const before = (await h.findingKeys()).filter((k) => k.includes(':file:'));
    const site = h.sim.tenant.sites.find((s) => !s.personal);
    if (!site) throw new Error('no team site');
    h.sim.faults.add({
      path: new RegExp(`/sites/${site.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/drives`),
      kind: 'server-error',
      status: 403,
    });
    const { outcome, scan } = await h.scan();
    expect(outcome.status).toBe('succeeded');
    expect(scan.streams.drives).toMatchObject({ status: 'unavailable', reason: 'site_unreachable' });
    expect(scan.rules['common/file-public-edit']?.status).toBe('not_evaluated');
    expect(scan.rules['common/file-public-edit']?.reason).toContain(site.name);
    expect(scan.rules['microsoft-365/admin-without-mfa']?.status).toBe('evaluated');
    expect((await h.findingKeys()).filter((k) => k.includes(':file:'))).toEqual(before);
    expect((await h.findingKeys('resolved')).filter((k) => k.includes(':file:'))).toEqual([]);
  });
});
