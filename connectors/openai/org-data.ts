/**
 * Reads several streams need, done once per scan: the project list (archived included), the org
 * user list and the org's data retention. Each stream awaits the same promise.
 */
import type { OpenAIClient } from './client.ts';
import { PAGE_SIZE } from './manifest.ts';
import { OrgUser, Project, Retention } from './schemas.ts';

export function listProjects(client: OpenAIClient): Promise<Project[]> {
  return client.once('projects', () =>
    client.listAll('GET /organization/projects', Project, (signal) =>
      client.admin.admin.organization.projects.list({ limit: PAGE_SIZE, include_archived: true }, { signal }),
    ),
  );
}

export async function listActiveProjects(client: OpenAIClient): Promise<Project[]> {
  return (await listProjects(client)).filter(isActive);
}

export const isActive = (project: Project) => project.status !== 'archived' && !project.archived_at;

export function listOrgUsers(client: OpenAIClient): Promise<OrgUser[]> {
  return client.once('org-users', () =>
    client.listAll('GET /organization/users', OrgUser, (signal) =>
      client.admin.admin.organization.users.list({ limit: PAGE_SIZE }, { signal }),
    ),
  );
}

export function orgRetention(client: OpenAIClient): Promise<string> {
  return client.once('org-retention', async () => {
    const retention = await client.getOne('GET /organization/data_retention', Retention, (signal) =>
      client.admin.admin.organization.dataRetention.retrieve({ signal }),
    );
    return retention.type;
  });
}
