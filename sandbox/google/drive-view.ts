/**
 * How Drive looks to one user: which files they can see, the JSON a file serialises to (with
 * Google's shared-drive gap — no `permissions`/`owners`/`shared` on shared-drive items), the
 * permissions of a file including inherited drive membership, and the small `q` subset the
 * scanner sends.
 */
import { userPermission } from './file-store.ts';
import type { DriveFile, GooglePermission, GoogleTenant, GoogleUser } from './types.ts';
import { badRequest, type GoogleReply } from './wire.ts';

export function isDriveMember(tenant: GoogleTenant, drive: number, user: GoogleUser | undefined): boolean {
  if (!user) return false;
  return tenant.drives[drive]?.members.some((m) => m.user === user.index) ?? false;
}

/** Direct access: owner, a user permission naming them, or drive membership. */
export function canSee(tenant: GoogleTenant, file: DriveFile, user: GoogleUser | undefined): boolean {
  if (!user) return false;
  if (file.drive >= 0) return isDriveMember(tenant, file.drive, user);
  if (file.owner === user.index) return true;
  return file.permissions.some((p) => p.type === 'user' && p.emailAddress === user.primaryEmail);
}

export function permissionsOf(tenant: GoogleTenant, file: DriveFile): Array<Record<string, unknown>> {
  const direct = file.permissions.map((p) =>
    serializePermission(p, file.drive >= 0 ? file.id : undefined, false),
  );
  if (file.drive < 0) return direct;
  const drive = tenant.drives[file.drive];
  const inherited = (drive?.members ?? []).flatMap((member) => {
    const user = tenant.users[member.user];
    return user ? [serializePermission(userPermission(user, member.role), drive?.id, true)] : [];
  });
  return [...inherited, ...direct];
}

function serializePermission(p: GooglePermission, inheritedFrom: string | undefined, inherited: boolean) {
  const body: Record<string, unknown> = { kind: 'drive#permission', ...p, deleted: false };
  delete body.inherited;
  if (p.type === 'user' && !p.emailAddress) delete body.emailAddress;
  if (inheritedFrom !== undefined) {
    body.permissionDetails = [
      { permissionType: 'file', role: p.role, inherited, ...(inherited ? { inheritedFrom } : {}) },
    ];
  }
  return body;
}

export function serializeFile(tenant: GoogleTenant, file: DriveFile, viewer: GoogleUser | undefined) {
  const isGoogleType = file.mimeType.startsWith('application/vnd.google-apps.');
  const body: Record<string, unknown> = {
    kind: 'drive#file',
    id: file.id,
    name: file.name,
    mimeType: file.mimeType,
    trashed: file.trashed,
    parents: [file.drive >= 0 ? (tenant.drives[file.drive]?.id ?? '') : '0AMyDriveRoot'],
    createdTime: file.createdTime,
    modifiedTime: file.modifiedTime,
    webViewLink: `https://docs.google.com/${isGoogleType ? 'document/d' : 'file/d'}/${file.id}/view`,
    copyRequiresWriterPermission: false,
    permissionIds: file.permissions.map((p) => p.id),
  };
  if (!isGoogleType) body.size = String(Buffer.byteLength(file.content));
  if (file.drive >= 0) {
    body.driveId = tenant.drives[file.drive]?.id;
    return body;
  }
  const owner = tenant.users[file.owner];
  body.owners = owner
    ? [
        {
          kind: 'drive#user',
          displayName: `${owner.givenName} ${owner.familyName}`,
          emailAddress: owner.primaryEmail,
          permissionId: owner.id,
          me: viewer?.index === owner.index,
        },
      ]
    : [];
  body.ownedByMe = viewer !== undefined && viewer.index === file.owner;
  body.shared = file.permissions.some((p) => p.role !== 'owner');
  body.writersCanShare = true;
  body.permissions = permissionsOf(tenant, file);
  return body;
}

export type FileFilter = (file: DriveFile) => boolean;

/** Parses the `q` subset: `trashed = false`, `'x' in owners`, `mimeType = '…'`/`!=`, joined by `and`. */
export function parseQuery(q: string | null, viewer: GoogleUser | undefined): FileFilter | GoogleReply {
  if (!q?.trim()) return () => true;
  const filters: FileFilter[] = [];
  for (const clause of q.split(/\s+and\s+/i)) {
    const text = clause.trim();
    let m = /^trashed\s*=\s*(true|false)$/i.exec(text);
    if (m) {
      const want = (m[1] as string).toLowerCase() === 'true';
      filters.push((f) => f.trashed === want);
      continue;
    }
    m = /^'([^']+)'\s+in\s+owners$/i.exec(text);
    if (m) {
      const email = m[1] === 'me' ? viewer?.primaryEmail : m[1];
      filters.push((f) => f.permissions.some((p) => p.role === 'owner' && p.emailAddress === email));
      continue;
    }
    m = /^mimeType\s*(=|!=)\s*'([^']+)'$/.exec(text);
    if (m) {
      const [, op, value] = m;
      filters.push((f) => (op === '=' ? f.mimeType === value : f.mimeType !== value));
      continue;
    }
    return { ...badRequest('Invalid Value'), status: 400 };
  }
  return (file) => filters.every((filter) => filter(file));
}
