/**
 * Third-party OAuth grants per user (`tokens.list`, one call per user: no paging, no bulk
 * read) with first/last use from the Reports `token` events. The first pass reads every user.
 * Later passes read the events since the last one and re-read only the users whose grants
 * changed or were used (authorize, revoke, activity), whose suspension changed, or who are
 * new; everyone else's grants are unchanged (a delta pass). A full sweep every `sweepHours`
 * bounds what a late audit event could hide.
 */
import type { Batch } from '../../../scanner/connector.ts';
import { defineStream } from '../../../scanner/connector.ts';
import type { AssetInput } from '../../../scanner/model.ts';
import { orderedPool } from '../../../scanner/ordered-pool.ts';
import type { DirectoryUser, GoogleWorkspaceClient } from '../client.ts';
import type { GoogleWorkspaceCredentials } from '../credentials.ts';
import {
  type DirectoryToken,
  type GrantUse,
  grantExternalId,
  normalizeApp,
  normalizeGrant,
} from '../normalize/tokens.ts';
import {
  type Activity,
  activitiesSince,
  FIRST_PASS_WINDOW_MS,
  parameter,
  REPORTS_OVERLAP_MS,
} from '../reports.ts';
import { SCOPES } from '../scopes.ts';

interface TokensState {
  /** Reports read up to here (ISO). */
  cursor: string;
  sweptAt: string;
  /** userId → client ids granted, and whether the user was suspended (grants carry it). */
  users: Record<string, { clients: string[]; suspended: boolean }>;
  /** `userId:clientId` → [first seen, last used] from audit events. */
  uses: Record<string, [string | null, string | null]>;
}

const STATE_KEY = 'tokens';
const USERS_PER_BATCH = 50;

export const oauthTokensStream = defineStream<GoogleWorkspaceCredentials, GoogleWorkspaceClient>({
  name: 'oauth-tokens',
  kinds: ['app', 'oauth_grant'],
  async *collect(ctx) {
    const { client } = ctx;
    const started = new Date();
    const previous = await ctx.state.get<TokensState>(STATE_KEY);
    const full = !previous || started.getTime() - Date.parse(previous.sweptAt) >= client.sweepMs;
    const since =
      previous && !full
        ? new Date(Date.parse(previous.cursor) - REPORTS_OVERLAP_MS)
        : new Date(started.getTime() - FIRST_PASS_WINDOW_MS);

    const uses: TokensState['uses'] = { ...(previous?.uses ?? {}) };
    const touched = new Set<string>();
    for await (const page of activitiesSince(client, 'token', since, [SCOPES.directoryTokens])) {
      for (const activity of page) recordUse(activity, uses, touched);
    }

    const users = await client.users();
    const known = previous?.users ?? {};
    const toRead = users.filter((user) => {
      const id = user.id as string;
      if (full) return true;
      const before = known[id];
      return !before || before.suspended !== (user.suspended === true) || touched.has(id);
    });
    const next: TokensState['users'] = full ? {} : { ...known };
    if (!full) {
      const present = new Set(users.map((u) => u.id as string));
      const removed: Batch['removed'] = [];
      for (const [id, entry] of Object.entries(known)) {
        if (present.has(id)) continue;
        for (const clientId of entry.clients)
          removed.push({ kind: 'oauth_grant', externalId: grantExternalId(id, clientId) });
        delete next[id];
      }
      yield { assets: [], delta: true, removed };
    }

    const session = client.asAdmin([SCOPES.directoryTokens]);
    const directory = session.directory();
    const apps = new Map<string, DirectoryToken>();
    const observedAt = started.toISOString();
    let assets: AssetInput[] = [];
    let removed: NonNullable<Batch['removed']> = [];
    let inBatch = 0;
    const read = (user: DirectoryUser) =>
      session.call('GET /admin/directory/v1/users/{userKey}/tokens', () =>
        directory.tokens.list({ userKey: user.id as string }),
      );
    for await (const [user, list] of orderedPool(
      toRead,
      client.concurrency,
      async (user) => [user, await read(user)] as const,
    )) {
      const id = user.id as string;
      const tokens = (list.items ?? []).filter((t) => t.clientId);
      for (const token of tokens) {
        const use = uses[grantExternalId(id, token.clientId as string)];
        const grantUse: GrantUse | undefined = use ? { firstSeenAt: use[0], lastUsedAt: use[1] } : undefined;
        assets.push(normalizeGrant(user, token, grantUse, observedAt));
        if (!apps.has(token.clientId as string)) apps.set(token.clientId as string, token);
      }
      const clients = tokens.map((t) => t.clientId as string);
      for (const gone of (known[id]?.clients ?? []).filter((c) => !clients.includes(c))) {
        removed.push({ kind: 'oauth_grant', externalId: grantExternalId(id, gone) });
      }
      next[id] = { clients, suspended: user.suspended === true };
      if (++inBatch >= USERS_PER_BATCH) {
        yield full ? { assets } : { assets, delta: true, removed };
        assets = [];
        removed = [];
        inBatch = 0;
      }
    }
    for (const token of apps.values()) assets.push(normalizeApp(token, observedAt));
    yield full ? { assets } : { assets, delta: true, removed };

    // Saved last: a scan stopped half-way reads the same events again next time.
    await ctx.state.set(STATE_KEY, {
      cursor: started.toISOString(),
      sweptAt: full ? started.toISOString() : (previous?.sweptAt ?? started.toISOString()),
      users: next,
      uses: pruneUses(uses, next),
    } satisfies TokensState);
  },
});

function recordUse(activity: Activity, uses: TokensState['uses'], touched: Set<string>): void {
  const userId = activity.actor?.profileId;
  const time = activity.id?.time;
  if (!userId || !time) return;
  for (const event of activity.events ?? []) {
    const clientId = parameter(event.parameters, 'client_id');
    if (!clientId) continue;
    touched.add(userId);
    const key = grantExternalId(userId, clientId);
    const [first, last] = uses[key] ?? [null, null];
    if (event.name === 'authorize') uses[key] = [first && first < time ? first : time, last];
    else if (event.name === 'activity') uses[key] = [first, last && last > time ? last : time];
  }
}

/** Keeps use times only for grants that still exist. */
function pruneUses(uses: TokensState['uses'], users: TokensState['users']): TokensState['uses'] {
  const kept: TokensState['uses'] = {};
  for (const [userId, entry] of Object.entries(users)) {
    for (const clientId of entry.clients) {
      const key = grantExternalId(userId, clientId);
      const use = uses[key];
      if (use) kept[key] = use;
    }
  }
  return kept;
}
