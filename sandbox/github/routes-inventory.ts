/**
 * Large lists: members, outside collaborators, repositories, deploy keys, secret-scanning
 * alerts. Filters run over the in-memory arrays and only the requested page is serialized.
 */
import { errorReply, notFound, pagedReply, type Reply } from './rest.ts';
import type { GitHubCall, GitHubRoute } from './route-types.ts';
import { deployKeyWire, memberWire, repoWire, secretAlertWire } from './serialize.ts';
import type { GhRepo, GhUser } from './types.ts';

export function isOurOrg(call: GitHubCall, login = call.params.org): boolean {
  return login?.toLowerCase() === call.tenant.org.login.toLowerCase();
}

const validation = (message: string) =>
  errorReply(422, message, {}, 'https://docs.github.com/rest/orgs/members');

/** `filter=2fa_disabled|2fa_insecure` is for org owners only; others get a 422 here. */
function twoFactorFilter<T extends GhUser>(call: GitHubCall, users: T[]): T[] | Reply {
  const filter = call.query.get('filter') ?? 'all';
  if (filter === 'all') return users;
  if (filter !== '2fa_disabled' && filter !== '2fa_insecure') return validation(`Invalid filter: ${filter}`);
  if (call.identity.kind === 'user' && !call.identity.owner) {
    return validation('Only organization owners can filter by two-factor authentication status.');
  }
  const wanted = filter === '2fa_disabled' ? 'disabled' : 'insecure';
  return users.filter((user) => user.two_factor === wanted);
}

/** GitHub's order: `sort` created (default) | updated | pushed | full_name; `direction` asc for full_name, else desc. */
function sortRepos(repos: GhRepo[], query: URLSearchParams): GhRepo[] {
  const sort = query.get('sort') ?? 'created';
  const direction = query.get('direction') ?? (sort === 'full_name' ? 'asc' : 'desc');
  const field = (repo: GhRepo) =>
    sort === 'full_name'
      ? repo.name.toLowerCase()
      : sort === 'updated'
        ? repo.updated_at
        : sort === 'pushed'
          ? repo.pushed_at
          : repo.created_at;
  const sign = direction === 'asc' ? 1 : -1;
  // Ties broken by id so pages never overlap or skip.
  return [...repos].sort((a, b) => sign * (field(a).localeCompare(field(b)) || a.id - b.id));
}

const isReply = (value: unknown): value is Reply => !Array.isArray(value);

export const inventoryRoutes: GitHubRoute[] = [
  {
    method: 'GET',
    template: '/orgs/{org}/members',
    access: 'member',
    handle(call) {
      if (!isOurOrg(call)) return notFound();
      const role = call.query.get('role') ?? 'all';
      if (!['all', 'admin', 'member'].includes(role)) return validation(`Invalid role: ${role}`);
      const byRole =
        role === 'all' ? call.tenant.members : call.tenant.members.filter((m) => m.role === role);
      const members = twoFactorFilter(call, byRole);
      if (isReply(members)) return members;
      return pagedReply(call, members, (m) => memberWire(call.wire, m));
    },
  },
  {
    method: 'GET',
    template: '/orgs/{org}/outside_collaborators',
    access: 'member',
    handle(call) {
      if (!isOurOrg(call)) return notFound();
      const users = twoFactorFilter(call, call.tenant.outsideCollaborators);
      if (isReply(users)) return users;
      return pagedReply(call, users, (u) => memberWire(call.wire, u));
    },
  },
  {
    method: 'GET',
    template: '/orgs/{org}/repos',
    access: 'member',
    handle(call) {
      if (!isOurOrg(call)) return notFound();
      const type = call.query.get('type') ?? 'all';
      const repos = call.tenant.repos.filter((repo) => {
        if (type === 'public') return repo.visibility === 'public';
        if (type === 'private') return repo.visibility !== 'public';
        if (type === 'forks') return repo.fork;
        if (type === 'sources') return !repo.fork;
        return true;
      });
      return pagedReply(call, sortRepos(repos, call.query), (repo) => repoWire(call.wire, repo));
    },
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/keys',
    access: 'owner',
    handle(call) {
      if (!isOurOrg(call, call.params.owner)) return notFound();
      const name = call.params.repo?.toLowerCase();
      const repo = call.tenant.repos.find((r) => r.name.toLowerCase() === name);
      if (!repo) return notFound();
      const keys = call.tenant.deployKeys.get(repo.name) ?? [];
      return pagedReply(call, keys, (key) => deployKeyWire(call.wire, repo.name, key));
    },
  },
  {
    method: 'GET',
    template: '/orgs/{org}/secret-scanning/alerts',
    access: 'owner',
    handle(call) {
      if (!isOurOrg(call)) return notFound();
      const state = call.query.get('state');
      const hideSecret = call.query.get('hide_secret') === 'true';
      const alerts = state
        ? call.tenant.secretAlerts.filter((a) => a.state === state)
        : call.tenant.secretAlerts;
      const repoByName = (name: string) => call.tenant.repos.find((r) => r.name === name);
      return pagedReply(call, alerts, (a) => secretAlertWire(call.wire, a, repoByName(a.repo), hideSecret));
    },
  },
];
