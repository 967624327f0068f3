/**
 * Projects (archived ones too) with their posture: data retention, hosted tool permissions,
 * model permissions, rate limits and member roles — five reads per active project, many
 * projects at once. Archived projects are reported from the list alone.
 */
import { defineStream } from '../../../scanner/connector.ts';
import { isPeriscopeError } from '../../../scanner/errors.ts';
import type { OpenAIClient } from '../client.ts';
import type { OpenAICredentials } from '../credentials.ts';
import { PAGE_SIZE } from '../manifest.ts';
import { type ProjectDetails, projectSetting } from '../normalize/settings.ts';
import { isActive, listProjects, orgRetention } from '../org-data.ts';
import {
  HostedTools,
  ModelPermissions,
  type Project,
  ProjectUser,
  RateLimit,
  Retention,
} from '../schemas.ts';
import { perProject } from './fan-out.ts';

/** The org's retention for projects that inherit it; null when the key may not read it. */
async function inheritedRetention(client: OpenAIClient): Promise<string | null> {
  try {
    return await orgRetention(client);
  } catch (error) {
    if (isPeriscopeError(error) && error.code === 'permission_denied') return null;
    throw error;
  }
}

async function readDetails(
  client: OpenAIClient,
  project: Project,
  org: string | null,
): Promise<ProjectDetails> {
  const id = project.id;
  const projects = client.admin.admin.organization.projects;
  const [retention, tools, models, rateLimits, users] = await Promise.all([
    client.getOne('GET /organization/projects/{id}/data_retention', Retention, (signal) =>
      projects.dataRetention.retrieve(id, { signal }),
    ),
    client.getOne('GET /organization/projects/{id}/hosted_tool_permissions', HostedTools, (signal) =>
      projects.hostedToolPermissions.retrieve(id, { signal }),
    ),
    client
      .getOne('GET /organization/projects/{id}/model_permissions', ModelPermissions, (signal) =>
        projects.modelPermissions.retrieve(id, { signal }),
      )
      .catch((error) => {
        if (isPeriscopeError(error) && error.code === 'not_found') return null; // never configured
        throw error;
      }),
    client.listAll('GET /organization/projects/{id}/rate_limits', RateLimit, (signal) =>
      projects.rateLimits.listRateLimits(id, { limit: PAGE_SIZE }, { signal }),
    ),
    client.listAll('GET /organization/projects/{id}/users', ProjectUser, (signal) =>
      projects.users.list(id, { limit: PAGE_SIZE }, { signal }),
    ),
  ]);
  return {
    dataRetention: retention.type,
    orgRetention: org,
    tools: Object.fromEntries(
      Object.entries(tools).map(([tool, toggle]) => [tool, toggle?.enabled === true]),
    ),
    modelPermissions: models ? { mode: models.mode, modelIds: models.model_ids ?? [] } : null,
    rateLimits: rateLimits.length,
    roles: users.map((u) => u.role),
  };
}

export const projectsStream = defineStream<OpenAICredentials, OpenAIClient>({
  name: 'projects',
  kinds: ['setting'],
  async *collect(ctx) {
    const { client } = ctx;
    const projects = await listProjects(client);
    const org = projects.some(isActive) ? await inheritedRetention(client) : null;
    const observedAt = new Date().toISOString();
    yield* perProject(client, projects, async (project) => [
      projectSetting(project, isActive(project) ? await readDetails(client, project, org) : null, observedAt),
    ]);
  },
});
