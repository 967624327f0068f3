/**
 * After a full pass, Drive is read through change feeds chosen by the Drive audit log, tokens
 * only for users with token events: a rescan with 1% of the files changed makes a small
 * fraction of the full scan's calls and ends with exactly the findings a full scan would.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamState } from '../../../db/schema.ts';
import {
  findGoogleSettingViolations,
  findGoogleViolations,
  type GoogleUser,
} from '../../../sandbox/index.ts';
import { type GoogleHarness, startGoogleHarness } from '../../support/google-harness.ts';

const VENDOR = 'auditor@vendor.example';

/** What a full scan finds; content inspection is off here (scan.test.ts covers the DLP rules). */
function oracle(h: GoogleHarness): string[] {
  return [...findGoogleViolations(h.sim.tenant, new Date()), ...findGoogleSettingViolations(h.sim.tenant)]
    .filter((v) => !v.ruleId.startsWith('common/dlp-'))
    .map((v) => `${v.ruleId} ${v.assetKey}`)
    .sort();
}

describe('google-workspace incremental rescans', () => {
  let h: GoogleHarness;
  let plain: GoogleUser[];
  beforeAll(async () => {
    h = await startGoogleHarness({ sim: { size: { users: 200, filesPerUser: 50 } } });
    const planted = new Set(Object.values(h.sim.tenant.planted.users));
    plain = h.sim.tenant.users.filter((u) => !u.suspended && !u.isAdmin && !planted.has(u.primaryEmail));
  });
  afterAll(() => h?.close());

  const ownedFiles = (user: GoogleUser) => {
    const { start, end } = h.sim.tenant.files.ownedRange(user.index);
    const ids: string[] = [];
    for (let i = start; i < end; i += 1) {
      const file = h.sim.tenant.files.get(i);
      if (file && !file.trashed) ids.push(file.id);
    }
    return ids;
  };

  it('reads only what changed, and finds what a full scan finds', async () => {
    const first = await h.scan();
    expect(first.outcome.status).toBe('succeeded');
    const fullCalls = first.scan.httpCalls;
    const totalFiles = h.sim.tenant.files.size;

    // 1% of the files change, in two users' Drives and one shared drive; grants change for two users.
    const [alice, bob] = plain as [GoogleUser, GoogleUser];
    const chatGpt = '292824132082.apps.googleusercontent.com';
    const carol = plain.find((u) => !h.sim.tenant.grants.get(u.index)?.some((g) => g.clientId === chatGpt));
    if (!carol) throw new Error('need a user without a ChatGPT grant');
    const aliceFiles = ownedFiles(alice);
    for (const id of aliceFiles.slice(0, 40))
      h.sim.mutate.shareFile(id, { type: 'anyone', role: 'reader', allowFileDiscovery: false });
    for (const id of aliceFiles.slice(40, 45)) h.sim.mutate.updateFile(id, { trashed: true });
    for (const id of aliceFiles.slice(45, 50)) h.sim.mutate.deleteFile(id);
    for (const id of ownedFiles(bob).slice(0, 45))
      h.sim.mutate.shareFile(id, { type: 'user', role: 'writer', emailAddress: VENDOR });
    for (let i = 0; i < 4; i += 1) {
      const added = h.sim.mutate.addFile(bob.primaryEmail, {
        name: `new-${i}.txt`,
        mimeType: 'text/plain',
        content: 'notes',
      });
      h.sim.mutate.shareFile(added.id, { type: 'anyone', role: 'writer', allowFileDiscovery: true });
    }
    const drive = h.sim.tenant.drives[0];
    const { start } = h.sim.tenant.files.driveRange(0);
    const driveFile = h.sim.tenant.files.get(start);
    if (drive && driveFile)
      h.sim.mutate.shareFile(driveFile.id, { type: 'anyone', role: 'reader', allowFileDiscovery: true });
    h.sim.mutate.addGrant(carol.primaryEmail, {
      clientId: chatGpt,
      displayText: 'ChatGPT',
      scopes: ['https://www.googleapis.com/auth/drive.readonly', 'openid'],
      nativeApp: false,
      anonymous: false,
    });
    const changed = 40 + 5 + 5 + 45 + 4 + 1;
    expect(changed / totalFiles).toBeLessThanOrEqual(0.011);

    const second = await h.scan();
    expect(second.outcome.status).toBe('succeeded');
    expect(second.scan.streams.drive?.mode).toBe('delta');
    const rescanCalls = second.scan.httpCalls;
    expect(rescanCalls).toBeGreaterThan(0);
    expect(rescanCalls / fullCalls).toBeLessThanOrEqual(0.02);
    const afterDelta = await h.findingKeys();
    expect(afterDelta).toEqual(oracle(h));
    expect(afterDelta).toContain(`common/file-public-view google-workspace:file:${driveFile?.id}`);
    expect(afterDelta).toContain(`common/file-external-edit google-workspace:file:${ownedFiles(bob)[0]}`);

    // A full rescan (state forgotten) agrees with the delta pass.
    await h.database.db.delete(streamState).where(eq(streamState.connectionId, h.connectionId));
    const third = await h.scan();
    expect(third.scan.streams.drive?.mode).toBe('full');
    expect(await h.findingKeys()).toEqual(afterDelta);
  });

  it('falls back to listing one Drive again when Google rejects its stored token', async () => {
    const [, , , dave] = plain as GoogleUser[];
    if (!dave) throw new Error('need a fourth plain user');
    const [row] = await h.database.db
      .select()
      .from(streamState)
      .where(and(eq(streamState.connectionId, h.connectionId), eq(streamState.stream, 'drive')));
    const state = row?.value as { users: Record<string, string> };
    state.users[dave.id] = '999999999';
    await h.database.db
      .update(streamState)
      .set({ value: state })
      .where(and(eq(streamState.connectionId, h.connectionId), eq(streamState.stream, 'drive')));
    const [target] = ownedFiles(dave);
    h.sim.mutate.shareFile(target as string, { type: 'anyone', role: 'writer', allowFileDiscovery: true });

    const listsBefore = h.sim.requests.count('GET', '/drive/v3/files');
    const { outcome, scan } = await h.scan();
    expect(outcome.status).toBe('succeeded');
    expect(scan.streams.drive?.mode).toBe('delta');
    expect(h.sim.requests.count('GET', '/drive/v3/files') - listsBefore).toBe(1);
    expect(await h.findingKeys()).toContain(`common/file-public-edit google-workspace:file:${target}`);
    expect(await h.findingKeys()).toEqual(oracle(h));
  });
});
