/**
 * Microsoft 365, admin consent (research §2.1): the customer's admin grants the multi-tenant
 * app its application permissions at /common/adminconsent; the callback brings `tenant` and
 * `admin_consent=True`. Neither proves anything (the browser can forge them), so the tenant is
 * recorded only once a client-credentials token for it is issued to the app.
 */
import type { z } from 'zod';
import { ApiError } from '../errors.ts';
import type { MicrosoftAppSettings } from './config.ts';
import { vendorCall, vendorReason } from './http.ts';
import type { ConnectionDraft } from './service.ts';

type Settings = z.infer<typeof MicrosoftAppSettings>;

/** An Entra tenant id (GUID) or a verified domain. */
const tenantPattern = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9.-]{1,253})$/i;

export function microsoftAuthorizationUrl(
  app: Settings,
  input: { state: string; redirectUri: string },
): string {
  const url = new URL(`${app.loginUrl.replace(/\/+$/, '')}/common/adminconsent`);
  url.search = new URLSearchParams({
    client_id: app.clientId,
    redirect_uri: input.redirectUri,
    state: input.state,
  }).toString();
  return url.toString();
}

export async function completeMicrosoft(
  app: Settings,
  input: { tenant: string; adminConsent: string | undefined },
): Promise<ConnectionDraft> {
  if (input.adminConsent !== 'True')
    throw new ApiError('vendor_permission_denied', 'the administrator did not grant admin consent', {
      field: 'admin_consent',
    });
  if (!tenantPattern.test(input.tenant))
    throw new ApiError('validation_failed', 'invalid request: tenant: not an Entra tenant id', {
      issues: [{ field: 'tenant', message: 'not an Entra tenant id' }],
    });
  const login = app.loginUrl.replace(/\/+$/, '');
  const token = await vendorCall(`${login}/${encodeURIComponent(input.tenant)}/oauth2/v2.0/token`, {
    method: 'POST',
    form: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: app.clientId,
      client_secret: app.clientSecret,
      scope: 'https://graph.microsoft.com/.default',
    }),
    ...(app.caCertificate ? { ca: app.caCertificate } : {}),
  });
  if (token.status !== 200 || typeof token.body.access_token !== 'string')
    throw new ApiError(
      'vendor_auth_failed',
      `Entra issued no token for tenant ${input.tenant}, so it is not recorded: ${vendorReason(token.body)}`,
      { status: token.status },
    );
  const config: Record<string, string> = { tenantId: input.tenant };
  if (login !== 'https://login.microsoftonline.com') config.authority = login;
  if (app.sharepointAdminUrl) config.sharepointAdminUrl = app.sharepointAdminUrl;
  if (app.caCertificate) config.caCertificate = app.caCertificate;
  return {
    name: `microsoft-365:${input.tenant}`,
    provider: 'microsoft-365',
    baseUrl: app.graphBaseUrl ?? null,
    config,
    credentials: { clientId: app.clientId, clientSecret: app.clientSecret },
  };
}
