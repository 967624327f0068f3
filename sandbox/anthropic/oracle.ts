/**
 * Derives the violations present in a simulated organization straight from its records, with
 * the thresholds the rules document and the tenant policy's knobs. Independent of the connector:
 * it reads exact last-use times and raw usage rows, not the report the connector sees.
 */
import { anthropicAssetKey, DEFAULT_WORKSPACE_SCOPE } from './asset-keys.ts';
import type { AnthropicOrg, Planted } from './types.ts';

/** The policy fields the Anthropic rules read (a subset of scanner/policy.ts TenantPolicy). */
export interface AnthropicOraclePolicy {
  staleDays?: number;
  rotationDays?: number;
  approvedAiTools?: Record<string, string[]>;
  ruleOptions?: Record<string, Record<string, unknown>>;
}

const DAY_MS = 86_400_000;
/** The connector's default usage window; usage older than this is invisible to it. */
const USAGE_WINDOW_DAYS = 90;
const ADMIN_ROLES = new Set(['admin', 'owner', 'primary_owner']);
const HIGH_PRIVILEGE_INVITE_ROLES = new Set(['admin', 'owner', 'primary_owner', 'membership_admin']);

export function findAnthropicViolations(
  sim: { org: AnthropicOrg; now: Date },
  policy: AnthropicOraclePolicy = {},
): Planted[] {
  const { org, now } = sim;
  const staleDays = policy.staleDays ?? 90;
  const rotationDays = policy.rotationDays ?? 365;
  const option = (rule: string, name: string, fallback: number) =>
    Number(policy.ruleOptions?.[`anthropic/${rule}`]?.[name] ?? fallback);
  const ageDays = (iso: string) => (now.getTime() - Date.parse(iso)) / DAY_MS;
  const found: Planted[] = [];
  const add = (rule: string, assetKey: string) => found.push({ ruleId: `anthropic/${rule}`, assetKey });

  const admins = org.users.filter((u) => ADMIN_ROLES.has(u.role)).length;
  if (admins > option('too-many-admins', 'maxAdmins', 5)) {
    add('too-many-admins', anthropicAssetKey.organization(org.organization.id));
  }

  const members = new Set(org.users.map((u) => u.id));
  for (const k of org.apiKeys) {
    if (k.status !== 'active') continue;
    const key = anthropicAssetKey.apiKey(k.id);
    const idle = k.lastUsedAt === null || ageDays(k.lastUsedAt) > staleDays;
    if (idle && ageDays(k.created_at) > staleDays) add('key-unused', key);
    if (ageDays(k.created_at) > rotationDays) add('key-not-rotated', key);
    if (k.expires_at === null) add('key-without-expiry', key);
    if (k.created_by?.type === 'user' && !members.has(k.created_by.id)) add('key-owner-removed', key);
  }

  const staleInviteDays = option('stale-invite', 'staleInviteDays', 7);
  for (const invite of org.invites) {
    if (invite.status !== 'pending') continue;
    const key = anthropicAssetKey.invite(invite.id);
    if (HIGH_PRIVILEGE_INVITE_ROLES.has(invite.role)) add('high-privilege-invite', key);
    if (ageDays(invite.invited_at) > staleInviteDays) add('stale-invite', key);
  }

  // Tools seen in the usage window, per workspace (null = the default workspace).
  const tools = new Map<string | null, Set<string>>();
  const saw = (workspaceId: string | null, tool: string) => {
    const set = tools.get(workspaceId) ?? new Set<string>();
    set.add(tool);
    tools.set(workspaceId, set);
  };
  const inWindow = (iso: string) => ageDays(iso) <= USAGE_WINDOW_DAYS;
  for (const row of org.usage)
    if (row.webSearchRequests > 0 && inWindow(row.at)) saw(row.workspaceId, 'web_search');
  for (const cost of org.costs) {
    if (cost.costType === 'code_execution' && cost.amountCents > 0 && inWindow(cost.at)) {
      saw(cost.workspaceId, 'code_interpreter');
    }
  }
  const approved = (workspaceId: string | null, tool: string) =>
    ['*', 'anthropic', `anthropic:${workspaceId ?? DEFAULT_WORKSPACE_SCOPE}`].some((scope) =>
      policy.approvedAiTools?.[scope]?.includes(tool),
    );
  for (const [workspaceId, used] of tools) {
    if ([...used].some((tool) => !approved(workspaceId, tool))) {
      add('workspace-unapproved-tool-use', anthropicAssetKey.toolUsage(workspaceId));
    }
  }
  return found.sort((a, b) => `${a.ruleId} ${a.assetKey}`.localeCompare(`${b.ruleId} ${b.assetKey}`));
}
