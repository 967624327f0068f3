/**
 * The Microsoft 365 connector: an Entra app (client secret or certificate) admin-consented in the
 * customer tenant reads Graph with application permissions. See MODEL.md for the streams.
 */
import { defineConnector } from '../../scanner/connector.ts';
import { createMicrosoft365Client, type Microsoft365Client } from './client.ts';
import { fetchMicrosoftContent } from './content.ts';
import { Microsoft365Config, Microsoft365Credentials } from './credentials.ts';
import { appsStream } from './streams/apps.ts';
import { consentGrantsStream } from './streams/consent-grants.ts';
import { drivesStream } from './streams/drives.ts';
import { consentPolicyStream, sharepointSettingsStream, sharepointTenantStream } from './streams/settings.ts';
import { mfaRegistrationStream, signInActivityStream, usersStream } from './streams/users.ts';

export type { Microsoft365Client } from './client.ts';
export { Microsoft365Config, Microsoft365Credentials } from './credentials.ts';

export const microsoft365Connector = defineConnector<Microsoft365Credentials, Microsoft365Client>({
  provider: 'microsoft-365',
  credentials: Microsoft365Credentials,
  config: Microsoft365Config,
  createClient: createMicrosoft365Client,
  // Longest first: the drive fan-out starts while the other streams share the second lane.
  streams: [
    drivesStream,
    usersStream,
    appsStream,
    consentGrantsStream,
    consentPolicyStream,
    sharepointSettingsStream,
    sharepointTenantStream,
    signInActivityStream,
    mfaRegistrationStream,
  ],
  async verify(ctx) {
    // A token for the tenant (credentials, consent) and one cheap read.
    await ctx.client.call('GET /organization', 'Organization.Read.All', (graph) =>
      graph.api('/organization?$select=id').get(),
    );
  },
  fetchContent: fetchMicrosoftContent,
  // SharePoint throttles per app and tenant; downloads are heavy.
  contentRatePerSecond: 10,
});
