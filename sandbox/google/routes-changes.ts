/**
 * Drive v3 shared drives and the change log. `drives.list` defaults to 10 per page (max 100)
 * and lists every drive only with `useDomainAdminAccess=true` from an admin. Change page tokens
 * are positions in the tenant's append-only log (they never expire); the last page carries
 * `newStartPageToken` instead of `nextPageToken`, as the scanner's incremental scan expects.
 */
import { isDriveMember, serializeFile } from './drive-view.ts';
import type { GoogleRoute } from './route-types.ts';
import { CONTENT_SCOPES, METADATA_SCOPES } from './routes-files.ts';
import type { ChangeEntry, GoogleTenant, SharedDrive } from './types.ts';
import { badRequest, decodePageToken, encodePageToken, googleError, masked, pageSize } from './wire.ts';

/** Start tokens are offset so they look like Google's (never "0") and stay plain integers. */
export const CHANGE_BASE = 1000;

function serializeDrive(drive: SharedDrive, adminView: boolean) {
  return {
    kind: 'drive#drive',
    id: drive.id,
    name: drive.name,
    createdTime: drive.createdTime,
    hidden: drive.hidden,
    ...(adminView ? { orgUnitId: drive.orgUnitId } : {}),
    restrictions: { ...drive.restrictions },
  };
}

function visibleChange(
  tenant: GoogleTenant,
  entry: ChangeEntry,
  user: number,
  driveId: string | null,
  allDrives: boolean,
) {
  if (entry.drive >= 0) {
    const drive = tenant.drives[entry.drive];
    if (!drive || !isDriveMember(tenant, entry.drive, tenant.users[user])) return false;
    return driveId ? drive.id === driveId : allDrives;
  }
  if (driveId) return false;
  if (entry.owner === user) return true;
  const file = tenant.files.get(entry.fileIndex);
  const email = tenant.users[user]?.primaryEmail;
  return file?.permissions.some((p) => p.type === 'user' && p.emailAddress === email) ?? false;
}

export const changeRoutes: GoogleRoute[] = [
  {
    method: 'GET',
    template: '/drive/v3/drives',
    scopes: CONTENT_SCOPES,
    handle({ query, tenant, grant }) {
      const size = pageSize(query.get('pageSize'), 10, 100);
      if (typeof size !== 'number') return size;
      const admin = query.get('useDomainAdminAccess') === 'true';
      // Super admins and delegated admins holding the shared-drive privilege may use it.
      if (admin && !grant.subject?.isAdmin && !grant.subject?.isDelegatedAdmin) {
        return googleError(
          403,
          'forbidden',
          'The user does not have sufficient permissions for this operation.',
        );
      }
      const all = admin
        ? tenant.drives
        : tenant.drives.filter((d) => isDriveMember(tenant, d.index, grant.subject));
      const state = decodePageToken(query.get('pageToken'));
      const offset = typeof state?.offset === 'number' ? state.offset : 0;
      const body: Record<string, unknown> = {
        kind: 'drive#driveList',
        drives: all.slice(offset, offset + size).map((d) => serializeDrive(d, admin)),
      };
      if (offset + size < all.length) body.nextPageToken = encodePageToken({ offset: offset + size });
      return {
        status: 200,
        body: masked(body, query.get('fields'), 'kind,nextPageToken,drives(kind,id,name)'),
      };
    },
  },
  {
    method: 'GET',
    template: '/drive/v3/changes/startPageToken',
    scopes: METADATA_SCOPES,
    handle({ tenant }) {
      return {
        status: 200,
        body: { kind: 'drive#startPageToken', startPageToken: String(CHANGE_BASE + tenant.changes.length) },
      };
    },
  },
  {
    method: 'GET',
    template: '/drive/v3/changes',
    scopes: METADATA_SCOPES,
    handle({ query, tenant, grant }) {
      const raw = query.get('pageToken');
      if (!raw) return badRequest('Required parameter: pageToken');
      const start = Number(raw) - CHANGE_BASE;
      if (!Number.isInteger(start) || start < 0 || start > tenant.changes.length)
        return badRequest('Invalid Value');
      const size = pageSize(query.get('pageSize'), 100, 1000);
      if (typeof size !== 'number') return size;
      const user = grant.subject?.index ?? -1;
      const driveId = query.get('driveId');
      const allDrives =
        query.get('includeItemsFromAllDrives') === 'true' && query.get('supportsAllDrives') === 'true';
      const includeRemoved = query.get('includeRemoved') !== 'false';
      const changes: unknown[] = [];
      let seq = start;
      for (; seq < tenant.changes.length && changes.length < size; seq += 1) {
        const entry = tenant.changes[seq] as ChangeEntry;
        if (!visibleChange(tenant, entry, user, driveId, allDrives)) continue;
        const file = tenant.files.get(entry.fileIndex);
        const removed = entry.removed || !file;
        if (removed && !includeRemoved) continue;
        const drive = tenant.drives[entry.drive];
        changes.push({
          kind: 'drive#change',
          changeType: 'file',
          time: entry.time,
          removed,
          fileId: file?.id ?? tenant.files.idOf(entry.fileIndex),
          ...(removed || !file ? {} : { file: serializeFile(tenant, file, grant.subject) }),
          ...(drive ? { driveId: drive.id } : {}),
        });
      }
      const body: Record<string, unknown> = { kind: 'drive#changeList', changes };
      if (seq < tenant.changes.length) body.nextPageToken = String(CHANGE_BASE + seq);
      else body.newStartPageToken = String(CHANGE_BASE + tenant.changes.length);
      return {
        status: 200,
        body: masked(
          body,
          query.get('fields'),
          'kind,nextPageToken,newStartPageToken,changes(kind,changeType,time,removed,fileId,driveId,file(kind,id,name,mimeType))',
        ),
      };
    },
  },
];
