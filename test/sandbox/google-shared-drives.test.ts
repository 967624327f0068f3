import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GoogleSimulator, MIME, startGoogleSimulator } from '../../sandbox/index.ts';
import { driveFor, jwtFor, reasonOf, rejectionOf, SCOPES } from './google-support.ts';

describe('Google simulator shared drives', () => {
  let sim: GoogleSimulator;
  beforeAll(async () => {
    sim = await startGoogleSimulator({ seed: 8, size: { users: 40, filesPerUser: 2, sharedDrives: 3 } });
  });
  afterAll(() => sim.close());

  const driveAs = (email: string) => driveFor(sim, jwtFor(sim, email, [SCOPES.driveMeta, SCOPES.driveRead]));
  const adminIndex = () => sim.tenant.users.findIndex((u) => u.primaryEmail === sim.adminEmail);

  it('lists a shared drive’s members on its own id for an admin with useDomainAdminAccess', async () => {
    const drive = sim.tenant.drives.find(
      (d) =>
        !d.members.some((m) => m.user === adminIndex()) &&
        d.members.some((m) => !sim.tenant.users[m.user]?.suspended && !sim.tenant.users[m.user]?.isAdmin),
    )!;
    expect(drive).toBeDefined();
    const api = driveAs(sim.adminEmail);
    const res = await api.permissions.list({
      fileId: drive.id,
      supportsAllDrives: true,
      useDomainAdminAccess: true,
      fields: 'permissions(type,role,emailAddress,permissionDetails)',
    });
    expect(res.data.permissions?.map((p) => [p.emailAddress, p.role])).toEqual(
      drive.members.map((m) => [sim.tenant.users[m.user]?.primaryEmail, m.role]),
    );
    expect(res.data.permissions?.[0]?.permissionDetails?.[0]).toMatchObject({ permissionType: 'member' });

    // Not a member and no admin access: the drive is not found.
    const hidden = await rejectionOf(api.permissions.list({ fileId: drive.id, supportsAllDrives: true }));
    expect(hidden.status).toBe(404);
    const noAllDrives = await rejectionOf(
      api.permissions.list({ fileId: drive.id, useDomainAdminAccess: true }),
    );
    expect(noAllDrives.status).toBe(404);

    // A member sees it; a non-admin asking for admin access is refused.
    const member = drive.members
      .map((m) => sim.tenant.users[m.user]!)
      .find((u) => !u.suspended && !u.isAdmin)!;
    const asMember = await driveAs(member.primaryEmail).permissions.list({
      fileId: drive.id,
      supportsAllDrives: true,
    });
    expect(asMember.data.permissions).toHaveLength(drive.members.length);
    const denied = await rejectionOf(
      driveAs(member.primaryEmail).permissions.list({
        fileId: drive.id,
        supportsAllDrives: true,
        useDomainAdminAccess: true,
      }),
    );
    expect(denied.status).toBe(403);
    expect(reasonOf(denied)).toBe('forbidden');
  });

  it('exports a shared-drive Doc without supportsAllDrives (export has no such parameter)', async () => {
    const drive = sim.tenant.drives.find((d) => d.members.some((m) => !sim.tenant.users[m.user]?.suspended))!;
    const member = drive.members.map((m) => sim.tenant.users[m.user]!).find((u) => !u.suspended)!;
    const doc = sim.mutate.addFile(
      { driveId: drive.id },
      { name: 'Runbook', mimeType: MIME.doc, content: 'step 1' },
    );
    const api = driveAs(member.primaryEmail);
    const text = await api.files.export({ fileId: doc.id, mimeType: 'text/plain' }, { responseType: 'text' });
    expect(text.data).toBe('step 1');
    const meta = await rejectionOf(api.files.get({ fileId: doc.id }));
    expect(meta.status).toBe(404);
    const outsider = sim.tenant.users.find(
      (u) => !u.suspended && !drive.members.some((m) => m.user === u.index),
    )!;
    const denied = await rejectionOf(
      driveAs(outsider.primaryEmail).files.export({ fileId: doc.id, mimeType: 'text/plain' }),
    );
    expect(denied.status).toBe(404);
  });
});
