/**
 * Paged walks over the file store for `files.list`. A corpus is a list of segments (an index
 * range or an index list, each with a predicate); the page token is just (segment, position),
 * so a page costs O(page + skipped) and no listing ever materialises the whole corpus.
 */
import { canSee, isDriveMember } from './drive-view.ts';
import type { DriveFile, GoogleTenant, GoogleUser } from './types.ts';

export interface Segment {
  start?: number;
  end?: number;
  list?: readonly number[];
  keep: (file: DriveFile) => boolean;
}

export interface WalkResult {
  files: DriveFile[];
  next?: { seg: number; pos: number };
}

export function walk(
  tenant: GoogleTenant,
  segments: Segment[],
  from: { seg: number; pos: number },
  limit: number,
  filter: (file: DriveFile) => boolean,
): WalkResult {
  const files: DriveFile[] = [];
  let { seg, pos } = from;
  while (seg < segments.length) {
    const segment = segments[seg] as Segment;
    const length = segment.list ? segment.list.length : (segment.end ?? 0) - (segment.start ?? 0);
    while (pos < length) {
      if (files.length === limit) return { files, next: { seg, pos } };
      const index = segment.list ? (segment.list[pos] as number) : (segment.start ?? 0) + pos;
      pos += 1;
      const file = tenant.files.get(index);
      if (file && segment.keep(file) && filter(file)) files.push(file);
    }
    seg += 1;
    pos = 0;
  }
  return { files };
}

/** My Drive as the user sees it: owned files, then files shared with them, then later additions. */
function userSegments(tenant: GoogleTenant, user: GoogleUser): Segment[] {
  const owned = tenant.files.ownedRange(user.index);
  const generatedEnd = tenant.files.size - tenant.files.addedIndices().length;
  const inGenerated = (file: DriveFile) => file.index < generatedEnd;
  return [
    { ...owned, keep: (file) => file.owner === user.index },
    {
      list: tenant.files.sharedWith(user.index),
      keep: (file) => inGenerated(file) && file.owner !== user.index && canSee(tenant, file, user),
    },
    { list: tenant.files.addedIndices(), keep: (file) => file.drive < 0 && canSee(tenant, file, user) },
  ];
}

function driveSegments(tenant: GoogleTenant, drive: number): Segment[] {
  return [
    { ...tenant.files.driveRange(drive), keep: (file) => file.drive === drive },
    { list: tenant.files.addedIndices(), keep: (file) => file.drive === drive },
  ];
}

export interface CorpusRequest {
  corpora: string;
  driveId?: string;
  includeItemsFromAllDrives: boolean;
}

/** The segments of a corpus, or an error message for an invalid combination. */
export function corpusSegments(
  tenant: GoogleTenant,
  user: GoogleUser | undefined,
  request: CorpusRequest,
): Segment[] | string {
  if (!user) return [];
  if (request.corpora === 'drive') {
    const drive = tenant.drives.find((d) => d.id === request.driveId);
    if (!request.driveId)
      return 'The driveId parameter must be specified if and only if corpora is set to drive.';
    if (!drive || !isDriveMember(tenant, drive.index, user))
      return `Shared drive not found: ${request.driveId}`;
    return driveSegments(tenant, drive.index);
  }
  if (request.driveId)
    return 'The driveId parameter must be specified if and only if corpora is set to drive.';
  const segments = userSegments(tenant, user);
  if (request.corpora === 'domain') {
    // Files published to the domain (discoverable) that the user does not already see.
    segments.push({
      start: 0,
      end: tenant.files.size,
      keep: (file) =>
        file.drive < 0 &&
        !canSee(tenant, file, user) &&
        file.permissions.some((p) => (p.type === 'domain' || p.type === 'anyone') && p.allowFileDiscovery),
    });
  }
  if (request.corpora === 'allDrives' && request.includeItemsFromAllDrives) {
    for (const drive of tenant.drives) {
      if (isDriveMember(tenant, drive.index, user)) segments.push(...driveSegments(tenant, drive.index));
    }
  }
  return segments;
}
