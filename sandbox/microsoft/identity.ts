/**
 * The Microsoft identity platform endpoints under `/{tenant}/…`: OpenID configuration (what
 * msal-node fetches first), the JWKS, the v2 token endpoint for client credentials (client secret
 * or a certificate's client assertion, PS256 or RS256), and admin consent (v1 `/adminconsent`
 * and v2 `/v2.0/adminconsent`). Errors are Entra's flat OAuth bodies with AADSTS codes.
 */
import { constants, randomUUID, verify } from 'node:crypto';
import type { MicrosoftAuthState, TokenResource } from './auth.ts';
import { GRAPH_APP_ID, SHAREPOINT_APP_ID } from './catalog.ts';
import { provisionScanner, SCANNER_APP, scannerServicePrincipal, scannerSpId } from './scanner-app.ts';
import type { MicrosoftTenant } from './types.ts';
import type { GraphReply } from './wire.ts';

export interface IdentityContext {
  tenant: MicrosoftTenant;
  auth: MicrosoftAuthState;
  origin: string;
  /** The `client-request-id` the client sent, echoed as the correlation id. */
  correlationId?: string;
}

/** Resolves the `{tenant}` path segment: the tenant id or one of its verified domains. */
export function tenantMatches(tenant: MicrosoftTenant, segment: string): boolean {
  const s = segment.toLowerCase();
  return s === tenant.tenantId || s === tenant.domain || s === tenant.initialDomain;
}

function stamp(date = new Date()): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')}Z`;
}

export function aadError(
  ctx: IdentityContext,
  status: number,
  error: string,
  code: number,
  message: string,
): GraphReply {
  const traceId = randomUUID();
  const correlationId = ctx.correlationId ?? randomUUID();
  const timestamp = stamp();
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${message} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `${ctx.origin}/error?code=${code}`,
    },
  };
}

const tenantNotFound = (ctx: IdentityContext, segment: string, error = 'invalid_request') =>
  aadError(
    ctx,
    400,
    error,
    90002,
    `Tenant '${segment}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
  );

export function openIdConfiguration(ctx: IdentityContext, segment: string, v2: boolean): GraphReply {
  const generic = ['common', 'organizations'].includes(segment.toLowerCase());
  if (!generic && !tenantMatches(ctx.tenant, segment)) return tenantNotFound(ctx, segment, 'invalid_tenant');
  const tid = generic ? '{tenantid}' : ctx.tenant.tenantId;
  const base = `${ctx.origin}/${generic ? segment.toLowerCase() : tid}`;
  const version = v2 ? '/v2.0' : '';
  return {
    status: 200,
    body: {
      token_endpoint: `${base}/oauth2${version}/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: `${base}/discovery${version}/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: v2 ? `${ctx.origin}/${tid}/v2.0` : `https://sts.windows.net/${tid}/`,
      request_uri_parameter_supported: false,
      userinfo_endpoint: `${ctx.origin}/oidc/userinfo`,
      authorization_endpoint: `${base}/oauth2${version}/authorize`,
      device_authorization_endpoint: `${base}/oauth2${version}/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${base}/oauth2${version}/logout`,
      claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'tid', 'oid', 'roles'],
      tenant_region_scope: 'EU',
      cloud_instance_name: 'microsoftonline.com',
      cloud_graph_host_name: 'graph.windows.net',
      msgraph_host: 'graph.microsoft.com',
      rbac_url: 'https://pas.windows.net',
    },
  };
}

const GRAPH_RESOURCES = new Set([
  'https://graph.microsoft.com',
  'https://graph.microsoft.us',
  'https://dod-graph.microsoft.us',
  'https://microsoftgraph.chinacloudapi.cn',
  GRAPH_APP_ID,
]);

/** The API a `<resource>/.default` scope names, with the audience its tokens carry. */
function resourceOf(
  ctx: IdentityContext,
  resource: string,
): { resource: TokenResource; audience: string } | undefined {
  const bare = resource.replace(/\/+$/, '');
  if (GRAPH_RESOURCES.has(bare)) return { resource: 'graph', audience: 'https://graph.microsoft.com' };
  if (bare === ctx.origin) return { resource: 'origin', audience: ctx.origin };
  const prefix = ctx.tenant.sharepointPrefix;
  const hosts = [`${prefix}.sharepoint.com`, `${prefix}-admin.sharepoint.com`, `${prefix}-my.sharepoint.com`];
  if (bare === SHAREPOINT_APP_ID || hosts.some((h) => bare === `https://${h}`))
    return { resource: 'sharepoint', audience: SHAREPOINT_APP_ID };
  return undefined;
}

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

function verifyAssertion(ctx: IdentityContext, assertion: string, tokenUrl: string): GraphReply | undefined {
  const fail = (code: number, message: string) => aadError(ctx, 401, 'invalid_client', code, message);
  const [h, p, s] = assertion.split('.');
  if (!h || !p || !s) return fail(50027, 'JWT token is invalid or malformed.');
  let header: Record<string, unknown>;
  let payload: Record<string, unknown>;
  try {
    header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as Record<string, unknown>;
    payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return fail(50027, 'JWT token is invalid or malformed.');
  }
  const cert = ctx.auth.scanner.certificate;
  const x5tS256 = Buffer.from(cert.thumbprintSha256, 'hex').toString('base64url');
  const x5t = Buffer.from(cert.thumbprint, 'hex').toString('base64url');
  const presented = String(header['x5t#S256'] ?? header.x5t ?? '');
  if (presented !== x5tS256 && presented !== x5t) {
    return fail(
      700027,
      `Client assertion failed signature validation. [Reason - The key was not found., Thumbprint of key used by client: '${presented}']`,
    );
  }
  const data = Buffer.from(`${h}.${p}`);
  const signature = Buffer.from(s, 'base64url');
  const valid =
    header.alg === 'PS256'
      ? verify(
          'sha256',
          data,
          { key: cert.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 },
          signature,
        )
      : header.alg === 'RS256' && verify('RSA-SHA256', data, cert.publicKey, signature);
  if (!valid) return fail(700027, 'Client assertion failed signature validation.');
  if (payload.iss !== SCANNER_APP.appId || payload.sub !== SCANNER_APP.appId)
    return fail(700021, "Client assertion application identifier doesn't match 'client_id' parameter.");
  if (payload.aud !== tokenUrl && !String(payload.aud).endsWith('/oauth2/v2.0/token'))
    return fail(700212, 'No matching federated identity record found for presented assertion audience.');
  const nowSec = Date.now() / 1000;
  if (!(Number(payload.exp) > nowSec - 300) || Number(payload.nbf ?? 0) > nowSec + 300)
    return fail(700024, 'Client assertion is not within its valid time range.');
  return undefined;
}

/** `POST /{tenant}/oauth2/v2.0/token`: client credentials only (the scanner's grant). */
export function tokenEndpoint(ctx: IdentityContext, segment: string, form: URLSearchParams): GraphReply {
  if (!tenantMatches(ctx.tenant, segment)) return tenantNotFound(ctx, segment);
  const grantType = form.get('grant_type');
  if (grantType !== 'client_credentials') {
    return aadError(
      ctx,
      400,
      'unsupported_grant_type',
      70003,
      `The app requested an unsupported grant type '${grantType ?? ''}'.`,
    );
  }
  const clientId = form.get('client_id') ?? '';
  if (clientId !== SCANNER_APP.appId || !scannerServicePrincipal(ctx.tenant)) {
    return aadError(
      ctx,
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${ctx.tenant.displayName}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    );
  }
  const tokenUrl = `${ctx.origin}/${segment}/oauth2/v2.0/token`;
  let credential: 'secret' | 'certificate';
  const secret = form.get('client_secret');
  const assertion = form.get('client_assertion');
  if (secret !== null) {
    if (secret !== ctx.auth.scanner.clientSecret) {
      return aadError(
        ctx,
        401,
        'invalid_client',
        7000215,
        `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
      );
    }
    if (ctx.auth.secretExpired) {
      return aadError(
        ctx,
        401,
        'invalid_client',
        7000222,
        `The provided client secret keys for app '${clientId}' are expired.`,
      );
    }
    credential = 'secret';
  } else if (assertion !== null) {
    if (form.get('client_assertion_type') !== ASSERTION_TYPE) {
      return aadError(ctx, 400, 'invalid_request', 700023, "Invalid 'client_assertion_type' parameter.");
    }
    const failed = verifyAssertion(ctx, assertion, tokenUrl);
    if (failed) return failed;
    credential = 'certificate';
  } else {
    return aadError(
      ctx,
      401,
      'invalid_client',
      7000216,
      "'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type.",
    );
  }
  const scope = form.get('scope')?.trim();
  if (!scope) {
    return aadError(
      ctx,
      400,
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'scope'.",
    );
  }
  const scopes = scope.split(/\s+/);
  const resourceName =
    scopes.length === 1 && scopes[0]?.endsWith('/.default')
      ? scopes[0].slice(0, -'/.default'.length)
      : undefined;
  if (resourceName === undefined) {
    return aadError(
      ctx,
      400,
      'invalid_scope',
      1002012,
      `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    );
  }
  const resource = resourceOf(ctx, resourceName);
  if (!resource) {
    return aadError(
      ctx,
      400,
      'invalid_resource',
      500011,
      `The resource principal named ${resourceName} was not found in the tenant named ${ctx.tenant.displayName}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
    );
  }
  const token = ctx.auth.issue(ctx.tenant, resource.resource, credential, resource.audience);
  const lifetime = ctx.auth.tokenLifetimeSeconds;
  return {
    status: 200,
    body: { token_type: 'Bearer', expires_in: lifetime, ext_expires_in: lifetime, access_token: token },
  };
}

function errorPage(status: number, code: number, message: string): GraphReply {
  return {
    status,
    raw: {
      contentType: 'text/html; charset=utf-8',
      data: `<!DOCTYPE html><html><head><title>Sign in to your account</title></head><body><p>AADSTS${code}: ${message}</p></body></html>`,
    },
  };
}

/**
 * `GET /{tenant}/adminconsent` and `/{tenant}/v2.0/adminconsent`: the consent screen,
 * answered by the tenant's global admin with `auth.consentDecision` (or Cancel on the consent page,
 * `consent=deny`; consent-page.ts). Approval provisions
 * the scanner's service principal with the app's configured permissions.
 */
export function adminConsent(
  ctx: IdentityContext,
  segment: string,
  query: URLSearchParams,
  v2: boolean,
): GraphReply {
  const generic = ['common', 'organizations'].includes(segment.toLowerCase());
  if (!generic && !tenantMatches(ctx.tenant, segment)) {
    return errorPage(400, 90002, `Tenant '${segment}' not found.`);
  }
  const clientId = query.get('client_id') ?? '';
  if (clientId !== SCANNER_APP.appId) {
    return errorPage(
      400,
      700016,
      `Application with identifier '${clientId}' was not found in the directory.`,
    );
  }
  const redirectUri = query.get('redirect_uri');
  if (!redirectUri || (ctx.auth.redirectUris.length > 0 && !ctx.auth.redirectUris.includes(redirectUri))) {
    return errorPage(
      400,
      50011,
      `The redirect URI '${redirectUri ?? ''}' specified in the request does not match the redirect URIs configured for the application '${clientId}'.`,
    );
  }
  const target = new URL(redirectUri);
  const state = query.get('state');
  const scope = query.get('scope');
  if (v2 && !scope) {
    target.searchParams.set('error', 'invalid_request');
    target.searchParams.set(
      'error_description',
      "AADSTS900144: The request body must contain the following parameter: 'scope'.",
    );
  } else if (ctx.auth.consentDecision === 'deny' || query.get('consent') === 'deny') {
    target.searchParams.set('error', 'access_denied');
    target.searchParams.set('error_subcode', 'cancel');
    target.searchParams.set('error_description', 'AADSTS65004: User declined to consent to access the app.');
  } else {
    provisionScanner(
      ctx.tenant,
      scannerSpId(ctx.tenant.tenantId),
      ctx.auth.consentRoles,
      new Date().toISOString(),
    );
    target.searchParams.set('admin_consent', 'True');
    target.searchParams.set('tenant', ctx.tenant.tenantId);
    if (v2 && scope) target.searchParams.set('scope', scope);
  }
  if (state !== null) target.searchParams.set('state', state);
  return { status: 302, headers: { location: target.toString() } };
}
