/** Service accounts of every active project (identity, `service_account`). */
import { defineStream } from '../../../scanner/connector.ts';
import type { OpenAIClient } from '../client.ts';
import type { OpenAICredentials } from '../credentials.ts';
import { PAGE_SIZE } from '../manifest.ts';
import { normalizeServiceAccount } from '../normalize/identities.ts';
import { listActiveProjects } from '../org-data.ts';
import { ServiceAccount } from '../schemas.ts';
import { perProject } from './fan-out.ts';

export const serviceAccountsStream = defineStream<OpenAICredentials, OpenAIClient>({
  name: 'service-accounts',
  kinds: ['identity'],
  async *collect(ctx) {
    const { client } = ctx;
    const projects = await listActiveProjects(client);
    const observedAt = new Date().toISOString();
    yield* perProject(client, projects, async (project) => {
      const accounts = await client.listAll(
        'GET /organization/projects/{id}/service_accounts',
        ServiceAccount,
        (signal) =>
          client.admin.admin.organization.projects.serviceAccounts.list(
            project.id,
            { limit: PAGE_SIZE },
            { signal },
          ),
      );
      return accounts.map((sa) => normalizeServiceAccount(sa, project, observedAt));
    });
  },
});
