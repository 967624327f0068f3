/**
 * API keys → api_key assets, from either wire version: 2023-06-01 says `workspace_id` (null =
 * the default workspace), 2026-10-21 says `scope` and `principal`. Last use comes from the usage
 * report (day precision); `usageLookbackDays` says how far back "never used" reaches.
 */
import { z } from 'zod';
import type { AssetInput } from '../../../scanner/model.ts';
import type { KeyUsage } from '../usage.ts';
import { isoOrNull, maybeString } from './fields.ts';

export const AnApiKey = z.object({
  id: z.string().min(1),
  name: z.string(),
  status: z.string(),
  created_at: maybeString,
  expires_at: maybeString,
  partial_key_hint: maybeString,
  created_by: z.object({ id: z.string(), type: z.string() }).nullish(),
  workspace_id: maybeString,
  scope: z.object({ type: z.string(), workspace_id: maybeString }).nullish(),
  principal: z.object({ type: z.string(), user_id: maybeString, service_account_id: maybeString }).nullish(),
});
export type AnApiKey = z.infer<typeof AnApiKey>;

/** The key's workspace id; null = the default workspace (2023-06-01) or an organization-scoped key. */
function workspaceOf(key: AnApiKey): string | null {
  if (key.scope) return key.scope.type === 'workspace' ? (key.scope.workspace_id ?? null) : null;
  return key.workspace_id ?? null;
}

export interface KeyContext {
  /** Usage report summary, or null when it could not be read (then use is unknown). */
  usage: KeyUsage | null;
  /** Current member ids, or null when the member list could not be read. */
  memberIds: ReadonlySet<string> | null;
}

export function normalizeApiKey(key: AnApiKey, context: KeyContext, observedAt: string): AssetInput {
  const creator = key.created_by ?? null;
  const principalId = key.principal?.user_id ?? key.principal?.service_account_id ?? null;
  const creatorIsMember =
    creator?.type === 'user' && context.memberIds ? context.memberIds.has(creator.id) : null;
  return {
    provider: 'anthropic',
    kind: 'api_key',
    externalId: key.id,
    name: key.name,
    observedAt,
    keyType: 'anthropic_api_key',
    owner: creator?.id ?? null,
    hint: key.partial_key_hint ?? null,
    createdAt: isoOrNull(key.created_at),
    expiresAt: isoOrNull(key.expires_at),
    lastUsedAt: context.usage?.lastUsedByKey.get(key.id) ?? null,
    usageTracked: context.usage !== null,
    attributes: {
      status: key.status,
      workspaceId: workspaceOf(key),
      scopeType: key.scope?.type ?? (key.workspace_id === undefined ? null : 'workspace'),
      creatorType: creator?.type ?? null,
      creatorIsMember,
      principalType: key.principal?.type ?? null,
      principalId,
      usageLookbackDays: context.usage?.lookbackDays ?? null,
      usageWindowStart: context.usage?.windowStart ?? null,
    },
  };
}
