/**
 * API keys: the org's admin keys and every active project's keys (user and service-account
 * keys). Owner status comes from the shared org user list; when that list cannot be read the
 * keys still come in with status `unknown` (key-owner-removed then needs the users stream).
 */
import { defineStream } from '../../../scanner/connector.ts';
import { isPeriscopeError } from '../../../scanner/errors.ts';
import type { OpenAIClient } from '../client.ts';
import type { OpenAICredentials } from '../credentials.ts';
import { PAGE_SIZE } from '../manifest.ts';
import { normalizeAdminKey, normalizeProjectKey, type UserDirectory } from '../normalize/keys.ts';
import { listActiveProjects, listOrgUsers } from '../org-data.ts';
import { AdminKey, ProjectKey } from '../schemas.ts';
import { inBatches, perProject } from './fan-out.ts';

async function userDirectory(client: OpenAIClient): Promise<UserDirectory> {
  try {
    return new Map((await listOrgUsers(client)).map((u) => [u.id, u]));
  } catch (error) {
    if (isPeriscopeError(error) && error.code === 'permission_denied') return null;
    throw error;
  }
}

export const adminKeysStream = defineStream<OpenAICredentials, OpenAIClient>({
  name: 'admin-keys',
  kinds: ['api_key'],
  async *collect(ctx) {
    const { client } = ctx;
    const keys = await client.listAll('GET /organization/admin_api_keys', AdminKey, (signal) =>
      client.admin.admin.organization.adminAPIKeys.list({ limit: PAGE_SIZE }, { signal }),
    );
    const users = await userDirectory(client);
    const observedAt = new Date().toISOString();
    yield* inBatches(keys.map((key) => normalizeAdminKey(key, users, observedAt)));
  },
});

export const projectKeysStream = defineStream<OpenAICredentials, OpenAIClient>({
  name: 'project-keys',
  kinds: ['api_key'],
  async *collect(ctx) {
    const { client } = ctx;
    const [projects, users] = await Promise.all([listActiveProjects(client), userDirectory(client)]);
    const observedAt = new Date().toISOString();
    yield* perProject(client, projects, async (project) => {
      const keys = await client.listAll('GET /organization/projects/{id}/api_keys', ProjectKey, (signal) =>
        client.admin.admin.organization.projects.apiKeys.list(project.id, { limit: PAGE_SIZE }, { signal }),
      );
      return keys.map((key) => normalizeProjectKey(key, project, users, observedAt));
    });
  },
});
