/**
 * Derives, straight from the org's state, the findings the OpenAI rules must produce after a full
 * scan — what is there, not what the generator meant to plant. It follows the connector's
 * contract (connectors/openai/MODEL.md): archived projects are reported but not judged, the
 * project-key streams see only projects the scanner holds a key for, and inactivity needs the
 * audit log. It reads the simulator's own records, never the wire or the connector.
 */
import { aiToolApproved, parsePolicy, type TenantPolicy } from '../../scanner/policy.ts';
import { plantedContentMatches } from '../google/dlp-content.ts';
import type { OpenAIOrg, OrgUser, Project } from './types.ts';
import { ownerProjectAccess } from './wire.ts';

const DAY = 86_400;
const ZDR = new Set(['zero_data_retention', 'enhanced_zero_data_retention']);
const RISKY_TOOLS = ['web_search', 'code_interpreter', 'mcp'] as const;
const DOWNLOADABLE = new Set(['assistants_output', 'batch_output', 'fine-tune-results']);

export interface OpenAIOracleOptions {
  /** Tenant policy (defaults apply to what is left out). */
  policy?: unknown;
  /** Projects the scanner holds a key for. Default: every project with a scanner key. */
  projectKeyProjects?: string[];
  /** `openai/stale-invite` threshold. Default 7. */
  staleInviteDays?: number;
  /** `openai/too-many-owners` threshold. Default 5. */
  maxOwners?: number;
}

export interface OpenAIFinding {
  ruleId: string;
  assetKey: string;
}

const key = (kind: string, id: string) => `openai:${kind}:${id}`;

export function findOpenAIViolations(
  org: OpenAIOrg,
  now: Date,
  options: OpenAIOracleOptions = {},
): OpenAIFinding[] {
  const policy = parsePolicy(options.policy ?? {});
  // Fractional seconds, as precise as the rules' clock: a user generated exactly staleDays ago is
  // stale a moment later for both (flooring here made the oracle disagree within the same second).
  const t = now.getTime() / 1000;
  const days = (since: number) => (t - since) / DAY;
  const found: OpenAIFinding[] = [];
  const add = (ruleId: string, assetKey: string) => found.push({ ruleId, assetKey });
  const listed = org.users.filter((u) => !u.removed);
  const userById = new Map(org.users.map((u) => [u.id, u]));
  const gone = (u: OrgUser | undefined) => !u || u.removed || u.banned || !u.enabled;
  const active = org.projects.filter((p) => p.archivedAt === null);
  const unused = (lastUsedAt: number | null, createdAt: number) =>
    days(lastUsedAt ?? createdAt) > policy.staleDays;

  for (const k of org.adminKeys) {
    if (k.expiresAt !== null && k.expiresAt <= t) continue;
    if (unused(k.lastUsedAt, k.createdAt)) add('openai/admin-key-unused', key('api_key', k.id));
    if (days(k.createdAt) > policy.rotationDays) add('openai/admin-key-not-rotated', key('api_key', k.id));
    if (gone(userById.get(k.ownerUserId))) add('openai/key-owner-removed', key('api_key', k.id));
  }
  for (const p of active) {
    for (const k of p.apiKeys) {
      if (unused(k.lastUsedAt, k.createdAt)) add('openai/project-key-unused', key('api_key', k.id));
      if (days(k.createdAt) > policy.rotationDays)
        add('openai/project-key-not-rotated', key('api_key', k.id));
      const owner = k.owner.type === 'user' ? userById.get(k.owner.userId) : null;
      if (
        ownerProjectAccess(org, p, k) === 'inactive' ||
        (k.owner.type === 'user' && gone(owner ?? undefined))
      )
        add('openai/key-owner-removed', key('api_key', k.id));
    }
  }

  for (const invite of org.invites) {
    if (invite.status !== 'pending') continue;
    if (invite.role === 'owner' || invite.projects.some((p) => p.role === 'owner'))
      add('openai/high-privilege-invite', key('setting', invite.id));
    if (days(invite.createdAt) > (options.staleInviteDays ?? 7))
      add('openai/stale-invite', key('setting', invite.id));
  }

  if (listed.filter((u) => u.role === 'owner').length > (options.maxOwners ?? 5))
    add('openai/too-many-owners', key('setting', 'organization'));

  if (org.auditLogging) {
    for (const u of listed) {
      if (u.banned || !u.enabled) continue;
      const last = Math.max(u.lastLoginAt ?? 0, u.apiKeyLastUsedAt ?? 0) || u.addedAt;
      if (days(last) > policy.staleDays) add('openai/inactive-user', key('identity', u.id));
    }
  }

  projectPosture(org, active, policy, add);
  projectContent(org, active, policy, options.projectKeyProjects ?? [...org.scannerProjectKeys.keys()], add);
  return found;
}

type Add = (ruleId: string, assetKey: string) => void;

function projectPosture(org: OpenAIOrg, active: Project[], policy: TenantPolicy, add: Add): void {
  if (policy.requireZeroDataRetention && !ZDR.has(org.retention))
    add('openai/zero-data-retention-off', key('setting', 'organization'));
  for (const p of active) {
    if (RISKY_TOOLS.some((tool) => p.tools[tool] && !aiToolApproved(policy, 'openai', p.id, tool)))
      add('openai/project-risky-tool-enabled', key('setting', p.id));
    const effective = p.retention === 'organization_default' ? org.retention : p.retention;
    if (policy.requireZeroDataRetention && !ZDR.has(effective))
      add('openai/zero-data-retention-off', key('setting', p.id));
    if (policy.requireModelAllowList && p.modelPermissions?.mode !== 'allow_list')
      add('openai/model-allow-list-absent', key('setting', p.id));
  }
}

function projectContent(
  org: OpenAIOrg,
  active: Project[],
  policy: TenantPolicy,
  keyed: string[],
  add: Add,
): void {
  for (const p of active) {
    if (!keyed.includes(p.id) || !org.scannerProjectKeys.has(p.id)) continue;
    for (const store of p.vectorStores)
      if (store.expiresAfterDays === null && store.status !== 'expired')
        add('openai/vector-store-without-expiry', key('setting', store.id));
    for (const assistant of p.assistants)
      if (
        assistant.tools.includes('code_interpreter') &&
        !aiToolApproved(policy, 'openai', p.id, 'code_interpreter')
      )
        add('openai/assistant-risky-tool-unapproved', key('setting', assistant.id));
    for (const file of p.files)
      if (DOWNLOADABLE.has(file.purpose) && plantedContentMatches(file.content))
        add('common/dlp-file-ai-upload', key('file', file.id));
  }
}
