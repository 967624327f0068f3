/**
 * Workspace settings from the Cloud Identity Policy API (100 policies a page). The API answers
 * only a super admin: a 403 makes this stream unavailable, so exactly the settings rules are
 * reported not evaluated, with the reason naming the missing role.
 */
import { defineStream } from '../../../scanner/connector.ts';
import { isPeriscopeError, StreamUnavailableError } from '../../../scanner/errors.ts';
import type { GoogleWorkspaceClient } from '../client.ts';
import type { GoogleWorkspaceCredentials } from '../credentials.ts';
import { normalizePolicyPage, orgUnitId } from '../normalize/policies.ts';
import { SCOPES } from '../scopes.ts';

export const settingsStream = defineStream<GoogleWorkspaceCredentials, GoogleWorkspaceClient>({
  name: 'settings',
  kinds: ['setting'],
  async *collect(ctx) {
    const { client } = ctx;
    const session = client.asAdmin([SCOPES.policies]);
    const api = session.policies();
    const pages: unknown[] = [];
    let pageToken: string | undefined;
    try {
      do {
        const page = await session.call('GET /v1/policies', () =>
          api.policies.list({ pageSize: 100, pageToken }),
        );
        pages.push(page);
        pageToken = page.nextPageToken || undefined;
      } while (pageToken);
    } catch (error) {
      if (isPeriscopeError(error) && error.code === 'permission_denied') {
        throw new StreamUnavailableError(
          'policy_api_requires_super_admin',
          `google-workspace: the Cloud Identity Policy API answers only a super admin, and ${client.adminEmail} was refused (${error.message}); set adminEmail to a super admin`,
        );
      }
      throw error;
    }
    const root = rootOrgUnit(pages);
    const observedAt = new Date().toISOString();
    for (const page of pages) yield { assets: normalizePolicyPage(page, observedAt, root).assets };
  },
});

/**
 * The root org unit: every setting has a policy there (Google's defaults are SYSTEM policies at
 * the root), while child org units carry only their overrides — so it is the most frequent one.
 */
function rootOrgUnit(pages: unknown[]): string {
  const counts = new Map<string, number>();
  for (const page of pages) {
    for (const policy of (
      page as { policies?: Array<{ policyQuery?: { orgUnit?: string; group?: string } }> }
    ).policies ?? []) {
      const unit = policy.policyQuery?.orgUnit;
      if (unit && !policy.policyQuery?.group)
        counts.set(orgUnitId(unit), (counts.get(orgUnitId(unit)) ?? 0) + 1);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}
