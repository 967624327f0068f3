/**
 * Who uses Gemini in Workspace. The Policy API documents no Gemini setting (research §1.13),
 * so usage comes from the Reports `gemini_in_workspace_apps` audit events, joined with the
 * directory's 2SV state. Each pass reads the events since the last one; per-user totals live
 * in stream state, so every pass still yields every known Gemini user.
 */
import { defineStream } from '../../../scanner/connector.ts';
import type { AssetInput } from '../../../scanner/model.ts';
import type { GoogleWorkspaceClient } from '../client.ts';
import type { GoogleWorkspaceCredentials } from '../credentials.ts';
import { activitiesSince, FIRST_PASS_WINDOW_MS, REPORTS_OVERLAP_MS } from '../reports.ts';
import { SCOPES } from '../scopes.ts';

interface GeminiState {
  cursor: string;
  /** userId → email, last use, events counted, and the newest event ids already counted. */
  users: Record<string, { email: string; lastUsedAt: string; events: number }>;
  /** Event ids inside the overlap window, so re-read events are not counted twice. */
  seen: string[];
}

const STATE_KEY = 'gemini';

export const geminiUsageStream = defineStream<GoogleWorkspaceCredentials, GoogleWorkspaceClient>({
  name: 'gemini-usage',
  kinds: ['setting'],
  async *collect(ctx) {
    const { client } = ctx;
    const started = new Date();
    const previous = await ctx.state.get<GeminiState>(STATE_KEY);
    const since = previous
      ? new Date(Date.parse(previous.cursor) - REPORTS_OVERLAP_MS)
      : new Date(started.getTime() - FIRST_PASS_WINDOW_MS);
    const users: GeminiState['users'] = structuredClone(previous?.users ?? {});
    const counted = new Set(previous?.seen ?? []);
    const seen: string[] = [];
    const overlapStart = started.getTime() - REPORTS_OVERLAP_MS;
    for await (const page of activitiesSince(client, 'gemini_in_workspace_apps', since, [
      SCOPES.directoryUsers,
    ])) {
      for (const activity of page) {
        const userId = activity.actor?.profileId;
        const time = activity.id?.time;
        const id = `${time}/${activity.id?.uniqueQualifier}`;
        if (!userId || !time) continue;
        if (Date.parse(time) >= overlapStart) seen.push(id);
        if (counted.has(id)) continue;
        const entry = users[userId] ?? {
          email: activity.actor?.email ?? userId,
          lastUsedAt: time,
          events: 0,
        };
        entry.events += activity.events?.length ?? 1;
        if (time > entry.lastUsedAt) entry.lastUsedAt = time;
        users[userId] = entry;
      }
    }
    const directory = new Map((await client.users()).map((u) => [u.id as string, u]));
    const observedAt = started.toISOString();
    const assets: AssetInput[] = Object.entries(users).map(([userId, use]) => {
      const user = directory.get(userId);
      return {
        provider: 'google-workspace',
        kind: 'setting',
        externalId: `gemini-user:${userId}`,
        name: user?.primaryEmail ?? use.email,
        url: null,
        observedAt,
        settingType: 'google-workspace.gemini_user',
        scope: 'object',
        values: {
          userId,
          email: (user?.primaryEmail ?? use.email).toLowerCase(),
          lastUsedAt: use.lastUsedAt,
          events: use.events,
          enrolledIn2Sv: typeof user?.isEnrolledIn2Sv === 'boolean' ? user.isEnrolledIn2Sv : null,
          suspended: user ? user.suspended === true : null,
        },
      };
    });
    for (let i = 0; i < assets.length; i += 1000) yield { assets: assets.slice(i, i + 1000) };
    await ctx.state.set(STATE_KEY, { cursor: observedAt, users, seen } satisfies GeminiState);
  },
});
