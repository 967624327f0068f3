/**
 * The connect flows end to end: start (a pending flow, a signed state, the vendor URL) and
 * callback (state checked, flow taken once, its token still allowed, the vendor's answer
 * verified, then the connection created or, for the same account, its credentials replaced).
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { createConnection, listConnections, updateConnection } from '../../db/connections.ts';
import { apiTokens } from '../../db/schema.ts';
import type { SecretBox } from '../../runtime/secrets.ts';
import type { Provider } from '../../scanner/model.ts';
import { ApiError } from '../errors.ts';
import type { TokenIdentity } from '../route.ts';
import { type ConnectSettings, loadConnectSettings, stateSecret } from './config.ts';
import { completeGitHub, githubAuthorizationUrl } from './github.ts';
import { completeGoogle, googleAuthorizationUrl } from './google.ts';
import { completeMicrosoft, microsoftAuthorizationUrl } from './microsoft.ts';
import { type PendingFlow, pendingFlows } from './pending.ts';
import { createPkce } from './pkce.ts';
import type { ConnectProvider } from './providers.ts';
import { signState, stateLifetimeMs, verifyState } from './state.ts';

/** What a completed flow stores. */
export interface ConnectionDraft {
  name: string;
  provider: Provider;
  baseUrl: string | null;
  config: Record<string, string>;
  credentials: unknown;
}

export interface ConnectService {
  settings: ConnectSettings;
  /** Seals the credentials the flows obtain, and the PKCE verifiers of pending flows. */
  box: SecretBox;
  /** HMAC key of the states. */
  secret: Buffer;
}

export function createConnectService(options: {
  settings: ConnectSettings;
  box: SecretBox;
  secret: Buffer;
}): ConnectService {
  return { ...options };
}

export function callbackUrl(settings: ConnectSettings, provider: ConnectProvider): string {
  return `${settings.publicUrl.replace(/\/+$/, '')}/v1/connect/${provider}/callback`;
}

/** The connect service, or a clear error when the installation has none or lacks the provider. */
export function requireProvider<P extends ConnectProvider>(
  service: ConnectService | undefined,
  provider: P,
): { service: ConnectService; app: NonNullable<ConnectSettings[P]> } {
  const app = service?.settings[provider];
  if (!service || !app)
    throw new ApiError(
      'invalid_request',
      `connecting ${provider} is not configured on this installation (PERISCOPE_CONNECT_CONFIG, section "${provider}")`,
      { provider },
    );
  return { service, app: app as NonNullable<ConnectSettings[P]> };
}

export interface StartedFlow {
  authorizationUrl: string;
  expiresAt: Date;
}

export async function startFlow(
  db: Database,
  service: ConnectService,
  provider: ConnectProvider,
  who: { tenantId: string; token: TokenIdentity },
  input: { adminEmail?: string; org?: string },
): Promise<StartedFlow> {
  const { app } = requireProvider(service, provider);
  const expiresAt = Date.now() + stateLifetimeMs;
  const pkce = provider === 'google' ? createPkce() : undefined;
  const account = provider === 'google' ? input.adminEmail : provider === 'github' ? input.org : undefined;
  const flow: PendingFlow = {
    tenantId: who.tenantId,
    provider,
    tokenId: who.token.id,
    expiresAt,
    ...(pkce ? { codeVerifier: pkce.verifier } : {}),
    ...(account ? { account } : {}),
  };
  const nonce = await pendingFlows(db, service.box).add(flow);
  const state = signState(service.secret, {
    n: nonce,
    t: who.tenantId,
    p: provider,
    k: who.token.id,
    e: expiresAt,
  });
  const redirectUri = callbackUrl(service.settings, provider);
  let authorizationUrl: string;
  if (provider === 'google')
    authorizationUrl = googleAuthorizationUrl(app as NonNullable<ConnectSettings['google']>, {
      state,
      redirectUri,
      codeChallenge: pkce!.challenge,
      adminEmail: input.adminEmail ?? '',
    });
  else if (provider === 'microsoft')
    authorizationUrl = microsoftAuthorizationUrl(app as NonNullable<ConnectSettings['microsoft']>, {
      state,
      redirectUri,
    });
  else authorizationUrl = githubAuthorizationUrl(app as NonNullable<ConnectSettings['github']>, { state });
  return { authorizationUrl, expiresAt: new Date(expiresAt) };
}

/**
 * The flow a callback's state names, taken (so never twice), after checking that the state is
 * genuine, current and for this provider, that it matches the flow stored for its nonce (tenant,
 * provider, token), and that the token that started it is still live and reaches the tenant.
 */
export async function takeFlow(
  db: Database,
  service: ConnectService,
  provider: ConnectProvider,
  state: string,
): Promise<PendingFlow> {
  const payload = verifyState(service.secret, state, provider);
  const flow = await pendingFlows(db, service.box).take(payload.n);
  if (!flow)
    throw new ApiError(
      'invalid_request',
      'connect state rejected: it was already used, or its flow expired; start again',
      { reason: 'state_replayed' },
    );
  if (flow.tenantId !== payload.t || flow.provider !== payload.p || flow.tokenId !== payload.k)
    throw new ApiError('forbidden', 'connect state rejected: it does not match the flow it names', {
      reason: 'state_mismatch',
    });
  const [token] = await db
    .select({ tenantId: apiTokens.tenantId, scopes: apiTokens.scopes })
    .from(apiTokens)
    .where(and(eq(apiTokens.id, flow.tokenId), isNull(apiTokens.revokedAt)));
  if (
    !token ||
    (token.tenantId !== null && token.tenantId !== flow.tenantId) ||
    !token.scopes.includes('connections:write')
  )
    throw new ApiError(
      'forbidden',
      'connect state rejected: the API token that started the flow was revoked',
      {
        reason: 'token_revoked',
      },
    );
  return flow;
}

export interface CallbackInput {
  code?: string;
  tenant?: string;
  adminConsent?: string;
  installationId?: string;
}

/** Verifies the vendor's answer for this flow and returns the connection to store. */
export function completeFlow(
  service: ConnectService,
  provider: ConnectProvider,
  flow: PendingFlow,
  input: CallbackInput,
): Promise<ConnectionDraft> {
  const missing = (field: string) =>
    new ApiError('validation_failed', `invalid request: ${field}: required`, {
      issues: [{ field, message: 'required' }],
    });
  if (provider === 'google') {
    if (!input.code) throw missing('code');
    const { app } = requireProvider(service, 'google');
    return completeGoogle(app, {
      code: input.code,
      codeVerifier: flow.codeVerifier ?? '',
      redirectUri: callbackUrl(service.settings, 'google'),
      adminEmail: flow.account ?? '',
    });
  }
  if (provider === 'microsoft') {
    if (!input.tenant) throw missing('tenant');
    const { app } = requireProvider(service, 'microsoft');
    return completeMicrosoft(app, { tenant: input.tenant, adminConsent: input.adminConsent });
  }
  if (!input.installationId) throw missing('installation_id');
  const { app } = requireProvider(service, 'github');
  return completeGitHub(app, { installationId: input.installationId, org: flow.account ?? '' });
}

/** Stores the connection: a new one, or new credentials for the tenant's connection of that account. */
export async function saveConnection(
  db: Database,
  service: ConnectService,
  tenantId: string,
  draft: ConnectionDraft,
): Promise<{ id: string; name: string; provider: Provider; created: boolean }> {
  const existing = (await listConnections(db, tenantId)).find((c) => c.name === draft.name);
  if (existing) {
    if (existing.provider !== draft.provider)
      throw new ApiError(
        'conflict',
        `this tenant already has a ${existing.provider} connection named "${draft.name}"`,
      );
    await updateConnection(db, service.box, tenantId, existing.id, draft);
    return { id: existing.id, name: existing.name, provider: draft.provider, created: false };
  }
  const row = await createConnection(db, service.box, { tenantId, ...draft });
  return { id: row.id, name: row.name, provider: draft.provider, created: true };
}

/** The service from the installation's configuration (config.ts), or undefined when none is set. */
export function loadConnectService(
  box: SecretBox,
  env: NodeJS.ProcessEnv = process.env,
): ConnectService | undefined {
  const settings = loadConnectSettings(env);
  return settings ? createConnectService({ settings, box, secret: stateSecret(env) }) : undefined;
}
