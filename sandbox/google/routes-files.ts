/**
 * Drive v3 files: `files.list` (corpora, q subset, pageSize ≤ 1000, `fields` masks),
 * `files.get` (metadata or `alt=media`), `files.export` (Docs → text/plain, Sheets → text/csv)
 * and `permissions.list` (pageSize ≤ 100; the only way to see shared-drive item permissions).
 */
import { canSee, parseQuery, permissionsOf, serializeFile } from './drive-view.ts';
import { MIME, userPermission } from './file-store.ts';
import { corpusSegments, walk } from './file-walk.ts';
import type { GoogleCall, GoogleRoute } from './route-types.ts';
import type { DriveFile, SharedDrive } from './types.ts';
import {
  badRequest,
  decodePageToken,
  encodePageToken,
  type GoogleReply,
  googleError,
  masked,
  notFound,
  pageSize,
} from './wire.ts';

const DRIVE = 'https://www.googleapis.com/auth/drive';
export const METADATA_SCOPES = [
  DRIVE,
  `${DRIVE}.readonly`,
  `${DRIVE}.metadata.readonly`,
  `${DRIVE}.metadata`,
  `${DRIVE}.file`,
];
export const CONTENT_SCOPES = [DRIVE, `${DRIVE}.readonly`, `${DRIVE}.file`];

const fileNotFound = (id: string) => notFound(`File not found: ${id}.`);

/**
 * The file when the caller can see it. Drive items also need supportsAllDrives, except on
 * `files.export`, which has no such parameter.
 */
function visibleFile(call: GoogleCall, needsAllDrives = true): DriveFile | GoogleReply {
  const id = call.params.fileId ?? '';
  const index = call.tenant.files.indexOf(id);
  const file = index === undefined ? undefined : call.tenant.files.get(index);
  if (!file || !canSee(call.tenant, file, call.grant.subject)) return fileNotFound(id);
  if (needsAllDrives && file.drive >= 0 && call.query.get('supportsAllDrives') !== 'true') {
    return fileNotFound(id);
  }
  return file;
}

/**
 * `permissions.list` on a shared drive's id: its members, for a member or (with
 * `useDomainAdminAccess=true`) a super admin; anyone else gets the drive's 404.
 */
function drivePermissions(
  call: GoogleCall,
  drive: SharedDrive,
): Array<Record<string, unknown>> | GoogleReply {
  const subject = call.grant.subject;
  const adminAccess = call.query.get('useDomainAdminAccess') === 'true';
  if (adminAccess && !subject?.isAdmin && !subject?.isDelegatedAdmin) {
    return googleError(403, 'forbidden', 'The user does not have sufficient permissions for this operation.');
  }
  const member = drive.members.some((m) => m.user === subject?.index);
  if (call.query.get('supportsAllDrives') !== 'true' || (!adminAccess && !member)) {
    return fileNotFound(drive.id);
  }
  return drive.members.flatMap((m) => {
    const user = call.tenant.users[m.user];
    if (!user) return [];
    return [
      {
        kind: 'drive#permission',
        ...userPermission(user, m.role),
        deleted: false,
        permissionDetails: [{ permissionType: 'member', role: m.role, inherited: false }],
      },
    ];
  });
}

const EXPORTS: Record<string, string[]> = {
  [MIME.doc]: ['text/plain', 'text/html', 'application/pdf'],
  [MIME.sheet]: ['text/csv', 'application/pdf'],
  [MIME.slides]: ['text/plain', 'application/pdf'],
};

export const fileRoutes: GoogleRoute[] = [
  {
    method: 'GET',
    template: '/drive/v3/files',
    scopes: METADATA_SCOPES,
    handle(call) {
      const { query, tenant, grant } = call;
      const size = pageSize(query.get('pageSize'), 100, 1000);
      if (typeof size !== 'number') return size;
      const filter = parseQuery(query.get('q'), grant.subject);
      if (typeof filter !== 'function') return filter;
      const corpora = query.get('corpora') ?? 'user';
      if (!['user', 'drive', 'domain', 'allDrives'].includes(corpora)) return badRequest('Invalid Value');
      const includeAll = query.get('includeItemsFromAllDrives') === 'true';
      if ((corpora === 'drive' || corpora === 'allDrives') && !includeAll) {
        return googleError(
          403,
          'teamDriveItemsNotSupported',
          'includeItemsFromAllDrives can only be set to true when supportsAllDrives is set to true.',
        );
      }
      const segments = corpusSegments(tenant, grant.subject, {
        corpora,
        driveId: query.get('driveId') ?? undefined,
        includeItemsFromAllDrives: includeAll && query.get('supportsAllDrives') === 'true',
      });
      if (typeof segments === 'string') return googleError(404, 'notFound', segments);
      const token = query.get('pageToken');
      const state = decodePageToken(token);
      if (token && (typeof state?.seg !== 'number' || typeof state.pos !== 'number')) {
        return badRequest('Invalid Value');
      }
      const from = { seg: (state?.seg as number) ?? 0, pos: (state?.pos as number) ?? 0 };
      const page = walk(tenant, segments, from, size, filter);
      const body: Record<string, unknown> = {
        kind: 'drive#fileList',
        incompleteSearch: false,
        files: page.files.map((file) => serializeFile(tenant, file, grant.subject)),
      };
      if (page.next) body.nextPageToken = encodePageToken(page.next);
      return {
        status: 200,
        body: masked(
          body,
          query.get('fields'),
          'kind,incompleteSearch,nextPageToken,files(kind,id,name,mimeType)',
        ),
      };
    },
  },
  {
    method: 'GET',
    template: '/drive/v3/files/{fileId}',
    scopes: METADATA_SCOPES,
    handle(call) {
      const file = visibleFile(call);
      if ('status' in file) return file;
      if (call.query.get('alt') !== 'media') {
        const body = serializeFile(call.tenant, file, call.grant.subject);
        return { status: 200, body: masked(body, call.query.get('fields'), 'kind,id,name,mimeType') };
      }
      if (!call.grant.scopes.has(DRIVE) && !call.grant.scopes.has(`${DRIVE}.readonly`)) {
        return googleError(403, 'insufficientPermissions', 'Request had insufficient authentication scopes.');
      }
      if (file.mimeType.startsWith('application/vnd.google-apps.')) {
        return googleError(
          403,
          'fileNotDownloadable',
          'Only files with binary content can be downloaded. Use Export with Docs Editors files.',
        );
      }
      return { status: 200, raw: { contentType: file.mimeType, data: file.content } };
    },
  },
  {
    method: 'GET',
    template: '/drive/v3/files/{fileId}/export',
    scopes: CONTENT_SCOPES,
    handle(call) {
      const file = visibleFile(call, false);
      if ('status' in file) return file;
      const mimeType = call.query.get('mimeType');
      if (!mimeType) return badRequest('Required parameter: mimeType');
      const allowed = EXPORTS[file.mimeType];
      if (!allowed) return googleError(403, 'fileNotExportable', 'Export only supports Docs Editors files.');
      if (!allowed.includes(mimeType)) {
        return badRequest('The requested conversion is not supported.');
      }
      // Only the text forms carry real content; binary forms get the same text, which is
      // enough for tests that only check the call succeeds.
      return { status: 200, raw: { contentType: mimeType, data: file.content } };
    },
  },
  {
    method: 'GET',
    template: '/drive/v3/files/{fileId}/permissions',
    scopes: METADATA_SCOPES,
    handle(call) {
      // A shared drive's own id lists its members (the admin's way in: useDomainAdminAccess).
      const drive = call.tenant.drives.find((d) => d.id === call.params.fileId);
      const file = drive ? drivePermissions(call, drive) : visibleFile(call);
      if ('status' in file) return file;
      const size = pageSize(call.query.get('pageSize'), 100, 100);
      if (typeof size !== 'number') return size;
      const state = decodePageToken(call.query.get('pageToken'));
      const offset = typeof state?.offset === 'number' ? state.offset : 0;
      const all = Array.isArray(file) ? file : permissionsOf(call.tenant, file);
      const body: Record<string, unknown> = {
        kind: 'drive#permissionList',
        permissions: all.slice(offset, offset + size),
      };
      if (offset + size < all.length) body.nextPageToken = encodePageToken({ offset: offset + size });
      return {
        status: 200,
        body: masked(body, call.query.get('fields'), 'kind,nextPageToken,permissions(kind,id,type,role)'),
      };
    },
  },
];
