/**
 * The baseline a Google Workspace scan is compared with: Node's global `fetch` + `JSON.parse`
 * of the same pages a first pass reads (same paths, query and `fields` masks), as many in flight
 * as the connector allows per connection (8), its streams two at a time, the per-user Drive
 * reads 8 users at a time — and nothing normalised, stored or evaluated.
 *
 * Access tokens either come from the token endpoint like the connector's (an RS256 JWT per
 * subject and scope set, `mint`), or are handed over already issued by the simulator (`issued`),
 * which leaves the JWT signing and its round trips out.
 */
import { createSign } from 'node:crypto';
import { FILE_FIELDS, PERMISSION_FIELDS } from '../connectors/google-workspace/normalize/files.ts';
import { SCOPES } from '../connectors/google-workspace/scopes.ts';
import { GOOGLE_TOKEN_AUDIENCE, type ServiceAccountKey } from '../sandbox/index.ts';
import { forEachConcurrently } from '../scanner/for-each-concurrently.ts';
import { DEFAULT_STREAM_CONCURRENCY } from '../scanner/scan.ts';

/** The connector's defaults: requests in flight per connection, and its user fan-out. */
const IN_FLIGHT = 8;
/** connectors/google-workspace/client.ts USER_FIELDS (not exported there). */
const USER_FIELDS =
  'nextPageToken,users(id,primaryEmail,name/fullName,isAdmin,isDelegatedAdmin,isEnrolledIn2Sv,isEnforcedIn2Sv,suspended,archived,lastLoginTime,creationTime,orgUnitPath)';
const FIRST_PASS_WINDOW_MS = 30 * 86_400_000;
const MEMBER_ROLES = ['organizer', 'fileOrganizer', 'writer', 'commenter', 'reader'];

export interface BareTarget {
  origin: string;
  tokenUrl: string;
  adminEmail: string;
  customerId: string;
  serviceAccount: ServiceAccountKey;
}

export type TokenSource =
  | { kind: 'mint' }
  /** Tokens issued in advance: `tokens(subject, scopes)` answers from a map the caller filled. */
  | { kind: 'issued'; token: (subject: string, scopes: string[]) => string };

export interface BareRun {
  wallMs: number;
  calls: number;
  tokenCalls: number;
}

interface User {
  id: string;
  primaryEmail: string;
  suspended?: boolean;
}

function signJwt(key: ServiceAccountKey, subject: string, scopes: string[]): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const claims = {
    iss: key.client_email,
    scope: scopes.join(' '),
    aud: GOOGLE_TOKEN_AUDIENCE,
    exp: now + 3600,
    iat: now,
    sub: subject,
  };
  const unsigned = `${part({ alg: 'RS256', typ: 'JWT', kid: key.private_key_id })}.${part(claims)}`;
  return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(key.private_key, 'base64url')}`;
}

/** The scopes the connector's admin and user sessions ask for (each one mints its own token). */
export const BARE_SCOPE_SETS = {
  users: [SCOPES.directoryUsers],
  tokens: [SCOPES.directoryTokens],
  tokenReports: [SCOPES.reports, SCOPES.directoryTokens],
  geminiReports: [SCOPES.reports, SCOPES.directoryUsers],
  drive: [SCOPES.drive],
  policies: [SCOPES.policies],
} as const;

export async function bareFetchAll(target: BareTarget, source: TokenSource): Promise<BareRun> {
  const started = performance.now();
  let calls = 0;
  let tokenCalls = 0;
  let inFlight = 0;
  const waiting: Array<() => void> = [];
  const limited = async <T>(work: () => Promise<T>): Promise<T> => {
    if (inFlight < IN_FLIGHT) inFlight += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else inFlight -= 1;
    }
  };

  const tokens = new Map<string, Promise<string>>();
  const tokenFor = (subject: string, scopes: readonly string[]): Promise<string> => {
    if (source.kind === 'issued') return Promise.resolve(source.token(subject, [...scopes]));
    const key = `${subject} ${scopes.join(' ')}`;
    let token = tokens.get(key);
    if (!token) {
      token = limited(async () => {
        const response = await fetch(target.tokenUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
            assertion: signJwt(target.serviceAccount, subject, [...scopes]),
          }),
        });
        tokenCalls += 1;
        const body = JSON.parse(await response.text()) as { access_token?: string };
        if (response.status !== 200 || !body.access_token) throw new Error(`bare token → ${response.status}`);
        return body.access_token;
      });
      tokens.set(key, token);
    }
    return token;
  };

  const get = async <T>(
    as: { subject: string; scopes: readonly string[] },
    path: string,
    query: Record<string, string | undefined>,
  ): Promise<T> => {
    const token = await tokenFor(as.subject, as.scopes);
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, value);
    return limited(async () => {
      const response = await fetch(`${target.origin}${path}?${params}`, {
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      });
      calls += 1;
      const body = JSON.parse(await response.text()) as T;
      if (response.status !== 200) throw new Error(`bare GET ${path} → ${response.status}`);
      return body;
    });
  };
  /** Follows nextPageToken; returns the items of every page under `key`. */
  const list = async <T>(
    as: { subject: string; scopes: readonly string[] },
    path: string,
    query: Record<string, string | undefined>,
    key: string,
  ): Promise<T[]> => {
    const items: T[] = [];
    let pageToken: string | undefined;
    do {
      const page = await get<Record<string, unknown>>(as, path, { ...query, pageToken });
      items.push(...((page[key] as T[] | undefined) ?? []));
      pageToken = (page.nextPageToken as string | undefined) || undefined;
    } while (pageToken);
    return items;
  };

  const admin = (scopes: readonly string[]) => ({ subject: target.adminEmail, scopes });
  let usersPromise: Promise<User[]> | undefined;
  const users = () => {
    usersPromise ??= list<User>(
      admin(BARE_SCOPE_SETS.users),
      '/admin/directory/v1/users',
      { customer: target.customerId, maxResults: '500', fields: USER_FIELDS },
      'users',
    );
    return usersPromise;
  };
  const since = new Date(Date.now() - FIRST_PASS_WINDOW_MS).toISOString();
  const reports = (application: string, scopes: readonly string[]) =>
    list(
      admin(scopes),
      `/admin/reports/v1/activity/users/all/applications/${application}`,
      { startTime: since, maxResults: '1000' },
      'items',
    );
  const driveScope = (email: string, driveId?: string) =>
    (async () => {
      const as = { subject: email, scopes: BARE_SCOPE_SETS.drive };
      await get(as, '/drive/v3/changes/startPageToken', { supportsAllDrives: 'true', driveId });
      const query = driveId
        ? {
            corpora: 'drive',
            driveId,
            includeItemsFromAllDrives: 'true',
            supportsAllDrives: 'true',
            q: 'trashed = false',
          }
        : { corpora: 'user', q: "'me' in owners and trashed = false" };
      return list<{ id: string }>(
        as,
        '/drive/v3/files',
        { ...query, pageSize: '1000', fields: `nextPageToken,files(${FILE_FIELDS})` },
        'files',
      );
    })();
  const permissions = (
    as: { subject: string; scopes: readonly string[] },
    fileId: string,
    asAdmin: boolean,
  ) =>
    list<{ type?: string; role?: string; emailAddress?: string }>(
      as,
      `/drive/v3/files/${fileId}/permissions`,
      {
        supportsAllDrives: 'true',
        pageSize: '100',
        fields: PERMISSION_FIELDS,
        useDomainAdminAccess: asAdmin ? 'true' : undefined,
      },
      'permissions',
    );

  const drive = async () => {
    const active = (await users()).filter((u) => u.suspended !== true);
    const activeEmails = new Set(active.map((u) => u.primaryEmail.toLowerCase()));
    await forEachConcurrently(active, IN_FLIGHT, async (user) => {
      await driveScope(user.primaryEmail.toLowerCase());
    });
    const drives = await list<{ id: string }>(
      admin(BARE_SCOPE_SETS.drive),
      '/drive/v3/drives',
      { useDomainAdminAccess: 'true', pageSize: '100', fields: 'nextPageToken,drives(id,name)' },
      'drives',
    );
    for (const d of drives) {
      const members = (await permissions(admin(BARE_SCOPE_SETS.drive), d.id, true))
        .filter((p) => p.type === 'user' && p.emailAddress && activeEmails.has(p.emailAddress.toLowerCase()))
        .sort((a, b) => MEMBER_ROLES.indexOf(a.role ?? '') - MEMBER_ROLES.indexOf(b.role ?? ''));
      const member = members[0]?.emailAddress?.toLowerCase();
      if (!member) continue;
      const items = await driveScope(member, d.id);
      await forEachConcurrently(items, IN_FLIGHT, async (item) => {
        await permissions({ subject: member, scopes: BARE_SCOPE_SETS.drive }, item.id, false);
      });
    }
  };
  const oauthTokens = async () => {
    await reports('token', BARE_SCOPE_SETS.tokenReports);
    await forEachConcurrently(await users(), IN_FLIGHT, async (user) => {
      await get(admin(BARE_SCOPE_SETS.tokens), `/admin/directory/v1/users/${user.id}/tokens`, {});
    });
  };
  const settings = () =>
    list(admin(BARE_SCOPE_SETS.policies), '/v1/policies', { pageSize: '100' }, 'policies');
  const gemini = async () => {
    await reports('gemini_in_workspace_apps', BARE_SCOPE_SETS.geminiReports);
    await users();
  };
  // The connector's streams in its order, as many at once as the scan runs.
  const streams: Array<() => Promise<unknown>> = [drive, oauthTokens, users, settings, gemini];
  await forEachConcurrently(streams, DEFAULT_STREAM_CONCURRENCY, async (stream) => {
    await stream();
  });
  return { wallMs: performance.now() - started, calls, tokenCalls };
}
