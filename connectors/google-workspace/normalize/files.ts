/**
 * Drive files → file assets. Exposure is computed from the permissions (MODEL.md): the widest
 * audience wins — anyone discoverable, anyone with the link, outside the organization, the
 * whole domain, named insiders, nobody. Shared-drive items carry no `permissions` on files.list;
 * the caller passes what permissions.list returned (drive members included).
 */
import type { drive_v3 } from '@googleapis/drive';
import type { AssetInput, Exposure } from '../../../scanner/model.ts';

export type DriveFile = drive_v3.Schema$File;
export type DrivePermission = drive_v3.Schema$Permission;

/** What files.list must return for a scan (shared-drive items get permissions separately). */
export const FILE_FIELDS =
  'id,name,mimeType,webViewLink,owners(emailAddress),size,modifiedTime,driveId,trashed,permissions(id,type,role,emailAddress,domain,allowFileDiscovery,expirationTime,deleted)';
export const PERMISSION_FIELDS =
  'nextPageToken,permissions(id,type,role,emailAddress,domain,allowFileDiscovery,expirationTime,deleted)';

const EDIT_ROLES = new Set(['owner', 'organizer', 'fileOrganizer', 'writer']);
const RANK: Record<Exposure, number> = {
  private: 0,
  internal: 1,
  domain: 2,
  external: 3,
  anyone_with_link: 4,
  public: 5,
};
const MAX_EXTERNAL_SHARES = 50;

export interface ExternalShare {
  email: string | null;
  domain: string;
  type: string;
  role: string;
  expiresAt: string | null;
}

export interface FileContext {
  internalDomains: Set<string>;
  observedAt: string;
  /** Shared-drive name, for items of a shared drive. */
  driveName?: string | null;
}

function domainOf(email: string | null | undefined): string {
  return (email ?? '').split('@')[1]?.toLowerCase() ?? '';
}

function audienceOf(
  permission: DrivePermission,
  internal: Set<string>,
): { level: Exposure; domain?: string } {
  switch (permission.type) {
    case 'anyone':
      return { level: permission.allowFileDiscovery ? 'public' : 'anyone_with_link' };
    case 'domain': {
      const domain = (permission.domain ?? '').toLowerCase();
      return internal.has(domain) ? { level: 'domain' } : { level: 'external', domain };
    }
    default: {
      const domain = domainOf(permission.emailAddress);
      // A user or group with no address (a deleted account) is nobody outside.
      return domain && !internal.has(domain) ? { level: 'external', domain } : { level: 'internal' };
    }
  }
}

export interface Exposed {
  exposure: Exposure;
  exposureAccess: 'edit' | 'view' | null;
  sharedWithDomains: string[];
  linkExpiresAt: string | null;
  externalShares: ExternalShare[];
}

export function exposureOf(permissions: DrivePermission[], internal: Set<string>): Exposed {
  let exposure: Exposure = 'private';
  let edit = false;
  const domains = new Set<string>();
  const externalShares: ExternalShare[] = [];
  let linkExpiresAt: string | null = null;
  for (const permission of permissions) {
    // The owner is implied; a deleted permission grants nothing.
    if (permission.deleted || permission.role === 'owner') continue;
    const { level, domain } = audienceOf(permission, internal);
    const canEdit = EDIT_ROLES.has(permission.role ?? '');
    if (RANK[level] > RANK[exposure]) {
      exposure = level;
      edit = canEdit;
    } else if (level === exposure) edit ||= canEdit;
    if (level !== 'external' || !domain) continue;
    domains.add(domain);
    const expiresAt = permission.expirationTime ?? null;
    if (expiresAt && permission.type !== 'domain' && (!linkExpiresAt || expiresAt < linkExpiresAt))
      linkExpiresAt = expiresAt;
    if (externalShares.length < MAX_EXTERNAL_SHARES) {
      externalShares.push({
        email: permission.type === 'domain' ? null : (permission.emailAddress ?? '').toLowerCase(),
        domain,
        type: permission.type ?? 'user',
        role: permission.role ?? 'reader',
        expiresAt,
      });
    }
  }
  return {
    exposure,
    exposureAccess: exposure === 'private' ? null : edit ? 'edit' : 'view',
    sharedWithDomains: [...domains].sort(),
    linkExpiresAt,
    externalShares,
  };
}

export function normalizeFile(
  file: DriveFile,
  permissions: DrivePermission[],
  context: FileContext,
): AssetInput {
  if (!file.id) throw new Error('google-workspace files.list: a file without id');
  const exposed = exposureOf(permissions, context.internalDomains);
  const size = file.size ? Number(file.size) : null;
  return {
    provider: 'google-workspace',
    kind: 'file',
    externalId: file.id,
    name: file.name ?? file.id,
    url: file.webViewLink ?? null,
    observedAt: context.observedAt,
    owner: file.driveId ? null : (file.owners?.[0]?.emailAddress?.toLowerCase() ?? null),
    mimeType: file.mimeType ?? null,
    sizeBytes: size !== null && Number.isSafeInteger(size) && size >= 0 ? size : null,
    exposure: exposed.exposure,
    exposureAccess: exposed.exposureAccess,
    sharedWithDomains: exposed.sharedWithDomains,
    linkExpiresAt: exposed.linkExpiresAt,
    modifiedAt: file.modifiedTime ?? null,
    attributes: {
      driveId: file.driveId ?? null,
      driveName: context.driveName ?? null,
      externalShares: exposed.externalShares,
    },
  };
}
