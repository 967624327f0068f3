/**
 * The endpoints: admin routes under `/organization` (admin keys only, each needing one read
 * scope) and the project-scoped `/files`, `/vector_stores`, `/assistants` (project keys only,
 * scoped to the key's project). Limits per endpoint follow the OpenAPI description.
 */
import { badRequest, listPage, type PageSettings, type Reply } from './pagination.ts';
import type { AdminScope, OpenAIOrg, Project } from './types.ts';
import {
  adminKeyJson,
  assistantJson,
  auditEventJson,
  errorBody,
  fileJson,
  hostedToolsJson,
  inviteJson,
  modelPermissionsJson,
  orgUserJson,
  projectJson,
  projectKeyJson,
  projectUserJson,
  rateLimitJson,
  serviceAccountJson,
  vectorStoreJson,
} from './wire.ts';

export interface RouteContext {
  org: OpenAIOrg;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  settings: PageSettings;
  /** The project of the project key (project routes only). */
  project: Project | null;
}

export interface OpenAIRoute {
  method: 'GET';
  template: string;
  access: 'admin' | 'project';
  /** The admin-key scope the route needs. */
  scope?: AdminScope;
  handle(ctx: RouteContext): Reply;
}

const ok = (body: unknown): Reply => ({ status: 200, body });
const notFound = (what: string): Reply => ({
  status: 404,
  body: errorBody(`No such ${what}.`, 'invalid_request_error', 'not_found'),
});
const ONE_HUNDRED = { max: 100, fallback: 20 };
const DOWNLOADABLE = new Set(['assistants_output', 'batch_output', 'fine-tune-results']);

function projectOf(ctx: RouteContext): Project | Reply {
  const project = ctx.org.projects.find((p) => p.id === ctx.params.project_id);
  return project ?? notFound(`project: ${ctx.params.project_id}`);
}

/** A project sub-resource: 404 for an unknown project. */
function perProject(template: string, handle: (project: Project, ctx: RouteContext) => Reply): OpenAIRoute {
  return {
    method: 'GET',
    template: `/organization/projects/{project_id}${template}`,
    access: 'admin',
    scope: 'api.organization.projects.read',
    handle(ctx) {
      const project = projectOf(ctx);
      return 'status' in project ? project : handle(project, ctx);
    },
  };
}

function numberParam(query: URLSearchParams, name: string): number | null {
  const raw = query.get(name);
  return raw === null ? null : Number(raw);
}

export const adminRoutes: OpenAIRoute[] = [
  {
    method: 'GET',
    template: '/organization/admin_api_keys',
    access: 'admin',
    scope: 'api.organization.admin_api_keys.read',
    handle: (ctx) =>
      listPage(ctx.org.adminKeys, ctx.query, ctx.settings, ONE_HUNDRED, (k) => adminKeyJson(ctx.org, k)),
  },
  {
    method: 'GET',
    template: '/organization/users',
    access: 'admin',
    scope: 'api.organization.users.read',
    handle: (ctx) =>
      listPage(
        ctx.org.users.filter((u) => !u.removed),
        ctx.query,
        ctx.settings,
        ONE_HUNDRED,
        orgUserJson,
      ),
  },
  {
    method: 'GET',
    template: '/organization/invites',
    access: 'admin',
    scope: 'api.organization.invites.read',
    handle: (ctx) => listPage(ctx.org.invites, ctx.query, ctx.settings, ONE_HUNDRED, inviteJson),
  },
  {
    method: 'GET',
    template: '/organization/projects',
    access: 'admin',
    scope: 'api.organization.projects.read',
    handle(ctx) {
      const archived = ctx.query.get('include_archived') === 'true';
      const projects = archived ? ctx.org.projects : ctx.org.projects.filter((p) => p.archivedAt === null);
      return listPage(projects, ctx.query, ctx.settings, ONE_HUNDRED, projectJson);
    },
  },
  perProject('', (project) => ok(projectJson(project))),
  perProject('/users', (project, ctx) =>
    listPage(
      project.users.map((m) => ({ ...m, id: m.userId })),
      ctx.query,
      ctx.settings,
      ONE_HUNDRED,
      (m) => projectUserJson(ctx.org, m),
    ),
  ),
  perProject('/service_accounts', (project, ctx) =>
    listPage(
      project.serviceAccounts.filter((s) => !s.removed),
      ctx.query,
      ctx.settings,
      ONE_HUNDRED,
      serviceAccountJson,
    ),
  ),
  perProject('/api_keys', (project, ctx) =>
    listPage(project.apiKeys, ctx.query, ctx.settings, ONE_HUNDRED, (k) =>
      projectKeyJson(ctx.org, project, k),
    ),
  ),
  perProject('/rate_limits', (project, ctx) =>
    listPage(project.rateLimits, ctx.query, ctx.settings, { max: 100, fallback: 100 }, rateLimitJson),
  ),
  perProject('/data_retention', (project) =>
    ok({ object: 'project.data_retention', type: project.retention }),
  ),
  perProject('/hosted_tool_permissions', (project) => ok(hostedToolsJson(project))),
  perProject('/model_permissions', (project) => ok(modelPermissionsJson(project))),
  {
    method: 'GET',
    template: '/organization/data_retention',
    access: 'admin',
    scope: 'api.organization.data_retention.read',
    handle: (ctx) => ok({ object: 'organization.data_retention', type: ctx.org.retention }),
  },
  {
    method: 'GET',
    template: '/organization/audit_logs',
    access: 'admin',
    scope: 'api.organization.audit_logs.read',
    handle(ctx) {
      if (!ctx.org.auditLogging) {
        return {
          status: 403,
          body: errorBody(
            'Audit logging is not enabled for this organization. An Owner can enable it in Settings > Data controls > Data retention.',
            'invalid_request_error',
            'audit_logging_disabled',
          ),
        };
      }
      const q = ctx.query;
      const types = q.getAll('event_types[]');
      const projects = q.getAll('project_ids[]');
      const actors = q.getAll('actor_ids[]');
      const gte = numberParam(q, 'effective_at[gte]');
      const gt = numberParam(q, 'effective_at[gt]');
      const lte = numberParam(q, 'effective_at[lte]');
      const lt = numberParam(q, 'effective_at[lt]');
      for (const [name, value] of [
        ['gte', gte],
        ['gt', gt],
        ['lte', lte],
        ['lt', lt],
      ] as const) {
        if (value !== null && !Number.isInteger(value))
          return badRequest(
            `Invalid 'effective_at[${name}]': expected Unix seconds.`,
            `effective_at[${name}]`,
          );
      }
      const events = ctx.org.events.filter(
        (e) =>
          (types.length === 0 || types.includes(e.type)) &&
          (projects.length === 0 || (e.projectId !== null && projects.includes(e.projectId))) &&
          (actors.length === 0 || actors.includes(e.actorUserId)) &&
          (gte === null || e.effectiveAt >= gte) &&
          (gt === null || e.effectiveAt > gt) &&
          (lte === null || e.effectiveAt <= lte) &&
          (lt === null || e.effectiveAt < lt),
      );
      return listPage(events, q, ctx.settings, ONE_HUNDRED, (e) => auditEventJson(ctx.org, e));
    },
  },
];

function requireAssistantsBeta(ctx: RouteContext): Reply | null {
  const beta = String(ctx.headers['openai-beta'] ?? '');
  return beta.includes('assistants=v2')
    ? null
    : badRequest(
        "You must provide the 'OpenAI-Beta' header to access the Assistants API. Please try again by setting the header 'OpenAI-Beta: assistants=v2'.",
      );
}

/** Files newest first unless `order=asc`. */
function ordered<T extends { createdAt: number }>(items: T[], query: URLSearchParams): T[] {
  const sorted = [...items].sort((a, b) => b.createdAt - a.createdAt);
  return query.get('order') === 'asc' ? sorted.reverse() : sorted;
}

export const projectRoutes: OpenAIRoute[] = [
  {
    method: 'GET',
    template: '/files',
    access: 'project',
    handle(ctx) {
      const project = ctx.project as Project;
      const purpose = ctx.query.get('purpose');
      const files = project.files.filter((f) => !purpose || f.purpose === purpose);
      return listPage(
        ordered(files, ctx.query),
        ctx.query,
        ctx.settings,
        { max: 10_000, fallback: 10_000 },
        fileJson,
      );
    },
  },
  {
    method: 'GET',
    template: '/files/{file_id}',
    access: 'project',
    handle(ctx) {
      const file = ctx.project?.files.find((f) => f.id === ctx.params.file_id);
      return file ? ok(fileJson(file)) : notFound(`File with id '${ctx.params.file_id}'`);
    },
  },
  {
    method: 'GET',
    template: '/files/{file_id}/content',
    access: 'project',
    handle(ctx) {
      const file = ctx.project?.files.find((f) => f.id === ctx.params.file_id);
      if (!file) return notFound(`File with id '${ctx.params.file_id}'`);
      if (!DOWNLOADABLE.has(file.purpose))
        return badRequest(`Not allowed to download files of purpose: ${file.purpose}`);
      return {
        status: 200,
        raw: { contentType: 'application/octet-stream', data: Buffer.from(file.content) },
      };
    },
  },
  {
    method: 'GET',
    template: '/vector_stores',
    access: 'project',
    handle(ctx) {
      const project = ctx.project as Project;
      return listPage(
        ordered(project.vectorStores, ctx.query),
        ctx.query,
        ctx.settings,
        ONE_HUNDRED,
        vectorStoreJson,
      );
    },
  },
  {
    method: 'GET',
    template: '/assistants',
    access: 'project',
    handle(ctx) {
      const missing = requireAssistantsBeta(ctx);
      if (missing) return missing;
      const project = ctx.project as Project;
      return listPage(
        ordered(project.assistants, ctx.query),
        ctx.query,
        ctx.settings,
        ONE_HUNDRED,
        assistantJson,
      );
    },
  },
];
