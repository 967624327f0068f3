/** What every connect callback does with the state it receives and the vendor's answer. */
import type { Database } from '../../db/client.ts';
import { getTenantById } from '../../db/tenants.ts';
import { ApiError } from '../errors.ts';
import type { ApiDeps } from '../route.ts';
import type { ConnectProvider } from './providers.ts';
import { type CallbackInput, completeFlow, requireProvider, saveConnection, takeFlow } from './service.ts';

export async function handleCallback(
  deps: ApiDeps,
  provider: ConnectProvider,
  state: string,
  vendorError: { error?: string | undefined; error_description?: string | undefined },
  input: CallbackInput,
) {
  const { service } = requireProvider(deps.connect, provider);
  const db: Database = deps.db;
  const flow = await takeFlow(db, service, provider, state);
  if (vendorError.error)
    throw new ApiError(
      'vendor_permission_denied',
      `${provider} did not grant access: ${vendorError.error}${vendorError.error_description ? ` (${vendorError.error_description})` : ''}`,
      { vendorError: vendorError.error },
    );
  const draft = await completeFlow(service, provider, flow, input);
  const connection = await saveConnection(db, service, flow.tenantId, draft);
  const tenant = await getTenantById(db, flow.tenantId);
  return { connection, tenant: { id: tenant.id, slug: tenant.slug } };
}
