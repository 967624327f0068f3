/**
 * Reads Reports API audit events (`activities.list`, users/all) since a time, page by page.
 * Used for three things: first/last use of OAuth grants (`token`), which users' Drives changed
 * (`drive`), and who uses Gemini (`gemini_in_workspace_apps`, the only Gemini data the API has).
 */
import type { admin_reports_v1 } from '@googleapis/admin';
import type { GoogleWorkspaceClient } from './client.ts';
import { SCOPES } from './scopes.ts';

export type Activity = admin_reports_v1.Schema$Activity;
export type ActivityParameter = NonNullable<
  NonNullable<NonNullable<Activity['events']>[number]['parameters']>[number]
>;

export async function* activitiesSince(
  client: GoogleWorkspaceClient,
  applicationName: 'token' | 'drive' | 'gemini_in_workspace_apps',
  startTime: Date,
  extraScopes: string[] = [],
): AsyncGenerator<Activity[]> {
  const session = client.asAdmin([SCOPES.reports, ...extraScopes]);
  const reports = session.reports();
  let pageToken: string | undefined;
  do {
    const page = await session.call(
      `GET /admin/reports/v1/activity/users/all/applications/${applicationName}`,
      () =>
        reports.activities.list({
          userKey: 'all',
          applicationName,
          startTime: startTime.toISOString(),
          maxResults: 1000,
          pageToken,
        }),
    );
    if (page.items?.length) yield page.items;
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken);
}

/** A parameter's single value (string, bool or int as string), or null. */
export function parameter(parameters: ActivityParameter[] | undefined, name: string): string | null {
  const found = parameters?.find((p) => p.name === name);
  if (!found) return null;
  if (found.value !== undefined && found.value !== null) return found.value;
  if (typeof found.boolValue === 'boolean') return String(found.boolValue);
  if (found.intValue !== undefined && found.intValue !== null) return String(found.intValue);
  return null;
}

/** Audit data lags (hours for some applications): each read overlaps the previous one by this. */
export const REPORTS_OVERLAP_MS = 6 * 3_600_000;
/** How far back a first pass looks for grant use and Gemini activity. */
export const FIRST_PASS_WINDOW_MS = 30 * 86_400_000;
