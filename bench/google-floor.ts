/**
 * The page-size floor of a Google Workspace first pass: the fewest API calls any client needs
 * to read what the connector reads from this tenant, at Google's page caps (users.list 500,
 * Reports 1,000, files.list 1,000, drives.list 100, permissions.list 100, policies.list 100).
 * An empty list still costs its one page. Keyed like the simulator's request counter
 * (`METHOD template`); the token endpoint is left out (it is reported on its own).
 *
 * Runs in the simulator's process, where the tenant lives.
 */
import type { GoogleTenant, ReportApplication } from '../sandbox/index.ts';

const pages = (items: number, perPage: number) => Math.max(1, Math.ceil(items / perPage));
const DAY = 86_400_000;
/** connectors/google-workspace/reports.ts FIRST_PASS_WINDOW_MS: how far back a first pass reads. */
const FIRST_PASS_DAYS = 30;
const REPORTS = 'GET /admin/reports/v1/activity/users/{userKey}/applications/{applicationName}';

export function pageSizeFloor(tenant: GoogleTenant, now = new Date()): Record<string, number> {
  const since = now.getTime() - FIRST_PASS_DAYS * DAY;
  const reportPages = (application: ReportApplication) =>
    pages(tenant.events.list(application).filter((a) => a.time >= since).length, 1000);
  const active = tenant.users.filter((u) => !u.suspended);

  let files = 0;
  let startTokens = 0;
  let permissions = 0;
  // My Drive: per active user one start token and the owned, untrashed files 1,000 a page.
  for (const user of active) {
    const { start, end } = tenant.files.ownedRange(user.index);
    let owned = 0;
    for (let i = start; i < end; i += 1) {
      const file = tenant.files.get(i);
      if (file && file.owner === user.index && !file.trashed) owned += 1;
    }
    for (const i of tenant.files.addedIndices()) {
      const file = tenant.files.get(i);
      if (file && file.drive < 0 && file.owner === user.index && !file.trashed) owned += 1;
    }
    startTokens += 1;
    files += pages(owned, 1000);
  }
  // Shared drives: the members list (to pick whom to read it as), then, when one is active,
  // a start token, the items 1,000 a page, and each item's permissions (members + its own).
  for (const drive of tenant.drives) {
    permissions += pages(drive.members.length, 100);
    if (!drive.members.some((m) => tenant.users[m.user] && !tenant.users[m.user]?.suspended)) continue;
    const items: number[] = [];
    const { start, end } = tenant.files.driveRange(drive.index);
    for (let i = start; i < end; i += 1) items.push(i);
    items.push(...tenant.files.addedIndices());
    let count = 0;
    for (const i of items) {
      const file = tenant.files.get(i);
      if (!file || file.drive !== drive.index || file.trashed) continue;
      count += 1;
      permissions += pages(drive.members.length + file.permissions.length, 100);
    }
    startTokens += 1;
    files += pages(count, 1000);
  }

  return {
    'GET /admin/directory/v1/users': pages(tenant.users.length, 500),
    // tokens.list has no paging and no bulk form: one call per user, suspended ones included.
    'GET /admin/directory/v1/users/{userKey}/tokens': tenant.users.length,
    // First pass: token and Gemini events of the last 30 days (no drive events: all feeds are read).
    [REPORTS]: reportPages('token') + reportPages('gemini_in_workspace_apps'),
    'GET /drive/v3/changes/startPageToken': startTokens,
    'GET /drive/v3/files': files,
    'GET /drive/v3/drives': pages(tenant.drives.length, 100),
    'GET /drive/v3/files/{fileId}/permissions': permissions,
    'GET /v1/policies': pages(tenant.policies.length, 100),
  };
}
