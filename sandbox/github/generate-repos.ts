/**
 * Repositories, their deploy keys and the org's secret-scanning alerts. Most repos have no
 * deploy key, some one, a few two — the connector fans out one `/keys` call per repo, which is
 * the expensive part of a large scan. Near-misses: private and archived public repos without
 * secret scanning, a key last used 10 days ago, a brand-new key never used, resolved alerts.
 */
import { ALPHANUMERIC, type Random } from '../random.ts';
import { githubAssetKey } from './asset-keys.ts';
import type { TenantClock } from './clock.ts';
import type { GhDeployKey, GhRepo, GhSecretAlert, Planted } from './types.ts';

const WORDS = [
  'api',
  'web',
  'billing',
  'payments',
  'infra',
  'docs',
  'auth',
  'search',
  'mobile',
  'data',
  'ml',
  'ops',
  'gateway',
  'ledger',
  'portal',
  'sdk',
];
const BASE64 = `${ALPHANUMERIC}+/`;

export interface RepoSection {
  repos: GhRepo[];
  deployKeys: Map<string, GhDeployKey[]>;
  secretAlerts: GhSecretAlert[];
}

interface Context {
  org: string;
  random: Random;
  clock: TenantClock;
  clean: boolean;
  plant: (p: Planted) => void;
}

function generateRepoList(ctx: Context, count: number, nextId: () => number): GhRepo[] {
  const { random, clock } = ctx;
  const repos: GhRepo[] = [];
  for (let i = 0; i < count; i += 1) {
    const roll = random.next();
    const visibility = roll < 0.4 ? 'public' : roll < 0.9 ? 'private' : 'internal';
    const scanning = visibility === 'public' || random.chance(0.5) ? 'enabled' : 'disabled';
    const created = clock.daysAgo(random.int(30, 1500));
    repos.push({
      id: nextId(),
      name: `${random.pick(WORDS)}-${random.pick(WORDS)}-${i}`,
      visibility,
      archived: random.chance(0.05),
      fork: random.chance(0.05),
      default_branch: 'main',
      created_at: created,
      updated_at: clock.fresh(),
      pushed_at: clock.fresh(),
      secret_scanning: scanning,
      secret_scanning_push_protection: scanning,
    });
  }
  // Near-miss: an archived public repo without secret scanning is not a violation.
  const archivedPublic = repos[count - 1];
  if (archivedPublic && count > 2)
    Object.assign(archivedPublic, {
      visibility: 'public',
      archived: true,
      secret_scanning: 'disabled',
      secret_scanning_push_protection: 'disabled',
    });
  const publicActive = repos.flatMap((repo, i) =>
    repo.visibility === 'public' && !repo.archived ? [i] : [],
  );
  if (!ctx.clean) {
    if (publicActive.length === 0 && repos[0]) {
      Object.assign(repos[0], { visibility: 'public', archived: false });
      publicActive.push(0);
    }
    for (const pick of random.sampleIndices(publicActive.length, Math.max(1, Math.floor(count / 100)))) {
      const repo = repos[publicActive[pick] as number] as GhRepo;
      repo.secret_scanning = 'disabled';
      ctx.plant({
        ruleId: 'github/public-repo-without-secret-scanning',
        assetKey: githubAssetKey.repo(repo.id),
      });
    }
  }
  return repos;
}

function generateDeployKeys(ctx: Context, repos: GhRepo[], nextId: () => number): Map<string, GhDeployKey[]> {
  const { random, clock } = ctx;
  const perViolation = Math.max(1, Math.floor(repos.length / 100));
  const all: Array<{ repo: GhRepo; key: GhDeployKey }> = [];
  const byRepo = new Map<string, GhDeployKey[]>();
  const addKey = (repo: GhRepo) => {
    const key: GhDeployKey = {
      id: nextId(),
      key: `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${random.token(43, BASE64)}`,
      title: random.pick(['ci', 'deploy', 'mirror', 'backup', 'release']),
      verified: true,
      created_at: clock.daysAgo(random.int(100, 700)),
      read_only: true,
      added_by: null,
      last_used: clock.fresh(),
      enabled: true,
    };
    const list = byRepo.get(repo.name) ?? [];
    list.push(key);
    byRepo.set(repo.name, list);
    all.push({ repo, key });
  };
  for (const repo of repos) {
    const roll = random.next();
    if (roll < 0.3) addKey(repo);
    if (roll < 0.05) addKey(repo);
  }
  // Enough keys for the planted ones plus two near-misses, even in a tiny tenant.
  for (let i = 0; all.length < 2 * perViolation + 2 && repos.length > 0; i += 1)
    addKey(repos[i % repos.length] as GhRepo);

  const [recent, brandNew, ...rest] = all;
  if (recent) recent.key.last_used = clock.daysAgo(10);
  if (brandNew) Object.assign(brandNew.key, { created_at: clock.daysAgo(5), last_used: null });
  if (!ctx.clean) {
    const chosen = random.sampleIndices(rest.length, 2 * perViolation);
    chosen.forEach((index, n) => {
      const { repo, key } = rest[index] as (typeof rest)[number];
      const assetKey = githubAssetKey.deployKey(`${ctx.org}/${repo.name}`, key.id);
      if (n % 2 === 0) {
        key.read_only = false;
        ctx.plant({ ruleId: 'github/deploy-key-write-access', assetKey });
      } else {
        // Alternate the two shapes of "unused": never used and old, or last used long ago.
        if (n % 4 === 1) Object.assign(key, { last_used: null, created_at: clock.stale() });
        else key.last_used = clock.stale();
        ctx.plant({ ruleId: 'github/deploy-key-unused', assetKey });
      }
    });
  }
  return byRepo;
}

const SECRET_TYPES = [
  {
    type: 'github_personal_access_token',
    name: 'GitHub Personal Access Token',
    make: (r: Random) => `ghp_${r.token(36, ALPHANUMERIC)}`,
  },
  {
    type: 'aws_access_key_id',
    name: 'AWS Access Key ID',
    make: (r: Random) => `AKIA${r.token(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`,
  },
  {
    type: 'slack_api_token',
    name: 'Slack API Token',
    make: (r: Random) => `xoxb-${r.token(12, '0123456789')}-${r.token(24, ALPHANUMERIC)}`,
  },
] as const;

function generateSecretAlerts(ctx: Context, repos: GhRepo[], count: number): GhSecretAlert[] {
  const { random, clock } = ctx;
  const numbers = new Map<string, number>();
  const open = ctx.clean
    ? new Set<number>()
    : new Set(random.sampleIndices(count, Math.max(1, Math.round(count / 3))));
  const alerts: GhSecretAlert[] = [];
  for (let i = 0; i < count && repos.length > 0; i += 1) {
    const repo = random.pick(repos);
    const number = (numbers.get(repo.name) ?? 0) + 1;
    numbers.set(repo.name, number);
    const kind = random.pick(SECRET_TYPES);
    const isOpen = open.has(i);
    const created = clock.daysAgo(random.int(2, 300));
    alerts.push({
      number,
      repo: repo.name,
      created_at: created,
      updated_at: created,
      state: isOpen ? 'open' : 'resolved',
      resolution: isOpen ? null : random.pick(['revoked', 'false_positive', 'used_in_tests'] as const),
      resolved_at: isOpen ? null : clock.fresh(),
      resolved_by: null,
      secret_type: kind.type,
      secret_type_display_name: kind.name,
      secret: kind.make(random),
      validity: isOpen ? 'active' : 'inactive',
      publicly_leaked: false,
      multi_repo: false,
    });
    if (isOpen) {
      ctx.plant({
        ruleId: 'github/secret-scanning-alert-open',
        assetKey: githubAssetKey.secretAlert(`${ctx.org}/${repo.name}`, number),
      });
    }
  }
  // GitHub's default order is newest first.
  return alerts.sort((a, b) => b.created_at.localeCompare(a.created_at));
}

export function generateRepos(
  ctx: Context,
  counts: { repos: number; secretAlerts: number },
  nextId: () => number,
): RepoSection {
  const repos = generateRepoList({ ...ctx, random: ctx.random.fork('repos') }, counts.repos, nextId);
  const deployKeys = generateDeployKeys({ ...ctx, random: ctx.random.fork('deploy-keys') }, repos, nextId);
  const secretAlerts = generateSecretAlerts(
    { ...ctx, random: ctx.random.fork('alerts') },
    repos,
    counts.secretAlerts,
  );
  return { repos, deployKeys, secretAlerts };
}
