/**
 * Generates an Anthropic organization from a seed: named fixtures that plant one violation of
 * each rule next to clean look-alikes (an inactive key as old as a stale one, an accepted admin
 * invite, web search older than the usage window …), then clean filler up to the requested size.
 * The filler is clean by construction, so the planted list is every violation there is.
 */
import { ALPHANUMERIC, createRandom, type Random } from '../random.ts';
import { anthropicAssetKey } from './asset-keys.ts';
import type {
  AnthropicOrg,
  OrganizationRole,
  Planted,
  SimApiKey,
  SimInvite,
  SimMember,
  SimUser,
  SimWorkspace,
  WorkspaceRole,
} from './types.ts';

export interface AnthropicOrgSize {
  /** Workspaces besides the default one, fixtures included. Default 8. */
  workspaces?: number;
  /** API keys, fixtures included. Default 40. */
  apiKeys?: number;
  /** Organization members. Default max(24, apiKeys / 10). */
  users?: number;
  /** Invites, fixtures included. Default 10. */
  invites?: number;
  /** Most members one workspace has. Default 30. */
  maxMembersPerWorkspace?: number;
}

export interface GenerateAnthropicOrgOptions {
  seed?: number;
  size?: AnthropicOrgSize;
  now?: Date;
  /** No violations (fixtures that would violate are left out; the look-alikes stay). */
  clean?: boolean;
}

const DAY_MS = 86_400_000;
const MODELS = ['claude-sonnet-4-5-20250929', 'claude-haiku-4-5-20251001', 'claude-opus-4-1-20250805'];
const FILLER_ROLES: OrganizationRole[] = ['user', 'developer', 'developer', 'billing', 'claude_code_user'];

export function generateAnthropicOrg(options: GenerateAnthropicOrgOptions = {}): {
  org: AnthropicOrg;
  planted: Planted[];
} {
  const now = options.now ?? new Date();
  const random = createRandom(options.seed ?? 1);
  const clean = options.clean ?? false;
  const size = resolveSize(options.size);
  const at = (days: number, hours = 0) =>
    new Date(now.getTime() - days * DAY_MS - hours * 3_600_000).toISOString();
  const later = (days: number) => new Date(now.getTime() + days * DAY_MS).toISOString();
  const ids = idMaker(random.fork('ids'));
  const planted: Planted[] = [];
  const plant = (ruleId: string, assetKey: string) => planted.push({ ruleId, assetKey });

  const org: AnthropicOrg = {
    organization: { id: ids('org'), name: 'Acme AI' },
    defaultWorkspaceId: ids('wrkspc'),
    users: [],
    invites: [],
    workspaces: [],
    members: new Map(),
    apiKeys: [],
    usage: [],
    costs: [],
  };

  // People: six holders of admin powers (more than the default five) unless clean.
  const person = (name: string, role: OrganizationRole, addedDays: number): SimUser => {
    const user: SimUser = {
      id: ids('user'),
      email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@acme.example`,
      name,
      role,
      added_at: at(addedDays),
    };
    org.users.push(user);
    return user;
  };
  const owner = person('Olivia Owner', 'primary_owner', 900);
  person('Adam Admin', 'admin', 800);
  person('Ada Admin', 'admin', 700);
  if (!clean) {
    person('Abe Admin', 'admin', 600);
    person('Amy Admin', 'admin', 500);
    person('Otto Owner', 'owner', 400);
  }
  person('Mia Membership', 'membership_admin', 300); // manages members, not an admin
  const dev = person('Dev Eloper', 'developer', 365);
  const fillerUsers = Math.max(0, size.users - org.users.length);
  const people = random.fork('people');
  for (let i = 0; i < fillerUsers; i += 1) {
    person(`Member ${i + 1}`, people.pick(FILLER_ROLES), people.int(1, 800));
  }
  if (!clean) plant('anthropic/too-many-admins', anthropicAssetKey.organization(org.organization.id));
  // A former member: keys they created outlive their membership.
  const departedId = ids('user');

  // Workspaces: tools are judged by observed use, so usage is part of each fixture.
  const workspace = (name: string, createdDays: number, archivedDays: number | null = null): SimWorkspace => {
    const ws: SimWorkspace = {
      id: ids('wrkspc'),
      name,
      created_at: at(createdDays),
      archived_at: archivedDays === null ? null : at(archivedDays),
      display_color: `#${random.token(6).toUpperCase()}`,
      external_key_id: null,
      data_residency: {
        workspace_geo: 'us',
        allowed_inference_geos: 'unrestricted',
        default_inference_geo: 'global',
      },
    };
    org.workspaces.push(ws);
    return ws;
  };
  const production = workspace('Production', 700);
  const research = workspace('Research', 400);
  const sandbox = workspace('Sandbox', 200);
  workspace('Legacy', 800, 100);
  production.data_residency = {
    workspace_geo: 'us',
    allowed_inference_geos: ['us'],
    default_inference_geo: 'us',
  };
  const spaces = random.fork('workspaces');
  while (org.workspaces.length < size.workspaces)
    workspace(`Team ${org.workspaces.length - 3}`, spaces.int(30, 900));

  // Keys.
  const key = (fields: Partial<SimApiKey> & { name: string; createdDays: number }): SimApiKey => {
    const { createdDays, ...rest } = fields;
    const record: SimApiKey = {
      id: ids('apikey'),
      created_at: at(createdDays),
      created_by: { id: owner.id, type: 'user' },
      expires_at: later(180),
      partial_key_hint: `sk-ant-api03-${random.token(3, ALPHANUMERIC)}...${random.token(4, ALPHANUMERIC)}`,
      status: 'active',
      workspaceId: production.id,
      lastUsedAt: null,
      ...rest,
    };
    org.apiKeys.push(record);
    return record;
  };
  const use = (k: SimApiKey, days: number, extra: { webSearch?: number; hours?: number } = {}) => {
    const when = at(days, extra.hours ?? 1);
    if (!k.lastUsedAt || when > k.lastUsedAt) k.lastUsedAt = when;
    const workspaceId = k.workspaceId === org.defaultWorkspaceId ? null : k.workspaceId;
    const input = 1000 + days * 37;
    org.usage.push({
      at: when,
      apiKeyId: k.id,
      workspaceId,
      model: MODELS[days % MODELS.length] as string,
      uncachedInputTokens: input,
      outputTokens: Math.floor(input / 3),
      cacheReadInputTokens: 0,
      webSearchRequests: extra.webSearch ?? 0,
    });
    org.costs.push({
      at: when,
      workspaceId,
      costType: 'tokens',
      description: 'Claude Usage - Input Tokens',
      model: MODELS[days % MODELS.length] as string,
      tokenType: 'uncached_input_tokens',
      amountCents: input * 0.0003,
    });
    if (extra.webSearch) {
      org.costs.push({
        at: when,
        workspaceId,
        costType: 'web_search',
        description: 'Web Search',
        model: null,
        tokenType: null,
        amountCents: extra.webSearch,
      });
    }
  };

  if (!clean) {
    const idle = key({ name: 'nightly-batch', createdDays: 200 });
    use(idle, 150, { webSearch: 3 }); // web search too, but outside the usage window
    plant('anthropic/key-unused', anthropicAssetKey.apiKey(idle.id));
    const neverUsed = key({ name: 'prototype', createdDays: 120 });
    plant('anthropic/key-unused', anthropicAssetKey.apiKey(neverUsed.id));
    const old = key({ name: 'billing-service', createdDays: 400, created_by: { id: dev.id, type: 'user' } });
    use(old, 3);
    plant('anthropic/key-not-rotated', anthropicAssetKey.apiKey(old.id));
    const forever = key({ name: 'support-bot', createdDays: 30, expires_at: null });
    use(forever, 2);
    plant('anthropic/key-without-expiry', anthropicAssetKey.apiKey(forever.id));
    const orphan = key({
      name: 'contractor-etl',
      createdDays: 50,
      created_by: { id: departedId, type: 'user' },
    });
    use(orphan, 1);
    plant('anthropic/key-owner-removed', anthropicAssetKey.apiKey(orphan.id));
    const searching = key({ name: 'research-agent', createdDays: 60, workspaceId: research.id });
    use(searching, 3, { webSearch: 12 });
    plant('anthropic/workspace-unapproved-tool-use', anthropicAssetKey.toolUsage(research.id));
    const coding = key({ name: 'sandbox-runner', createdDays: 40, workspaceId: sandbox.id });
    use(coding, 4);
    org.costs.push({
      at: at(4, 2),
      workspaceId: sandbox.id,
      costType: 'code_execution',
      description: 'Code Execution Usage',
      model: null,
      tokenType: null,
      amountCents: 250,
    });
    plant('anthropic/workspace-unapproved-tool-use', anthropicAssetKey.toolUsage(sandbox.id));
    const defaultSearch = key({
      name: 'default-search',
      createdDays: 20,
      workspaceId: org.defaultWorkspaceId,
    });
    use(defaultSearch, 2, { webSearch: 5 });
    plant('anthropic/workspace-unapproved-tool-use', anthropicAssetKey.toolUsage(null));
  }
  // Look-alikes: as old, unused, ownerless or open-ended as the planted ones, but not active.
  key({
    name: 'old-inactive',
    createdDays: 400,
    status: 'inactive',
    expires_at: null,
    created_by: { id: departedId, type: 'user' },
  });
  key({ name: 'old-archived', createdDays: 800, status: 'archived', expires_at: null });
  key({ name: 'old-expired', createdDays: 400, status: 'expired', expires_at: at(10) });
  key({ name: 'new-unused', createdDays: 30 }); // never used, but younger than the stale threshold
  use(
    key({
      name: 'service-account-key',
      createdDays: 60,
      created_by: { id: 'svcacct_01ci', type: 'service_account' },
    }),
    5,
  );
  use(key({ name: 'default-tokens', createdDays: 25, workspaceId: org.defaultWorkspaceId }), 6);

  // Filler keys: active ones are young enough, recently used, expiring and owned by members.
  const keys = random.fork('keys');
  const liveSpaces = [production, ...org.workspaces.slice(4)].map((w) => w.id);
  liveSpaces.push(org.defaultWorkspaceId);
  while (org.apiKeys.length < size.apiKeys) {
    const createdDays = keys.int(10, 300);
    const inactive = keys.chance(0.1);
    const creator = keys.chance(0.1)
      ? { id: `svcacct_${keys.token(12, ALPHANUMERIC)}`, type: 'service_account' as const }
      : { id: keys.pick(org.users).id, type: 'user' as const };
    const k = key({
      name: `key-${org.apiKeys.length + 1}`,
      createdDays,
      created_by: creator,
      status: inactive ? keys.pick(['inactive', 'archived'] as const) : 'active',
      expires_at: later(keys.int(30, 365)),
      workspaceId: keys.pick(liveSpaces),
    });
    if (inactive) continue;
    const lastDays = keys.int(1, Math.min(60, createdDays - 1));
    use(k, lastDays, { hours: keys.int(0, 20) });
    for (let extra = keys.int(0, 2); extra > 0; extra -= 1) {
      const earlier = keys.int(lastDays + 1, Math.max(lastDays + 1, Math.min(createdDays - 1, 85)));
      use(k, earlier, { hours: keys.int(0, 20) });
    }
  }

  // Invites.
  const invite = (
    email: string,
    role: OrganizationRole,
    status: SimInvite['status'],
    invitedDays: number,
  ) => {
    const record: SimInvite = {
      id: ids('invite'),
      email,
      role,
      status,
      invited_at: at(invitedDays),
      expires_at: at(invitedDays - 21),
      accepted_at: status === 'accepted' ? at(invitedDays - 1) : null,
      rbac_group_ids: [],
    };
    org.invites.push(record);
    return record;
  };
  if (!clean) {
    const admin = invite('new.admin@acme.example', 'admin', 'pending', 2);
    plant('anthropic/high-privilege-invite', anthropicAssetKey.invite(admin.id));
    const stale = invite('slow.joiner@acme.example', 'developer', 'pending', 20);
    plant('anthropic/stale-invite', anthropicAssetKey.invite(stale.id));
  }
  invite('accepted.admin@acme.example', 'admin', 'accepted', 30);
  invite('expired.owner@acme.example', 'owner', 'expired', 40);
  invite('fresh.user@acme.example', 'user', 'pending', 1);
  const invites = random.fork('invites');
  while (org.invites.length < size.invites) {
    const accepted = invites.chance(0.6);
    invite(
      `invitee.${org.invites.length + 1}@partner.example`,
      invites.pick(['user', 'developer', 'claude_code_user'] as const),
      accepted ? 'accepted' : 'pending',
      accepted ? invites.int(8, 400) : invites.int(0, 5),
    );
  }

  // Workspace members: a workspace admin each, then developers and users.
  const crowd = random.fork('members');
  for (const ws of org.workspaces) {
    const count = crowd.int(2, Math.min(size.maxMembersPerWorkspace, org.users.length));
    const chosen = crowd.sampleIndices(org.users.length, count);
    const members: SimMember[] = chosen.map((index, i) => ({
      user_id: (org.users[index] as SimUser).id,
      workspace_id: ws.id,
      workspace_role: (i === 0
        ? 'workspace_admin'
        : crowd.pick(['workspace_developer', 'workspace_user'])) as WorkspaceRole,
    }));
    org.members.set(ws.id, members);
  }
  org.usage.sort((a, b) => a.at.localeCompare(b.at));
  org.costs.sort((a, b) => a.at.localeCompare(b.at));
  return { org, planted };
}

function resolveSize(size: AnthropicOrgSize = {}): Required<AnthropicOrgSize> {
  const apiKeys = size.apiKeys ?? 40;
  return {
    workspaces: size.workspaces ?? 8,
    apiKeys,
    users: size.users ?? Math.max(24, Math.ceil(apiKeys / 10)),
    invites: size.invites ?? 10,
    maxMembersPerWorkspace: size.maxMembersPerWorkspace ?? 30,
  };
}

/** Anthropic-style ids: a type prefix, `_01` and 22 base62 characters; unique by a counter suffix. */
function idMaker(random: Random): (prefix: string) => string {
  let n = 0;
  return (prefix) => {
    n += 1;
    const body = `${random.token(16, ALPHANUMERIC)}${n.toString(36).padStart(6, '0')}`;
    return `${prefix}_01${body}`;
  };
}
