/**
 * Google's throttling and bad answers: quota 403s, 429s and 503s are retried with backoff (the
 * SDK retries none of the 403s), a per-user quota is ridden out, and a malformed page fails only
 * its stream — the other streams complete and no finding of the failed stream is resolved.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type GoogleHarness, startGoogleHarness } from '../../support/google-harness.ts';

const SMALL = { size: { users: 20, filesPerUser: 12 } };

describe('google-workspace under throttling and bad responses', () => {
  let h: GoogleHarness | undefined;
  afterEach(() => h?.close());

  it('retries quota 403s, 429s and 503s on every API family and still finds the same findings', async () => {
    h = await startGoogleHarness({ sim: SMALL });
    const clean = await h.scan();
    expect(clean.outcome.status).toBe('succeeded');
    const expected = await h.findingKeys();

    h.sim.faults.add({
      path: '/admin/directory/v1/users',
      kind: 'rate-limit',
      status: 403,
      reason: 'userRateLimitExceeded',
      times: 2,
    });
    h.sim.faults.add({
      path: '/drive/v3/files',
      kind: 'rate-limit',
      status: 403,
      reason: 'quotaExceeded',
      times: 3,
    });
    h.sim.faults.add({ path: '/drive/v3/changes/startPageToken', kind: 'rate-limit', status: 429, times: 2 });
    h.sim.faults.add({ path: '/v1/policies', kind: 'server-error', status: 503, times: 2 });
    // Force a full pass so files.list runs again.
    const { database, connectionId } = h;
    const { streamState } = await import('../../../db/schema.ts');
    const { eq } = await import('drizzle-orm');
    await database.db.delete(streamState).where(eq(streamState.connectionId, connectionId));

    const { outcome, scan } = await h.scan();
    expect(outcome.status).toBe('succeeded');
    expect(h.sim.faults.list().map((f) => f.hits)).toEqual([2, 3, 2, 2]);
    expect(scan.httpStats.byStatus).toMatchObject({ 403: 5, 503: 2 });
    expect(await h.findingKeys()).toEqual(expected);
  });

  it('rides out a per-user Drive quota', async () => {
    // Six Drive calls per user per 200 ms; the backoff (base 50 ms, doubling, jittered) waits it out.
    h = await startGoogleHarness({
      sim: { ...SMALL, quota: { drivePerMinute: 6, windowMs: 200 } },
      config: { retryBaseMs: '50' },
    });
    const { outcome } = await h.scan();
    expect(outcome.status).toBe('succeeded');
    expect(h.sim.requests.byStatus()['403']).toBeGreaterThan(0);
  });

  it('a malformed Drive page fails the drive stream only, and keeps its findings', async () => {
    h = await startGoogleHarness({ sim: SMALL });
    await h.scan();
    const before = await h.findingKeys();
    const fileFindings = before.filter((k) => k.includes(':file:'));
    expect(fileFindings.length).toBeGreaterThan(0);
    // A change in Fay's Drive, so the next scan reads her change feed — which answers garbage.
    h.sim.mutate.shareFile(h.sim.tenant.planted.files.domainEdit as string, {
      type: 'anyone',
      role: 'reader',
    });
    h.sim.faults.add({ path: '/drive/v3/changes', kind: 'malformed' });

    const { outcome, scan } = await h.scan();
    expect(outcome.status).toBe('partial');
    expect(scan.streams.drive?.status).toBe('failed');
    expect(scan.streams.drive?.error?.message).not.toMatch(/ya29|Bearer|PRIVATE KEY/);
    expect(scan.streams.users?.status).toBe('completed');
    const after = await h.findingKeys();
    for (const key of fileFindings) expect(after).toContain(key);
    expect(await h.findingKeys('resolved')).toEqual([]);
  });
});
