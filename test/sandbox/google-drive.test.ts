import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GoogleSimulator, MIME, startGoogleSimulator } from '../../sandbox/index.ts';
import { driveFor, jwtFor, reasonOf, rejectionOf, SCOPES } from './google-support.ts';

describe('Google simulator Drive API', () => {
  let sim: GoogleSimulator;
  beforeAll(async () => {
    sim = await startGoogleSimulator({ seed: 5, size: { users: 20, filesPerUser: 1200, sharedDrives: 2 } });
  });
  afterAll(() => sim.close());

  const driveAs = (email: string, scopes = [SCOPES.driveMeta, SCOPES.driveRead]) =>
    driveFor(sim, jwtFor(sim, email, scopes));
  const userWithDrive = () => {
    for (const drive of sim.tenant.drives) {
      const member = drive.members.map((m) => sim.tenant.users[m.user]!).find((u) => !u.suspended);
      if (member) return { drive, member };
    }
    throw new Error('no shared drive with an active member');
  };

  it('returns only the masked fields, nested permissions included', async () => {
    const fields =
      'nextPageToken,files(id,name,permissions(type,role,domain,emailAddress,allowFileDiscovery,expirationTime))';
    const res = await driveAs(sim.adminEmail).files.list({ pageSize: 50, q: "'me' in owners", fields });
    expect(Object.keys(res.data).sort()).toEqual(['files', 'nextPageToken']);
    for (const file of res.data.files ?? []) {
      expect(Object.keys(file).every((k) => ['id', 'name', 'permissions'].includes(k))).toBe(true);
      for (const permission of file.permissions ?? []) {
        expect(Object.keys(permission).every((k) => k !== 'id' && k !== 'kind' && k !== 'displayName')).toBe(
          true,
        );
        expect(permission.type).toBeTruthy();
      }
    }
    const owner = res.data.files?.[0]?.permissions?.find((p) => p.role === 'owner');
    expect(owner?.emailAddress).toBe(sim.adminEmail);
  });

  it('defaults to kind,id,name,mimeType and 100 per page, and caps pageSize at 1000', async () => {
    const api = driveAs(sim.adminEmail);
    const plain = await api.files.list({});
    expect(plain.data.files).toHaveLength(100);
    expect(Object.keys(plain.data.files?.[0] ?? {}).sort()).toEqual(['id', 'kind', 'mimeType', 'name']);
    const big = await api.files.list({ pageSize: 5000, q: "'me' in owners and trashed = false" });
    expect(big.data.files).toHaveLength(1000);
    const rest = await api.files.list({
      pageSize: 1000,
      q: "'me' in owners and trashed = false",
      pageToken: big.data.nextPageToken ?? undefined,
    });
    expect(rest.data.files).toHaveLength(200);
    const ids = new Set([...(big.data.files ?? []), ...(rest.data.files ?? [])].map((f) => f.id));
    expect(ids.size).toBe(1200);
  });

  it('lists shared-drive items without permissions and serves them through permissions.list', async () => {
    const { drive, member } = userWithDrive();
    const api = driveAs(member.primaryEmail);
    const res = await api.files.list({
      corpora: 'drive',
      driveId: drive.id,
      includeItemsFromAllDrives: true,
      supportsAllDrives: true,
      pageSize: 10,
      fields: 'files(id,driveId,permissions,owners,shared)',
    });
    const file = res.data.files?.[0];
    expect(file?.driveId).toBe(drive.id);
    expect(file?.permissions).toBeUndefined();
    expect(file?.owners).toBeUndefined();
    const perms = await api.permissions.list({
      fileId: file?.id ?? '',
      supportsAllDrives: true,
      pageSize: 500,
      fields: 'permissions(emailAddress,role,permissionDetails)',
    });
    expect(perms.data.permissions?.[0]?.permissionDetails?.[0]).toMatchObject({ inherited: true });
    expect(perms.data.permissions?.map((p) => p.emailAddress)).toEqual(
      drive.members.map((m) => sim.tenant.users[m.user]?.primaryEmail),
    );
    // Without supportsAllDrives a shared-drive item is not found.
    const hidden = await rejectionOf(api.permissions.list({ fileId: file?.id ?? '' }));
    expect(hidden.status).toBe(404);
  });

  it('lists shared drives for an admin with useDomainAdminAccess (default page of 10)', async () => {
    const res = await driveAs(sim.adminEmail).drives.list({ useDomainAdminAccess: true });
    expect(res.data.drives?.map((d) => d.id)).toEqual(sim.tenant.drives.map((d) => d.id));
    const full = await driveAs(sim.adminEmail).drives.list({
      useDomainAdminAccess: true,
      fields: 'drives(id,orgUnitId,restrictions)',
    });
    expect(full.data.drives?.[0]?.restrictions).toEqual(sim.tenant.drives[0]?.restrictions);
    expect(full.data.drives?.[0]?.orgUnitId).toBeTruthy();
  });

  it('reports a mutation in changes.list and hands back a newStartPageToken', async () => {
    const api = driveAs(sim.adminEmail);
    const start = await api.changes.getStartPageToken({});
    const token = start.data.startPageToken ?? '';
    const empty = await api.changes.list({ pageToken: token });
    expect(empty.data.changes).toEqual([]);
    expect(empty.data.newStartPageToken).toBe(token);

    const mine = await api.files.list({ pageSize: 2, q: "'me' in owners" });
    const [first, second] = mine.data.files ?? [];
    sim.mutate.shareFile(first?.id ?? '', { type: 'anyone', role: 'reader', allowFileDiscovery: false });
    sim.mutate.deleteFile(second?.id ?? '');
    const changed = await api.changes.list({
      pageToken: token,
      pageSize: 1,
      fields: 'nextPageToken,newStartPageToken,changes(fileId,removed,file(id,permissions(type,role)))',
    });
    expect(changed.data.changes).toHaveLength(1);
    expect(changed.data.changes?.[0]?.fileId).toBe(first?.id);
    expect(changed.data.changes?.[0]?.file?.permissions).toContainEqual({ type: 'anyone', role: 'reader' });
    expect(changed.data.newStartPageToken).toBeUndefined();
    const last = await api.changes.list({ pageToken: changed.data.nextPageToken ?? '' });
    expect(last.data.changes?.[0]).toMatchObject({ fileId: second?.id, removed: true });
    expect(last.data.newStartPageToken).toBe(String(Number(token) + 2));
    const gone = await rejectionOf(api.files.get({ fileId: second?.id ?? '' }));
    expect(gone.status).toBe(404);
  });

  it('exports a Google Doc as text and a Sheet as CSV, and downloads blobs with alt=media', async () => {
    const api = driveAs(sim.adminEmail);
    const doc = sim.mutate.addFile(sim.adminEmail, {
      name: 'Secrets',
      mimeType: MIME.doc,
      content: 'api key: sk-test-123',
    });
    const text = await api.files.export({ fileId: doc.id, mimeType: 'text/plain' }, { responseType: 'text' });
    expect(text.data).toBe('api key: sk-test-123');
    const sheet = sim.mutate.addFile(sim.adminEmail, {
      name: 'Pay',
      mimeType: MIME.sheet,
      content: 'a,b\n1,2\n',
    });
    const csv = await api.files.export({ fileId: sheet.id, mimeType: 'text/csv' }, { responseType: 'text' });
    expect(csv.data).toBe('a,b\n1,2\n');
    const blob = sim.mutate.addFile(sim.adminEmail, { name: 'n.txt', mimeType: MIME.text, content: 'hello' });
    const media = await api.files.get({ fileId: blob.id, alt: 'media' }, { responseType: 'text' });
    expect(media.data).toBe('hello');
    const notBinary = await rejectionOf(
      api.files.get({ fileId: doc.id, alt: 'media' }, { responseType: 'text' }),
    );
    expect(notBinary.status).toBe(403);
    // Content needs a content scope: the metadata scope alone is refused.
    const metaOnly = driveAs(sim.adminEmail, [SCOPES.driveMeta]);
    const denied = await rejectionOf(metaOnly.files.export({ fileId: doc.id, mimeType: 'text/plain' }));
    expect(reasonOf(denied)).toBe('insufficientPermissions');
  });

  it('serves injected 403 userRateLimitExceeded without the SDK retrying it', async () => {
    sim.faults.add({
      path: '/drive/v3/files',
      kind: 'rate-limit',
      status: 403,
      reason: 'userRateLimitExceeded',
    });
    try {
      const before = sim.requests.count('GET', '/drive/v3/files');
      const error = await rejectionOf(driveAs(sim.adminEmail).files.list({ pageSize: 10 }));
      expect(error.status).toBe(403);
      expect(reasonOf(error)).toBe('userRateLimitExceeded');
      expect(sim.requests.count('GET', '/drive/v3/files')).toBe(before + 1);
    } finally {
      sim.faults.clear();
    }
  });
});
