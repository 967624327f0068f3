/**
 * Drive files with their sharing, per user (My Drive, impersonating the owner) and per shared
 * drive (impersonating an active member; its items need one permissions.list each, since
 * files.list leaves their permissions out).
 *
 * First pass: list everything and keep each scope's change-feed start token. Later passes are
 * delta passes: the Reports `drive` audit events since the last pass name the owners and shared
 * drives whose files changed, and only their change feeds are read — a change feed is per user,
 * so polling 10,000 feeds to find 1% changed files would cost as much as listing them. Every
 * `sweepHours` all feeds are read whatever the audit log says (it lags by hours). A start
 * token the API rejects falls back to listing that one scope again.
 */
import type { drive_v3 } from '@googleapis/drive';
import type { Batch } from '../../../scanner/connector.ts';
import { defineStream } from '../../../scanner/connector.ts';
import { isPeriscopeError, PeriscopeError } from '../../../scanner/errors.ts';
import type { AssetInput } from '../../../scanner/model.ts';
import { orderedPool } from '../../../scanner/ordered-pool.ts';
import type { DirectoryUser, GoogleSession, GoogleWorkspaceClient } from '../client.ts';
import type { GoogleWorkspaceCredentials } from '../credentials.ts';
import { SubjectRejectedError } from '../errors.ts';
import {
  type DriveFile,
  type DrivePermission,
  FILE_FIELDS,
  normalizeFile,
  PERMISSION_FIELDS,
} from '../normalize/files.ts';
import { activitiesSince, parameter, REPORTS_OVERLAP_MS } from '../reports.ts';
import { SCOPES } from '../scopes.ts';

interface SharedDriveState {
  token: string;
  /** The member impersonated to read it. */
  member: string;
  name: string;
}

interface DriveState {
  /** Audit events read up to here (ISO). */
  cursor: string;
  sweptAt: string;
  /** userId → My Drive change-feed token. */
  users: Record<string, string>;
  drives: Record<string, SharedDriveState>;
}

const STATE_KEY = 'drive';
const ASSETS_PER_BATCH = 1000;
const DRIVE_SCOPES = [SCOPES.drive];
const MEMBER_ROLES = ['organizer', 'fileOrganizer', 'writer', 'commenter', 'reader'];

/** What one scope (a My Drive or a shared drive) produced this pass. */
interface ScopeResult {
  assets: AssetInput[];
  removed: NonNullable<Batch['removed']>;
  /** Token to keep for next time; undefined = could not read, keep the old one. */
  token?: string;
  /** The scope was not (fully) read: what it did not return must be kept. */
  incomplete?: boolean;
}

type Changed = { owners: Set<string>; drives: Set<string> } | 'all';

export const driveStream = defineStream<GoogleWorkspaceCredentials, GoogleWorkspaceClient>({
  name: 'drive',
  kinds: ['file'],
  async *collect(ctx) {
    const { client, logger } = ctx;
    client.asUser(client.adminEmail, DRIVE_SCOPES); // fails first without delegation: Drive is per user
    const started = new Date();
    const observedAt = started.toISOString();
    const previous = await ctx.state.get<DriveState>(STATE_KEY);
    const sweep = !previous || started.getTime() - Date.parse(previous.sweptAt) >= client.sweepMs;
    const next: DriveState = {
      cursor: observedAt,
      sweptAt: sweep ? observedAt : (previous?.sweptAt ?? observedAt),
      users: {},
      drives: {},
    };
    if (previous) yield { assets: [], delta: true };
    const changed: Changed =
      !previous || sweep
        ? 'all'
        : await changedScopes(client, new Date(Date.parse(previous.cursor) - REPORTS_OVERLAP_MS));

    const users = (await client.users()).filter((u) => u.id && u.primaryEmail);
    const active = users.filter((u) => u.suspended !== true);
    const activeEmails = new Set(active.map((u) => (u.primaryEmail as string).toLowerCase()));
    let incomplete = false;
    let pending: AssetInput[] = [];
    let removed: NonNullable<Batch['removed']> = [];

    const myDrive = async (user: DirectoryUser): Promise<ScopeResult> => {
      const email = (user.primaryEmail as string).toLowerCase();
      const token = previous?.users[user.id as string];
      if (token && changed !== 'all' && !changed.owners.has(email)) return { assets: [], removed: [], token };
      return readScope(ctx.client, { email, token, observedAt, driveId: null, driveName: null });
    };
    for await (const [user, result] of orderedPool(
      active,
      client.concurrency,
      async (user) => [user, await guard(user.primaryEmail as string, () => myDrive(user))] as const,
    )) {
      if (result.token) next.users[user.id as string] = result.token;
      incomplete ||= result.incomplete === true;
      pending.push(...result.assets);
      removed.push(...result.removed);
      if (pending.length >= ASSETS_PER_BATCH) {
        yield { assets: pending, removed };
        pending = [];
        removed = [];
      }
    }

    for (const drive of await listSharedDrives(client)) {
      const before = previous?.drives[drive.id];
      if (before && changed !== 'all' && !changed.drives.has(drive.id) && activeEmails.has(before.member)) {
        next.drives[drive.id] = { ...before, name: drive.name };
        continue;
      }
      const member =
        before && activeEmails.has(before.member)
          ? before.member
          : await pickMember(client, drive.id, activeEmails);
      if (!member) {
        logger.warn(
          { driveId: drive.id },
          'shared drive has no active member to read it as; its files are kept as they were',
        );
        incomplete = true;
        continue;
      }
      const result = await guard(member, () =>
        readScope(client, {
          email: member,
          token: before?.token,
          observedAt,
          driveId: drive.id,
          driveName: drive.name,
        }),
      );
      if (result.token) next.drives[drive.id] = { token: result.token, member, name: drive.name };
      incomplete ||= result.incomplete === true;
      pending.push(...result.assets);
      removed.push(...result.removed);
      if (pending.length >= ASSETS_PER_BATCH) {
        yield { assets: pending, removed };
        pending = [];
        removed = [];
      }
    }
    // Suspended users and unreadable drives were not listed: a full pass must not read their
    // files as deleted, so it finishes as a delta pass (nothing unseen is removed).
    yield incomplete || previous ? { assets: pending, removed, delta: true } : { assets: pending };
    await ctx.state.set(STATE_KEY, next);
  },
});

/** A subject Google refuses to impersonate (suspended since the directory read) is skipped. */
async function guard(subject: string, read: () => Promise<ScopeResult>): Promise<ScopeResult> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof SubjectRejectedError && error.subject === subject.toLowerCase()) {
      return { assets: [], removed: [], incomplete: true };
    }
    throw error;
  }
}

interface ScopeTarget {
  /** Who is impersonated: the owner (My Drive) or a member (shared drive). */
  email: string;
  token: string | undefined;
  observedAt: string;
  driveId: string | null;
  driveName: string | null;
}

async function readScope(client: GoogleWorkspaceClient, target: ScopeTarget): Promise<ScopeResult> {
  const session = client.asUser(target.email, DRIVE_SCOPES);
  if (target.token) {
    const delta = await readChanges(client, session, { ...target, token: target.token });
    if (delta) return delta;
  }
  return listScope(client, session, target, target.token !== undefined);
}

/** Lists a whole scope; `afterRejectedToken` marks it incomplete (deletions since are unknown). */
async function listScope(
  client: GoogleWorkspaceClient,
  session: GoogleSession,
  target: ScopeTarget,
  afterRejectedToken: boolean,
): Promise<ScopeResult> {
  const drive = session.drive();
  // The start token first: whatever changes while we list is in the feed next time.
  const start = await session.call('GET /drive/v3/changes/startPageToken', () =>
    drive.changes.getStartPageToken({
      supportsAllDrives: true,
      ...(target.driveId ? { driveId: target.driveId } : {}),
    }),
  );
  const assets: AssetInput[] = [];
  let pageToken: string | undefined;
  do {
    const page = await session.call('GET /drive/v3/files', () =>
      drive.files.list({
        ...(target.driveId
          ? {
              corpora: 'drive',
              driveId: target.driveId,
              includeItemsFromAllDrives: true,
              supportsAllDrives: true,
              q: 'trashed = false',
            }
          : { corpora: 'user', q: "'me' in owners and trashed = false" }),
        pageSize: 1000,
        pageToken,
        fields: `nextPageToken,files(${FILE_FIELDS})`,
      }),
    );
    assets.push(...(await normalizeAll(client, session, page.files ?? [], target)));
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken);
  if (!start.startPageToken) throw new Error('google-workspace changes.getStartPageToken: no startPageToken');
  return { assets, removed: [], token: start.startPageToken, incomplete: afterRejectedToken };
}

/** Reads a scope's change feed; null when Google rejects the token (list the scope instead). */
async function readChanges(
  client: GoogleWorkspaceClient,
  session: GoogleSession,
  target: ScopeTarget & { token: string },
): Promise<ScopeResult | null> {
  const drive = session.drive();
  const files: DriveFile[] = [];
  const removed: NonNullable<Batch['removed']> = [];
  let pageToken: string | undefined = target.token;
  let newStart: string | undefined;
  while (pageToken) {
    const token: string = pageToken;
    let page: drive_v3.Schema$ChangeList;
    try {
      page = await session.call('GET /drive/v3/changes', () =>
        drive.changes.list({
          pageToken: token,
          pageSize: 1000,
          includeRemoved: true,
          supportsAllDrives: true,
          ...(target.driveId
            ? { driveId: target.driveId, includeItemsFromAllDrives: true }
            : { restrictToMyDrive: true }),
          fields: `nextPageToken,newStartPageToken,changes(fileId,removed,driveId,file(${FILE_FIELDS}))`,
        }),
      );
    } catch (error) {
      if (
        token === target.token &&
        isPeriscopeError(error) &&
        (error.code === 'internal' || error.code === 'not_found')
      ) {
        return null; // Google no longer knows the stored token
      }
      throw error;
    }
    for (const change of page.changes ?? []) {
      const file = change.file;
      const mine = target.driveId
        ? (change.driveId ?? file?.driveId) === target.driveId
        : file?.owners?.some((o) => o.emailAddress?.toLowerCase() === target.email);
      if (change.removed || !file) {
        if (!change.fileId) continue;
        // In a user's feed "removed" may only mean they lost access: remove it only if it was theirs.
        removed.push({
          kind: 'file',
          externalId: change.fileId,
          ...(target.driveId ? {} : { owner: target.email }),
        });
      } else if (file.trashed) {
        if (mine && file.id)
          removed.push({
            kind: 'file',
            externalId: file.id,
            ...(target.driveId ? {} : { owner: target.email }),
          });
      } else if (mine) files.push(file);
    }
    pageToken = page.nextPageToken ?? undefined;
    newStart = page.newStartPageToken ?? newStart;
    if (!pageToken && !newStart) {
      // Without either token the feed cannot continue; taking the page as "no changes" would lose them.
      throw new PeriscopeError(
        'malformed_response',
        `google-workspace GET /drive/v3/changes as ${target.email}: a page with neither nextPageToken nor newStartPageToken`,
      );
    }
  }
  const latest = new Map(files.map((f) => [f.id, f])); // a file changed twice: its last state
  return {
    assets: await normalizeAll(client, session, [...latest.values()], target),
    removed,
    token: newStart ?? target.token,
  };
}

async function normalizeAll(
  client: GoogleWorkspaceClient,
  session: GoogleSession,
  files: DriveFile[],
  target: ScopeTarget,
): Promise<AssetInput[]> {
  const context = {
    internalDomains: client.internalDomains,
    observedAt: target.observedAt,
    driveName: target.driveName,
  };
  if (!target.driveId) return files.map((file) => normalizeFile(file, file.permissions ?? [], context));
  const out: AssetInput[] = [];
  for await (const [file, permissions] of orderedPool(
    files,
    client.concurrency,
    async (file) => [file, await listPermissions(session, file.id as string, false)] as const,
  )) {
    out.push(normalizeFile(file, permissions, context));
  }
  return out;
}

async function listPermissions(
  session: GoogleSession,
  fileId: string,
  asAdmin: boolean,
): Promise<DrivePermission[]> {
  const drive = session.drive();
  const permissions: DrivePermission[] = [];
  let pageToken: string | undefined;
  do {
    const page = await session.call('GET /drive/v3/files/{fileId}/permissions', () =>
      drive.permissions.list({
        fileId,
        supportsAllDrives: true,
        pageSize: 100,
        pageToken,
        fields: PERMISSION_FIELDS,
        ...(asAdmin ? { useDomainAdminAccess: true } : {}),
      }),
    );
    permissions.push(...(page.permissions ?? []));
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken);
  return permissions;
}

/** Every shared drive of the domain (the admin's view), 100 a page. */
async function listSharedDrives(client: GoogleWorkspaceClient): Promise<Array<{ id: string; name: string }>> {
  const session = client.asAdmin(DRIVE_SCOPES);
  const drive = session.drive();
  const drives: Array<{ id: string; name: string }> = [];
  let pageToken: string | undefined;
  do {
    const page = await session.call('GET /drive/v3/drives', () =>
      drive.drives.list({
        useDomainAdminAccess: true,
        pageSize: 100,
        pageToken,
        fields: 'nextPageToken,drives(id,name)',
      }),
    );
    for (const d of page.drives ?? []) if (d.id) drives.push({ id: d.id, name: d.name ?? d.id });
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken);
  return drives;
}

/**
 * A member to impersonate, organizers first (files.list has no admin mode). With `active`,
 * only members the directory lists as active; without it, any internal member.
 */
export async function pickMember(
  client: GoogleWorkspaceClient,
  driveId: string,
  active: Set<string> | null,
): Promise<string | null> {
  const members = await listPermissions(client.asAdmin(DRIVE_SCOPES), driveId, true);
  const usable = (email: string) =>
    active ? active.has(email) : client.internalDomains.has(email.split('@')[1] ?? '');
  const candidates = members
    .filter((p) => p.type === 'user' && p.emailAddress && usable(p.emailAddress.toLowerCase()))
    .sort((a, b) => MEMBER_ROLES.indexOf(a.role ?? '') - MEMBER_ROLES.indexOf(b.role ?? ''));
  return candidates[0]?.emailAddress?.toLowerCase() ?? null;
}

/** Owners and shared drives named by Drive audit events since `since`. */
async function changedScopes(client: GoogleWorkspaceClient, since: Date): Promise<Changed> {
  const owners = new Set<string>();
  const drives = new Set<string>();
  for await (const page of activitiesSince(client, 'drive', since)) {
    for (const activity of page) {
      for (const event of activity.events ?? []) {
        const driveId = parameter(event.parameters, 'shared_drive_id');
        if (driveId) drives.add(driveId);
        else {
          const owner = parameter(event.parameters, 'owner');
          if (owner) owners.add(owner.toLowerCase());
        }
      }
    }
  }
  return { owners, drives };
}
