/**
 * Tenant records → GitHub wire JSON. Only the records of the page being served pass through
 * here, so a page costs O(per_page) no matter how large the tenant is. URL fields point at
 * the simulator (`api`) and at a fake github.com (`html`).
 */
import type {
  GhCredentialAuthorization,
  GhDeployKey,
  GhHook,
  GhInstallation,
  GhOrg,
  GhPatGrant,
  GhPatRequest,
  GhRepo,
  GhSecretAlert,
  GhUser,
} from './types.ts';

export type ApiVersion = '2022-11-28' | '2026-03-10';

export interface WireContext {
  /** The simulator's API base, e.g. `http://127.0.0.1:4010/api/v3`. */
  api: string;
  org: GhOrg;
  version: ApiVersion;
}

const HTML = 'https://github.example.test';

export function simpleUser(
  ctx: WireContext,
  user: { id: number; login: string },
  type: 'User' | 'Organization' = 'User',
) {
  return {
    login: user.login,
    id: user.id,
    node_id: Buffer.from(`04:${type}${user.id}`).toString('base64'),
    avatar_url: `${HTML}/avatars/u/${user.id}?v=4`,
    gravatar_id: '',
    url: `${ctx.api}/users/${user.login}`,
    html_url: `${HTML}/${user.login}`,
    type,
    site_admin: false,
    user_view_type: 'public',
  };
}

export const memberWire = (ctx: WireContext, user: GhUser) => simpleUser(ctx, user);

export function orgWire(ctx: WireContext) {
  const { org } = ctx;
  const { secret_scanning_push_protection_custom_link_enabled, ...rest } = org;
  return {
    ...rest,
    node_id: Buffer.from(`04:Organization${org.id}`).toString('base64'),
    url: `${ctx.api}/orgs/${org.login}`,
    repos_url: `${ctx.api}/orgs/${org.login}/repos`,
    hooks_url: `${ctx.api}/orgs/${org.login}/hooks`,
    members_url: `${ctx.api}/orgs/${org.login}/members{/member}`,
    html_url: `${HTML}/${org.login}`,
    type: 'Organization',
    archived_at: null,
    // Removed from the org object in API version 2026-03-10.
    ...(ctx.version === '2022-11-28' ? { secret_scanning_push_protection_custom_link_enabled } : {}),
  };
}

export function repoWire(ctx: WireContext, repo: GhRepo) {
  const fullName = `${ctx.org.login}/${repo.name}`;
  return {
    id: repo.id,
    node_id: Buffer.from(`010:Repository${repo.id}`).toString('base64'),
    name: repo.name,
    full_name: fullName,
    private: repo.visibility !== 'public',
    owner: simpleUser(ctx, ctx.org, 'Organization'),
    html_url: `${HTML}/${fullName}`,
    description: null,
    fork: repo.fork,
    url: `${ctx.api}/repos/${fullName}`,
    keys_url: `${ctx.api}/repos/${fullName}/keys{/key_id}`,
    created_at: repo.created_at,
    updated_at: repo.updated_at,
    pushed_at: repo.pushed_at,
    archived: repo.archived,
    disabled: false,
    is_template: false,
    visibility: repo.visibility,
    default_branch: repo.default_branch,
    ...(ctx.version === '2022-11-28' ? { has_downloads: true } : {}),
    permissions: { admin: true, maintain: true, push: true, triage: true, pull: true },
    security_and_analysis: {
      secret_scanning: { status: repo.secret_scanning },
      secret_scanning_push_protection: { status: repo.secret_scanning_push_protection },
    },
  };
}

export function deployKeyWire(ctx: WireContext, repoName: string, key: GhDeployKey) {
  return { ...key, url: `${ctx.api}/repos/${ctx.org.login}/${repoName}/keys/${key.id}` };
}

export function installationWire(ctx: WireContext, installation: GhInstallation) {
  return {
    id: installation.id,
    client_id: installation.client_id,
    account: simpleUser(ctx, ctx.org, 'Organization'),
    repository_selection: installation.repository_selection,
    access_tokens_url: `${ctx.api}/app/installations/${installation.id}/access_tokens`,
    repositories_url: `${ctx.api}/installation/repositories`,
    html_url: `${HTML}/organizations/${ctx.org.login}/settings/installations/${installation.id}`,
    app_id: installation.app_id,
    app_slug: installation.app_slug,
    target_id: ctx.org.id,
    target_type: 'Organization',
    permissions: installation.permissions,
    events: installation.events,
    created_at: installation.created_at,
    updated_at: installation.updated_at,
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: null,
    suspended_at: installation.suspended_at,
  };
}

export const credentialWire = (_ctx: WireContext, credential: GhCredentialAuthorization) => ({
  ...credential,
});

export function patGrantWire(ctx: WireContext, grant: GhPatGrant | GhPatRequest) {
  return {
    ...grant,
    owner: simpleUser(ctx, grant.owner),
    repositories_url: `${ctx.api}/organizations/${ctx.org.id}/personal-access-token/${grant.id}/repositories`,
  };
}

export function hookWire(ctx: WireContext, hook: GhHook) {
  const url = `${ctx.api}/orgs/${ctx.org.login}/hooks/${hook.id}`;
  const { secret, ...config } = hook.config;
  return {
    ...hook,
    // GitHub never returns a hook secret, only a mask when one is set.
    config: secret ? { ...config, secret: '********' } : config,
    url,
    ping_url: `${url}/pings`,
    deliveries_url: `${url}/deliveries`,
    type: 'Organization',
  };
}

export function secretAlertWire(
  ctx: WireContext,
  alert: GhSecretAlert,
  repo: GhRepo | undefined,
  hideSecret: boolean,
) {
  const fullName = `${ctx.org.login}/${alert.repo}`;
  const { repo: _name, secret, resolved_by, ...fields } = alert;
  return {
    ...fields,
    url: `${ctx.api}/repos/${fullName}/secret-scanning/alerts/${alert.number}`,
    html_url: `${HTML}/${fullName}/security/secret-scanning/${alert.number}`,
    locations_url: `${ctx.api}/repos/${fullName}/secret-scanning/alerts/${alert.number}/locations`,
    resolved_by: resolved_by ? simpleUser(ctx, { id: 0, login: resolved_by }) : null,
    ...(hideSecret ? {} : { secret }),
    repository: {
      id: repo?.id ?? 0,
      name: alert.repo,
      full_name: fullName,
      private: repo ? repo.visibility !== 'public' : true,
      owner: simpleUser(ctx, ctx.org, 'Organization'),
      html_url: `${HTML}/${fullName}`,
      url: `${ctx.api}/repos/${fullName}`,
    },
    push_protection_bypassed: false,
    push_protection_bypassed_by: null,
    push_protection_bypassed_at: null,
  };
}
