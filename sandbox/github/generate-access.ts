/**
 * Who can act on the org besides members: App installations, SAML-authorized credentials,
 * fine-grained PAT grants and requests, and org webhooks. Each planted record violates exactly
 * one rule; the rest are clean, including near-misses (an installation on selected repos with
 * write permissions, one on all repos read-only, a credential never used but authorized days ago).
 */
import type { Random } from '../random.ts';
import { githubAssetKey } from './asset-keys.ts';
import type { TenantClock } from './clock.ts';
import type {
  GhCredentialAuthorization,
  GhHook,
  GhInstallation,
  GhMember,
  GhPatGrant,
  GhPatRequest,
  GhScannerApp,
  Permission,
  Planted,
} from './types.ts';

export interface AccessCounts {
  installations: number;
  credentialAuthorizations: number;
  patGrants: number;
  patRequests: number;
  hooks: number;
}

export interface AccessSection {
  installations: GhInstallation[];
  credentialAuthorizations: GhCredentialAuthorization[];
  patGrants: GhPatGrant[];
  patRequests: GhPatRequest[];
  hooks: GhHook[];
}

interface Context {
  random: Random;
  clock: TenantClock;
  clean: boolean;
  plant: (p: Planted) => void;
  nextId: () => number;
  members: GhMember[];
  scannerApp: GhScannerApp;
}

/** What the Periscope scanner App asks for: read-only, everything it scans. */
export const SCANNER_APP_PERMISSIONS: Record<string, Permission> = {
  administration: 'read',
  members: 'read',
  metadata: 'read',
  organization_administration: 'read',
  organization_hooks: 'read',
  organization_personal_access_tokens: 'read',
  organization_personal_access_token_requests: 'read',
  organization_copilot_seat_management: 'read',
  secret_scanning_alerts: 'read',
};

const APP_SLUGS = [
  'ci-runner',
  'release-drafter',
  'code-climate',
  'slack-notify',
  'jira-sync',
  'renovate-lite',
  'docs-preview',
  'lint-bot',
];

/** Anthropic's Claude GitHub App (slug as in its public install link), an AI app the catalog knows. */
export const AI_APP_SLUG = 'claude';
/** Cross-provider rules the GitHub simulator plants too (see AI_APP_SLUG). */
export const shadowAiRuleIds = [
  'common/shadow-ai-grant-unapproved',
  'common/shadow-ai-tenant-wide-grant',
] as const;

function generateInstallations(ctx: Context, count: number): GhInstallation[] {
  const { random, clock } = ctx;
  const make = (
    id: number,
    appId: number,
    slug: string,
    selection: 'all' | 'selected',
    permissions: Record<string, Permission>,
  ): GhInstallation => ({
    id,
    app_id: appId,
    app_slug: slug,
    client_id: `Iv23li${random.token(10)}`,
    repository_selection: selection,
    permissions: { metadata: 'read', ...permissions },
    events: ['push', 'pull_request'],
    created_at: clock.daysAgo(random.int(60, 900)),
    updated_at: clock.fresh(),
    suspended_at: null,
  });
  const { scannerApp } = ctx;
  const list = [
    make(scannerApp.installationId, scannerApp.appId, scannerApp.slug, 'all', SCANNER_APP_PERMISSIONS),
  ];
  for (let i = 1; i < count; i += 1) {
    if (i === count - 1 && i > 3 && !ctx.clean) {
      // The last one is an AI coding assistant installed without review: the shadow-AI rules' case.
      const assistant = make(ctx.nextId(), random.int(10_000, 900_000), AI_APP_SLUG, 'selected', {
        contents: 'read',
        pull_requests: 'write',
        issues: 'write',
      });
      list.push(assistant);
      for (const ruleId of shadowAiRuleIds)
        ctx.plant({ ruleId, assetKey: githubAssetKey.installation(assistant.id) });
      continue;
    }
    const slug = `${APP_SLUGS[(i - 1) % APP_SLUGS.length]}${i > APP_SLUGS.length ? `-${i}` : ''}`;
    // 1: selected + write (near-miss), 2: all + read-only (near-miss), 3: planted, others selected.
    const selection = i === 2 || (i === 3 && !ctx.clean) ? 'all' : 'selected';
    const permissions: Record<string, Permission> =
      i === 2 ? { contents: 'read', issues: 'read' } : { contents: 'write', pull_requests: 'write' };
    const installation = make(ctx.nextId(), random.int(10_000, 900_000), slug, selection, permissions);
    list.push(installation);
    if (i === 3 && !ctx.clean) {
      ctx.plant({
        ruleId: 'github/app-installation-all-repos-write',
        assetKey: githubAssetKey.installation(installation.id),
      });
    }
  }
  return list;
}

function generateCredentials(ctx: Context, count: number): GhCredentialAuthorization[] {
  const { random, clock } = ctx;
  const list: GhCredentialAuthorization[] = [];
  for (let i = 0; i < count; i += 1) {
    list.push({
      login: random.pick(ctx.members).login,
      credential_id: ctx.nextId(),
      credential_type: 'personal access token',
      token_last_eight: random.token(8),
      credential_authorized_at: clock.daysAgo(random.int(20, 300)),
      credential_accessed_at: clock.fresh(),
      authorized_credential_id: ctx.nextId(),
      authorized_credential_note: random.pick(['laptop', 'ci', 'terraform', 'backup script']),
      authorized_credential_expires_at: clock.daysAhead(random.int(10, 80)),
      scopes: ['repo', 'read:org'],
    });
  }
  // Near-miss: never used, but authorized only days ago.
  Object.assign(list[0] ?? {}, { credential_accessed_at: null, credential_authorized_at: clock.fresh() });
  if (!ctx.clean) {
    const [noExpiry, admin, unused] = random
      .sampleIndices(count - 1, 3)
      .map((i) => list[i + 1] as GhCredentialAuthorization);
    const keyOf = (c: GhCredentialAuthorization) => githubAssetKey.credential(c.credential_id);
    if (noExpiry) noExpiry.authorized_credential_expires_at = null;
    if (noExpiry) ctx.plant({ ruleId: 'github/saml-credential-without-expiry', assetKey: keyOf(noExpiry) });
    if (admin) admin.scopes = ['repo', 'admin:org'];
    if (admin) ctx.plant({ ruleId: 'github/saml-credential-admin-scopes', assetKey: keyOf(admin) });
    if (unused) unused.credential_accessed_at = clock.stale();
    if (unused) ctx.plant({ ruleId: 'github/saml-credential-unused', assetKey: keyOf(unused) });
  }
  return list;
}

function generatePats(ctx: Context, counts: AccessCounts): Pick<AccessSection, 'patGrants' | 'patRequests'> {
  const { random, clock } = ctx;
  const base = () => {
    const owner = random.pick(ctx.members);
    return {
      id: ctx.nextId(),
      owner: { id: owner.id, login: owner.login },
      repository_selection: 'subset' as const,
      permissions: {
        organization: {},
        repository: { contents: 'read' as const, metadata: 'read' as const },
        other: {},
      },
      token_id: ctx.nextId(),
      token_name: random.pick(['deploy script', 'release tooling', 'metrics export', 'local dev']),
      token_expired: false,
      token_expires_at: clock.daysAhead(random.int(10, 80)),
    };
  };
  const patGrants: GhPatGrant[] = [];
  for (let i = 0; i < counts.patGrants; i += 1) {
    patGrants.push({
      ...base(),
      access_granted_at: clock.daysAgo(random.int(20, 200)),
      token_last_used_at: clock.fresh(),
    });
  }
  // Near-miss: never used, but granted days ago.
  Object.assign(patGrants[0] ?? {}, { access_granted_at: clock.fresh(), token_last_used_at: null });
  if (!ctx.clean) {
    const [noExpiry, unused] = random
      .sampleIndices(counts.patGrants - 1, 2)
      .map((i) => patGrants[i + 1] as GhPatGrant);
    if (noExpiry) noExpiry.token_expires_at = null;
    if (noExpiry)
      ctx.plant({
        ruleId: 'github/fine-grained-pat-without-expiry',
        assetKey: githubAssetKey.patGrant(noExpiry.id),
      });
    if (unused) unused.token_last_used_at = clock.stale();
    if (unused)
      ctx.plant({ ruleId: 'github/fine-grained-pat-unused', assetKey: githubAssetKey.patGrant(unused.id) });
  }
  const patRequests: GhPatRequest[] = [];
  for (let i = 0; i < counts.patRequests; i += 1) {
    patRequests.push({
      ...base(),
      reason: 'Needed for the release pipeline',
      created_at: clock.fresh(),
      token_last_used_at: null,
    });
  }
  return { patGrants, patRequests };
}

function generateHooks(ctx: Context, count: number): GhHook[] {
  const { random, clock } = ctx;
  const hooks: GhHook[] = [];
  for (let i = 0; i < count; i += 1) {
    hooks.push({
      id: ctx.nextId(),
      name: 'web',
      active: i !== 0, // near-miss: an inactive but well-configured hook
      events: random.pick([['push'], ['push', 'pull_request'], ['*']]),
      config: {
        url: `https://hooks.example.com/github/${random.token(8)}`,
        content_type: 'json',
        insecure_ssl: '0',
        secret: random.token(32),
      },
      created_at: clock.daysAgo(random.int(30, 700)),
      updated_at: clock.fresh(),
    });
  }
  if (!ctx.clean) {
    // Never hook 0, the inactive near-miss: a rule may fairly skip inactive hooks.
    const [noSecret, insecureUrl, noVerify] = random
      .sampleIndices(count - 1, 3)
      .map((i) => hooks[i + 1] as GhHook);
    if (noSecret) delete noSecret.config.secret;
    if (noSecret)
      ctx.plant({ ruleId: 'github/webhook-without-secret', assetKey: githubAssetKey.hook(noSecret.id) });
    if (insecureUrl) insecureUrl.config.url = insecureUrl.config.url.replace('https://', 'http://');
    if (insecureUrl)
      ctx.plant({ ruleId: 'github/webhook-insecure-url', assetKey: githubAssetKey.hook(insecureUrl.id) });
    if (noVerify) noVerify.config.insecure_ssl = '1';
    if (noVerify)
      ctx.plant({
        ruleId: 'github/webhook-ssl-verification-disabled',
        assetKey: githubAssetKey.hook(noVerify.id),
      });
  }
  return hooks;
}

export function generateAccess(ctx: Context, counts: AccessCounts): AccessSection {
  const fork = (label: string) => ({ ...ctx, random: ctx.random.fork(label) });
  return {
    installations: generateInstallations(fork('installations'), counts.installations),
    credentialAuthorizations: generateCredentials(fork('credentials'), counts.credentialAuthorizations),
    ...generatePats(fork('pats'), counts),
    hooks: generateHooks(fork('hooks'), counts.hooks),
  };
}
