/**
 * Builds a deterministic GitHub organization from a seed and a size, plus the list of
 * violations it planted. Each section draws from its own forked PRNG, so growing one section
 * (more repos) leaves the others (members, hooks) unchanged for the same seed.
 */
import { createIdSequence, createRandom } from '../random.ts';
import { createTenantClock } from './clock.ts';
import { generateAccess } from './generate-access.ts';
import { generateOrgSettings } from './generate-org.ts';
import { generatePeople } from './generate-people.ts';
import { generateRepos } from './generate-repos.ts';
import type { GitHubTenant, Planted } from './types.ts';

export interface GitHubTenantSize {
  /** Default 25. */
  repos?: number;
  /** Default 40 (min 10: room for 7 owners plus members without 2FA). */
  members?: number;
  /** Default 6. */
  outsideCollaborators?: number;
  /** App installations, the scanner's own included. Default 6 (min 4). */
  installations?: number;
  /** SAML credential authorizations. Default 10 (min 4). */
  credentialAuthorizations?: number;
  /** Approved fine-grained PATs. Default 8 (min 3). */
  patGrants?: number;
  /** Pending fine-grained PAT requests. Default 3. */
  patRequests?: number;
  /** Org webhooks. Default 6 (min 4). */
  hooks?: number;
  /** Secret-scanning alerts. Default 6 (min 1). */
  secretAlerts?: number;
}

export interface GenerateGitHubTenantOptions {
  /** Default 1. */
  seed?: number;
  size?: GitHubTenantSize;
  /** Timestamps are relative to this. Default: the current time. */
  now?: Date;
  /** Generate an org with no violations at all (`planted` is empty). Default false. */
  clean?: boolean;
  /** Org login. Default `acme`. */
  org?: string;
}

export interface GeneratedGitHubTenant {
  tenant: GitHubTenant;
  planted: Planted[];
}

export function resolveSize(size: GitHubTenantSize = {}): Required<GitHubTenantSize> {
  return {
    repos: Math.max(0, size.repos ?? 25),
    members: Math.max(10, size.members ?? 40),
    outsideCollaborators: Math.max(1, size.outsideCollaborators ?? 6),
    installations: Math.max(4, size.installations ?? 6),
    credentialAuthorizations: Math.max(4, size.credentialAuthorizations ?? 10),
    patGrants: Math.max(3, size.patGrants ?? 8),
    patRequests: Math.max(0, size.patRequests ?? 3),
    hooks: Math.max(4, size.hooks ?? 6),
    secretAlerts: Math.max(1, size.secretAlerts ?? 6),
  };
}

export function generateGitHubTenant(options: GenerateGitHubTenantOptions = {}): GeneratedGitHubTenant {
  const seed = options.seed ?? 1;
  const size = resolveSize(options.size);
  const clean = options.clean ?? false;
  const orgLogin = options.org ?? 'acme';
  const root = createRandom(seed);
  const clock = createTenantClock(options.now ?? new Date(), root.fork('clock'));
  const planted: Planted[] = [];
  const plant = (p: Planted) => planted.push(p);
  const ids = root.fork('ids');
  const nextUserId = createIdSequence(ids.fork('users'), 1_000_000);
  // Disjoint id ranges per section: more repos must not shift the ids of hooks or grants.
  const nextRepoObjectId = createIdSequence(ids.fork('repo-objects'), 100_000_000);
  const nextAccessId = createIdSequence(ids.fork('access'), 700_000_000);

  const settings = generateOrgSettings(orgLogin, root.fork('org'), clock, clean, size.members, plant);
  const people = generatePeople(root.fork('people'), nextUserId, size, clean, plant);
  const repoSection = generateRepos(
    { org: orgLogin, random: root.fork('repos'), clock, clean, plant },
    size,
    nextRepoObjectId,
  );
  const scannerApp = {
    appId: root.fork('app').int(100_000, 999_999),
    slug: 'periscope-scanner',
    installationId: nextAccessId(),
  };
  const access = generateAccess(
    {
      random: root.fork('access'),
      clock,
      clean,
      plant,
      nextId: nextAccessId,
      members: people.members,
      scannerApp,
    },
    size,
  );

  return {
    tenant: { ...settings, ...people, ...repoSection, ...access, scannerApp },
    planted,
  };
}
