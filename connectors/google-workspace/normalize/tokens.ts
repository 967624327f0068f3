/** Directory `tokens.list` entries → oauth_grant and app assets (MODEL.md). */
import type { admin_directory_v1 } from '@googleapis/admin';
import type { AssetInput } from '../../../scanner/model.ts';
import type { DirectoryUser } from '../client.ts';

export type DirectoryToken = admin_directory_v1.Schema$Token;

/** First and last use of a grant, from the Reports `token` events. */
export interface GrantUse {
  firstSeenAt: string | null;
  lastUsedAt: string | null;
}

export function grantExternalId(userId: string, clientId: string): string {
  return `${userId}:${clientId}`;
}

export function normalizeGrant(
  user: DirectoryUser,
  token: DirectoryToken,
  use: GrantUse | undefined,
  observedAt: string,
): AssetInput {
  if (!token.clientId)
    throw new Error(`google-workspace tokens.list for ${user.primaryEmail}: a token without clientId`);
  return {
    provider: 'google-workspace',
    kind: 'oauth_grant',
    externalId: grantExternalId(user.id as string, token.clientId),
    name: `${token.displayText || token.clientId} → ${user.primaryEmail}`,
    url: null,
    observedAt,
    appId: token.clientId,
    appName: token.displayText || token.clientId,
    principal: (user.primaryEmail as string).toLowerCase(),
    principalType: 'user',
    scopes: token.scopes ?? [],
    allResources: false,
    createdAt: use?.firstSeenAt ?? null,
    lastUsedAt: use?.lastUsedAt ?? null,
    attributes: {
      userId: user.id,
      nativeApp: token.nativeApp === true,
      anonymous: token.anonymous === true,
      principalSuspended: user.suspended === true,
    },
  };
}

export function normalizeApp(token: DirectoryToken, observedAt: string): AssetInput {
  const clientId = token.clientId as string;
  return {
    provider: 'google-workspace',
    kind: 'app',
    externalId: clientId,
    name: token.displayText || clientId,
    url: null,
    observedAt,
    appId: clientId,
    attributes: { nativeApp: token.nativeApp === true, anonymous: token.anonymous === true },
  };
}
